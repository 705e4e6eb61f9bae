/**
 * State of Settings → Models: which embedding model is loaded (or loading, with progress), where
 * a model can come from, download consent, importing a model folder, and background re-embedding.
 * Talks only to services.embedder (the embedding worker's client) and the settings repository.
 */
import type {
  EmbedEvent,
  ModelFile,
  ModelProbe,
  ModelStatus,
  ReembedProgress,
  VectorCounts,
} from '../../core/contracts/embed-api';
import { notifier } from './notifier.svelte';
import {
  BUILTIN_MODEL_ID,
  KNOWN_MODELS,
  TINY_MODEL_ID,
  formatBytes,
  isValidModelId,
  knownModel,
  type KnownModel,
} from '../../core/embed/model-manager';
import { services } from '../services';

export interface ModelChoice {
  id: string;
  label: string;
}

/** The model id for a picked folder: a known model whose name matches, else the folder name. */
export function modelIdForFolder(folderName: string): string {
  const known = KNOWN_MODELS.find((model) => model.id === folderName || model.id.endsWith(`/${folderName}`));
  return known ? known.id : folderName;
}

/**
 * The generated test model (hashed words, not semantic) is offered only in builds made for tests
 * (VITE_SHORTLIST_TEST_MODELS=1, as the e2e server builds) or with an explicit `?test-models` flag
 * in the page URL — and then only where this server hosts it. Users never see it otherwise.
 */
export function testModelsEnabled(
  search: string = typeof location === 'undefined' ? '' : location.search,
): boolean {
  return import.meta.env.VITE_SHORTLIST_TEST_MODELS === '1' || new URLSearchParams(search).has('test-models');
}

export class ModelSettingsState {
  status = $state.raw<ModelStatus>({ state: 'none' });
  selectedModelId = $state(BUILTIN_MODEL_ID);
  /** Background embedding paused by the user (kept across reloads). */
  paused = $state(false);
  probe = $state.raw<ModelProbe | undefined>(undefined);
  downloadsAllowed = $state(false);
  /** The consent prompt (size, what is fetched from where) is showing. */
  consentPending = $state(false);
  reembed = $state.raw<ReembedProgress | undefined>(undefined);
  counts = $state.raw<VectorCounts | undefined>(undefined);
  /** The tiny test model is listed only where this server hosts it (tests, CI). */
  tinyAvailable = $state(false);
  busy = $state(false);
  message = $state<string | null>(null);
  error = $state<string | null>(null);

  choices: ModelChoice[] = $derived(
    // The built-in model first (KNOWN_MODELS order); the test model only where enabled and hosted.
    KNOWN_MODELS.filter((model) => !model.testOnly || this.tinyAvailable).map((model) => ({
      id: model.id,
      label: model.testOnly ? `${model.label} — TEST MODEL` : model.label,
    })),
  );
  selectedModel: KnownModel | undefined = $derived(knownModel(this.selectedModelId));
  downloadSize = $derived(
    this.selectedModel ? formatBytes(this.selectedModel.downloadBytes) : 'unknown size',
  );
  loading = $derived(this.status.state === 'loading');

  #loadController: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;
  #countsInFlight = false;
  #countsDirty = false;

  async init(): Promise<void> {
    const embedder = services.embedder;
    this.status = embedder.status;
    this.reembed = embedder.reembedProgress;
    this.#unsubscribe = embedder.subscribe((event) => this.#onEvent(event));
    try {
      const [allowed, configured] = await Promise.all([
        services.settings.get('allowModelDownloads'),
        services.settings.get('embeddingModel'),
      ]);
      this.downloadsAllowed = allowed;
      const signal = new AbortController().signal;
      this.paused = await services.settings.get('embeddingPaused');
      if (testModelsEnabled()) {
        const tiny = await embedder.probe(signal, TINY_MODEL_ID);
        this.tinyAvailable = tiny.available.includes('self-hosted');
      }
      if (configured && isValidModelId(configured)) this.selectedModelId = configured;
      await this.refreshProbe();
      // Brings back the model chosen before a reload, from local files only.
      if (configured) await embedder.restore();
      await this.refreshCounts();
    } catch (error) {
      this.error = notifier.report(error);
    }
  }

