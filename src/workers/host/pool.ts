/**
 * Main-thread worker pool, one per worker kind (parse N, embed 1, llm 1). It owns the queue and
 * the workers' lifecycle: FIFO queue with no dropped work, at most `size` tasks at once, lazy
 * worker creation, idle workers ended after `idleTimeoutMs`, and crash isolation (a crashed
 * worker fails only its own task and is replaced on demand).
 *
 * Cancel semantics belong to the worker kind (`cancel` option). A queued task is always simply
 * removed. A running task's abort then depends on the kind:
 * - 'terminate' (stateless parse and match workers, as in Squoosh): the worker is terminated and
 *   the next task gets a fresh one.
 * - 'drop-reply' (search index, loaded embedding model): the caller is rejected at once, the
 *   worker keeps running and keeps its state; its stale reply is dropped when it arrives, and only
 *   then does the worker take the next task (it is single-threaded anyway).
 * - 'cooperative' (the LLM's interrupt): like 'drop-reply', but the task itself watches the
 *   signal and stops early; the pool never terminates the worker for an abort.
 *
 * Deadline: a task may carry `deadlineMs` (see taskDeadlineMs); when it runs past it, its worker
 * is terminated and only that task fails with TaskDeadlineError, so one hostile file cannot
 * hold the import queue until someone presses Cancel.
 *
 * Only the Comlink adapter at the bottom touches Worker; the pool itself uses the structural
 * PooledWorker interface, so tests drive it with fakes in Node.
 */
import { wrap, type Remote } from 'comlink';
import { AbortedError, TaskDeadlineError, WorkerCrashedError, coerceError } from '../../core/errors';

/** One worker as the pool sees it. */
export interface PooledWorker<Api> {
  api: Api;
  terminate(): void;
  /** Registers the callback to run when the worker dies or reports an uncaught error. */
  onCrash(callback: (reason: string) => void): void;
}

/** What aborting a running task does to its worker (see the module header). */
export type CancelPolicy = 'terminate' | 'drop-reply' | 'cooperative';

export interface WorkerPoolOptions<Api> {
  /** Worker kind, for stats and error messages: 'parse', 'embed', 'llm'. */
  kind: string;
  /** Most tasks running at once (and most workers alive). */
  size: number;
  /** A worker idle this long is terminated. Infinity keeps workers until dispose(). */
  idleTimeoutMs: number;
  /** What an abort of a running task does; 'terminate' unless the worker holds state. */
  cancel?: CancelPolicy;
  create: () => PooledWorker<Api>;
  /** Clock for wait times; injectable for tests. */
  now?: () => number;
}

export interface PoolStats {
  kind: string;
  size: number;
  /** Workers alive (busy + idle). */
  workers: number;
  active: number;
  queued: number;
  done: number;
  failed: number;
  crashes: number;
  cancelled: number;
  /** Workers created since the pool started (a warm pool keeps this at its size). */
  created: number;
  /** Mean time from run() to the task starting on a worker, over all started tasks. */
  meanWaitMs: number;
}

export type PoolStatsListener = (stats: PoolStats) => void;

interface Slot<Api> {
  worker: PooledWorker<Api>;
  /** The task running on this worker, if any. */
  job: Job<Api> | undefined;
  idleTimer: unknown;
  alive: boolean;
}

interface Job<Api> {
  signal: AbortSignal;
  task: (api: Api) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  enqueuedAt: number;
  settled: boolean;
  onAbort: () => void;
  deadlineMs: number | undefined;
  deadlineTimer: unknown;
}

export interface RunOptions {
  /** Longest this task may run once started on a worker (not counting queue wait). */
  deadlineMs?: number;
}

export interface DeadlinePolicy {
  minMs: number;
  msPerMegabyte: number;
}

/** max(30 s, 5 s per MB) by default. */
export const DEFAULT_DEADLINE: DeadlinePolicy = { minMs: 30_000, msPerMegabyte: 5_000 };

/** The deadline for a task over `bytes` of input: max(minMs, msPerMegabyte × MB). */
export function taskDeadlineMs(bytes: number, policy: DeadlinePolicy = DEFAULT_DEADLINE): number {
  return Math.max(policy.minMs, (bytes / (1024 * 1024)) * policy.msPerMegabyte);
}

/**
 * Parse pool size: clamp(hardwareConcurrency − 1, 2, 4), and 1 on a single core. On 2 cores two
 * parse workers win: a file's time is mostly pdf.js and IndexedDB waits, the main thread is idle
 * during an import, and the browser bench measured the import rate with 1 and 2 workers
 * (docs/benchmarks.md).
 */
export function defaultParsePoolSize(hardwareConcurrency: number | undefined): number {
  const cores = hardwareConcurrency && hardwareConcurrency > 0 ? hardwareConcurrency : 2;
  if (cores <= 1) return 1;
  return Math.min(4, Math.max(2, cores - 1));
}

