import { describe, expect, it, vi } from 'vitest';

const calls: { request: Record<string, unknown> }[] = [];
const seen: number[] = [];

vi.mock('../../../src/ui/services', () => ({
  services: {
    settings: { get: () => Promise.resolve(1_000_000) },
    embedder: { embedSoon: () => undefined },
    pendingImports: {
      add: () => Promise.resolve(),
      remove: () => Promise.resolve(),
      removeMany: () => Promise.resolve(),
      count: () => Promise.resolve(0),
      clear: () => Promise.resolve(),
    },
    imports: {
      pool: { size: 1 },
      // Reports stages out of order (queued after reading), as a busy pool can.
      importFile: async (
        _signal: AbortSignal,
        request: Record<string, unknown>,
        onStage: (stage: string) => void,
      ) => {
        calls.push({ request });
        for (const stage of ['queued', 'reading', 'parsing', 'extracting', 'saving']) {
          onStage(stage);
          // The screen's rows are refreshed in batches (at most every 250 ms): read them after that.
          await new Promise((resolve) => setTimeout(resolve, 300));
          seen.push(queue.items.at(-1)?.progress ?? -1);
        }
        return { id: request.requestId, role: request.role, warnings: [] };
      },
      importText: async (
        _signal: AbortSignal,
        request: Record<string, unknown>,
        onStage: (stage: string) => void,
      ) => {
        calls.push({ request });
        for (const stage of ['queued', 'parsing', 'reading', 'saving']) {
          onStage(stage);
          await new Promise((resolve) => setTimeout(resolve, 300));
          seen.push(queue.items.at(-1)?.progress ?? -1);
        }
        return { id: request.requestId, role: request.role, warnings: [] };
      },
    },
  },
}));

const { ImportQueue } = await import('../../../src/ui/state/imports.svelte');
const queue = new ImportQueue();

function nonDecreasing(values: number[]): boolean {
  return values.every((value, index) => index === 0 || value >= (values[index - 1] ?? 0));
}

describe('ImportQueue', () => {
  it('progress never goes backwards, whatever order stages arrive in', async () => {
    seen.length = 0;
    await queue.addFiles([new File(['x'], 'a.txt')], 'resume');
    await vi.waitFor(() => expect(queue.finished).toBe(1), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nonDecreasing(seen)).toBe(true);
    expect(queue.items.at(-1)).toMatchObject({ stage: 'done', progress: 1 });

    seen.length = 0;
    await queue.addText('Senior Go engineer', 'job', 'Pasted job');
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(nonDecreasing(seen)).toBe(true);
    expect(seen.at(-1)).toBeGreaterThan(seen[0] ?? 1);
  });

  it('passes the sample flag only for sample data', async () => {
    calls.length = 0;
    await queue.addText('text', 'resume', 'sample-resume-00001.txt', { sample: true });
    await queue.addText('text', 'resume', 'sample-my-own.txt');
    expect(calls.map((call) => call.request.sample)).toEqual([true, undefined]);
  });
});
