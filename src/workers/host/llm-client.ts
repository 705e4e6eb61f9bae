/**
 * Main-thread side of the LLM: the WebGPU capability check (navigator.gpu only — cheap, and it
 * never loads web-llm) and a client for the llm worker. The worker lives in the same WorkerPool
 * as every other kind (size 1, created on first use, never at startup, kept while the page
 * lives): tasks (load, refine, improve, cache inspection) queue in the pool, one at a time on the
 * GPU; the pool's 'cooperative' cancel policy rejects an aborted caller at once and keeps the
 * worker, while the client sends the worker an interrupt so the generation stops early (the model
 * stays loaded). A crash fails only the running task (the pool) and tells listeners the model is
 * gone. Records llm.extract, llm.improve, llm.improve.firstToken and llm.guard (errors =
 * suggestions the guard dropped).
 */
import * as Comlink from 'comlink';
import type { Remote } from 'comlink';
import type {
  CachedModelQuery,
  ImproveEvent,
  ImproveResult,
  LlmApi,
  LlmStatus,
  LoadProgress,
  QueueSnapshot,
  RefineResult,
} from '../../core/contracts/llm-api';
import type { DocumentRole } from '../../core/contracts/parse-api';
import type { AdapterFacts, Capability } from '../../core/llm/capability';
import type { CustomModelSpec, LlmModelInfo } from '../../core/llm/catalog';
import type { MetricsRegistry } from '../../core/metrics';
import { call } from './call';
import { WorkerPool, comlinkWorker, type PooledWorker } from './pool';

/** Reads the adapter facts from navigator.gpu. Never throws: a failure reads as "no WebGPU". */
export async function readAdapterFacts(
  gpu: GPU | undefined = globalThis.navigator?.gpu,
): Promise<AdapterFacts> {
  const none: AdapterFacts = {
    webgpu: false,
    adapter: false,
    isFallbackAdapter: false,
    shaderF16: false,
    maxBufferSize: 0,
    maxStorageBufferBindingSize: 0,
  };
  if (!gpu) return none;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ...none, webgpu: true };
    // isFallbackAdapter moved to adapter.info in newer browsers; read both.
    const info = adapter.info as (GPUAdapterInfo & { isFallbackAdapter?: boolean }) | undefined;
    const legacy = adapter as GPUAdapter & { isFallbackAdapter?: boolean };
    return {
      webgpu: true,
      adapter: true,
      isFallbackAdapter: Boolean(info?.isFallbackAdapter ?? legacy.isFallbackAdapter),
      shaderF16: adapter.features.has('shader-f16'),
      maxBufferSize: adapter.limits.maxBufferSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      ...(info?.vendor ? { vendor: info.vendor } : {}),
    };
  } catch {
    return { ...none, webgpu: true };
  }
}

let requestCounter = 0;
function nextRequestId(kind: string): string {
  requestCounter += 1;
  return `llm-${kind}-${Date.now().toString(36)}-${requestCounter}`;
}

function createLlmWorker(): PooledWorker<Remote<LlmApi>> {
  return comlinkWorker<LlmApi>(
    () => new Worker(new URL('../llm.worker.ts', import.meta.url), { type: 'module', name: 'llm' }),
  );
}

export class LlmClient {
  readonly pool: WorkerPool<Remote<LlmApi>>;
  readonly #metrics: MetricsRegistry;
  #capability: Promise<Capability> | undefined;
  /** The live worker's API, for control messages (interrupt, status) that must not queue behind a task. */
  #live: Remote<LlmApi> | undefined;
  readonly #queueListeners = new Set<(snapshot: QueueSnapshot) => void>();
  readonly #crashListeners = new Set<(reason: string) => void>();

  constructor(metrics: MetricsRegistry, create: () => PooledWorker<Remote<LlmApi>> = createLlmWorker) {
    this.#metrics = metrics;
    this.pool = new WorkerPool<Remote<LlmApi>>({
      kind: 'llm',
      size: 1,
      // The loaded model is the worker's state: an abort interrupts the generation, never the worker.
      cancel: 'cooperative',
      idleTimeoutMs: Infinity,
      create: () => this.#attach(create()),
    });
  }

