/**
 * Main-thread side of the embedding worker (pool size 1, kept alive: a loaded model is expensive).
 * It keeps the model status on this side (the worker is busy while loading, so asking it would
 * wait), emits typed events for the UI and the search index, records the embed.document metric,
 * and runs background work that must never block the UI or an import: embedding a newly imported
 * document, and re-embedding everything after a model change (one document per task, so query
 * embeddings interleave, with progress and cancel).
 */
import { foreground, type ForegroundActivity } from './foreground';
import * as Comlink from 'comlink';
import type { Remote } from 'comlink';
import type {
  EmbedApi,
  EmbedEvent,
  EmbedOwnerResult,
  EmbeddedTexts,
  EmbedLoadProgress,
  ModelFile,
  ModelInfo,
  ModelProbe,
  ModelSourcePolicy,
  ModelStatus,
  ReembedProgress,
  VectorCounts,
} from '../../core/contracts/embed-api';
import type { DocumentRole } from '../../core/contracts/parse-api';
import { AbortedError, toErrorInfo } from '../../core/errors';
import type { MetricsRegistry } from '../../core/metrics';
import { call } from './call';
import { WorkerPool, comlinkWorker, type PooledWorker } from './pool';

export type EmbedListener = (event: EmbedEvent) => void;

/** Where the client keeps "background embedding paused" (the settings table; survives reloads). */
export interface PauseStore {
  get(key: 'embeddingPaused'): Promise<boolean>;
  set(key: 'embeddingPaused', value: boolean): Promise<void>;
}

/** Owners asked for per round of background embedding. */
const REEMBED_BATCH = 16;

export class EmbedClient {
  readonly pool: WorkerPool<Remote<EmbedApi>>;
  readonly #metrics: MetricsRegistry;
  readonly #listeners = new Set<EmbedListener>();
  #status: ModelStatus = { state: 'none' };
  /** Starting background embedding after imports (one start at a time). */
  #background: Promise<unknown> = Promise.resolve();
  #reembed: { cancelled: boolean; progress: ReembedProgress } | undefined;
  #restoreTried = false;
  /** Counts explicit loads, so a restore that finishes after one started does not overwrite its status. */
  #loadsStarted = 0;
  /** Records changed while a background run was going: run once more after it. */
  #rerun = false;
  #paused = false;
  readonly #pauseStore: PauseStore | undefined;
  readonly #foreground: ForegroundActivity;

  constructor(
    metrics: MetricsRegistry,
    create?: () => PooledWorker<Remote<EmbedApi>>,
    pauseStore?: PauseStore,
    foregroundActivity: ForegroundActivity = foreground,
  ) {
    this.#metrics = metrics;
    this.#pauseStore = pauseStore;
    this.#foreground = foregroundActivity;
    this.pool = new WorkerPool<Remote<EmbedApi>>({
      kind: 'embed',
      size: 1,
      // The loaded model is the worker's state: a stale request's reply is dropped, the worker stays.
      cancel: 'drop-reply',
      idleTimeoutMs: Infinity,
      create:
        create ??
        (() =>
          comlinkWorker<EmbedApi>(
            () =>
              new Worker(new URL('../embed.worker.ts', import.meta.url), { type: 'module', name: 'embed' }),
          )),
    });
  }

  get status(): ModelStatus {
    return this.#status;
  }

  get reembedProgress(): ReembedProgress | undefined {
    return this.#reembed?.progress;
  }

  /** Whether background embedding is paused (kept across reloads). */
  get paused(): boolean {
    return this.#paused;
  }

