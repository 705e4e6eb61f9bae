/**
 * Live numbers for the Performance page: every metric against its target, the recent samples its
 * charts draw, the worker pools and the caches. Polled at 2 Hz while the page is open (cheap:
 * snapshots are small, and samples are copied only after something new was recorded). Metric
 * samples are also persisted every few seconds so the dashboard survives a reload.
 */
import type { MetricSnapshot } from '../../core/metrics';
import { allCacheStats, type CacheStats } from '../../core/cache';
import type { PoolStats } from '../../workers/host/pool';
import { services } from '../services';

export interface StorageNumbers {
  usage: number;
  quota: number;
  persisted: boolean;
}

export class PerformanceState {
  metrics = $state.raw<MetricSnapshot[]>([]);
  /** Each metric's window of samples, oldest first (the trend lines and histograms). */
  samples = $state.raw<ReadonlyMap<string, readonly number[]>>(new Map());
  pools = $state.raw<PoolStats[]>([]);
  caches = $state.raw<CacheStats[]>([]);
  storage = $state.raw<StorageNumbers | null>(null);
  heapBytes = $state<number | null>(null);
  #timer: ReturnType<typeof setInterval> | undefined;
  /** The AI client's pool once its (small) module is loaded; its worker starts only with a model. */
  #llmPool: { stats(): PoolStats } | undefined;
  #samplesStale = true;
  #unsubscribe: (() => void) | undefined;

  refresh(): void {
    this.metrics = services.metrics.snapshot();
    if (this.#samplesStale) {
      this.#samplesStale = false;
      this.samples = new Map(services.metrics.toSeeds().map((seed) => [seed.name, seed.samples]));
    }
    this.pools = [
      services.imports.pool.stats(),
      services.imports.ocrPool.stats(),
      services.matcher.pool.stats(),
      services.embedder.pool.stats(),
      services.search.pool.stats(),
      services.seeker.pool.stats(),
      ...(this.#llmPool ? [this.#llmPool.stats()] : []),
    ];
    this.caches = allCacheStats();
    const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
    this.heapBytes = memory ? memory.usedJSHeapSize : null;
  }

  async refreshStorage(): Promise<void> {
    if (!navigator.storage?.estimate) return;
    const estimate = await navigator.storage.estimate();
    const persisted = navigator.storage.persisted ? await navigator.storage.persisted() : false;
    this.storage = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
  }

  start(): void {
    void services.llm().then((client) => {
      this.#llmPool = client.pool;
    });
    this.#samplesStale = true;
    this.#unsubscribe ??= services.metrics.subscribe(() => {
      this.#samplesStale = true;
    });
    this.refresh();
    void this.refreshStorage();
    this.#timer ??= setInterval(() => this.refresh(), 500);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  clearCaches(): void {
    services.matcher.cache.clear();
    this.refresh();
  }

  /** The registry's export (every metric with its samples, goal and percentiles), plus pools and caches. */
  exportJson(): string {
    const metrics = JSON.parse(services.metrics.exportJson()) as Record<string, unknown>;
    return JSON.stringify({ ...metrics, pools: this.pools, caches: this.caches }, null, 2);
  }
}

/** Persist metric samples every few seconds, and restore them on start-up. */
export async function keepMetricsPersisted(): Promise<void> {
  try {
    services.metrics.restore(await services.metricsStore.list());
  } catch (error) {
    console.warn('Could not restore saved metrics', error);
  }
  let dirty = false;
  services.metrics.subscribe(() => {
    dirty = true;
  });
  setInterval(() => {
    if (!dirty) return;
    dirty = false;
    services.metricsStore.saveAll(services.metrics.toSeeds()).catch((error: unknown) => {
      console.warn('Could not save metrics', error);
    });
  }, 3_000);
}
