/** Public surface of the LLM core: catalog, capability, prompts, checks, merge and the service. */
export * from './apply';
export * from './capability';
export * from './catalog';
export * from './engine';
export * from './guard';
export * from './json-repair';
export * from './merge';
export * from './prompts';
export * from './queue';
export * from './schemas';
export * from './service';
