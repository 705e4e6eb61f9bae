/**
 * The list of live caches, for the performance dashboard. A cache is listed only when its owner
 * registers it (module-level caches do so once), so short-lived caches in tests stay out.
 */
import type { CacheStats, LruCache } from './lru-cache';

const registered = new Set<LruCache<unknown, unknown>>();

/** Lists the cache on the dashboard; returns a function that removes it again. */
export function registerCache<K, V>(cache: LruCache<K, V>): () => void {
  const entry = cache as unknown as LruCache<unknown, unknown>;
  registered.add(entry);
  return () => {
    registered.delete(entry);
  };
}

/** Stats of every registered cache, sorted by name. */
export function allCacheStats(): CacheStats[] {
  return [...registered].map((cache) => cache.stats()).sort((a, b) => a.name.localeCompare(b.name));
}
