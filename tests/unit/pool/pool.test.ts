import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortedError, WorkerCrashedError } from '../../../src/core/errors';
import { WorkerPool, defaultParsePoolSize, type PooledWorker } from '../../../src/workers/host/pool';

/** A call on a fake worker that the test settles by hand. */
interface PendingCall {
  label: string;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

interface FakeApi {
  work(label: string): Promise<string>;
}

class FakeWorker implements PooledWorker<FakeApi> {
  static created: FakeWorker[] = [];
  readonly id = FakeWorker.created.length + 1;
  terminated = false;
  readonly pending: PendingCall[] = [];
  #crash: ((reason: string) => void) | undefined;
  readonly api: FakeApi = {
    work: (label) =>
      new Promise<string>((resolve, reject) => {
        this.pending.push({ label, resolve, reject });
      }),
  };

  constructor() {
    FakeWorker.created.push(this);
  }

  terminate(): void {
    this.terminated = true;
  }

  onCrash(callback: (reason: string) => void): void {
    this.#crash = callback;
  }

  crash(reason = 'out of memory'): void {
    this.#crash?.(reason);
  }

  finish(label: string, value = `${label}:done`): void {
    const index = this.pending.findIndex((call) => call.label === label);
    const call = this.pending.splice(index, 1)[0];
    if (!call) throw new Error(`no pending call ${label} on worker ${this.id}`);
    call.resolve(value);
  }
}

function pendingLabels(): string[] {
  return FakeWorker.created.flatMap((worker) =>
    worker.terminated ? [] : worker.pending.map((c) => c.label),
  );
}

function workerRunning(label: string): FakeWorker {
  const worker = FakeWorker.created.find((each) => each.pending.some((call) => call.label === label));
  if (!worker) throw new Error(`${label} is not running`);
  return worker;
}

function makePool(size: number, idleTimeoutMs = Infinity) {
  FakeWorker.created = [];
  return new WorkerPool<FakeApi>({ kind: 'parse', size, idleTimeoutMs, create: () => new FakeWorker() });
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const never = new AbortController().signal;

afterEach(() => {
  vi.useRealTimers();
});

describe('WorkerPool', () => {
  it('runs at most `size` tasks at once, creating workers lazily, in FIFO order', async () => {
    const pool = makePool(2);
    expect(FakeWorker.created).toHaveLength(0);
    let maxActive = 0;
    pool.onStats((stats) => {
      maxActive = Math.max(maxActive, stats.active);
    });
    const results = ['t1', 't2', 't3', 't4', 't5'].map((label) => pool.run(never, (api) => api.work(label)));
    await flush();
    expect(pendingLabels()).toEqual(['t1', 't2']);
    expect(pool.stats()).toMatchObject({ workers: 2, active: 2, queued: 3 });

    workerRunning('t2').finish('t2');
    await flush();
    expect(pendingLabels().sort()).toEqual(['t1', 't3']);
    workerRunning('t1').finish('t1');
    await flush();
    expect(pendingLabels().sort()).toEqual(['t3', 't4']);
    workerRunning('t4').finish('t4');
    workerRunning('t3').finish('t3');
    await flush();
    workerRunning('t5').finish('t5');
    await expect(Promise.all(results)).resolves.toEqual([
      't1:done',
      't2:done',
      't3:done',
      't4:done',
      't5:done',
    ]);
    expect(maxActive).toBe(2);
    expect(FakeWorker.created).toHaveLength(2); // reused, never more than size
    expect(pool.stats()).toMatchObject({ done: 5, failed: 0, active: 0, queued: 0 });
  });

  it('removes a cancelled queued task without touching workers', async () => {
    const pool = makePool(1);
    const first = pool.run(never, (api) => api.work('first'));
    const controller = new AbortController();
    const queued = pool.run(controller.signal, (api) => api.work('queued'));
    const third = pool.run(never, (api) => api.work('third'));
    await flush();
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(AbortedError);
    expect(pool.stats()).toMatchObject({ queued: 1, cancelled: 1 });
    workerRunning('first').finish('first');
    await flush();
    expect(pendingLabels()).toEqual(['third']);
    workerRunning('third').finish('third');
    await expect(first).resolves.toBe('first:done');
    await expect(third).resolves.toBe('third:done');
    expect(FakeWorker.created.some((worker) => worker.terminated)).toBe(false);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const pool = makePool(1);
    const controller = new AbortController();
    controller.abort();
    await expect(pool.run(controller.signal, (api) => api.work('x'))).rejects.toBeInstanceOf(AbortedError);
    expect(FakeWorker.created).toHaveLength(0);
  });

  it('cancelling a running task terminates its worker; the next task gets a fresh one', async () => {
    const pool = makePool(1);
    const controller = new AbortController();
    const running = pool.run(controller.signal, (api) => api.work('slow'));
    const next = pool.run(never, (api) => api.work('next'));
    await flush();
    const first = workerRunning('slow');
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AbortedError);
    expect(first.terminated).toBe(true);
    await flush();
    const second = workerRunning('next');
    expect(second).not.toBe(first);
    first.finish('slow'); // a late answer from the terminated worker is ignored
    second.finish('next');
    await expect(next).resolves.toBe('next:done');
    expect(pool.stats()).toMatchObject({ cancelled: 1, done: 1, workers: 1 });
  });

  it('a crash fails only that task with WorkerCrashedError and the worker is replaced', async () => {
    const pool = makePool(2);
    const doomed = pool.run(never, (api) => api.work('doomed'));
    const healthy = pool.run(never, (api) => api.work('healthy'));
    const later = pool.run(never, (api) => api.work('later'));
    await flush();
    const crashed = workerRunning('doomed');
    crashed.crash('out of memory');
    await expect(doomed).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(doomed).rejects.toThrow(/parse worker stopped unexpectedly \(out of memory\)/);
    expect(crashed.terminated).toBe(true);
    await flush();
    const replacement = workerRunning('later');
    expect(replacement).not.toBe(crashed);
    expect(FakeWorker.created).toHaveLength(3);
    workerRunning('healthy').finish('healthy');
    replacement.finish('later');
    await expect(healthy).resolves.toBe('healthy:done');
    await expect(later).resolves.toBe('later:done');
    expect(pool.stats()).toMatchObject({ crashes: 1, failed: 1, done: 2 });
  });

  it('treats a call rejected with a worker-crashed error as a crash', async () => {
    const pool = makePool(1);
    const result = pool.run(never, () => Promise.reject(new WorkerCrashedError('connection lost')));
    await expect(result).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(FakeWorker.created[0]?.terminated).toBe(true);
    expect(pool.stats()).toMatchObject({ crashes: 1, failed: 1, workers: 0 });
  });

  it('an ordinary task error fails the task but keeps the worker', async () => {
    const pool = makePool(1);
    await expect(pool.run(never, () => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    await expect(
      pool.run(never, () => {
        throw new Error('sync bad');
      }),
    ).rejects.toThrow('sync bad');
    const ok = pool.run(never, (api) => api.work('ok'));
    await flush();
    workerRunning('ok').finish('ok');
    await expect(ok).resolves.toBe('ok:done');
    expect(FakeWorker.created).toHaveLength(1);
    expect(pool.stats()).toMatchObject({ failed: 2, done: 1, crashes: 0 });
  });

  it('terminates workers left idle for idleTimeoutMs', async () => {
    vi.useFakeTimers();
    const pool = makePool(2, 10_000);
    const a = pool.run(never, (api) => api.work('a'));
    await vi.advanceTimersByTimeAsync(0);
    workerRunning('a').finish('a');
    await a;
    const worker = FakeWorker.created[0];
    await vi.advanceTimersByTimeAsync(9_999);
    expect(worker?.terminated).toBe(false);
    // Reuse before the timeout resets the clock.
    const b = pool.run(never, (api) => api.work('b'));
    await vi.advanceTimersByTimeAsync(5_000);
    workerRunning('b').finish('b');
    await b;
    await vi.advanceTimersByTimeAsync(9_999);
    expect(worker?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(worker?.terminated).toBe(true);
    expect(pool.stats().workers).toBe(0);
    const c = pool.run(never, (api) => api.work('c'));
    await vi.advanceTimersByTimeAsync(0);
    workerRunning('c').finish('c');
    await expect(c).resolves.toBe('c:done');
    expect(FakeWorker.created).toHaveLength(2);
  });

  it('reports mean wait time from the injected clock', async () => {
    let time = 0;
    FakeWorker.created = [];
    const pool = new WorkerPool<FakeApi>({
      kind: 'embed',
      size: 1,
      idleTimeoutMs: Infinity,
      create: () => new FakeWorker(),
      now: () => time,
    });
    const first = pool.run(never, (api) => api.work('1'));
    const second = pool.run(never, (api) => api.work('2'));
    time = 30;
    await flush();
    workerRunning('1').finish('1');
    await first;
    await flush();
    workerRunning('2').finish('2');
    await second;
    expect(pool.stats()).toMatchObject({ kind: 'embed', meanWaitMs: 15 }); // (0 + 30) / 2
  });

  it('dispose rejects queued and running tasks and terminates workers', async () => {
    const pool = makePool(1);
    const running = pool.run(never, (api) => api.work('running'));
    const queued = pool.run(never, (api) => api.work('queued'));
    await flush();
    pool.dispose();
    await expect(running).rejects.toBeInstanceOf(AbortedError);
    await expect(queued).rejects.toBeInstanceOf(AbortedError);
    expect(FakeWorker.created.every((worker) => worker.terminated)).toBe(true);
    await expect(pool.run(never, (api) => api.work('after'))).rejects.toBeInstanceOf(AbortedError);
  });

  it('sizes the parse pool as clamp(cores - 1, 2, 4), one worker on a single core', () => {
    expect(defaultParsePoolSize(1)).toBe(1);
    expect(defaultParsePoolSize(2)).toBe(2);
    expect(defaultParsePoolSize(4)).toBe(3);
    expect(defaultParsePoolSize(16)).toBe(4);
    expect(defaultParsePoolSize(undefined)).toBe(2);
  });

  it("'drop-reply' rejects an aborted running task at once but keeps its worker and state", async () => {
    FakeWorker.created = [];
    const pool = new WorkerPool<FakeApi>({
      kind: 'search',
      size: 1,
      idleTimeoutMs: Infinity,
      cancel: 'drop-reply',
      create: () => new FakeWorker(),
    });
    const controller = new AbortController();
    const stale = pool.run(controller.signal, (api) => api.work('stale'));
    const latest = pool.run(never, (api) => api.work('latest'));
    await flush();
    controller.abort();
    await expect(stale).rejects.toBeInstanceOf(AbortedError);
    // The worker is still busy with the stale request: the next one waits for it, on the same worker.
    expect(pendingLabels()).toEqual(['stale']);
    workerRunning('stale').finish('stale');
    await flush();
    expect(pendingLabels()).toEqual(['latest']);
    workerRunning('latest').finish('latest');
    await expect(latest).resolves.toBe('latest:done');
    expect(FakeWorker.created).toHaveLength(1);
    expect(FakeWorker.created[0]?.terminated).toBe(false);
    expect(pool.stats()).toMatchObject({ created: 1, cancelled: 1, done: 1, failed: 0, active: 0 });
  });

  it("'terminate' (the default) ends the worker of an aborted running task", async () => {
    const pool = makePool(1);
    const controller = new AbortController();
    const running = pool.run(controller.signal, (api) => api.work('running'));
    await flush();
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AbortedError);
    expect(FakeWorker.created[0]?.terminated).toBe(true);
    expect(pool.cancelPolicy).toBe('terminate');
  });
});
