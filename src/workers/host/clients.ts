/**
 * Main-thread side of the workers: the parse pool (bounded, N = clamp(cores − 1, 1, 4)) and the
 * match worker (1), each behind a small client that records metrics and turns Outcome values
 * back into typed errors. UI code talks to these clients, never to Worker objects.
 */
import { foreground } from './foreground';
import * as Comlink from 'comlink';
import type { Remote } from 'comlink';
import type {
  CorrectionRequest,
  DocumentRole,
  FileContent,
  FileImportRequest,
  ImportProgress,
  ImportResult,
  ImportStage,
  ParseApi,
} from '../../core/contracts/parse-api';
import type { KeyedScore, MatchApi, ScoredMatch, StoredRef } from '../../core/contracts/match-api';
import type { OcrApi, OcrProgress } from '../../core/contracts/ocr-api';
import { ShortlistError } from '../../core/errors';
import type { MetricsRegistry } from '../../core/metrics';
import { LruCache, registerCache } from '../../core/cache';
import type { CancelSignal } from '../../core/llm/engine';
import { SCORER_VERSION } from '../../core/score';
import type { JobRecord, MatchRecord, ResumeRecord } from '../../db/records';
import { call } from './call';
import { WorkerPool, comlinkWorker, defaultParsePoolSize, taskDeadlineMs, type PooledWorker } from './pool';

/** 'ocr': a scanned PDF's pages are being read by OCR (see the onOcrProgress callback). */
export type ClientImportStage = 'queued' | 'reading' | 'ocr' | ImportStage;

/** Scans are rendered at this resolution for OCR: enough for 9-point text, quick to read. */
const OCR_DPI = 200;
/** A resume is a few pages; a longer scan is read up to here (the rest would be a mistake). */
const OCR_MAX_PAGES = 10;

/** A core cancel switch as the AbortSignal the pool takes. */
function abortSignalOf(cancel: CancelSignal): AbortSignal {
  const controller = new AbortController();
  if (cancel.aborted) controller.abort();
  else cancel.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}

/** The worker's request for one picked file whose bytes were just read. */
function fileRequest(
  request: { requestId: string; file: File; role: DocumentRole; maxBytes: number },
  content: FileContent,
): FileImportRequest {
  return {
    requestId: request.requestId,
    role: request.role,
    fileName: request.file.name,
    mimeType: request.file.type,
    maxBytes: request.maxBytes,
    ...content,
  };
}

/**
 * After a match score the background embedder waits this long before its next document. A person
 * on the Match screen chooses one resume after another every second or two, and a document (up
 * to 8 tiles in one model call) holds a core for ~0.3 s on a quiet 2-core machine: with the
 * embedder's own 500 ms quiet window, choices kept waiting behind a document of vectors.
 */
export const MATCH_SCORE_HOLD_MS = 2_000;

/** How long a score waits on the search worker's index before the match worker is asked too. */
export const MATCH_HEDGE_MS = 6;

export class ImportClient {
  readonly pool: WorkerPool<Remote<ParseApi>>;
  /** One OCR worker (tesseract's engine is large); created on the first scan, ended when idle. */
  readonly ocrPool: WorkerPool<Remote<OcrApi>>;
  readonly #metrics: MetricsRegistry;

  constructor(
    metrics: MetricsRegistry,
    size = defaultParsePoolSize(globalThis.navigator?.hardwareConcurrency),
  ) {
    this.#metrics = metrics;
    this.pool = new WorkerPool<Remote<ParseApi>>({
      kind: 'parse',
      size,
      // Ended soon after an import: an idle parse worker still holds pdf.js and its heap, and its
      // garbage collections (measured: 40–100 ms each, after a large import) take a core from
      // the screens a person moves on to. A later pick starts them again (~0.2 s).
      idleTimeoutMs: 10_000,
      create: () =>
        comlinkWorker<ParseApi>(
          () => new Worker(new URL('../parse.worker.ts', import.meta.url), { type: 'module', name: 'parse' }),
        ),
    });
    this.ocrPool = new WorkerPool<Remote<OcrApi>>({
      kind: 'ocr',
      size: 1,
      idleTimeoutMs: 60_000,
      create: () =>
        comlinkWorker<OcrApi>(
          () => new Worker(new URL('../ocr.worker.ts', import.meta.url), { type: 'module', name: 'ocr' }),
        ),
    });
  }

