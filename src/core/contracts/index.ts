export type * from './parse-api';
export type * from './match-api';
