/**
 * The llm worker's typed contract. The worker `expose`s an object that `satisfies LlmApi`; the
 * host `wrap`s it. AbortSignals cannot cross a worker boundary, so each call carries a request id
 * and `cancel(requestId)` interrupts it (cooperatively: the loaded model stays loaded). The
 * capability check is not here: it runs on the main thread (navigator.gpu) without the worker.
 */
import type { CacheStats } from '../cache';
import type { CustomModelSpec, LlmModelInfo } from '../llm/catalog';
import type { LoadProgress } from '../llm/engine';
import type { MergeReport } from '../llm/merge';
import type { QueueSnapshot } from '../llm/queue';
import type { DroppedSuggestion, GuardCheck, ImproveEvent } from '../llm/service';
import type { SuggestionDraft } from '../llm/schemas';
import type { DocumentRole } from './parse-api';
import type { Outcome } from './outcome';

export type { Capability, AdapterFacts } from '../llm/capability';
export type { CustomModelSpec, LlmModelInfo, LoadProgress, ImproveEvent, QueueSnapshot, SuggestionDraft };

export interface LlmStatus {
  /** The loaded model, if any. */
  model: LlmModelInfo | null;
  loading: boolean;
  queue: QueueSnapshot;
  cache: CacheStats;
}

export interface LoadRequest {
  requestId: string;
  modelId: string;
  /** For a self-hosted model (then modelId is custom.id). */
  custom?: CustomModelSpec;
}

export interface RefineRequest {
  requestId: string;
  role: DocumentRole;
  id: string;
}

export interface RefineResult {
  role: DocumentRole;
  id: string;
  modelId: string;
  /** Fields the model changed (after grounding checks), and what it proposed that was refused. */
  report: MergeReport;
  fromCache: boolean;
  attempts: number;
  totalMs: number;
  /** The stored record's new updatedAt (unchanged when nothing changed). */
  updatedAt: number;
}

export interface ImproveRequest {
  requestId: string;
  resumeId: string;
  jobId: string;
}

export interface StoredSuggestion extends SuggestionDraft {
  id: string;
}

export interface ImproveResult {
  resumeId: string;
  jobId: string;
  modelId: string;
  /** Suggestions that passed the anti-fabrication guard, as stored (status 'pending'). */
  suggestions: StoredSuggestion[];
  /** Suggestions the guard (or the schema) refused, with the reason; stored as 'dropped'. */
  dropped: DroppedSuggestion[];
  fromCache: boolean;
  firstTokenMs?: number;
  totalMs: number;
  /** Time and verdict of every guard check (the host records them as the llm.guard metric). */
  checks: GuardCheck[];
}

export interface CachedModelQuery {
  modelId: string;
  custom?: CustomModelSpec;
}

export interface LlmApi {
  status(): Promise<LlmStatus>;
  /** Downloads (or reads from web-llm's cache) and loads a model. Cancel with cancel(requestId). */
  load(request: LoadRequest, onProgress: (progress: LoadProgress) => void): Promise<Outcome<LlmModelInfo>>;
  unload(): Promise<Outcome<null>>;
  /** Refines a stored resume's or job's extraction in place (user corrections always win). */
  refineExtraction(request: RefineRequest): Promise<Outcome<RefineResult>>;
  /** Streams improvement suggestions for a resume against a job; every one is guarded first. */
  improve(request: ImproveRequest, onEvent: (event: ImproveEvent) => void): Promise<Outcome<ImproveResult>>;
  /** Cancels a queued job, interrupts a running one, or stops a download. */
  cancel(requestId: string): Promise<void>;
  /** Which of these models have their weights in web-llm's cache (Cache API). */
  cachedModels(queries: CachedModelQuery[]): Promise<Outcome<string[]>>;
  deleteCachedModel(query: CachedModelQuery): Promise<Outcome<null>>;
  /** Subscribe to queue changes (one job at a time, visible queue). */
  onQueue(listener: (snapshot: QueueSnapshot) => void): Promise<void>;
}
