/**
 * AI features state shared by Settings, the Improve panel and the Refine panel: what the GPU can
 * run, which model is loaded, download progress, the job queue and web-llm's downloaded models.
 * Nothing here touches web-llm: the capability check reads navigator.gpu, and the worker (which
 * imports web-llm lazily) is created only when the person loads or manages a model.
 */
import { notifier } from './notifier.svelte';
import type { Capability } from '../../core/llm/capability';
import {
  MODEL_CATALOG,
  validateCustomModel,
  type CustomModelSpec,
  type LlmModelInfo,
} from '../../core/llm/catalog';
import type { QueueSnapshot } from '../../core/llm/queue';
import type { CachedModelQuery } from '../../core/contracts/llm-api';
import { services } from '../services';

export class LlmState {
  capability = $state<Capability | null>(null);
  selectedModelId = $state('');
  loaded = $state<LlmModelInfo | null>(null);
  loading = $state(false);
  progress = $state(0);
  progressText = $state('');
  cachedIds = $state.raw<string[]>([]);
  queue = $state<QueueSnapshot | null>(null);
  /** AI tasks waiting in the llm worker pool for the one running on the GPU to finish. */
  poolWaiting = $state(0);
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  customId = $state('');
  customModelUrl = $state('');
  customLibUrl = $state('');
  customLibSha256 = $state('');
  #loadController: AbortController | null = null;
  #started = false;

  readonly canRun = $derived(this.capability?.canRun ?? false);

  async init(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const client = await services.llm();
    client.onQueue((snapshot) => {
      this.queue = snapshot;
    });
    client.pool.onStats((stats) => {
      this.poolWaiting = stats.queued;
    });
    client.onCrash((message) => {
      this.loaded = null;
      this.loading = false;
      this.error = message;
    });
    const capability = await client.capability();
    this.capability = capability;
    this.selectedModelId ||= capability.defaultModelId ?? '';
    // Only a browser that can run a model looks at web-llm's cache (this starts the worker, not web-llm).
    if (capability.canRun) await this.refreshCached();
  }

  /** Models the picker offers: the runnable ones first, then the rest of the catalog for reference. */
  get models(): LlmModelInfo[] {
    return this.capability?.models ?? [];
  }

  customSpec(): CustomModelSpec | undefined {
    if (!this.customId.trim()) return undefined;
    return {
      id: this.customId.trim(),
      modelUrl: this.customModelUrl.trim(),
      modelLibUrl: this.customLibUrl.trim(),
      ...(this.customLibSha256.trim() ? { modelLibSha256: this.customLibSha256.trim().toLowerCase() } : {}),
    };
  }

  async load(useCustom = false): Promise<void> {
    this.error = null;
    this.message = null;
    const custom = useCustom ? this.customSpec() : undefined;
    if (useCustom) {
      const problem = custom ? validateCustomModel(custom) : 'Fill in the model id and both URLs.';
      if (problem) {
        this.error = problem;
        return;
      }
    }
    const modelId = custom?.id ?? this.selectedModelId;
    if (!modelId) return;
    // Weights are large: ask the browser not to evict them (and the library) under storage pressure.
    if (navigator.storage?.persist) await navigator.storage.persist().catch(() => false);
    const controller = new AbortController();
    this.#loadController = controller;
    this.loading = true;
    this.progress = 0;
    this.progressText = 'Starting…';
    try {
      const client = await services.llm();
      this.loaded = await client.load(controller.signal, { modelId, ...(custom ? { custom } : {}) }, (p) => {
        this.progress = p.progress;
        this.progressText = p.text;
      });
      this.message = `${this.loaded.label} is loaded. Refine and Improve are available.`;
    } catch (error) {
      this.error = controller.signal.aborted ? 'Download cancelled.' : notifier.report(error);
    } finally {
      this.loading = false;
      this.#loadController = null;
      await this.refreshCached();
    }
  }

  cancelLoad(): void {
    this.#loadController?.abort();
  }

  async unload(): Promise<void> {
    await (await services.llm()).unload();
    this.loaded = null;
  }

  async refreshCached(): Promise<void> {
    try {
      const queries: CachedModelQuery[] = MODEL_CATALOG.map((model) => ({ modelId: model.id }));
      const custom = this.customSpec();
      if (custom) queries.push({ modelId: custom.id, custom });
      this.cachedIds = await (await services.llm()).cachedModels(queries);
    } catch (error) {
      this.error = notifier.report(error);
    }
  }

  async deleteCached(modelId: string): Promise<void> {
    const custom = this.customSpec();
    try {
      await (
        await services.llm()
      ).deleteCachedModel({ modelId, ...(custom?.id === modelId ? { custom } : {}) });
      if (this.loaded?.id === modelId) this.loaded = null;
      this.message = `Deleted the downloaded files of ${modelId}.`;
    } catch (error) {
      this.error = notifier.report(error);
    }
    await this.refreshCached();
  }
}

export const llm = new LlmState();
