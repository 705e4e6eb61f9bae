/**
 * Suggestions table: AI improvement suggestions for a (resume, job) pair after the
 * anti-fabrication guard. Written by the llm worker (pending and dropped, one transaction per
 * run, replacing the pair's earlier pending ones) and by the UI when a person accepts or rejects
 * one; read by the Improve panel. Dropped ones keep the guard's reason so they can be counted.
 */
import type { AppDb } from './app-db';
import type { SuggestionRecord, SuggestionStatus } from './records';
import { withStorageErrors } from './storage-errors';

export class SuggestionRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  /** The pair's suggestions, oldest first. */
  async listFor(resumeId: string, jobId: string): Promise<SuggestionRecord[]> {
    const records = await this.#db.suggestions.where('[resumeId+jobId]').equals([resumeId, jobId]).toArray();
    return records.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  get(id: string): Promise<SuggestionRecord | undefined> {
    return this.#db.suggestions.get(id);
  }

  /**
   * Stores a run's suggestions for a pair. Earlier pending and dropped ones of the pair are
   * replaced (a new run supersedes them); accepted and rejected ones are the person's history
   * and stay.
   */
  async replaceRun(resumeId: string, jobId: string, records: readonly SuggestionRecord[]): Promise<void> {
    const db = this.#db;
    await withStorageErrors(() =>
      db.transaction('rw', db.suggestions, async () => {
        await db.suggestions
          .where('[resumeId+jobId]')
          .equals([resumeId, jobId])
          .filter((record) => record.status === 'pending' || record.status === 'dropped')
          .delete();
        await db.suggestions.bulkPut([...records]);
      }),
    );
  }

  async setStatus(id: string, status: SuggestionStatus, resultResumeId?: string): Promise<boolean> {
    const changes: Partial<SuggestionRecord> = { status, ...(resultResumeId ? { resultResumeId } : {}) };
    const updated = await withStorageErrors(() => this.#db.suggestions.update(id, changes));
    return updated > 0;
  }

  /** How many suggestions the guard dropped, overall (for the dashboard). */
  countDropped(): Promise<number> {
    return this.#db.suggestions.where('status').equals('dropped').count();
  }

  deleteForResume(resumeId: string): Promise<number> {
    return withStorageErrors(() => this.#db.suggestions.where('resumeId').equals(resumeId).delete());
  }
}
