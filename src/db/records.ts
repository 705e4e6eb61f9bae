/**
 * The shapes stored in IndexedDB (one interface per table). Pure data, structured-clone safe.
 * Repositories in this folder are the only code that reads or writes these tables.
 */
import type { JobSpec, MatchResult, ParsedDocument, Profile, SourceKind } from '../core/domain';
import type { JobCorrections, ProfileCorrections } from '../core/corrections/corrections';
import type { ShortlistEntry } from '../core/shortlist/entry';
import type { RefinedJob, RefinedResume } from '../core/llm/layers';
import type { Application } from '../core/applications/model';

export type DocumentRole = 'resume' | 'job';

/** The original file (bytes, when it was a file) and its parsed text. */
export interface DocumentRecord {
  id: string;
  role: DocumentRole;
  /** File name as picked, or "Pasted job" for pasted text. */
  fileName: string;
  mimeType: string;
  kind: SourceKind;
  /** Size of the original input in bytes. */
  size: number;
  /** Original file bytes; absent for pasted text. */
  bytes?: ArrayBuffer;
  parsed: ParsedDocument;
  /** SHA-256 hex of the original bytes (or pasted text), used to spot duplicates and key caches. */
  hash: string;
  createdAt: number;
}

export interface ResumeRecord {
  id: string;
  documentId: string;
  /** Display name: the person's name when found, else the file name. */
  name: string;
  fileName: string;
  /** Profile used everywhere: extracted (heuristics), with the user's corrections applied. */
  profile: Profile;
  /** The user's corrections; they win over re-extraction (see core/corrections). */
  corrections?: ProfileCorrections;
  /** The last "Refine with AI" result, kept as its own layer (heuristic < llm < user; core/llm/layers). */
  refined?: RefinedResume;
  /** Canonical skill names, lower-cased, for the multi-entry index. */
  skills: string[];
  totalYears: number;
  createdAt: number;
  updatedAt: number;
  /** Set on a version made by accepting an AI suggestion: the resume it was edited from. */
  parentId?: string;
  /** 1 for an imported resume; parent's version + 1 for an edited copy. */
  version?: number;
  /** Added by "Try with sample data" (removed by "Remove sample data"); never set on a person's own files. */
  sample?: true;
}

export interface JobRecord {
  id: string;
  documentId: string;
  title: string;
  fileName: string;
  /** Job spec used everywhere: extracted, with the user's corrections applied. */
  spec: JobSpec;
  corrections?: JobCorrections;
  /** The last "Refine with AI" result (see ResumeRecord.refined). */
  refined?: RefinedJob;
  /** Canonical required + preferred skill names, lower-cased, for the multi-entry index. */
  skills: string[];
  createdAt: number;
  updatedAt: number;
  /** Added by "Try with sample data"; see ResumeRecord.sample. */
  sample?: true;
}

export interface MatchRecord {
  /** `${resumeId}|${jobId}` */
  id: string;
  resumeId: string;
  jobId: string;
  result: MatchResult;
  /** Content key the result was computed from (resume + job update stamps + scorer version). */
  key: string;
  createdAt: number;
}

/** One persisted metrics snapshot per operation name (so the dashboard survives a reload). */
export interface MetricRecord {
  name: string;
  samples: number[];
  count: number;
  errors: number;
  updatedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * Embedding vectors of one resume or job for one model. Vectors are stored per model id, so
 * switching models never mixes spaces; changing the model re-embeds in the background.
 */
export interface VectorRecord {
  /** `${ownerId}|${modelId}` */
  id: string;
  ownerId: string;
  role: DocumentRole;
  modelId: string;
  dims: number;
  /** The whole-document vector (L2-normalised). */
  document: Float32Array;
  /** Chunk vectors, concatenated: chunk i is chunks.subarray(i * dims, (i + 1) * dims). */
  chunks: Float32Array;
  /** What each chunk covers, as offsets into the document's text. */
  chunkSpans: { start: number; end: number; kind: string }[];
  /** The owner's updatedAt the vectors were computed from (stale when it differs). */
  sourceUpdatedAt: number;
  createdAt: number;
}

export type SuggestionStatus = 'pending' | 'accepted' | 'rejected' | 'dropped';

/** One improvement suggestion (LLM) for a resume against a job, after the anti-fabrication guard. */
export interface SuggestionRecord {
  id: string;
  resumeId: string;
  jobId: string;
  modelId: string;
  kind: string;
  before: string;
  after: string;
  status: SuggestionStatus;
  /** Why the guard dropped it, when status is 'dropped'. */
  reason?: string;
  /** The job requirement it surfaces evidence for, when the model named one. */
  requirement?: string;
  /** When accepted: the new resume version holding the edit. */
  resultResumeId?: string;
  createdAt: number;
}

export type { ApplicationStatus } from '../core/applications/model';

/**
 * The job seeker's application to one job (primary key jobId). Plain data, so the backup can
 * write and restore the table as it is. v2 records had only {jobId, status, updatedAt}; the v4
 * upgrade fills in the rest (see app-db.ts).
 */
export type ApplicationRecord = Application;

/** One candidate on one subject's shortlist (see core/shortlist): star, stage, note, tags. */
export type ShortlistRecord = ShortlistEntry;

/**
 * One picked file not yet imported. Written when a pick is accepted, deleted once the file is
 * stored, failed or cancelled; what is left after a reload is offered for resuming. `id` is the
 * import's request id, which becomes the resume's id, so finishing a file twice overwrites its
 * record instead of storing it twice.
 */
export interface PendingImportRecord {
  id: string;
  /** [time of the pick, position in it]: a resumed import keeps the pick's order. */
  seq: [number, number];
  role: DocumentRole;
  fileName: string;
  /** The picked file itself (Blobs are structured-cloneable into IndexedDB). */
  file: Blob;
  createdAt: number;
}
