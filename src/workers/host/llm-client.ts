/**
 * Main-thread side of the LLM: the WebGPU capability check (navigator.gpu only — cheap, and it
 * never loads web-llm) and a client for the llm worker, which is created on first use, never at
 * startup. One long-lived worker: cancelling interrupts the generation inside it (the model stays
 * loaded), unlike parse jobs that cancel by terminating. Records llm.extract, llm.improve,
 * llm.improve.firstToken and llm.guard (errors = suggestions the guard dropped).
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
import type { DocumentRole, Outcome } from '../../core/contracts/parse-api';
import { AbortedError, fromErrorInfo } from '../../core/errors';
import type { AdapterFacts, Capability } from '../../core/llm/capability';
import type { CustomModelSpec, LlmModelInfo } from '../../core/llm/catalog';
import type { MetricsRegistry } from '../../core/metrics';
import { comlinkWorker, type PooledWorker } from './pool';

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw fromErrorInfo(outcome.error);
}

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

export class LlmClient {
  readonly #metrics: MetricsRegistry;
  #worker: PooledWorker<Remote<LlmApi>> | undefined;
  #capability: Promise<Capability> | undefined;
  readonly #queueListeners = new Set<(snapshot: QueueSnapshot) => void>();
  readonly #crashListeners = new Set<(reason: string) => void>();

  constructor(metrics: MetricsRegistry) {
    this.#metrics = metrics;
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
    return this.#worker !== undefined;
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

  async status(): Promise<LlmStatus | null> {
    if (!this.#worker) return null;
    return this.#api().status();
  }

  async load(
    signal: AbortSignal,
    model: { modelId: string; custom?: CustomModelSpec },
    onProgress: (progress: LoadProgress) => void,
  ): Promise<LlmModelInfo> {
    const requestId = nextRequestId('load');
    return this.#cancellable(signal, requestId, (api) =>
      api.load({ requestId, ...model }, Comlink.proxy(onProgress)),
    );
  }

  async unload(): Promise<void> {
    if (!this.#worker) return;
    unwrap(await this.#api().unload());
  }

  async refine(signal: AbortSignal, role: DocumentRole, id: string): Promise<RefineResult> {
    const requestId = nextRequestId('refine');
    const result = await this.#cancellable(signal, requestId, (api) =>
      api.refineExtraction({ requestId, role, id }),
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
    const result = await this.#cancellable(signal, requestId, (api) =>
      api.improve({ requestId, resumeId, jobId }, Comlink.proxy(onEvent)),
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
    return unwrap(await this.#api().cachedModels(queries));
  }

  async deleteCachedModel(query: CachedModelQuery): Promise<void> {
    unwrap(await this.#api().deleteCachedModel(query));
  }

  async #cancellable<T>(
    signal: AbortSignal,
    requestId: string,
    call: (api: Remote<LlmApi>) => Promise<Outcome<T>>,
  ): Promise<T> {
    if (signal.aborted) throw new AbortedError();
    const api = this.#api();
    const onAbort = () => void api.cancel(requestId);
    signal.addEventListener('abort', onAbort, { once: true });
    const crashed = new Promise<never>((_, reject) => {
      const off = this.onCrash((reason) => {
        off();
        reject(fromErrorInfo({ name: 'WorkerCrashedError', code: 'worker-crashed', message: reason }));
      });
    });
    try {
      return unwrap(await Promise.race([call(api), crashed]));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  #api(): Remote<LlmApi> {
    if (!this.#worker) {
      const worker = comlinkWorker<LlmApi>(
        () => new Worker(new URL('../llm.worker.ts', import.meta.url), { type: 'module', name: 'llm' }),
      );
      worker.onCrash((reason) => {
        if (this.#worker === worker) this.#worker = undefined;
        worker.terminate();
        const message = `The AI worker stopped (${reason}). The model was unloaded; load it again to continue.`;
        for (const listener of [...this.#crashListeners]) listener(message);
      });
      this.#worker = worker;
      void worker.api.onQueue(
        Comlink.proxy((snapshot: QueueSnapshot) => {
          for (const listener of this.#queueListeners) listener(snapshot);
        }),
      );
    }
    return this.#worker.api;
  }
}

let shared: LlmClient | undefined;

/** The one client of the page (one llm worker, one loaded model). */
export function sharedLlmClient(metrics: MetricsRegistry): LlmClient {
  shared ??= new LlmClient(metrics);
  return shared;
}
