/**
 * The seeker worker's typed contract: the job seeker's tools that read a stored resume (and
 * optionally a job) and compute on it off the UI thread — the ATS check with its rule fixes.
 */
import type { AtsReport } from '../ats/types';
import type { RuleFix } from '../ats/fixes';
import type { Outcome } from './parse-api';

export interface AtsCheckResult {
  resumeId: string;
  jobId?: string;
  report: AtsReport;
  fixes: RuleFix[];
  /** Time spent in the check itself (the ats.check metric), not counting storage reads. */
  checkMs: number;
}

export interface SeekerApi {
  /** ATS check of a stored resume, against a stored job when `jobId` is given. Never throws. */
  atsCheck(resumeId: string, jobId?: string): Promise<Outcome<AtsCheckResult>>;
}