  /** What this browser can run; computed once per page (the GPU does not change under us). */
  capability(): Promise<Capability> {
    // The model catalog and rules load on demand: they are not needed for the first page load.
    this.#capability ??= Promise.all([readAdapterFacts(), import('../../core/llm/capability')]).then(
      ([facts, rules]) => rules.evaluateCapability(facts),
    );
    return this.#capability;
  }

  /** True once the worker exists (a model was loaded or the cache was inspected). */
  get started(): boolean {
    return this.#live !== undefined;
  }

  onQueue(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.#queueListeners.add(listener);
    return () => this.#queueListeners.delete(listener);
  }

  /** Called when the worker dies (e.g. the GPU device was lost): the model is gone. */
  onCrash(listener: (reason: string) => void): () => void {
    this.#crashListeners.add(listener);
    return () => this.#crashListeners.delete(listener);
  }

  /** The worker's own view (model, queue, cache); null before it exists. Never waits behind a task. */
  async status(): Promise<LlmStatus | null> {
    return this.#live ? this.#live.status() : null;
  }

  async load(
    signal: AbortSignal,
    model: { modelId: string; custom?: CustomModelSpec },
    onProgress: (progress: LoadProgress) => void,
  ): Promise<LlmModelInfo> {
    const requestId = nextRequestId('load');
    return this.#interruptible(signal, requestId, (api) =>
      call(api, 'load', { requestId, ...model }, Comlink.proxy(onProgress)),
    );
  }

  async unload(): Promise<void> {
    if (!this.started) return;
    await this.pool.run(new AbortController().signal, (api) => call(api, 'unload'));
  }

  async refine(signal: AbortSignal, role: DocumentRole, id: string): Promise<RefineResult> {
    const requestId = nextRequestId('refine');
    const result = await this.#interruptible(signal, requestId, (api) =>
      call(api, 'refineExtraction', { requestId, role, id }),
    );
    if (!result.fromCache) this.#metrics.record('llm.extract', result.totalMs);
    return result;
  }

  async improve(
    signal: AbortSignal,
    resumeId: string,
    jobId: string,
    onEvent: (event: ImproveEvent) => void,
  ): Promise<ImproveResult> {
    const requestId = nextRequestId('improve');
    const result = await this.#interruptible(signal, requestId, (api) =>
      call(api, 'improve', { requestId, resumeId, jobId }, Comlink.proxy(onEvent)),
    );
    if (!result.fromCache) {
      this.#metrics.record('llm.improve', result.totalMs);
      if (result.firstTokenMs !== undefined)
        this.#metrics.record('llm.improve.firstToken', result.firstTokenMs);
    }
    for (const check of result.checks) this.#metrics.record('llm.guard', check.ms, check.ok);
    return result;
  }

  async cachedModels(queries: CachedModelQuery[]): Promise<string[]> {
    return this.pool.run(new AbortController().signal, (api) => call(api, 'cachedModels', queries));
  }

  async deleteCachedModel(query: CachedModelQuery): Promise<void> {
    await this.pool.run(new AbortController().signal, (api) => call(api, 'deleteCachedModel', query));
  }

  /**
   * A task the user can cancel. The pool rejects the caller at once and keeps the worker
   * ('cooperative'); the interrupt sent here stops the generation inside it, so the slot frees soon.
   */
  #interruptible<T>(
    signal: AbortSignal,
    requestId: string,
    task: (api: Remote<LlmApi>) => Promise<T>,
  ): Promise<T> {
    return this.pool.run(signal, async (api) => {
      const interrupt = () => void api.cancel(requestId);
      signal.addEventListener('abort', interrupt, { once: true });
      try {
        return await task(api);
      } finally {
        signal.removeEventListener('abort', interrupt);
      }
    });
  }

  /** A new worker: subscribe to its queue, and on a crash forget it and tell the listeners. */
  #attach(worker: PooledWorker<Remote<LlmApi>>): PooledWorker<Remote<LlmApi>> {
    this.#live = worker.api;
    void worker.api.onQueue(
      Comlink.proxy((snapshot: QueueSnapshot) => {
        for (const listener of this.#queueListeners) listener(snapshot);
      }),
    );
    const forget = () => {
      if (this.#live === worker.api) this.#live = undefined;
    };
    return {
      api: worker.api,
      terminate: () => {
        forget();
        worker.terminate();
      },
      onCrash: (poolCallback) =>
        worker.onCrash((reason) => {
          forget();
          poolCallback(reason);
          const message = `The AI worker stopped (${reason}). The model was unloaded; load it again to continue.`;
          for (const listener of [...this.#crashListeners]) listener(message);
        }),
    };
  }
}

let shared: LlmClient | undefined;

/** The one client of the page (one llm worker, one loaded model). */
export function sharedLlmClient(metrics: MetricsRegistry): LlmClient {
  shared ??= new LlmClient(metrics);
  return shared;
}
