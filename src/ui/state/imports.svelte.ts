/**
 * Files being imported, at the scale of one pick of 10,000 resumes. Every file is independent:
 * one failing never stops the others.
 *
 * - The queue feeds the parse pool a few files at a time (pool size + 1, so a worker never waits
 *   for the next file); a file's bytes are read only when a worker takes it.
 * - The pick is persisted first (PendingImportRepository: the File objects themselves, in chunks)
 *   and each file's entry is deleted in batches once it is stored, failed or cancelled. A reopened
 *   tab finds what is left and offers to resume it. The entry's id is the import's request id,
 *   which becomes the record's id, so a file finished twice is overwritten, never stored twice.
 * - The screen sees a summary (n of N, files/s, time left) and a bounded list of rows (the files
 *   in flight, the ones with problems, the last few finished), refreshed at most every 250 ms, so a
 *   10,000-file pick never makes 10,000 reactive objects or re-renders per file.
 */
import type { DocumentRole, ImportResult } from '../../core/contracts/parse-api';
import { notifier } from './notifier.svelte';
import type { PendingImportRecord } from '../../db/records';
import type { ClientImportStage } from '../../workers/host/clients';
import { services } from '../services';

export type ImportItemStage = ClientImportStage | 'failed' | 'cancelled';

export interface ImportItem {
  id: string;
  fileName: string;
  role: DocumentRole;
  stage: ImportItemStage;
  /** 0..1; never goes down, whatever order the stages are reported in. */
  progress: number;
  error?: string;
  warnings: string[];
  /** Information, not a problem (e.g. header/footer lines left out): shown without a warning's style. */
  notes?: string[];
  /** While a scan is read by OCR: pages done of pages. */
  ocr?: { done: number; pages: number };
}

export interface ImportProgressSummary {
  total: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Files a worker is working on now. */
  active: number;
  /** Files finished per second since this run started, pauses excluded. */
  filesPerSecond: number;
  /** Estimated seconds left at that rate; undefined until the rate is known. */
  secondsLeft: number | undefined;
  /** Files of a pick not yet written to the persisted queue (a reload now would not resume them). */
  unsaved: number;
}

const STAGE_PROGRESS: Record<ImportItemStage, number> = {
  queued: 0.05,
  reading: 0.1,
  ocr: 0.3,
  parsing: 0.4,
  extracting: 0.7,
  saving: 0.9,
  done: 1,
  failed: 1,
  cancelled: 1,
};

export function stageProgress(stage: ImportItemStage): number {
  return STAGE_PROGRESS[stage];
}

const FINAL: ReadonlySet<ImportItemStage> = new Set(['done', 'failed', 'cancelled']);
/** Rows shown for a big pick: every file in flight, up to this many problems, the last few done. */
const SHOWN_PROBLEMS = 100;
const SHOWN_DONE = 8;
/** A pick up to this size shows every file. */
const SHOW_ALL_UP_TO = 100;
const PERSIST_CHUNK = 5;
/** Chunks of a pick being written to IndexedDB at once. */
const PERSIST_WINDOW = 4;
const RESUME_PAGE = 500;
const FLUSH_MS = 250;
const REMOVE_FLUSH_MS = 400;

interface QueuedFile {
  id: string;
  file: Blob;
  fileName: string;
  role: DocumentRole;
  /** Stored as a pending import under `id` (the parse worker reads it from there). */
  persisted: boolean;
}

export class ImportQueue {
  /** The rows the screen shows (bounded; see the module header). */
  items = $state.raw<ImportItem[]>([]);
  progress = $state.raw<ImportProgressSummary>({
    total: 0,
    done: 0,
    failed: 0,
    cancelled: 0,
    active: 0,
    filesPerSecond: 0,
    secondsLeft: undefined,
    unsaved: 0,
  });
  paused = $state(false);
  /** Files an earlier session left unfinished (offered for resuming); 0 when none. */
  unfinished = $state(0);

  total = $derived(this.progress.total);
  finished = $derived(this.progress.done + this.progress.failed + this.progress.cancelled);
  failed = $derived(this.progress.failed);
  busy = $derived(this.finished < this.total);

