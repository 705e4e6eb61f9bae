/**
 * Matches table: one stored MatchResult per (resume, job) pair, with the content key it was
 * computed from so a stale result can be spotted. Written by scoring; read by rankings and the
 * match detail view. Resume and job deletion remove their matches (see cascade.ts).
 */
import type { AppDb } from './app-db';
import type { MatchRecord } from './records';
import { withStorageErrors } from './storage-errors';

/** The id a match record must have. */
export function matchId(resumeId: string, jobId: string): string {
  return `${resumeId}|${jobId}`;
}

export class MatchRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  /** Inserts or replaces the match for its pair. The id is derived from the pair. */
  async upsert(record: Omit<MatchRecord, 'id'> & { id?: string }): Promise<MatchRecord> {
    const stored: MatchRecord = { ...record, id: matchId(record.resumeId, record.jobId) };
    await withStorageErrors(() => this.#db.matches.put(stored));
    return stored;
  }

  /** Stores many results in one transaction (e.g. ranking a job against the whole pool). */
  async upsertMany(records: readonly (Omit<MatchRecord, 'id'> & { id?: string })[]): Promise<void> {
    const stored = records.map((record) => ({ ...record, id: matchId(record.resumeId, record.jobId) }));
    await withStorageErrors(() => this.#db.matches.bulkPut(stored));
  }

  getFor(resumeId: string, jobId: string): Promise<MatchRecord | undefined> {
    return this.#db.matches.where('[resumeId+jobId]').equals([resumeId, jobId]).first();
  }

  /** Every resume's match against a job, best score first. */
  async listForJob(jobId: string): Promise<MatchRecord[]> {
    const matches = await this.#db.matches.where('jobId').equals(jobId).toArray();
    return matches.sort((a, b) => b.result.score - a.result.score);
  }

  /** A resume's matches against every job, best score first. */
  async listForResume(resumeId: string): Promise<MatchRecord[]> {
    const matches = await this.#db.matches.where('resumeId').equals(resumeId).toArray();
    return matches.sort((a, b) => b.result.score - a.result.score);
  }

  count(): Promise<number> {
    return this.#db.matches.count();
  }

  deleteForResume(resumeId: string): Promise<number> {
    return withStorageErrors(() => this.#db.matches.where('resumeId').equals(resumeId).delete());
  }

  deleteForJob(jobId: string): Promise<number> {
    return withStorageErrors(() => this.#db.matches.where('jobId').equals(jobId).delete());
  }

  /** Drops every stored match (e.g. after the scorer changed). */
  clear(): Promise<void> {
    return withStorageErrors(() => this.#db.matches.clear());
  }
}