  /** Read, parse, extract and store one file. Rejects with a typed error the UI can show. */
  async importFile(
    signal: AbortSignal,
    request: {
      requestId: string;
      file: File;
      role: DocumentRole;
      maxBytes: number;
      /** Overrides max(30 s, 5 s per MB). */
      deadlineMs?: number;
      /**
       * The import queue has stored this file as the pending import `requestId`: the worker reads
       * it from there, and the page does not serialise the File again to hand it over.
       */
      persisted?: boolean;
    },
    onStage: (stage: ClientImportStage) => void,
    onOcrProgress?: (progress: OcrProgress) => void,
  ): Promise<ImportResult> {
    // resume.upload times one file from the moment a worker takes it (queue wait is the pool's
    // own statistic), reading the bytes included.
    let started = performance.now();
    // The background embedder waits while files are imported (it would take a parse worker's core).
    const endForeground = foreground.begin();
    try {
      onStage('queued');
      let result: ImportResult;
      try {
        result = await this.pool.run(
          signal,
          async (api) => {
            started = performance.now();
            // The worker reads the file once it is free, so a 10,000-file pick never holds every
            // file in memory at once, and the page never reads or copies the bytes (a File crosses
            // to the worker as a handle).
            onStage('reading');
            const onProgress = Comlink.proxy((progress: ImportProgress) => onStage(progress.stage));
            if (request.persisted) {
              try {
                return await call(
                  api,
                  'importFile',
                  fileRequest(request, { pendingId: request.requestId }),
                  onProgress,
                );
              } catch (error) {
                // The stored copy is gone (the queue was cleared meanwhile): hand the File over.
                if (!(error instanceof ShortlistError && error.code === 'not-found')) throw error;
              }
            }
            return call(api, 'importFile', fileRequest(request, { file: request.file }), onProgress);
          },
          { deadlineMs: request.deadlineMs ?? taskDeadlineMs(request.file.size) },
        );
      } catch (error) {
        // A PDF without a text layer is a scan: read its pages by OCR, then store it the same way.
        if (!(error instanceof ShortlistError && error.code === 'no-text-layer')) throw error;
        result = await this.#importScanned(signal, request, onStage, onOcrProgress);
      }
      this.#recordTimings(result, performance.now() - started);
      return result;
    } catch (error) {
      if (request.role === 'resume')
        this.#metrics.record('resume.upload', performance.now() - started, false);
      throw error;
    } finally {
      endForeground();
    }
  }

  async #importScanned(
    signal: AbortSignal,
    request: { requestId: string; file: File; role: DocumentRole; maxBytes: number },
    onStage: (stage: ClientImportStage) => void,
    onOcrProgress?: (progress: OcrProgress) => void,
  ): Promise<ImportResult> {
    onStage('ocr');
    const ocrStarted = performance.now();
    const pages = await this.ocrPool.run(signal, async (api) => {
      // The parse worker took (and detached) the first copy; the File still has the bytes.
      const bytes = await request.file.arrayBuffer();
      return call(
        api,
        'readPdf',
        // Transferred: this side never reads this copy again.
        Comlink.transfer({ bytes, dpi: OCR_DPI, maxPages: OCR_MAX_PAGES }, [bytes]),
        Comlink.proxy((progress: OcrProgress) => onOcrProgress?.(progress)),
      );
    });
    if (pages.length > 0) this.#metrics.record('ocr.page', (performance.now() - ocrStarted) / pages.length);
    return this.pool.run(signal, (api) =>
      call(
        api,
        'importScanned',
        // The worker reads the file and stores it as the original.
        fileRequest(request, { file: request.file }),
        pages,
        Comlink.proxy((progress: ImportProgress) => onStage(progress.stage)),
      ),
    );
  }

  async importText(
    signal: AbortSignal,
    request: { requestId: string; text: string; role: DocumentRole; fileName: string; sample?: boolean },
    onStage: (stage: ClientImportStage) => void,
  ): Promise<ImportResult> {
    const started = performance.now();
    onStage('queued');
    const result = await this.pool.run(signal, (api) =>
      call(
        api,
        'importText',
        request,
        Comlink.proxy((progress: ImportProgress) => onStage(progress.stage)),
      ),
    );
    this.#recordTimings(result, performance.now() - started);
    return result;
  }

  /** Store corrections; the worker re-extracts and applies them (corrections always win). */
  async saveCorrections(signal: AbortSignal, request: CorrectionRequest): Promise<number> {
    const saved = await this.pool.run(signal, (api) => call(api, 'saveCorrections', request));
    return saved.updatedAt;
  }

  #recordTimings(result: ImportResult, totalMs: number): void {
    this.#metrics.record(result.timings.parseMetric, result.timings.parseMs);
    this.#metrics.record(result.timings.extractMetric, result.timings.extractMs);
    if (result.role === 'resume') this.#metrics.record('resume.upload', totalMs);
  }
}

/** Only what the worker needs to find a record: a whole record would be copied to the worker. */
function storedRef(record: StoredRef): StoredRef {
  return { id: record.id, updatedAt: record.updatedAt, documentId: record.documentId };
}

/**
 * Where MatchClient asks first: an in-memory index that scores a pair with no database read
 * (the search worker's, SearchClient.scorePair), and how a score it gave is stored (the match
 * worker stores its own).
 */
export interface PairIndex {
  scorePair(
    signal: AbortSignal,
    resume: StoredRef,
    job: StoredRef,
    modelId?: string,
  ): Promise<KeyedScore | undefined>;
  /** Stores a score (read by Applications and Analytics); best effort, never awaited. */
  store(match: Omit<MatchRecord, 'id'>): void;
}

