/** Public surface of the cache module. */
export { LruCache, type CacheStats, type LruCacheOptions } from './lru-cache';
export { cacheKey, fnv1a64, stableStringify } from './hash';
export { allCacheStats, registerCache } from './registry';