  readonly #all = new Map<string, ImportItem>();
  /** Ids in the order they were added, for the "last finished" rows. */
  readonly #finishedOrder: string[] = [];
  readonly #waiting: QueuedFile[] = [];
  readonly #controllers = new Map<string, AbortController>();
  readonly #toRemove: string[] = [];
  #removeTimer: ReturnType<typeof setTimeout> | undefined;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #counts = { total: 0, done: 0, failed: 0, cancelled: 0 };
  #inFlight = 0;
  /** Rate bookkeeping: files finished and busy time since the queue last went from idle to busy. */
  #runStartedAt = 0;
  #runFinished = 0;
  #pausedAt = 0;
  #pausedMs = 0;
  /** Resuming an earlier session pages through the stored queue after this key. */
  #resumeAfter: [number, number] | undefined;
  #resumeMore = false;
  #loadingMore = false;
  #seqBase = Date.now();
  #seqNext = 0;
  /** Files picked whose chunk is not persisted and queued yet (they count in the total already). */
  #unregistered = 0;
  /** Bumped by "Cancel all": a pick still being persisted stops queueing its files. */
  #pickGeneration = 0;

  /** Looks for files an earlier session left unfinished (called once when the app starts). */
  async checkUnfinished(): Promise<void> {
    try {
      this.unfinished = await services.pendingImports.count();
    } catch {
      this.unfinished = 0;
    }
  }

  /** Imports what an earlier session left unfinished, in its original order. */
  async resumeUnfinished(): Promise<void> {
    this.unfinished = 0;
    this.#resumeAfter = [-Infinity, -Infinity];
    this.#resumeMore = true;
    await this.#loadMore();
  }

  async discardUnfinished(): Promise<void> {
    this.unfinished = 0;
    await services.pendingImports.clear();
  }