  dispose(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  async select(modelId: string): Promise<void> {
    this.selectedModelId = modelId;
    this.consentPending = false;
    await this.refreshProbe();
  }

  async refreshProbe(): Promise<void> {
    try {
      this.probe = await services.embedder.probe(new AbortController().signal, this.selectedModelId);
    } catch (error) {
      this.probe = undefined;
      this.error = notifier.report(error);
    }
  }

  /** Load the selected model from this server or the browser cache (never the network). */
  loadLocal(): Promise<void> {
    return this.#load('local');
  }

  /** First step of a download: show the size and ask. */
  requestDownload(): void {
    this.consentPending = true;
  }

  declineDownload(): void {
    this.consentPending = false;
  }

  /** The user agreed: remember it (allowModelDownloads) and download with progress. */
  async confirmDownload(): Promise<void> {
    this.consentPending = false;
    await services.settings.set('allowModelDownloads', true);
    this.downloadsAllowed = true;
    await this.#load('download');
  }

  async setDownloadsAllowed(allowed: boolean): Promise<void> {
    await services.settings.set('allowModelDownloads', allowed);
    this.downloadsAllowed = allowed;
    await this.refreshProbe();
  }

  cancelLoad(): void {
    this.#loadController?.abort();
  }

  async unload(): Promise<void> {
    await services.embedder.unload();
    this.counts = undefined;
    this.message = 'Model unloaded. Scores are lexical until a model is loaded again.';
  }

  /** Import a model folder picked with <input webkitdirectory>, then load it offline. */
  async importFolder(fileList: FileList | File[]): Promise<void> {
    this.message = null;
    this.error = null;
    const files = [...fileList];
    const first = files[0];
    if (!first) return;
    const relative = (file: File): string => file.webkitRelativePath || file.name;
    const folderName = relative(first).split('/')[0] ?? '';
    const modelId = modelIdForFolder(folderName);
    if (!isValidModelId(modelId)) {
      this.error = `"${folderName}" is not a usable model name; rename the folder (letters, digits, - . _).`;
      return;
    }
    this.busy = true;
    try {
      const modelFiles: ModelFile[] = await Promise.all(
        files.map(async (file) => ({
          // Paths inside the model folder: drop the folder's own name.
          path: relative(file).split('/').slice(1).join('/') || file.name,
          bytes: await file.arrayBuffer(),
        })),
      );
      const { bytes } = await services.embedder.importModel(
        new AbortController().signal,
        modelId,
        modelFiles,
      );
      this.message = `Imported ${modelId} (${formatBytes(bytes)}). Loading it…`;
      this.selectedModelId = modelId;
      await this.#load('local');
    } catch (error) {
      this.error = notifier.report(error);
    } finally {
      this.busy = false;
    }
  }

  cancelReembed(): void {
    services.embedder.cancelReembed();
  }

  /** Pause background embedding; it stays paused after a reload until resumed. */
  async pause(): Promise<void> {
    await services.embedder.pause();
    this.paused = true;
  }

  async resume(): Promise<void> {
    this.paused = false;
    await services.embedder.resume();
  }

  startReembed(): void {
    services.embedder.startReembed();
  }

  async refreshCounts(): Promise<void> {
    if (this.#countsInFlight) {
      this.#countsDirty = true;
      return;
    }
    this.#countsInFlight = true;
    try {
      do {
        this.#countsDirty = false;
        this.counts = await services.embedder.countVectors();
      } while (this.#countsDirty);
    } catch {
      // Counts are informational; the status line already shows model errors.
    } finally {
      this.#countsInFlight = false;
    }
  }

  async #load(policy: 'local' | 'download'): Promise<void> {
    this.message = null;
    this.error = null;
    this.#loadController?.abort();
    const controller = new AbortController();
    this.#loadController = controller;
    try {
      const info = await services.embedder.load(controller.signal, this.selectedModelId, policy);
      this.message = `${info.modelId} is ready (${info.dims} dimensions, ${info.backend}).`;
      await this.refreshCounts();
    } catch (error) {
      const typed = notifier.typed(error);
      this.error = typed.code === 'aborted' ? null : typed.message;
      if (typed.code === 'aborted') this.message = 'Loading cancelled.';
    } finally {
      if (this.#loadController === controller) this.#loadController = undefined;
      await this.refreshProbe();
    }
  }

  #onEvent(event: EmbedEvent): void {
    if (event.type === 'status') this.status = event.status;
    else if (event.type === 'reembed') this.reembed = event.finished ? undefined : event.progress;
    else void this.refreshCounts();
  }
}