export class WorkerPool<Api> {
  readonly kind: string;
  readonly size: number;
  readonly idleTimeoutMs: number;
  readonly cancelPolicy: CancelPolicy;
  readonly #create: () => PooledWorker<Api>;
  readonly #now: () => number;
  readonly #slots: Slot<Api>[] = [];
  readonly #queue: Job<Api>[] = [];
  readonly #listeners = new Set<PoolStatsListener>();
  #done = 0;
  #failed = 0;
  #crashes = 0;
  #cancelled = 0;
  #started = 0;
  #created = 0;
  #totalWaitMs = 0;
  #disposed = false;

  constructor(options: WorkerPoolOptions<Api>) {
    if (!(options.size >= 1)) throw new RangeError(`Pool ${options.kind}: size must be >= 1`);
    this.kind = options.kind;
    this.size = Math.floor(options.size);
    this.idleTimeoutMs = options.idleTimeoutMs;
    this.cancelPolicy = options.cancel ?? 'terminate';
    this.#create = options.create;
    this.#now = options.now ?? (() => performance.now());
  }

  /**
   * Runs `task` on a worker when one is free. Rejects with AbortedError when `signal` aborts
   * (before or during the task) and WorkerCrashedError when the worker dies under it.
   */
  run<T>(signal: AbortSignal, task: (api: Api) => Promise<T>, options: RunOptions = {}): Promise<T> {
    if (this.#disposed) return Promise.reject(new AbortedError(`The ${this.kind} workers were shut down.`));
    if (signal.aborted) return Promise.reject(new AbortedError());
    return new Promise<T>((resolve, reject) => {
      const job: Job<Api> = {
        signal,
        task,
        resolve: resolve as (value: unknown) => void,
        reject,
        enqueuedAt: this.#now(),
        settled: false,
        onAbort: () => this.#cancel(job),
        deadlineMs: options.deadlineMs,
        deadlineTimer: undefined,
      };
      signal.addEventListener('abort', job.onAbort, { once: true });
      this.#queue.push(job);
      this.#pump();
      this.#emit();
    });
  }

  stats(): PoolStats {
    return {
      kind: this.kind,
      size: this.size,
      workers: this.#slots.length,
      active: this.#slots.filter((slot) => slot.job !== undefined).length,
      queued: this.#queue.length,
      done: this.#done,
      failed: this.#failed,
      crashes: this.#crashes,
      cancelled: this.#cancelled,
      created: this.#created,
      meanWaitMs: this.#started === 0 ? 0 : this.#totalWaitMs / this.#started,
    };
  }

  /** Called after every change of the stats (the UI throttles). Returns an unsubscribe function. */
  onStats(listener: PoolStatsListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Rejects queued and running tasks with AbortedError and terminates every worker. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const error = new AbortedError(`The ${this.kind} workers were shut down.`);
    for (const job of this.#queue.splice(0)) this.#settle(job, error, false);
    for (const slot of [...this.#slots]) {
      if (slot.job) this.#settle(slot.job, error, false);
      this.#retire(slot);
    }
    this.#emit();
    this.#listeners.clear();
  }

  #pump(): void {
    while (!this.#disposed && this.#queue.length > 0) {
      const slot = this.#freeSlot();
      if (!slot) return;
      const job = this.#queue.shift();
      if (!job) return;
      this.#start(slot, job);
    }
  }

  /** An idle worker (most recently used first, so the others can time out), or a new one while under size. */
  #freeSlot(): Slot<Api> | undefined {
    for (let i = this.#slots.length - 1; i >= 0; i -= 1) {
      const slot = this.#slots[i];
      if (slot && slot.job === undefined) return slot;
    }
    if (this.#slots.length >= this.size) return undefined;
    const slot: Slot<Api> = { worker: this.#create(), job: undefined, idleTimer: undefined, alive: true };
    this.#created += 1;
    slot.worker.onCrash((reason) => this.#crash(slot, reason));
    this.#slots.push(slot);
    return slot;
  }

  #start(slot: Slot<Api>, job: Job<Api>): void {
    clearTimeout(slot.idleTimer as ReturnType<typeof setTimeout>);
    slot.idleTimer = undefined;
    slot.job = job;
    this.#started += 1;
    this.#totalWaitMs += Math.max(0, this.#now() - job.enqueuedAt);
    if (job.deadlineMs !== undefined && Number.isFinite(job.deadlineMs)) {
      job.deadlineTimer = setTimeout(() => this.#expire(slot, job), job.deadlineMs);
    }
    // The executor runs the task synchronously; a synchronous throw becomes a rejection.
    const running = new Promise<unknown>((resolve) => resolve(job.task(slot.worker.api)));
    running.then(
      (value) => {
        if (slot.job !== job) return;
        // An aborted task of a kind that keeps its worker: the stale reply is dropped here.
        if (job.settled) return this.#release(slot);
        this.#done += 1;
        this.#settle(job, undefined, true, value);
        this.#release(slot);
      },
      (error: unknown) => {
        if (slot.job !== job) return;
        if (job.settled && coerceError(error).code !== 'worker-crashed') return this.#release(slot);
        if (job.settled) return this.#crash(slot, error instanceof Error ? error.message : String(error));
        // A worker adapter may report its death by rejecting the call rather than by an event.
        if (coerceError(error).code === 'worker-crashed') {
          this.#crash(slot, error instanceof Error ? error.message : String(error));
          return;
        }
        this.#failed += 1;
        this.#settle(job, error, false);
        this.#release(slot);
      },
    );
  }

  #cancel(job: Job<Api>): void {
    if (job.settled) return;
    const queuedAt = this.#queue.indexOf(job);
    if (queuedAt >= 0) {
      this.#queue.splice(queuedAt, 1);
    } else {
      const slot = this.#slots.find((each) => each.job === job);
      // Parse work cannot be interrupted from outside: terminating the worker is the cancel. A
      // worker with state (index, model, LLM) stays: the slot stays busy until its reply comes.
      if (slot && this.cancelPolicy === 'terminate') this.#retire(slot);
    }
    this.#cancelled += 1;
    this.#settle(job, new AbortedError(), false);
    this.#pump();
    this.#emit();
  }

  /** The task ran past its deadline: end its worker (the only way to stop sync work) and fail it alone. */
  #expire(slot: Slot<Api>, job: Job<Api>): void {
    if (job.settled || slot.job !== job) return;
    this.#retire(slot);
    this.#failed += 1;
    const seconds = Math.round((job.deadlineMs ?? 0) / 1000);
    this.#settle(
      job,
      new TaskDeadlineError(
        `This file took longer than ${seconds} s to read, so it was stopped (other files were not affected). ` +
          'It may be damaged or crafted; open it, save it again (or as PDF), and add it again.',
      ),
      false,
    );
    this.#pump();
    this.#emit();
  }

  #crash(slot: Slot<Api>, reason: string): void {
    if (!slot.alive) return;
    this.#crashes += 1;
    const job = slot.job;
    this.#retire(slot);
    if (job && !job.settled) {
      this.#failed += 1;
      this.#settle(
        job,
        new WorkerCrashedError(
          `The ${this.kind} worker stopped unexpectedly (${reason || 'no details'}). ` +
            'This task was not finished; other tasks were not affected. Try it again.',
        ),
        false,
      );
    }
    this.#pump();
    this.#emit();
  }

  #release(slot: Slot<Api>): void {
    slot.job = undefined;
    if (Number.isFinite(this.idleTimeoutMs)) {
      slot.idleTimer = setTimeout(() => {
        if (slot.alive && slot.job === undefined) {
          this.#retire(slot);
          this.#emit();
        }
      }, this.idleTimeoutMs);
    }
    this.#pump();
    this.#emit();
  }

  /** Terminates the worker and forgets the slot; its running job (if any) is the caller's business. */
  #retire(slot: Slot<Api>): void {
    if (!slot.alive) return;
    slot.alive = false;
    slot.job = undefined;
    clearTimeout(slot.idleTimer as ReturnType<typeof setTimeout>);
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
    try {
      slot.worker.terminate();
    } catch {
      // Already gone: nothing left to stop.
    }
  }

  #settle(job: Job<Api>, error: unknown, ok: boolean, value?: unknown): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.deadlineTimer as ReturnType<typeof setTimeout>);
    job.signal.removeEventListener('abort', job.onAbort);
    if (ok) job.resolve(value);
    else job.reject(error);
  }

  #emit(): void {
    if (this.#listeners.size === 0) return;
    const stats = this.stats();
    for (const listener of this.#listeners) {
      try {
        listener(stats);
      } catch {
        // A broken stats widget must not break task scheduling.
      }
    }
  }
}

/**
 * Adapts a real module Worker with a Comlink-exposed API to the pool. Uncaught errors and
 * undeserialisable messages from the worker count as a crash: the pool terminates it and
 * fails the running task, since its state can no longer be trusted.
 */
export function comlinkWorker<Api>(factory: () => Worker): PooledWorker<Remote<Api>> {
  const worker = factory();
  const api = wrap<Api>(worker);
  let crashCallback: ((reason: string) => void) | undefined;
  const crash = (reason: string): void => crashCallback?.(reason);
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    crash(event.message || 'uncaught error in the worker');
  });
  worker.addEventListener('messageerror', () => crash('a message from the worker could not be read'));
  return {
    api,
    terminate: () => worker.terminate(),
    onCrash: (callback) => {
      crashCallback = callback;
    },
  };
}