  async addFiles(files: File[], role: DocumentRole): Promise<void> {
    const seqBase = this.#seqBase;
    const pick = this.#pickGeneration;
    // The whole pick counts from the start ("0 of 2,500"), while its files are persisted in chunks.
    this.#unregistered += files.length;
    this.#scheduleFlush();
    const writing = new Set<Promise<void>>();
    for (let start = 0; start < files.length; start += PERSIST_CHUNK) {
      if (pick !== this.#pickGeneration) {
        // "Cancel all" while the pick was still being persisted: the rest never starts.
        this.#dropUnregistered(files.length - start);
        break;
      }
      const chunk = files.slice(start, start + PERSIST_CHUNK).map((file): PendingImportRecord => ({
        id: crypto.randomUUID(),
        seq: [seqBase, this.#seqNext++],
        role,
        fileName: file.name,
        file,
        createdAt: Date.now(),
      }));
      const write: Promise<void> = this.#persistChunk(chunk, pick).finally(() => writing.delete(write));
      writing.add(write);
      // A few chunks are written at once: waiting for each commit before the next chunk left a
      // 2,500-file pick half unwritten after 15 s while the parse workers' writes were queued in
      // the same database (a reload then lost the rest). Storing a File costs the page 0.3–1 ms, so
      // 5 per transaction and a yield between chunks keep each task short.
      if (writing.size >= PERSIST_WINDOW) await Promise.race(writing);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all(writing);
  }

  /** Persists one chunk of a pick (so a reload mid-import can finish it), then queues it. */
  async #persistChunk(chunk: PendingImportRecord[], pick: number): Promise<void> {
    let persisted = true;
    try {
      await services.pendingImports.add(chunk);
    } catch {
      // No room to remember the pick: import it anyway, it just can't be resumed after a reload.
      persisted = false;
    }
    if (pick !== this.#pickGeneration) {
      // Cancelled while this chunk was written (after the queue was cleared): it goes too.
      if (persisted) void services.pendingImports.remove(chunk.map((record) => record.id)).catch(() => {});
      this.#dropUnregistered(chunk.length);
      return;
    }
    this.#unregistered -= chunk.length;
    this.#enqueue(chunk, persisted);
  }

  async addText(
    text: string,
    role: DocumentRole,
    fileName: string,
    options: { sample?: boolean } = {},
  ): Promise<boolean> {
    const id = crypto.randomUUID();
    const controller = new AbortController();
    this.#controllers.set(id, controller);
    this.#track({ id, fileName, role, stage: 'queued', progress: stageProgress('queued'), warnings: [] });
    try {
      const result = await services.imports.importText(
        controller.signal,
        { requestId: id, text, role, fileName, ...(options.sample ? { sample: true } : {}) },
        (stage) => this.#update(id, { stage }),
      );
      this.#finish(id, { stage: 'done', ...noticesOf(result) }, false);
      services.embedder.embedSoon();
      return true;
    } catch (error) {
      this.#finish(id, this.#failure(error), false);
      return false;
    } finally {
      this.#controllers.delete(id);
    }
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.#pausedAt = performance.now();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.#pausedMs += performance.now() - this.#pausedAt;
    this.#pump();
  }

  cancel(id: string): void {
    const waitingAt = this.#waiting.findIndex((queued) => queued.id === id);
    if (waitingAt >= 0) {
      this.#waiting.splice(waitingAt, 1);
      this.#finish(id, { stage: 'cancelled', error: 'Cancelled.' }, true);
      return;
    }
    this.#controllers.get(id)?.abort();
  }

  cancelAll(): void {
    this.#resumeMore = false;
    this.#pickGeneration += 1;
    for (const queued of this.#waiting.splice(0)) {
      this.#finish(queued.id, { stage: 'cancelled', error: 'Cancelled.' }, true);
    }
    for (const controller of this.#controllers.values()) controller.abort();
    // Files of an interrupted earlier session that were never loaded are dropped too.
    void services.pendingImports.clear().catch(() => undefined);
  }

  clearFinished(): void {
    for (const [id, item] of this.#all) if (FINAL.has(item.stage)) this.#all.delete(id);
    this.#finishedOrder.length = 0;
    this.#counts = { total: this.#all.size, done: 0, failed: 0, cancelled: 0 };
    this.#flushNow();
  }

  /** Files of a pick that "Cancel all" stopped before they were queued: counted as cancelled. */
  #dropUnregistered(count: number): void {
    this.#unregistered -= count;
    this.#counts.total += count;
    this.#counts.cancelled += count;
    this.#scheduleFlush();
  }

  #enqueue(files: readonly PendingImportRecord[], persisted: boolean): void {
    for (const record of files) {
      this.#track({
        id: record.id,
        fileName: record.fileName,
        role: record.role,
        stage: 'queued',
        progress: stageProgress('queued'),
        warnings: [],
      });
      this.#waiting.push({
        id: record.id,
        file: record.file,
        fileName: record.fileName,
        role: record.role,
        persisted,
      });
    }
    this.#pump();
  }

  #track(item: ImportItem): void {
    if (this.#inFlight === 0 && this.#waiting.length === 0) {
      this.#runStartedAt = performance.now();
      this.#runFinished = 0;
      this.#pausedMs = 0;
    }
    this.#all.set(item.id, item);
    this.#counts.total += 1;
    this.#scheduleFlush();
  }

  #pump(): void {
    const concurrency = services.imports.pool.size + 1;
    while (!this.paused && this.#inFlight < concurrency) {
      const next = this.#waiting.shift();
      if (!next) break;
      this.#start(next);
    }
    if (this.#resumeMore && this.#waiting.length < 10) void this.#loadMore();
  }

  async #loadMore(): Promise<void> {
    if (this.#loadingMore || !this.#resumeMore || !this.#resumeAfter) return;
    this.#loadingMore = true;
    try {
      const page = await services.pendingImports.page(this.#resumeAfter, RESUME_PAGE);
      const last = page.at(-1);
      if (!last || page.length < RESUME_PAGE) this.#resumeMore = false;
      if (last) this.#resumeAfter = last.seq;
      // Files this session already knows (still in flight) are not started twice.
      this.#enqueue(
        page.filter((record) => !this.#all.has(record.id)),
        true,
      );
    } catch {
      this.#resumeMore = false;
    } finally {
      this.#loadingMore = false;
    }
  }

  #start(queued: QueuedFile): void {
    const controller = new AbortController();
    this.#controllers.set(queued.id, controller);
    this.#inFlight += 1;
    void this.#importOne(queued, controller.signal).finally(() => {
      this.#controllers.delete(queued.id);
      this.#inFlight -= 1;
      this.#pump();
    });
  }

  async #importOne(queued: QueuedFile, signal: AbortSignal): Promise<void> {
    try {
      const maxBytes = await this.#maxFileBytes();
      const file = queued.file instanceof File ? queued.file : new File([queued.file], queued.fileName);
      const result = await services.imports.importFile(
        signal,
        { requestId: queued.id, file, role: queued.role, maxBytes, persisted: queued.persisted },
        (stage) => this.#update(queued.id, { stage }),
        (ocr) => this.#update(queued.id, { ocr }),
      );
      this.#finish(queued.id, { stage: 'done', ...noticesOf(result) }, true);
      // Vectors are computed in the background; the import never waits for them.
      services.embedder.embedSoon();
    } catch (error) {
      this.#finish(queued.id, this.#failure(error), true);
    }
  }

  #maxBytes: { value: Promise<number>; readAt: number } | undefined;

  /** The size limit from Settings, read at most once a second (not once per file of a large pick). */
  #maxFileBytes(): Promise<number> {
    const now = performance.now();
    if (!this.#maxBytes || now - this.#maxBytes.readAt > 1_000) {
      this.#maxBytes = { value: services.settings.get('maxFileBytes'), readAt: now };
    }
    return this.#maxBytes.value;
  }

  #failure(error: unknown): Partial<ImportItem> {
    const typed = notifier.typed(error);
    if (typed.code === 'aborted') return { stage: 'cancelled', error: 'Cancelled.' };
    return { stage: 'failed', error: typed.message };
  }

  #update(id: string, patch: Partial<ImportItem>): void {
    const current = this.#all.get(id);
    // A worker's own 'done' progress event may arrive before its result: only #finish ends an item
    // (and counts it).
    if (!current || FINAL.has(current.stage) || (patch.stage && FINAL.has(patch.stage))) return;
    // A file is read before it queues for a parse worker, but a pasted text queues first: the
    // bar only moves forward.
    const progress = patch.stage ? Math.max(current.progress, stageProgress(patch.stage)) : current.progress;
    this.#all.set(id, { ...current, ...patch, progress });
    this.#scheduleFlush();
  }

  #finish(id: string, patch: Partial<ImportItem>, persisted: boolean): void {
    const current = this.#all.get(id);
    if (!current || FINAL.has(current.stage)) return;
    const item = { ...current, ...patch };
    if (item.stage !== current.stage) item.progress = Math.max(current.progress, stageProgress(item.stage));
    this.#all.set(id, item);
    if (item.stage === 'done') this.#counts.done += 1;
    else if (item.stage === 'failed') this.#counts.failed += 1;
    else this.#counts.cancelled += 1;
    this.#runFinished += 1;
    this.#finishedOrder.push(id);
    if (persisted) this.#forget(id);
    this.#scheduleFlush();
  }

  /** The file is finished: its pending entry goes, in batches (one transaction per batch). */
  #forget(id: string): void {
    this.#toRemove.push(id);
    if (this.#removeTimer !== undefined) return;
    this.#removeTimer = setTimeout(() => {
      this.#removeTimer = undefined;
      const ids = this.#toRemove.splice(0);
      void services.pendingImports.remove(ids).catch(() => undefined);
    }, REMOVE_FLUSH_MS);
  }

  #scheduleFlush(): void {
    this.#flushTimer ??= setTimeout(() => this.#flushNow(), FLUSH_MS);
  }

  #flushNow(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const { done, failed, cancelled } = this.#counts;
    const total = this.#counts.total + this.#unregistered;
    const now = this.paused ? this.#pausedAt : performance.now();
    const seconds = Math.max(0.001, (now - this.#runStartedAt - this.#pausedMs) / 1000);
    const filesPerSecond = this.#runFinished > 0 ? this.#runFinished / seconds : 0;
    const left = total - done - failed - cancelled;
    this.progress = {
      total,
      done,
      failed,
      cancelled,
      active: this.#inFlight,
      filesPerSecond,
      secondsLeft: filesPerSecond > 0 ? left / filesPerSecond : undefined,
      unsaved: this.#unregistered,
    };
    this.items = this.#visibleItems();
  }

  #visibleItems(): ImportItem[] {
    if (this.#all.size <= SHOW_ALL_UP_TO) return [...this.#all.values()];
    const shown: ImportItem[] = [];
    let problems = 0;
    for (const item of this.#all.values()) {
      const problem = item.stage === 'failed' || item.warnings.length > 0;
      if (!FINAL.has(item.stage) && item.stage !== 'queued') shown.push(item);
      else if (problem && problems < SHOWN_PROBLEMS) {
        shown.push(item);
        problems += 1;
      }
    }
    for (const id of this.#finishedOrder.slice(-SHOWN_DONE)) {
      const item = this.#all.get(id);
      if (item && item.stage === 'done' && item.warnings.length === 0) shown.push(item);
    }
    return shown;
  }
}

/** An import's warnings and, when it has any, its notes, as the import row shows them. */
function noticesOf(result: Pick<ImportResult, 'warnings' | 'notes'>): Pick<ImportItem, 'warnings' | 'notes'> {
  return {
    warnings: result.warnings,
    ...(result.notes && result.notes.length > 0 ? { notes: result.notes } : {}),
  };
}

export const importQueue = new ImportQueue();
