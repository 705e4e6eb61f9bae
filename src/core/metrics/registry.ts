/**
 * The metrics registry: every operation in TARGETS.md is timed through it and compared with its
 * goal. Pure core, so the same code records in the window, in workers and in Node benchmarks;
 * workers send their samples to the window's registry (e.g. ImportTimings) rather than keeping
 * their own dashboard.
 */
import { Histogram } from './histogram';
import { TARGETS, type MetricTarget, type Percentile } from './targets';

export type MetricStatus = 'pass' | 'fail' | 'no-data';

export interface MetricSnapshot {
  name: string;
  label: string;
  unit: 'ms';
  /** Lifetime number of recorded operations (successes + errors), not just the window. */
  count: number;
  errors: number;
  /** Successful samples currently in the window (percentiles are computed over these). */
  windowCount: number;
  /** NaN when windowCount is 0 (JSON export writes null). */
  mean: number;
  min: number;
  max: number;
  last: number;
  p50: number;
  p95: number;
  p99: number;
  /** The goal and its words (what is measured, why this goal); absent for a metric without one. */
  target?: { goal: number; percentile: Percentile; measures: string; why: string };
  /** 'pass' when the target's percentile is at or under the goal; 'no-data' without target or samples. */
  status: MetricStatus;
}

/** One metric as persisted (structurally the same as the metrics table's MetricRecord). */
export interface MetricSeed {
  name: string;
  /** Window samples, oldest first. */
  samples: number[];
  count: number;
  errors: number;
  updatedAt: number;
}

export interface MetricsExport {
  format: 'shortlist-metrics';
  version: 1;
  exportedAt: string;
  metrics: (MetricSnapshot & { samples: number[] })[];
}

export type MetricsListener = (name: string) => void;

export interface MetricsRegistryOptions {
  /** Samples kept per metric for percentiles (default 1,000). */
  windowSize?: number;
  targets?: readonly MetricTarget[];
  /** Clock for time()/start(); injectable for tests. */
  now?: () => number;
  /** Wall clock for export stamps. */
  wallClock?: () => number;
}

interface Metric {
  histogram: Histogram;
  updatedAt: number;
}

export class MetricsRegistry {
  readonly windowSize: number;
  readonly #targets: readonly MetricTarget[];
  readonly #targetByName: Map<string, MetricTarget>;
  readonly #now: () => number;
  readonly #wallClock: () => number;
  readonly #metrics = new Map<string, Metric>();
  readonly #listeners = new Set<MetricsListener>();

  constructor(options: MetricsRegistryOptions = {}) {
    this.windowSize = options.windowSize ?? 1000;
    this.#targets = options.targets ?? TARGETS;
    this.#targetByName = new Map(this.#targets.map((target) => [target.name, target]));
    this.#now = options.now ?? (() => performance.now());
    this.#wallClock = options.wallClock ?? (() => Date.now());
  }

  /** Records one operation that took `ms`. A failed one (`ok` false) counts as an error. */
  record(name: string, ms: number, ok = true): void {
    const metric = this.#metric(name);
    metric.histogram.add(ms, ok);
    metric.updatedAt = this.#wallClock();
    this.#emit(name);
  }

