/**
 * The pool's per-task deadline: a task that never finishes (a worker stuck in a slow pattern)
 * has its worker ended and fails alone with a clear message; the next task runs on a fresh one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskDeadlineError } from '../../../src/core/errors';
import { WorkerPool, taskDeadlineMs, type PooledWorker } from '../../../src/workers/host/pool';

interface StuckApi {
  work(label: string): Promise<string>;
}

function makeWorker(created: { terminated: boolean }[]): PooledWorker<StuckApi> {
  const state = { terminated: false };
  created.push(state);
  return {
    api: {
      work: (label) => (label === 'stuck' ? new Promise<string>(() => {}) : Promise.resolve(`${label}:done`)),
    },
    terminate: () => {
      state.terminated = true;
    },
    onCrash: () => {},
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('per-task deadline', () => {
  it('is max(30 s, 5 s per MB)', () => {
    expect(taskDeadlineMs(100 * 1024)).toBe(30_000);
    expect(taskDeadlineMs(10 * 1024 * 1024)).toBe(50_000);
    expect(taskDeadlineMs(1024 * 1024, { minMs: 1000, msPerMegabyte: 2000 })).toBe(2000);
  });

  it('ends the worker of a task past its deadline and fails only that task', async () => {
    vi.useFakeTimers();
    const created: { terminated: boolean }[] = [];
    const pool = new WorkerPool<StuckApi>({
      kind: 'parse',
      size: 1,
      idleTimeoutMs: Infinity,
      create: () => makeWorker(created),
    });
    const signal = new AbortController().signal;
    const stuck = pool.run(signal, (api) => api.work('stuck'), { deadlineMs: 30_000 });
    const next = pool.run(signal, (api) => api.work('good'), { deadlineMs: 30_000 });
    const stuckOutcome = stuck.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(pool.stats().active).toBe(1);
    await vi.advanceTimersByTimeAsync(1_001);
    const error = await stuckOutcome;
    expect(error).toBeInstanceOf(TaskDeadlineError);
    expect((error as TaskDeadlineError).code).toBe('timeout');
    expect((error as Error).message).toMatch(/took longer than 30 s .*other files were not affected/);
    expect(created[0]?.terminated).toBe(true);
    await expect(next).resolves.toBe('good:done');
    expect(created).toHaveLength(2);
    expect(pool.stats().failed).toBe(1);
    pool.dispose();
  });

  it('does not touch a task that finishes in time', async () => {
    vi.useFakeTimers();
    const created: { terminated: boolean }[] = [];
    const pool = new WorkerPool<StuckApi>({
      kind: 'parse',
      size: 1,
      idleTimeoutMs: Infinity,
      create: () => makeWorker(created),
    });
    await expect(
      pool.run(new AbortController().signal, (api) => api.work('quick'), { deadlineMs: 10 }),
    ).resolves.toBe('quick:done');
    await vi.advanceTimersByTimeAsync(1000);
    expect(created[0]?.terminated).toBe(false);
    expect(pool.stats().failed).toBe(0);
    pool.dispose();
  });
});
