import { describe, expect, it } from 'vitest';
import { Histogram, nearestRank } from '../../../src/core/metrics/histogram';
import { MetricsRegistry } from '../../../src/core/metrics/registry';
import { TARGETS } from '../../../src/core/metrics/targets';

/** Deterministic pseudo-random numbers (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Brute force nearest rank: the smallest sample with at least p % of samples <= it. */
function bruteForcePercentile(samples: number[], percent: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  for (const candidate of sorted) {
    const atOrBelow = sorted.filter((value) => value <= candidate).length;
    if (atOrBelow / sorted.length >= percent / 100) return candidate;
  }
  return Number.NaN;
}

describe('nearestRank', () => {
  it('follows the nearest-rank definition on small known inputs', () => {
    expect(nearestRank([15, 20, 35, 40, 50], 30)).toBe(20);
    expect(nearestRank([15, 20, 35, 40, 50], 40)).toBe(20);
    expect(nearestRank([15, 20, 35, 40, 50], 50)).toBe(35);
    expect(nearestRank([15, 20, 35, 40, 50], 100)).toBe(50);
    expect(nearestRank([7], 99)).toBe(7);
    expect(nearestRank([], 50)).toBeNaN();
  });
});

describe('Histogram', () => {
  it('computes p50/p95/p99 equal to a brute-force reference on random data', () => {
    const next = random(42);
    for (const n of [1, 2, 19, 100, 537]) {
      const histogram = new Histogram(1000);
      const samples = Array.from({ length: n }, () => Math.round(next() * 10_000) / 10);
      for (const sample of samples) histogram.add(sample, true);
      const summary = histogram.summary();
      expect(summary.p50).toBe(bruteForcePercentile(samples, 50));
      expect(summary.p95).toBe(bruteForcePercentile(samples, 95));
      expect(summary.p99).toBe(bruteForcePercentile(samples, 99));
      expect(summary.mean).toBeCloseTo(samples.reduce((a, b) => a + b, 0) / n, 9);
      expect(summary.min).toBe(Math.min(...samples));
      expect(summary.max).toBe(Math.max(...samples));
    }
  });

  it('keeps only the last `capacity` samples but counts every operation', () => {
    const histogram = new Histogram(100);
    const all = Array.from({ length: 250 }, (_, i) => i);
    for (const sample of all) histogram.add(sample, true);
    const summary = histogram.summary();
    expect(summary.count).toBe(250);
    expect(summary.windowCount).toBe(100);
    expect(histogram.samples()).toEqual(all.slice(150));
    expect(summary.min).toBe(150);
    expect(summary.p50).toBe(bruteForcePercentile(all.slice(150), 50));
    expect(summary.last).toBe(249);
  });

  it('counts failures as errors without letting their durations into the window', () => {
    const histogram = new Histogram(10);
    histogram.add(5, true);
    histogram.add(1, false);
    histogram.add(1, false);
    const summary = histogram.summary();
    expect(summary).toMatchObject({ count: 3, errors: 2, windowCount: 1, p50: 5 });
  });
});

