import { describe, expect, it } from 'vitest';
import type { FileImportRequest, ImportResult } from '../../../src/core/contracts/parse-api';
import type { Outcome } from '../../../src/core/contracts/outcome';
import { MetricsRegistry } from '../../../src/core/metrics/registry';
import { ImportClient } from '../../../src/workers/host/clients';

/** What the parse worker was handed for one call. */
interface Seen {
  pendingId?: string;
  file?: Blob;
}

/**
 * An ImportClient whose pool runs tasks on a fake parse worker: it reads a queued file from
 * `pending` (as the real worker reads IndexedDB) and reports "not-found" when the entry is gone.
 */
function clientWith(pending: Map<string, Blob>): { client: ImportClient; seen: Seen[] } {
  const seen: Seen[] = [];
  const result = (request: FileImportRequest): Outcome<ImportResult> => ({
    ok: true,
    value: {
      id: request.requestId,
      role: request.role,
      kind: 'txt',
      name: request.fileName,
      warnings: [],
      timings: {
        parseMetric: 'parse.text',
        parseMs: 1,
        extractMetric: 'extract.resume',
        extractMs: 1,
        saveMs: 1,
      },
    },
  });
  const api = {
    importFile: (request: FileImportRequest) => {
      seen.push({
        ...(request.pendingId ? { pendingId: request.pendingId } : {}),
        ...(request.file ? { file: request.file } : {}),
      });
      if (request.pendingId && !pending.has(request.pendingId)) {
        return Promise.resolve({
          ok: false,
          error: { name: 'ShortlistError', code: 'not-found', message: 'no longer in the queue' },
        });
      }
      return Promise.resolve(result(request));
    },
  };
  const client = new ImportClient(new MetricsRegistry(), 1);
  Object.defineProperty(client, 'pool', {
    value: { size: 1, run: (_signal: AbortSignal, task: (worker: unknown) => unknown) => task(api) },
  });
  return { client, seen };
}

const request = (requestId: string, persisted?: boolean) => ({
  requestId,
  file: new File(['Jane Doe\nEngineer'], `${requestId}.txt`, { type: 'text/plain' }),
  role: 'resume' as const,
  maxBytes: 1_000_000,
  ...(persisted === undefined ? {} : { persisted }),
});

describe('ImportClient: how a picked file reaches the parse worker', () => {
  it('names a persisted file by its pending id instead of handing the File over again', async () => {
    const { client, seen } = clientWith(new Map([['a', new Blob(['x'])]]));
    const imported = await client.importFile(new AbortController().signal, request('a', true), () => {});
    expect(imported.id).toBe('a');
    expect(seen).toEqual([{ pendingId: 'a' }]);
  });

  it('hands the File over when the queue could not persist it', async () => {
    const { client, seen } = clientWith(new Map());
    await client.importFile(new AbortController().signal, request('b', false), () => {});
    expect(seen).toHaveLength(1);
    expect(seen[0]?.pendingId).toBeUndefined();
    expect(seen[0]?.file).toBeInstanceOf(Blob);
  });

  it('falls back to the File when the pending copy is gone (queue cleared meanwhile)', async () => {
    const { client, seen } = clientWith(new Map());
    const imported = await client.importFile(new AbortController().signal, request('c', true), () => {});
    expect(imported.id).toBe('c');
    expect(seen.map((call) => (call.pendingId ? 'pending' : 'file'))).toEqual(['pending', 'file']);
  });
});
