import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientImportStage } from '../../../src/workers/host/clients';

/** The import client as the queue sees it: each call waits until the test finishes it. */
interface Call {
  requestId: string;
  fileName: string;
  onStage: (stage: ClientImportStage) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal;
}

const calls: Call[] = [];
const stored = new Map<
  string,
  { id: string; seq: [number, number]; fileName: string; file: Blob; role: 'resume' }
>();

vi.mock('../../../src/ui/services', () => ({
  services: {
    imports: {
      pool: { size: 2 },
      importFile: (
        signal: AbortSignal,
        request: { requestId: string; file: File; role: 'resume' },
        onStage: (stage: ClientImportStage) => void,
      ) =>
        new Promise((resolve, reject) => {
          calls.push({
            requestId: request.requestId,
            fileName: request.file.name,
            onStage,
            signal,
            resolve: () => resolve({ id: request.requestId, role: 'resume', warnings: [] }),
            reject,
          });
          signal.addEventListener('abort', () =>
            reject(Object.assign(new Error('Cancelled'), { code: 'aborted' })),
          );
        }),
    },
    settings: { get: () => Promise.resolve(20_000_000) },
    embedder: { embedSoon: () => undefined },
    pendingImports: {
      add: (
        records: { id: string; seq: [number, number]; fileName: string; file: Blob; role: 'resume' }[],
      ) => {
        for (const record of records) stored.set(record.id, record);
        return Promise.resolve();
      },
      remove: (ids: string[]) => {
        for (const id of ids) stored.delete(id);
        return Promise.resolve();
      },
      count: () => Promise.resolve(stored.size),
      page: (after: [number, number], limit: number) =>
        Promise.resolve(
          [...stored.values()]
            .filter(
              (record) =>
                record.seq[0] > after[0] || (record.seq[0] === after[0] && record.seq[1] > after[1]),
            )
            .sort((a, b) => a.seq[0] - b.seq[0] || a.seq[1] - b.seq[1])
            .slice(0, limit),
        ),
      clear: () => {
        stored.clear();
        return Promise.resolve();
      },
    },
  },
}));

const { ImportQueue } = await import('../../../src/ui/state/imports.svelte');

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const files = (count: number) =>
  Array.from({ length: count }, (_, i) => new File([`resume ${i}`], `r${i}.txt`));

beforeEach(() => {
  calls.length = 0;
  stored.clear();
});

describe('ImportQueue at scale', () => {
  it('feeds the pool size + 1 files at a time and counts each file once, whichever event comes first', async () => {
    const queue = new ImportQueue();
    await queue.addFiles(files(10), 'resume');
    await tick();
    expect(calls).toHaveLength(3);
    expect(stored.size).toBe(10); // the whole pick is persisted before it runs
    // The worker's own 'done' progress event arrives before its result: still counted once.
    calls[0]?.onStage('done');
    calls[0]?.resolve();
    await tick();
    await tick();
    expect(calls).toHaveLength(4);
    while (calls.some((call) => !call.signal.aborted)) {
      const next = calls.shift();
      next?.resolve();
      await tick();
      await tick();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(queue.progress).toMatchObject({ total: 10, done: 10, failed: 0 });
    expect(queue.finished).toBe(10);
    expect(queue.busy).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(stored.size).toBe(0); // finished files leave the persisted queue
  });

  it('pauses between files and cancels what has not started', async () => {
    const queue = new ImportQueue();
    await queue.addFiles(files(6), 'resume');
    await tick();
    queue.pause();
    calls.splice(0).forEach((call) => call.resolve());
    await tick();
    await tick();
    expect(calls).toHaveLength(0); // paused: nothing new starts
    queue.resume();
    await tick();
    expect(calls).toHaveLength(3);
    queue.cancelAll();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(queue.progress).toMatchObject({ total: 6, done: 3, cancelled: 3 });
  });

  it('resumes what an earlier session left, in pick order, with the same ids', async () => {
    const earlier = new ImportQueue();
    await earlier.addFiles(files(5), 'resume');
    await tick();
    const ids = [...stored.keys()];
    calls.length = 0; // that tab was closed: its calls never finish
    const reopened = new ImportQueue();
    await reopened.checkUnfinished();
    expect(reopened.unfinished).toBe(5);
    await reopened.resumeUnfinished();
    await tick();
    expect(calls.map((call) => call.fileName)).toEqual(['r0.txt', 'r1.txt', 'r2.txt']);
    // Same request ids as before, so a file finished twice overwrites its record.
    expect(calls.map((call) => call.requestId)).toEqual(ids.slice(0, 3));
  });
});
