/**
 * The match worker's typed contract: scores a stored resume against a stored job with the core
 * scorer, stores the result, and reports how long the scoring itself took.
 */
import type { MatchResult } from '../domain';
import type { Outcome } from './outcome';

export interface ScoredMatch {
  resumeId: string;
  jobId: string;
  result: MatchResult;
  /** Time spent in the scorer itself (the match.score metric), not counting storage. */
  scoreMs: number;
}

/** A pair's score with the content key it was computed from (core/score `matchContentKey`). */
export interface KeyedScore extends ScoredMatch {
  key: string;
}

/**
 * A stored resume or job as the caller holds it: its id, the `updatedAt` it read and its document
 * id. The worker reads everything in one round with these and keeps a job it has read while the
 * caller's `updatedAt` matches; the record as stored is what gets scored.
 */
export interface StoredRef {
  id: string;
  updatedAt: number;
  documentId: string;
}

export interface MatchApi {
  /**
   * Score one pair. With `modelId`, the stored vectors of both sides for that model (when present
   * and current) add the semantic component; otherwise the score is lexical. Never throws.
   */
  scorePair(resume: StoredRef, job: StoredRef, modelId?: string): Promise<Outcome<ScoredMatch>>;
  /** Reads a job ahead (the Match screen names it before a resume is chosen). Never throws. */
  prepareJob(job: StoredRef): Promise<Outcome<void>>;
}