  /**
   * Times `fn` (sync or async) and returns its result. A throw or rejection is recorded as an
   * error and passed on unchanged.
   */
  time<T>(name: string, fn: () => T): T {
    const started = this.#now();
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.record(name, this.#now() - started, false);
      throw error;
    }
    if (isPromiseLike(result)) {
      return Promise.resolve(result).then(
        (value) => {
          this.record(name, this.#now() - started, true);
          return value;
        },
        (error: unknown) => {
          this.record(name, this.#now() - started, false);
          throw error;
        },
      ) as unknown as T;
    }
    this.record(name, this.#now() - started, true);
    return result;
  }

  /** Starts a timer; calling the returned stop records it once (later calls return the same ms). */
  start(name: string): (ok?: boolean) => number {
    const started = this.#now();
    let elapsed: number | undefined;
    return (ok = true) => {
      if (elapsed === undefined) {
        elapsed = this.#now() - started;
        this.record(name, elapsed, ok);
      }
      return elapsed;
    };
  }

  get(name: string): MetricSnapshot {
    return this.#snapshotOf(name);
  }

  /**
   * Every metric with a target (in TARGETS order, including ones never recorded so the dashboard
   * can list them), then any other recorded metric by name.
   */
  snapshot(): MetricSnapshot[] {
    const targeted = this.#targets.map((target) => this.#snapshotOf(target.name));
    const others = [...this.#metrics.keys()]
      .filter((name) => !this.#targetByName.has(name))
      .sort()
      .map((name) => this.#snapshotOf(name));
    return [...targeted, ...others];
  }

  /** Called with the metric's name after every record. Throttling is the subscriber's job. */
  subscribe(listener: MetricsListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** What the metrics table stores: one seed per recorded metric. */
  toSeeds(): MetricSeed[] {
    return [...this.#metrics].map(([name, metric]) => {
      const summary = metric.histogram.summary();
      return {
        name,
        samples: metric.histogram.samples(),
        count: summary.count,
        errors: summary.errors,
        updatedAt: metric.updatedAt,
      };
    });
  }

  /** Seeds metrics from persisted records (e.g. after a reload). Adds to anything recorded since. */
  restore(seeds: readonly MetricSeed[]): void {
    for (const seed of seeds) {
      const metric = this.#metric(seed.name);
      metric.histogram.restore(seed.samples, seed.count, seed.errors);
      metric.updatedAt = Math.max(metric.updatedAt, seed.updatedAt);
      this.#emit(seed.name);
    }
  }

  /** JSON for the dashboard's export button. NaN values become null. */
  exportJson(): string {
    const bundle: MetricsExport = {
      format: 'shortlist-metrics',
      version: 1,
      exportedAt: new Date(this.#wallClock()).toISOString(),
      metrics: this.snapshot().map((snapshot) => ({
        ...snapshot,
        samples: this.#metrics.get(snapshot.name)?.histogram.samples() ?? [],
      })),
    };
    return JSON.stringify(bundle, null, 2);
  }

  /** Forgets one metric, or all of them. */
  reset(name?: string): void {
    if (name === undefined) {
      const names = [...this.#metrics.keys()];
      this.#metrics.clear();
      for (const each of names) this.#emit(each);
      return;
    }
    if (this.#metrics.delete(name)) this.#emit(name);
  }

  #metric(name: string): Metric {
    let metric = this.#metrics.get(name);
    if (!metric) {
      metric = { histogram: new Histogram(this.windowSize), updatedAt: 0 };
      this.#metrics.set(name, metric);
    }
    return metric;
  }

  #snapshotOf(name: string): MetricSnapshot {
    const target = this.#targetByName.get(name);
    const summary = this.#metrics.get(name)?.histogram.summary() ?? {
      count: 0,
      errors: 0,
      windowCount: 0,
      mean: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
      last: Number.NaN,
      p50: Number.NaN,
      p95: Number.NaN,
      p99: Number.NaN,
    };
    let status: MetricStatus = 'no-data';
    if (target && summary.windowCount > 0) {
      status = summary[target.percentile] <= target.goal ? 'pass' : 'fail';
    }
    return {
      name,
      label: target?.label ?? name,
      unit: 'ms',
      ...summary,
      ...(target
        ? {
            target: {
              goal: target.goal,
              percentile: target.percentile,
              measures: target.measures,
              why: target.why,
            },
          }
        : {}),
      status,
    };
  }

  #emit(name: string): void {
    for (const listener of this.#listeners) {
      try {
        listener(name);
      } catch {
        // A broken dashboard widget must not break the operation being measured.
      }
    }
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}
