/**
 * The shapes stored in IndexedDB (one interface per table). Pure data, structured-clone safe.
 * Repositories in this folder are the only code that reads or writes these tables.
 */
import type { JobSpec, MatchResult, ParsedDocument, Profile, SourceKind } from '../core/domain';
import type { JobCorrections, ProfileCorrections } from '../core/corrections/corrections';

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
  /** Canonical skill names, lower-cased, for the multi-entry index. */
  skills: string[];
  totalYears: number;
  createdAt: number;
  updatedAt: number;
}

export interface JobRecord {
  id: string;
  documentId: string;
  title: string;
  fileName: string;
  /** Job spec used everywhere: extracted, with the user's corrections applied. */
  spec: JobSpec;
  corrections?: JobCorrections;
  /** Canonical required + preferred skill names, lower-cased, for the multi-entry index. */
  skills: string[];
  createdAt: number;
  updatedAt: number;
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