export interface MatchOutcome extends ScoredMatch {
  fromCache: boolean;
}

export class MatchClient {
  readonly pool: WorkerPool<Remote<MatchApi>>;
  readonly cache = new LruCache<string, ScoredMatch>({
    name: 'match',
    maxEntries: 5_000,
    ttlMs: 30 * 60_000,
  });
  readonly #metrics: MetricsRegistry;
  readonly #index: PairIndex | undefined;

  constructor(metrics: MetricsRegistry, index?: PairIndex, create?: () => PooledWorker<Remote<MatchApi>>) {
    this.#metrics = metrics;
    this.#index = index;
    registerCache(this.cache);
    this.pool = new WorkerPool<Remote<MatchApi>>({
      kind: 'match',
      size: 1,
      idleTimeoutMs: 60_000,
      create:
        create ??
        (() =>
          comlinkWorker<MatchApi>(
            () =>
              new Worker(new URL('../match.worker.ts', import.meta.url), { type: 'module', name: 'match' }),
          )),
    });
  }

  /** Score a pair; repeated requests for unchanged records are served from the cache. */
  async score(
    signal: AbortSignal,
    resume: Pick<ResumeRecord, 'id' | 'updatedAt' | 'documentId'>,
    job: Pick<JobRecord, 'id' | 'updatedAt' | 'documentId'>,
    modelId?: string,
  ): Promise<MatchOutcome> {
    // The key changes whenever either record, the scorer or the embedding model changes, so stale
    // scores are never served.
    const key = `${resume.id}@${resume.updatedAt}|${job.id}@${job.updatedAt}|${SCORER_VERSION}|${modelId ?? 'lexical'}`;
    let computed = false;
    // One compute per key, under the cache's own signal: it is cancelled only when every caller
    // that joined it has aborted (abort A, ask B → B still gets the score).
    const scored = await this.cache.getOrCompute(
      key,
      async (shared) => {
        computed = true;
        // match.score is what a person waits for: the round trip through the worker, not only the
        // scoring inside it (value.scoreMs).
        const started = performance.now();
        const value = await foreground.run(
          () => this.#scoreOnce(abortSignalOf(shared), storedRef(resume), storedRef(job), modelId),
          MATCH_SCORE_HOLD_MS,
        );
        this.#metrics.record('match.score', performance.now() - started);
        return value;
      },
      signal,
    );
    return { ...scored, fromCache: !computed };
  }

  /**
   * One score: from the search worker's index when it can answer (no database read), else from
   * the match worker. Hedged: the index answers in about a millisecond, but its worker may be busy
   * (a garbage collection of a large library's index, a sync pass); past MATCH_HEDGE_MS the match
   * worker is asked too and the first score wins (each stores what it computed, under one key).
   */
  async #scoreOnce(
    signal: AbortSignal,
    resume: StoredRef,
    job: StoredRef,
    modelId: string | undefined,
  ): Promise<ScoredMatch> {
    let fromWorker: Promise<ScoredMatch> | undefined;
    const askWorker = (): Promise<ScoredMatch> =>
      (fromWorker ??= this.pool.run(signal, (api) => call(api, 'scorePair', resume, job, modelId)));
    const fromIndex = this.#index?.scorePair(signal, resume, job, modelId).catch(() => undefined);
    if (!fromIndex) return askWorker();
    const indexed = fromIndex.then((scored) => (scored ? this.#fromIndex(scored) : askWorker()));
    const hedge = new Promise<void>((resolve) => setTimeout(resolve, MATCH_HEDGE_MS));
    const first = await Promise.race([indexed, hedge]);
    if (first) return first;
    // Both failing rejects with the match worker's own (typed) error.
    return Promise.any([indexed, askWorker()]).catch(() => askWorker());
  }

  #fromIndex(scored: KeyedScore): ScoredMatch {
    const { key, ...match } = scored;
    const index = this.#index;
    // Stored in a later task: writing it (a structured clone of the whole result, on this thread)
    // is not part of showing it (it was much of a 1–6 ms gap between the index answering and the
    // score being returned, measured at 10,000 resumes).
    setTimeout(() => {
      index?.store({
        resumeId: match.resumeId,
        jobId: match.jobId,
        result: match.result,
        key,
        createdAt: Date.now(),
      });
    }, 0);
    return match;
  }

  /**
   * Has the worker read a job ahead, so the first resume scored against it waits only for its own
   * side (the Match screen calls this when a job is chosen). Best effort: errors are ignored.
   */
  prepareJob(job: Pick<JobRecord, 'id' | 'updatedAt' | 'documentId'>): void {
    void this.pool
      .run(new AbortController().signal, (api) => call(api, 'prepareJob', storedRef(job)))
      .catch(() => undefined);
  }

  /** Forget cached scores of a deleted resume or job. */
  forget(id: string): void {
    this.cache.invalidate((key) => key.includes(`${id}@`));
  }
}