  /**
   * Background embedding of the library with the configured model (the built-in one unless the user
   * chose otherwise): restore it from local files, then embed every resume and job whose vectors
   * are missing or stale, one document per task, unless paused. Never throws.
   */
  async startBackground(): Promise<void> {
    try {
      this.#paused = (await this.#pauseStore?.get('embeddingPaused')) ?? false;
      if (this.#status.state !== 'ready') {
        this.#restoreTried = true;
        await this.restore();
      }
      if (this.#status.state === 'ready' && !this.#paused) this.startReembed();
    } catch {
      // The status (and Settings) say why; lexical scoring goes on.
    }
  }

  /** Pause background embedding (after the current document); remembered across reloads. */
  async pause(): Promise<void> {
    this.#paused = true;
    this.#rerun = false;
    this.cancelReembed();
    await this.#pauseStore?.set('embeddingPaused', true);
    this.#emit({ type: 'status', status: this.#status });
  }

  /** Resume background embedding where it stopped (only missing or stale vectors are computed). */
  async resume(): Promise<void> {
    this.#paused = false;
    await this.#pauseStore?.set('embeddingPaused', false);
    this.#emit({ type: 'status', status: this.#status });
    await this.startBackground();
  }

  /**
   * Resumes or jobs were added, corrected or deleted: embed what became stale. Coalesces bursts
   * (an import of many files) into one run after the current one.
   */
  libraryChanged(): void {
    if (this.#paused || this.#status.state !== 'ready') return;
    if (this.#reembed) {
      this.#rerun = true;
      return;
    }
    this.startReembed();
  }

  subscribe(listener: EmbedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(event: EmbedEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #setStatus(status: ModelStatus): void {
    this.#status = status;
    this.#emit({ type: 'status', status });
  }

  /**
   * On start-up: load the model named in settings from local sources (never the network), so
   * vectors keep flowing after a reload. Resolves to the model, or undefined when none is set.
   */
  async restore(signal: AbortSignal = new AbortController().signal): Promise<ModelInfo | undefined> {
    if (this.#status.state === 'ready') return this.#status.info;
    this.#restoreTried = true;
    // A load the person starts meanwhile wins: this restore must not report its (older) model.
    const loadsBefore = this.#loadsStarted;
    try {
      const info = await this.pool.run(signal, (api) => call(api, 'ensureLoaded'));
      if (info && this.#loadsStarted === loadsBefore) this.#setStatus({ state: 'ready', info });
      return info;
    } catch (error) {
      if (this.#loadsStarted === loadsBefore)
        this.#setStatus({ state: 'error', modelId: '', error: toErrorInfo(error) });
      throw error;
    }
  }

  /** Where a model could come from right now (self-hosted, cache, imported) and its download size. */
  async probe(signal: AbortSignal, modelId: string): Promise<ModelProbe> {
    return await this.pool.run(signal, (api) => call(api, 'probe', modelId));
  }

  /**
   * Load a model. Aborting `signal` cancels it (the worker is ended, so a download stops at once);
   * the previously configured model is then restored from local sources in the background.
   */
  async load(
    signal: AbortSignal,
    modelId: string,
    policy: ModelSourcePolicy,
    onProgress?: (progress: EmbedLoadProgress) => void,
  ): Promise<ModelInfo> {
    const previous = this.#status;
    this.#loadsStarted += 1;
    this.#setStatus({ state: 'loading', modelId });
    try {
      const info = await this.pool.run(signal, (api) =>
        call(
          api,
          'load',
          modelId,
          policy,
          Comlink.proxy((progress: EmbedLoadProgress) => {
            this.#setStatus({ state: 'loading', modelId, progress });
            onProgress?.(progress);
          }),
        ),
      );
      this.#setStatus({ state: 'ready', info });
      if (previous.state !== 'ready' || previous.info.modelId !== info.modelId) this.startReembed();
      return info;
    } catch (error) {
      if (error instanceof AbortedError || signal.aborted) {
        this.#setStatus({ state: 'none' });
        void this.restore().catch(() => undefined);
      } else {
        // The worker keeps the previous model when a new one fails to load.
        this.#setStatus(
          previous.state === 'ready' ? previous : { state: 'error', modelId, error: toErrorInfo(error) },
        );
      }
      throw error;
    }
  }

  async unload(): Promise<void> {
    this.cancelReembed();
    await this.pool.run(new AbortController().signal, (api) => api.unload());
    this.#setStatus({ state: 'none' });
  }

  /** Store a model folder picked from disk in the browser cache (then `load` finds it offline). */
  async importModel(signal: AbortSignal, modelId: string, files: ModelFile[]): Promise<{ bytes: number }> {
    return this.pool.run(signal, (api) =>
      call(
        api,
        'importModel',
        modelId,
        Comlink.transfer(
          files,
          files.map((file) => file.bytes),
        ),
      ),
    );
  }

  /** Vectors for texts (e.g. a search query), rows L2-normalised, in one buffer. */
  async embedTexts(signal: AbortSignal, texts: string[]): Promise<EmbeddedTexts> {
    return await this.pool.run(signal, (api) => call(api, 'embedTexts', texts));
  }

  /** Chunk, embed and store one resume or job; records embed.document and emits a vectors event. */
  async embedOwner(signal: AbortSignal, role: DocumentRole, id: string): Promise<EmbedOwnerResult> {
    try {
      const result = await this.pool.run(signal, (api) => call(api, 'embedOwner', role, id));
      this.#metrics.record('embed.document', result.embedMs);
      this.#emit({ type: 'vectors', role, ownerId: id, modelId: result.modelId });
      return result;
    } catch (error) {
      if (!(error instanceof AbortedError)) this.#metrics.record('embed.document', 0, false);
      throw error;
    }
  }

  /**
   * A record was imported or changed: embed it in the background when a model is ready (the next
   * background round takes the newest records first). Never throws and never delays the caller:
   * after a reload the configured model is restored first (local files only).
   */
  embedSoon(): void {
    this.#background = this.#background
      .then(async () => {
        if (this.#status.state === 'none' && !this.#restoreTried) {
          // First import (or first since a reload): start background embedding of the library.
          await this.startBackground();
          return;
        }
        this.libraryChanged();
      })
      .catch(() => undefined);
  }

  async countVectors(signal: AbortSignal = new AbortController().signal): Promise<VectorCounts | undefined> {
    return await this.pool.run(signal, (api) => call(api, 'countVectors'));
  }

  /**
   * Re-embed every resume and job whose vectors for the current model are missing or stale, in the
   * background, one document per task. Progress arrives as 'reembed' events; cancelReembed stops
   * after the current document. Starting again while one runs does nothing.
   */
  startReembed(): void {
    if (this.#reembed) return;
    const run = { cancelled: false, progress: { modelId: '', done: 0, total: 0, failed: 0 } };
    this.#reembed = run;
    void this.#runReembed(run).finally(() => {
      if (this.#reembed === run) this.#reembed = undefined;
      this.#emit({ type: 'reembed', progress: run.progress, finished: true });
      if (this.#rerun && !run.cancelled && !this.#paused) {
        this.#rerun = false;
        this.startReembed();
      }
    });
  }

  cancelReembed(): void {
    if (this.#reembed) this.#reembed.cancelled = true;
  }

  async #runReembed(run: { cancelled: boolean; progress: ReembedProgress }): Promise<void> {
    const signal = new AbortController().signal;
    const modelId = this.#status.state === 'ready' ? this.#status.info.modelId : '';
    const failed: string[] = [];
    run.progress = { modelId, done: 0, total: 0, failed: 0 };
    // A few owners at a time, asked again after each batch: what was added or corrected meanwhile
    // (a job just pasted, a resume just imported) is embedded next instead of after the whole library.
    while (!run.cancelled && this.#status.state === 'ready') {
      let batch;
      try {
        batch = await this.pool.run(signal, (api) => call(api, 'pendingOwners', REEMBED_BATCH, failed));
      } catch {
        return;
      }
      run.progress.total = run.progress.done + batch.total;
      this.#emit({ type: 'reembed', progress: { ...run.progress }, finished: false });
      if (batch.owners.length === 0) return;
      for (const owner of batch.owners) {
        // Imports, rankings, searches and scores first: one document at a time, between them (and
        // longer after a match score: MATCH_SCORE_HOLD_MS).
        await this.#foreground.whenQuiet();
        if (run.cancelled || this.#status.state !== 'ready') return;
        try {
          await this.embedOwner(signal, owner.role, owner.id);
        } catch {
          run.progress.failed += 1;
          failed.push(owner.id);
        }
        run.progress.done += 1;
        this.#emit({ type: 'reembed', progress: { ...run.progress }, finished: false });
      }
    }
  }
}
