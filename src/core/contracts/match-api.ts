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

export interface MatchApi {
  /**
   * Score one pair. With `modelId`, the stored vectors of both sides for that model (when present
   * and current) add the semantic component; otherwise the score is lexical. Never throws.
   */
  scorePair(resumeId: string, jobId: string, modelId?: string): Promise<Outcome<ScoredMatch>>;
}
