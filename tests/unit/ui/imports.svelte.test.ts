import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientImportStage } from '../../../src/workers/host/clients';

/** The import client as the queue sees it: each call waits until the test finishes it. */
interface Call {
  requestId: string;
  fileName: string;
  persisted: boolean | undefined;
  onStage: (stage: ClientImportStage) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal;
}

const calls: Call[] = [];
/** Set to make the next pendingImports.add fail (a full storage quota). */
let failNextAdd = false;
/** While set, pendingImports.add waits for it (a slow disk: the pick is still being persisted). */
let holdAdds: Promise<void> | undefined;
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
        request: { requestId: string; file: File; role: 'resume'; persisted?: boolean },
        onStage: (stage: ClientImportStage) => void,
      ) =>
        new Promise((resolve, reject) => {
          calls.push({
            requestId: request.requestId,
            fileName: request.file.name,
            persisted: request.persisted,
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
        if (holdAdds) return holdAdds.then(() => void records.forEach((r) => stored.set(r.id, r)));
        if (failNextAdd) {
          failNextAdd = false;
          return Promise.reject(new Error('QuotaExceededError'));
        }
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
  failNextAdd = false;
  holdAdds = undefined;
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

  it('tells the client which files the worker can read from the persisted queue', async () => {
    const queue = new ImportQueue();
    failNextAdd = true; // the first chunk (5 files) finds storage full; the rest is stored
    await queue.addFiles(files(8), 'resume');
    await tick();
    for (let finished = 0; finished < 8 && calls[finished]; finished++) {
      calls[finished]?.resolve();
      await tick();
      await tick();
    }
    expect(calls).toHaveLength(8);
    const persisted = new Map(calls.map((call) => [call.fileName, call.persisted]));
    expect(['r0.txt', 'r1.txt', 'r2.txt', 'r3.txt', 'r4.txt'].map((name) => persisted.get(name))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['r5.txt', 'r6.txt', 'r7.txt'].map((name) => persisted.get(name))).toEqual([true, true, true]);
    queue.cancelAll();
  });

  it('counts the whole pick from the start, and "Cancel all" stops a pick still being persisted', async () => {
    const queue = new ImportQueue();
    let release = () => {};
    holdAdds = new Promise<void>((resolve) => (release = resolve));
    const adding = queue.addFiles(files(40), 'resume');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing persisted yet, but the summary already says "0 of 40".
    expect(queue.progress).toMatchObject({ total: 40, done: 0 });
    expect(queue.busy).toBe(true);
    queue.cancelAll();
    release();
    holdAdds = undefined;
    await adding;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toHaveLength(0); // nothing of the cancelled pick started
    expect(stored.size).toBe(0); // and nothing of it is offered again after a reload
    expect(queue.progress).toMatchObject({ total: 40, cancelled: 40 });
    expect(queue.busy).toBe(false);
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
