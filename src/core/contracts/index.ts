export type * from './parse-api';
export type * from './match-api';
export type * from './embed-api';
export type * from './llm-api';
export type * from './search-api';
export type * from './ocr-api';
export type * from './seeker-api';
