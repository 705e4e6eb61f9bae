/**
 * The embedding worker's typed contract (one long-lived worker, pool size 1).
 *
 * The worker runs transformers.js `feature-extraction` (mean pooling + L2 normalisation), so every
 * vector it returns or stores has unit length: cosine similarity is a plain dot product (see
 * core/embed/vector-math.ts). Vectors are stored per model id in the `vectors` table as one
 * VectorRecord per owner (resume or job): a whole-document vector plus one vector per chunk, with
 * the chunk spans as offsets into the owner's ParsedDocument.text (core/embed/chunking.ts).
 *
 * Search/ranking code reads vectors from Dexie (`vectors` where `[modelId+role]`), embeds a query
 * with `embedTexts([query])`, and listens to the host client's events to update its index.
 *
 * Like every worker API, calls never throw: failures come back as Outcome.
 */
import type { ErrorInfo } from '../errors';
import type { DocumentRole } from './parse-api';
import type { Outcome } from './outcome';

/** Where the model files came from. */
export type ModelSource = 'self-hosted' | 'cache' | 'download' | 'imported';

/**
 * Which sources `load` may use. 'local' tries self-hosted, then the browser cache (which also holds
 * imported folders) and never the network beyond this origin. 'download' also allows the Hugging Face
 * hub, and only works when the `allowModelDownloads` setting is true (the user agreed).
 */
export type ModelSourcePolicy = 'local' | 'download';

export type EmbedBackend = 'wasm' | 'webgpu';

/** A loaded model. */
export interface ModelInfo {
  modelId: string;
  /** Length of every vector this model produces. */
  dims: number;
  /** Longest input in tokens; chunks are cut to fit (longer text is truncated by the tokenizer). */
  maxTokens: number;
  backend: EmbedBackend;
  source: ModelSource;
  /** Time to load the model (files + session), ms. */
  loadMs: number;
}

/** Model file download/read progress while loading. */
export interface EmbedLoadProgress {
  modelId: string;
  /** The file being read ('onnx/model.onnx', 'tokenizer.json', ...), when known. */
  file?: string;
  loadedBytes: number;
  /** Total bytes over all files, when known (hub downloads report it per file). */
  totalBytes?: number;
  /** 0..1 overall, when it can be estimated. */
  fraction?: number;
}

export type ModelStatus =
  | { state: 'none' }
  | { state: 'loading'; modelId: string; progress?: EmbedLoadProgress }
  | { state: 'ready'; info: ModelInfo }
  | { state: 'error'; modelId: string; error: ErrorInfo };

/** What `probe` found for a model id, before anything is loaded. */
export interface ModelProbe {
  modelId: string;
  /** Sources that have the model's files right now, in lookup order. */
  available: ModelSource[];
  /** Download size in bytes for the hub when known (documented per model, see KNOWN_MODELS). */
  downloadBytes?: number;
  /** Whether the user has agreed to model downloads (`allowModelDownloads`). */
  downloadsAllowed: boolean;
}

/** Vectors for a batch of texts, in one contiguous buffer (transferred, not copied). */
export interface EmbeddedTexts {
  modelId: string;
  dims: number;
  count: number;
  /** Row-major: text i is vectors.subarray(i * dims, (i + 1) * dims). L2-normalised. */
  vectors: Float32Array;
}

export interface EmbedOwnerResult {
  ownerId: string;
  role: DocumentRole;
  modelId: string;
  dims: number;
  /** Number of chunk vectors stored (the document vector is extra). */
  chunks: number;
  /** Time to chunk + embed + store this document (the embed.document metric), ms. */
  embedMs: number;
}

/** One file of a model folder picked from disk, path relative to the folder (e.g. 'onnx/model.onnx'). */
export interface ModelFile {
  path: string;
  /** Transferred, not copied. */
  bytes: ArrayBuffer;
}

/** Owners that have no (or stale) vectors for the current model. */
export interface PendingOwner {
  role: DocumentRole;
  id: string;
}

export interface PendingOwners {
  owners: PendingOwner[];
  total: number;
}

export interface VectorCounts {
  modelId: string;
  resumes: number;
  jobs: number;
}

export interface EmbedApi {
  status(): Promise<ModelStatus>;
  /** Where a model could be loaded from, without loading it. */
  probe(modelId: string): Promise<Outcome<ModelProbe>>;
  /**
   * Load `modelId` (replacing the current model): self-hosted `/models/<id>/`, then the browser
   * cache, then, with policy 'download' and consent, the hub. Stores `embeddingModel` on success.
   */
  load(
    modelId: string,
    policy: ModelSourcePolicy,
    onProgress?: (progress: EmbedLoadProgress) => void,
  ): Promise<Outcome<ModelInfo>>;
  /**
   * Load the model named by the `embeddingModel` setting if it is not loaded yet, from local sources
   * only (never the network). Ok(undefined) when no model is configured.
   */
  ensureLoaded(): Promise<Outcome<ModelInfo | undefined>>;
  /** Forget the current model (vectors stay stored) and clear the `embeddingModel` setting. */
  unload(): Promise<void>;
  /**
   * Store a model folder picked from disk in the Cache API under the self-hosted URL scheme
   * (`<origin>/models/<id>/<path>`), so transformers.js finds it offline. Does not load it.
   */
  importModel(modelId: string, files: ModelFile[]): Promise<Outcome<{ modelId: string; bytes: number }>>;
  /** Embed texts with the loaded model (loading it from local sources first if needed). */
  embedTexts(texts: string[]): Promise<Outcome<EmbeddedTexts>>;
  /** Read the stored document, chunk it, embed document + chunks and store a VectorRecord. */
  embedOwner(role: DocumentRole, id: string): Promise<Outcome<EmbedOwnerResult>>;
  /**
   * The next `limit` owners whose vectors for the loaded model are missing or stale, jobs first, then
   * the most recently changed resumes (so what was just added is embedded first), leaving out
   * `skip` (owners that failed in this run); `total` counts every pending owner but the skipped.
   * Read from indexes only.
   */
  pendingOwners(limit: number, skip: string[]): Promise<Outcome<PendingOwners>>;
  countVectors(): Promise<Outcome<VectorCounts | undefined>>;
}

/** Background re-embedding progress (a model change or a catch-up after import). */
export interface ReembedProgress {
  modelId: string;
  done: number;
  total: number;
  failed: number;
}

/**
 * Events from the host's EmbedClient (src/workers/host/embed-client.ts), for the UI and for the
 * search index: `vectors` fires after a VectorRecord was written for an owner.
 */
export type EmbedEvent =
  | { type: 'status'; status: ModelStatus }
  | { type: 'vectors'; role: DocumentRole; ownerId: string; modelId: string }
  | { type: 'reembed'; progress: ReembedProgress; finished: boolean };
