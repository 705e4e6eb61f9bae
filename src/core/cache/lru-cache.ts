/**
 * The one LRU + TTL cache used by every cache in the app (match results, query embeddings,
 * search results, LLM responses, rendered previews). Pure core: no DOM, no Node.
 *
 * Invalidation by data version: the cache holds one current `version` (a number or string the
 * owner bumps when the data behind the cache changes, e.g. the library's change counter).
 * `setVersion(v)` with a different value drops every entry, and a compute that started under
 * the old version still answers its own callers but is not stored. Keys can additionally embed
 * content hashes (see `cacheKey`) so that unrelated data changes need not clear the cache.
 */
import { AbortedError } from '../errors';
import { Cancellation, type CancelSignal } from '../llm/engine';

export interface LruCacheOptions<K, V> {
  /** Shown on the performance dashboard. */
  name: string;
  /** Most entries kept; the least recently used one is evicted beyond this. */
  maxEntries: number;
  /** Entries older than this are treated as absent. `Infinity` keeps them until evicted. */
  ttlMs: number;
  /** Optional bound on the summed `sizeOf` of all entries. */
  maxBytes?: number;
  /** Estimated size of one entry in bytes; defaults to 0 (only maxEntries bounds the cache). */
  sizeOf?: (value: V, key: K) => number;
  /** Clock in milliseconds; injectable for tests. Defaults to performance.now(). */
  now?: () => number;
  /** Initial data version. */
  version?: string | number;
}

export interface CacheStats {
  name: string;
  size: number;
  maxEntries: number;
  hits: number;
  misses: number;
  /** hits / (hits + misses), 0 when there were no lookups. */
  hitRate: number;
  /** Entries removed to respect maxEntries / maxBytes (including values too big to store). */
  evictions: number;
  /** Entries found past their TTL. */
  expirations: number;
  /** Entries dropped by invalidate(), setVersion() or clear(). */
  invalidations: number;
  bytes: number;
  maxBytes: number;
  /** Computes currently running in getOrCompute. */
  inFlight: number;
  /** getOrCompute calls that joined a compute already running (also counted as hits). */
  deduplicated: number;
  version: string | number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  bytes: number;
}

interface InFlight<V> {
  promise: Promise<V>;
  /** The compute's own cancel switch: pulled only when every joined caller has aborted. */
  cancellation: Cancellation;
  /** Joined callers that can still want the value (a caller without a signal always does). */
  waiting: number;
}

export class LruCache<K, V> {
  readonly name: string;
  readonly maxEntries: number;
  readonly ttlMs: number;
  readonly maxBytes: number;
  readonly #sizeOf: (value: V, key: K) => number;
  readonly #now: () => number;
  /** Map iteration order is insertion order: the first key is the least recently used. */
  readonly #entries = new Map<K, Entry<V>>();
  readonly #inFlight = new Map<K, InFlight<V>>();
  #version: string | number;
  #bytes = 0;
  #hits = 0;
  #misses = 0;
  #evictions = 0;
  #expirations = 0;
  #invalidations = 0;
  #deduplicated = 0;

  constructor(options: LruCacheOptions<K, V>) {
    if (!(options.maxEntries >= 1)) throw new RangeError(`Cache ${options.name}: maxEntries must be >= 1`);
    if (!(options.ttlMs > 0)) throw new RangeError(`Cache ${options.name}: ttlMs must be > 0`);
    this.name = options.name;
    this.maxEntries = Math.floor(options.maxEntries);
    this.ttlMs = options.ttlMs;
    this.maxBytes = options.maxBytes ?? Infinity;
    this.#sizeOf = options.sizeOf ?? (() => 0);
    this.#now = options.now ?? (() => performance.now());
    this.#version = options.version ?? 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  get version(): string | number {
    return this.#version;
  }

