import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type { LlmApi, LlmModelInfo } from '../../../src/core/contracts/llm-api';
import type { Outcome } from '../../../src/core/contracts/outcome';
import { AbortedError, WorkerCrashedError } from '../../../src/core/errors';
import { MetricsRegistry } from '../../../src/core/metrics';
import { LlmClient } from '../../../src/workers/host/llm-client';
import type { PooledWorker } from '../../../src/workers/host/pool';

const MODEL = { id: 'tiny-llm' } as unknown as LlmModelInfo;

/**
 * Shaped like the llm worker: `load` runs until its request is cancelled through `cancel` (the
 * cooperative interrupt) or until the test finishes it; the worker can crash (device lost).
 */
class FakeLlmWorker implements PooledWorker<Remote<LlmApi>> {
  static created: FakeLlmWorker[] = [];
  terminated = false;
  readonly cancelled: string[] = [];
  readonly #running = new Map<string, (outcome: Outcome<LlmModelInfo>) => void>();
  #crash: ((reason: string) => void) | undefined;

  constructor() {
    FakeLlmWorker.created.push(this);
  }

  finish(): void {
    for (const [, resolve] of this.#running) resolve({ ok: true, value: MODEL });
    this.#running.clear();
  }

  crash(reason: string): void {
    this.#crash?.(reason);
  }

  readonly api = {
    load: (request: { requestId: string }): Promise<Outcome<LlmModelInfo>> =>
      new Promise((resolve) => this.#running.set(request.requestId, resolve)),
    cancel: (requestId: string): Promise<void> => {
      this.cancelled.push(requestId);
      this.#running.get(requestId)?.({
        ok: false,
        error: { name: 'AbortedError', code: 'aborted', message: 'Cancelled.' },
      });
      this.#running.delete(requestId);
      return Promise.resolve();
    },
    cachedModels: (): Promise<Outcome<string[]>> => Promise.resolve({ ok: true, value: ['tiny-llm'] }),
    onQueue: (): Promise<void> => Promise.resolve(),
  } as unknown as Remote<LlmApi>;

  terminate(): void {
    this.terminated = true;
  }

  onCrash(callback: (reason: string) => void): void {
    this.#crash = callback;
  }
}

function client(): LlmClient {
  FakeLlmWorker.created = [];
  return new LlmClient(new MetricsRegistry(), () => new FakeLlmWorker());
}

describe('LlmClient under the worker pool', () => {
  it('starts no worker until a task needs one, then keeps one', async () => {
    const llm = client();
    expect(llm.started).toBe(false);
    expect(await llm.status()).toBeNull();
    await expect(llm.cachedModels([])).resolves.toEqual(['tiny-llm']);
    await llm.cachedModels([]);
    expect(FakeLlmWorker.created).toHaveLength(1);
    expect(llm.started).toBe(true);
    expect(llm.pool.stats()).toMatchObject({ kind: 'llm', size: 1, done: 2 });
  });

  it('an abort interrupts the generation in the worker and keeps the worker (and its model)', async () => {
    const llm = client();
    const controller = new AbortController();
    const loading = llm.load(controller.signal, { modelId: 'tiny-llm' }, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    await expect(loading).rejects.toBeInstanceOf(AbortedError);
    const worker = FakeLlmWorker.created[0]!;
    expect(worker.cancelled).toHaveLength(1);
    expect(worker.terminated).toBe(false);
    // The next task runs on the same worker.
    const again = llm.load(new AbortController().signal, { modelId: 'tiny-llm' }, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    worker.finish();
    await expect(again).resolves.toEqual(MODEL);
    expect(FakeLlmWorker.created).toHaveLength(1);
  });

  it('a crash fails only the running task, tells listeners, and the next task gets a new worker', async () => {
    const llm = client();
    const messages: string[] = [];
    llm.onCrash((message) => messages.push(message));
    const loading = llm.load(new AbortController().signal, { modelId: 'tiny-llm' }, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    FakeLlmWorker.created[0]!.crash('GPU device lost');
    await expect(loading).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(messages).toEqual([expect.stringContaining('GPU device lost')]);
    expect(FakeLlmWorker.created[0]!.terminated).toBe(true);
    expect(llm.started).toBe(false);
    await llm.cachedModels([]);
    expect(FakeLlmWorker.created).toHaveLength(2);
  });
});
