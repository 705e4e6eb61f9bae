export * from './model';
export * from './analytics';
