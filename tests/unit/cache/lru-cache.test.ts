import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src/core/cache/lru-cache';
import { AbortedError } from '../../../src/core/errors';
import { allCacheStats, registerCache } from '../../../src/core/cache/registry';

function clock(start = 0) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LruCache', () => {
  it('evicts the least recently used entry, where get refreshes recency', () => {
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 3, ttlMs: Infinity });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // a is now most recent; b is the oldest
    cache.set('d', 4);
    expect(cache.has('b')).toBe(false);
    expect(cache.keys()).toEqual(['c', 'a', 'd']);
    expect(cache.stats().evictions).toBe(1);
  });

  it('replacing a key does not grow the cache or evict others', () => {
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 2, ttlMs: Infinity });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBe(2);
    expect(cache.stats().evictions).toBe(0);
  });

  it('expires entries after ttlMs using the injected clock', () => {
    const time = clock();
    const cache = new LruCache<string, string>({ name: 't', maxEntries: 10, ttlMs: 1000, now: time.now });
    cache.set('k', 'v');
    time.advance(999);
    expect(cache.get('k')).toBe('v');
    time.advance(1);
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
    const stats = cache.stats();
    expect(stats.expirations).toBe(1);
    expect(stats.hits).toBe(1);
    expect(stats.misses).toBe(1);
  });

  it('purgeExpired removes only expired entries', () => {
    const time = clock();
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 10, ttlMs: 100, now: time.now });
    cache.set('old', 1);
    time.advance(60);
    cache.set('new', 2);
    time.advance(50);
    expect(cache.purgeExpired()).toBe(1);
    expect(cache.keys()).toEqual(['new']);
  });

  it('respects maxBytes and refuses a value larger than the whole budget', () => {
    const cache = new LruCache<string, string>({
      name: 't',
      maxEntries: 100,
      ttlMs: Infinity,
      maxBytes: 10,
      sizeOf: (value) => value.length,
    });
    cache.set('a', 'xxxx');
    cache.set('b', 'yyyy');
    expect(cache.stats().bytes).toBe(8);
    cache.set('c', 'zzzz'); // 12 bytes > 10: evict a
    expect(cache.keys()).toEqual(['b', 'c']);
    expect(cache.stats().bytes).toBe(8);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.has('huge')).toBe(false);
    expect(cache.keys()).toEqual(['b', 'c']);
    cache.delete('b');
    expect(cache.stats().bytes).toBe(4);
  });

  it('shares one running compute between concurrent callers', async () => {
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 10, ttlMs: Infinity });
    const gate = deferred<number>();
    let calls = 0;
    const compute = () => {
      calls += 1;
      return gate.promise;
    };
    const first = cache.getOrCompute('k', compute);
    const second = cache.getOrCompute('k', compute);
    expect(cache.stats().inFlight).toBe(1);
    gate.resolve(42);
    await expect(Promise.all([first, second])).resolves.toEqual([42, 42]);
    expect(calls).toBe(1);
    await expect(cache.getOrCompute('k', compute)).resolves.toBe(42);
    expect(calls).toBe(1);
    const stats = cache.stats();
    expect(stats).toMatchObject({ misses: 1, hits: 2, deduplicated: 1, inFlight: 0, size: 1 });
    expect(stats.hitRate).toBeCloseTo(2 / 3);
  });

  it('does not cache a rejected compute, and the next call tries again', async () => {
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 10, ttlMs: Infinity });
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error('model not ready'));
    };
    const a = cache.getOrCompute('k', failing);
    const b = cache.getOrCompute('k', failing);
    await expect(a).rejects.toThrow('model not ready');
    await expect(b).rejects.toThrow('model not ready');
    expect(calls).toBe(1);
    expect(cache.has('k')).toBe(false);
    expect(cache.stats().inFlight).toBe(0);
    await expect(cache.getOrCompute('k', () => Promise.resolve(7))).resolves.toBe(7);
    expect(cache.get('k')).toBe(7);
  });

  it('a compute that throws synchronously rejects instead of throwing', async () => {
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 10, ttlMs: Infinity });
    const result = cache.getOrCompute('k', () => {
      throw new Error('sync');
    });
    await expect(result).rejects.toThrow('sync');
    expect(cache.stats().inFlight).toBe(0);
  });

  it('setVersion drops old entries and does not store a compute started under the old version', async () => {
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 10, ttlMs: Infinity, version: 1 });
    cache.set('a', 1);
    const gate = deferred<number>();
    const running = cache.getOrCompute('b', () => gate.promise);
    cache.setVersion(2);
    expect(cache.has('a')).toBe(false);
    gate.resolve(5);
    await expect(running).resolves.toBe(5); // its caller still gets the answer
    expect(cache.has('b')).toBe(false);
    cache.setVersion(2); // same version: nothing dropped
    cache.set('c', 3);
    cache.setVersion(2);
    expect(cache.get('c')).toBe(3);
    expect(cache.stats().version).toBe(2);
  });

  it('invalidate drops matching entries and running computes', async () => {
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 10, ttlMs: Infinity });
    cache.set('job1|r1', 1);
    cache.set('job1|r2', 2);
    cache.set('job2|r1', 3);
    const gate = deferred<number>();
    const running = cache.getOrCompute('job1|r3', () => gate.promise);
    expect(cache.invalidate((key) => key.startsWith('job1|'))).toBe(2);
    expect(cache.keys()).toEqual(['job2|r1']);
    gate.resolve(9);
    await running;
    expect(cache.has('job1|r3')).toBe(false);
    expect(cache.stats().invalidations).toBe(2);
  });

  it('a delete during a compute lets a new caller start a fresh compute', async () => {
    const cache = new LruCache<string, number>({ name: 't', maxEntries: 10, ttlMs: Infinity });
    const stale = deferred<number>();
    const first = cache.getOrCompute('k', () => stale.promise);
    cache.delete('k');
    const second = cache.getOrCompute('k', () => Promise.resolve(2));
    await expect(second).resolves.toBe(2);
    stale.resolve(1);
    await expect(first).resolves.toBe(1);
    expect(cache.get('k')).toBe(2); // the stale result did not overwrite the fresh one
  });

  it('rejects nonsensical options', () => {
    expect(() => new LruCache({ name: 't', maxEntries: 0, ttlMs: 1 })).toThrow(RangeError);
    expect(() => new LruCache({ name: 't', maxEntries: 1, ttlMs: 0 })).toThrow(RangeError);
  });

  it('registry lists registered caches until unregistered', () => {
    const cache = new LruCache<string, number>({ name: 'zz-registry-test', maxEntries: 1, ttlMs: 1 });
    const unregister = registerCache(cache);
    expect(allCacheStats().map((stats) => stats.name)).toContain('zz-registry-test');
    unregister();
    expect(allCacheStats().map((stats) => stats.name)).not.toContain('zz-registry-test');
  });
});