describe('MetricsRegistry', () => {
  it('lists every target, even without samples, with no-data status', () => {
    const registry = new MetricsRegistry();
    const snapshot = registry.snapshot();
    expect(snapshot.map((metric) => metric.name)).toEqual(TARGETS.map((target) => target.name));
    expect(snapshot.every((metric) => metric.status === 'no-data' && metric.count === 0)).toBe(true);
    for (const name of ['app.ready', 'parse.pdf', 'db.bulkInsert', 'search.query', 'embed.document']) {
      expect(snapshot.some((metric) => metric.name === name)).toBe(true);
    }
  });

  it('compares the target percentile with the goal', () => {
    const registry = new MetricsRegistry();
    for (let i = 0; i < 100; i += 1) registry.record('extract.job', i < 95 ? 2 : 50);
    expect(registry.get('extract.job')).toMatchObject({ p95: 2, status: 'pass' });
    registry.record('extract.job', 50); // now 6 of 101 samples are slow: p95 lands on 50
    expect(registry.get('extract.job')).toMatchObject({ p95: 50, status: 'fail' });
    expect(registry.get('extract.job').target).toMatchObject({ goal: 10, percentile: 'p95' });
  });

  it('times sync and async functions, recording errors and rethrowing them', async () => {
    let time = 0;
    const registry = new MetricsRegistry({ now: () => time });
    const value = registry.time('sync.op', () => {
      time += 3;
      return 'x';
    });
    expect(value).toBe('x');
    await expect(
      registry.time('async.op', async () => {
        time += 7;
        await Promise.resolve();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(() =>
      registry.time('sync.op', () => {
        throw new Error('sync boom');
      }),
    ).toThrow('sync boom');
    expect(registry.get('sync.op')).toMatchObject({ count: 2, errors: 1, last: 3 });
    expect(registry.get('async.op')).toMatchObject({ count: 1, errors: 1, windowCount: 0 });
    await registry.time('async.op', () => {
      time += 4;
      return Promise.resolve(1);
    });
    expect(registry.get('async.op')).toMatchObject({ count: 2, errors: 1, last: 4 });
  });

  it('start() returns a stop that records exactly once', () => {
    let time = 100;
    const registry = new MetricsRegistry({ now: () => time });
    const stop = registry.start('db.get');
    time = 101.5;
    expect(stop()).toBe(1.5);
    time = 200;
    expect(stop()).toBe(1.5);
    expect(registry.get('db.get')).toMatchObject({ count: 1, last: 1.5, status: 'pass' });
  });

  it('notifies subscribers with the metric name until they unsubscribe', () => {
    const registry = new MetricsRegistry();
    const seen: string[] = [];
    const unsubscribe = registry.subscribe((name) => seen.push(name));
    registry.record('parse.pdf', 10);
    unsubscribe();
    registry.record('parse.pdf', 10);
    expect(seen).toEqual(['parse.pdf']);
  });

  it('a throwing subscriber does not break recording', () => {
    const registry = new MetricsRegistry();
    registry.subscribe(() => {
      throw new Error('widget bug');
    });
    expect(() => registry.record('parse.pdf', 10)).not.toThrow();
    expect(registry.get('parse.pdf').count).toBe(1);
  });

  it('restores from persisted seeds and exports JSON with nulls for empty stats', () => {
    const source = new MetricsRegistry({ windowSize: 5 });
    for (let i = 1; i <= 8; i += 1) source.record('parse.docx', i * 10);
    source.record('parse.docx', 1, false);
    const seeds = source.toSeeds();
    expect(seeds[0]).toMatchObject({
      name: 'parse.docx',
      samples: [40, 50, 60, 70, 80],
      count: 9,
      errors: 1,
    });

    const restored = new MetricsRegistry({ windowSize: 5 });
    restored.restore(seeds);
    expect(restored.get('parse.docx')).toMatchObject({ count: 9, errors: 1, p50: 60, last: 80 });

    const exported = JSON.parse(restored.exportJson()) as {
      format: string;
      metrics: { name: string; p95: number | null; samples: number[] }[];
    };
    expect(exported.format).toBe('shortlist-metrics');
    expect(exported.metrics.find((metric) => metric.name === 'parse.docx')?.samples).toEqual([
      40, 50, 60, 70, 80,
    ]);
    expect(exported.metrics.find((metric) => metric.name === 'parse.pdf')?.p95).toBeNull();
  });

  it('lists metrics without a target after the targeted ones', () => {
    const registry = new MetricsRegistry();
    registry.record('zeta.custom', 1);
    registry.record('alpha.custom', 1);
    const names = registry.snapshot().map((metric) => metric.name);
    expect(names.slice(-2)).toEqual(['alpha.custom', 'zeta.custom']);
    expect(registry.get('alpha.custom').status).toBe('no-data');
  });
});
