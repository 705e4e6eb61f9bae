/**
 * Main-thread side of the search worker (one, long-lived: it holds the index). Turns Outcome
 * values back into typed errors, records the search.rank and search.query metrics, embeds
 * free-text queries with the embedding model when one is ready (hybrid search), and mirrors the
 * worker's search cache onto the performance dashboard. Requests carry an AbortSignal: a caller
 * that started a newer request aborts the older one and never sees its (stale) answer.
 */
import { foreground } from './foreground';
import type { Remote } from 'comlink';
import { LruCache, registerCache, type CacheStats } from '../../core/cache';
import type { EmbeddedTexts, ModelStatus } from '../../core/contracts/embed-api';
import type { KeyedScore, StoredRef } from '../../core/contracts/match-api';
import type {
  PageRequest,
  QueryVector,
  RankFilters,
  RankPage,
  RankSort,
  SearchApi,
  SearchPage,
  SearchStatus,
} from '../../core/contracts/search-api';
import { AbortedError } from '../../core/errors';
import type { MetricsRegistry } from '../../core/metrics';
import { call } from './call';
import { WorkerPool, comlinkWorker, type PooledWorker } from './pool';

/**
 * The worker's cache as the dashboard sees it: the cache itself lives in the worker (next to
 * the index it caches); this stand-in reports the stats the worker sent with its last answer.
 */
export class WorkerCacheMirror extends LruCache<string, never> {
  #remote: CacheStats | undefined;

  update(stats: CacheStats | undefined): void {
    if (stats) this.#remote = stats;
  }

  override stats(): CacheStats {
    return this.#remote ?? super.stats();
  }
}

/** What the client needs from the embedding side to embed a query (EmbedClient fits). */
export interface QueryEmbedder {
  readonly status: ModelStatus;
  embedTexts(signal: AbortSignal, texts: string[]): Promise<EmbeddedTexts>;
}

export class SearchClient {
  readonly pool: WorkerPool<Remote<SearchApi>>;
  readonly cache = new WorkerCacheMirror({ name: 'search', maxEntries: 200, ttlMs: 10 * 60_000 });
  readonly #metrics: MetricsRegistry;
  readonly #embedder: QueryEmbedder | undefined;

  constructor(
    metrics: MetricsRegistry,
    embedder?: QueryEmbedder,
    create?: () => PooledWorker<Remote<SearchApi>>,
  ) {
    this.#metrics = metrics;
    this.#embedder = embedder;
    registerCache(this.cache);
    this.pool = new WorkerPool<Remote<SearchApi>>({
      kind: 'search',
      size: 1,
      // The loaded index is the worker's state: a stale request's reply is dropped, the worker stays.
      cancel: 'drop-reply',
      // The index is the worker's state: keep it alive rather than rebuild it after idling.
      idleTimeoutMs: Infinity,
      create:
        create ??
        (() =>
          comlinkWorker<SearchApi>(
            () =>
              new Worker(new URL('../search.worker.ts', import.meta.url), { type: 'module', name: 'search' }),
          )),
    });
  }

  /** Every answer carries the worker cache's stats (for the dashboard); a stale answer is not used. */
  async #run<T extends { cache?: CacheStats }>(
    signal: AbortSignal,
    task: (api: Remote<SearchApi>) => Promise<T>,
  ): Promise<T> {
    const value = await foreground.run(() => this.pool.run(signal, task));
    this.cache.update(value.cache);
    if (signal.aborted) throw new AbortedError();
    return value;
  }

  #warmed = false;
  /** The worker has answered a status with its first load done: scorePair may ask it. */
  #indexLoaded = false;

  /**
   * Starts the search worker now, so it indexes the library while it is imported (and keeps it in
   * step from then on) instead of loading 10,000 records when Ranking first asks. Idempotent.
   */
  warm(): void {
    if (this.#warmed) return;
    this.#warmed = true;
    this.status(new AbortController().signal).catch(() => {
      this.#warmed = false;
    });
  }

  async status(signal: AbortSignal): Promise<SearchStatus> {
    const value = await this.#run(signal, (api) => call(api, 'status'));
    if (value.ready) this.#indexLoaded = true;
    return value;
  }

  /** Bring the index in step with the database now (after this tab's own writes). */
  async refresh(signal: AbortSignal = new AbortController().signal): Promise<SearchStatus> {
    const value = await this.#run(signal, (api) => call(api, 'refresh'));
    if (value.ready) this.#indexLoaded = true;
    return value;
  }

  /**
   * One pair scored from the worker's index, with no database read (see SearchApi.scorePair);
   * undefined when the index is not loaded yet or cannot answer for certain, and the caller asks
   * the match worker. Never starts the worker or waits for its first load.
   */
  async scorePair(
    signal: AbortSignal,
    resume: StoredRef,
    job: StoredRef,
    modelId?: string,
  ): Promise<KeyedScore | undefined> {
    if (!this.#indexLoaded) return undefined;
    const value = await this.pool.run(signal, (api) => call(api, 'scorePair', resume, job, modelId));
    return value ?? undefined;
  }

  async rankJob(
    signal: AbortSignal,
    jobId: string,
    filters: RankFilters,
    sort: RankSort,
    page: PageRequest,
  ): Promise<RankPage> {
    const value = await this.#run(signal, (api) => call(api, 'rankJob', jobId, filters, sort, page));
    this.#metrics.record('search.rank', value.elapsedMs);
    return value;
  }

  async rankResume(
    signal: AbortSignal,
    resumeId: string,
    filters: RankFilters,
    sort: RankSort,
    page: PageRequest,
  ): Promise<RankPage> {
    const value = await this.#run(signal, (api) => call(api, 'rankResume', resumeId, filters, sort, page));
    this.#metrics.record('search.rank', value.elapsedMs);
    return value;
  }

  /** Free-text search; hybrid (BM25 + vectors, fused) when an embedding model is ready. */
  async search(signal: AbortSignal, query: string, page: PageRequest): Promise<SearchPage> {
    // search.query times what a person typing waits for: query embedding and the round trip
    // through the worker (value.elapsedMs is the worker's own part).
    const started = performance.now();
    const vector = await foreground.run(() => this.#queryVector(signal, query));
    const value = await this.#run(signal, (api) => call(api, 'search', query, page, vector));
    this.#metrics.record('search.query', performance.now() - started);
    return value;
  }

  async skills(
    signal: AbortSignal,
    skills: string[],
    mode: 'all' | 'any',
    page: PageRequest,
  ): Promise<SearchPage> {
    const value = await this.#run(signal, (api) => call(api, 'skills', skills, mode, page));
    this.#metrics.record('search.query', value.elapsedMs);
    return value;
  }

  async similar(signal: AbortSignal, resumeId: string, page: PageRequest): Promise<SearchPage> {
    const value = await this.#run(signal, (api) => call(api, 'similar', resumeId, page));
    this.#metrics.record('search.query', value.elapsedMs);
    return value;
  }

  async #queryVector(signal: AbortSignal, query: string): Promise<QueryVector | undefined> {
    const embedder = this.#embedder;
    if (!embedder || embedder.status.state !== 'ready' || !query.trim()) return undefined;
    try {
      const embedded = await embedder.embedTexts(signal, [query]);
      return { modelId: embedded.modelId, vector: embedded.vectors.subarray(0, embedded.dims) };
    } catch (error) {
      if (signal.aborted) throw error;
      // No vector (model busy or failed): the text half still answers.
      return undefined;
    }
  }
}