describe('getOrCompute: shared in-flight work and cancellation', () => {
  function cache() {
    return new LruCache<string, number>({ name: 'abort', maxEntries: 10, ttlMs: Infinity });
  }

  it('abort A, then ask B for the same key: B gets the value (a fresh compute), A is rejected', async () => {
    const lru = cache();
    const signals: { aborted: boolean }[] = [];
    const gates = [deferred<number>(), deferred<number>()];
    const compute = (signal: { aborted: boolean }) => {
      signals.push(signal);
      return gates[signals.length - 1]!.promise;
    };
    const a = new AbortController();
    const fromA = lru.getOrCompute('k', compute, a.signal);
    await Promise.resolve();
    a.abort();
    await expect(fromA).rejects.toBeInstanceOf(AbortedError);
    const b = new AbortController();
    const fromB = lru.getOrCompute('k', compute, b.signal);
    await Promise.resolve();
    gates[1]!.resolve(7);
    gates[0]!.resolve(-1);
    await expect(fromB).resolves.toBe(7);
    expect(signals[0]?.aborted).toBe(true); // A's compute was cancelled: nobody wanted it
    expect(signals[1]?.aborted).toBe(false);
    expect(lru.get('k')).toBe(7);
  });

  it('B joins A, then A aborts: the one compute goes on for B and is not cancelled', async () => {
    const lru = cache();
    const gate = deferred<number>();
    let runs = 0;
    let shared: { aborted: boolean } | undefined;
    const compute = (signal: { aborted: boolean }) => {
      runs += 1;
      shared = signal;
      return gate.promise;
    };
    const a = new AbortController();
    const b = new AbortController();
    const fromA = lru.getOrCompute('k', compute, a.signal);
    const fromB = lru.getOrCompute('k', compute, b.signal);
    a.abort();
    await expect(fromA).rejects.toBeInstanceOf(AbortedError);
    gate.resolve(5);
    await expect(fromB).resolves.toBe(5);
    expect(runs).toBe(1);
    expect(shared?.aborted).toBe(false);
  });

  it('the compute is cancelled only when every joined caller has aborted', async () => {
    const lru = cache();
    let shared: { aborted: boolean } | undefined;
    const compute = (signal: { aborted: boolean }) => {
      shared = signal;
      return new Promise<number>(() => undefined);
    };
    const callers = [new AbortController(), new AbortController(), new AbortController()];
    const results = callers.map((caller) =>
      lru.getOrCompute('k', compute, caller.signal).catch((e: unknown) => e),
    );
    await Promise.resolve();
    callers[0]!.abort();
    callers[1]!.abort();
    await Promise.resolve();
    expect(shared?.aborted).toBe(false);
    callers[2]!.abort();
    expect(shared?.aborted).toBe(true);
    for (const result of await Promise.all(results)) expect(result).toBeInstanceOf(AbortedError);
  });

  it('a caller without a signal keeps the compute alive', async () => {
    const lru = cache();
    const gate = deferred<number>();
    let shared: { aborted: boolean } | undefined;
    const a = new AbortController();
    const fromA = lru.getOrCompute(
      'k',
      (signal) => {
        shared = signal;
        return gate.promise;
      },
      a.signal,
    );
    const plain = lru.getOrCompute('k', () => Promise.resolve(-1));
    a.abort();
    await expect(fromA).rejects.toBeInstanceOf(AbortedError);
    expect(shared?.aborted).toBe(false);
    gate.resolve(9);
    await expect(plain).resolves.toBe(9);
  });

  it('an already aborted signal is rejected without computing', async () => {
    const lru = cache();
    const a = new AbortController();
    a.abort();
    let runs = 0;
    await expect(lru.getOrCompute('k', () => Promise.resolve(++runs), a.signal)).rejects.toBeInstanceOf(
      AbortedError,
    );
    expect(runs).toBe(0);
  });
});