  /** The value, refreshed as most recently used; undefined when absent or expired. Counts a hit or miss. */
  get(key: K): V | undefined {
    const entry = this.#live(key);
    if (!entry) {
      this.#misses += 1;
      return undefined;
    }
    this.#hits += 1;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** True when a live entry exists. Does not touch recency or hit counters. */
  has(key: K): boolean {
    return this.#live(key) !== undefined;
  }

  set(key: K, value: V): void {
    const bytes = this.#sizeOf(value, key);
    this.#remove(key);
    if (bytes > this.maxBytes) {
      // Storing it would evict everything else and still break the bound.
      this.#evictions += 1;
      return;
    }
    this.#entries.set(key, { value, expiresAt: this.#now() + this.ttlMs, bytes });
    this.#bytes += bytes;
    this.#evictOverflow();
  }

  /** Removes the entry and forgets a running compute for it (its result will not be stored). */
  delete(key: K): boolean {
    this.#inFlight.delete(key);
    const removed = this.#remove(key);
    if (removed) this.#invalidations += 1;
    return removed;
  }

  clear(): void {
    this.#invalidations += this.#entries.size;
    this.#entries.clear();
    this.#inFlight.clear();
    this.#bytes = 0;
  }

  /**
   * Drops entries (and running computes) whose key matches; returns how many entries were
   * dropped. `value` is undefined for a compute still running (its result will not be stored).
   */
  invalidate(predicate: (key: K, value: V | undefined) => boolean): number {
    let dropped = 0;
    for (const [key, entry] of [...this.#entries]) {
      if (predicate(key, entry.value)) {
        this.#remove(key);
        dropped += 1;
      }
    }
    for (const key of [...this.#inFlight.keys()]) {
      if (predicate(key, undefined)) this.#inFlight.delete(key);
    }
    this.#invalidations += dropped;
    return dropped;
  }

  /** Switches to a new data version: with a different value, everything cached so far is dropped. */
  setVersion(version: string | number): void {
    if (version === this.#version) return;
    this.#version = version;
    this.clear();
  }

  /**
   * The cached value, or the result of `compute` stored under `key`. Concurrent callers for the
   * same key share one running compute. A compute that rejects is not cached: the next call
   * tries again (a failure is often transient: a model still loading, a worker restarting).
   *
   * Cancellation: the shared compute runs under its own signal (the one `compute` receives), not
   * under any caller's. A caller whose `signal` aborts is rejected at once with AbortedError; the
   * compute is cancelled only when every joined caller has aborted (so an effect that aborts A and
   * then asks B for the same key gets B its answer). A caller without a signal never aborts.
   */
  getOrCompute(key: K, compute: (signal: CancelSignal) => Promise<V>, signal?: CancelSignal): Promise<V> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    const entry = this.#live(key);
    if (entry) {
      this.#hits += 1;
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return Promise.resolve(entry.value);
    }
    const running = this.#inFlight.get(key);
    if (running) {
      this.#hits += 1;
      this.#deduplicated += 1;
      return this.#join(key, running, signal);
    }
    this.#misses += 1;
    const startedVersion = this.#version;
    const cancellation = new Cancellation();
    const flight: InFlight<V> = {
      cancellation,
      waiting: 0,
      promise: Promise.resolve()
        .then(() => compute(cancellation))
        .then(
          (value) => {
            // Store only when nothing invalidated this compute while it ran.
            if (this.#inFlight.get(key) === flight && this.#version === startedVersion) this.set(key, value);
            if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
            return value;
          },
          (error: unknown) => {
            if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
            throw error;
          },
        ),
    };
    // Joiners handle the outcome; this keeps a compute whose callers all left from reporting an
    // unhandled rejection.
    flight.promise.catch(() => undefined);
    this.#inFlight.set(key, flight);
    return this.#join(key, flight, signal);
  }

  #join(key: K, flight: InFlight<V>, signal: CancelSignal | undefined): Promise<V> {
    flight.waiting += 1;
    if (!signal) return flight.promise;
    return new Promise<V>((resolve, reject) => {
      const onAbort = (): void => {
        flight.waiting -= 1;
        if (flight.waiting === 0) {
          // Nobody wants it any more: stop the work and let the next caller start afresh.
          if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
          flight.cancellation.cancel();
        }
        reject(new AbortedError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          // Passed on as it came: the compute's own error (usually a ShortlistError).
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(error);
        },
      );
    });
  }

  /** Removes expired entries now (they are otherwise removed lazily when looked up or evicted). */
  purgeExpired(): number {
    const now = this.#now();
    let purged = 0;
    for (const [key, entry] of [...this.#entries]) {
      if (entry.expiresAt <= now) {
        this.#remove(key);
        this.#expirations += 1;
        purged += 1;
      }
    }
    return purged;
  }

  /** Keys from least to most recently used (live and not yet purged). */
  keys(): K[] {
    return [...this.#entries.keys()];
  }

  stats(): CacheStats {
    const lookups = this.#hits + this.#misses;
    return {
      name: this.name,
      size: this.#entries.size,
      maxEntries: this.maxEntries,
      hits: this.#hits,
      misses: this.#misses,
      hitRate: lookups === 0 ? 0 : this.#hits / lookups,
      evictions: this.#evictions,
      expirations: this.#expirations,
      invalidations: this.#invalidations,
      bytes: this.#bytes,
      maxBytes: this.maxBytes,
      inFlight: this.#inFlight.size,
      deduplicated: this.#deduplicated,
      version: this.#version,
    };
  }

  /** Zeroes the counters (not the entries), e.g. before a benchmark run. */
  resetStats(): void {
    this.#hits = 0;
    this.#misses = 0;
    this.#evictions = 0;
    this.#expirations = 0;
    this.#invalidations = 0;
    this.#deduplicated = 0;
  }

  #live(key: K): Entry<V> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#remove(key);
      this.#expirations += 1;
      return undefined;
    }
    return entry;
  }

  #remove(key: K): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
    return true;
  }

  #evictOverflow(): void {
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) return;
      this.#remove(oldest.value);
      this.#evictions += 1;
    }
  }
}
