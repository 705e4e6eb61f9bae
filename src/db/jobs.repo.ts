/**
 * Jobs table. Written by the parse worker on import (document + job together) and by the UI
 * when a person edits or deletes a job; read by the job list, ranking and export.
 */
import type { AppDb } from './app-db';
import { assertOwnedDocument, deleteOwnerCascade } from './cascade';
import type { DocumentRecord, JobRecord } from './records';
import { readStamps } from './stamps';
import { withStorageErrors } from './storage-errors';

export type JobOrder = 'recent' | 'title';

export interface ImportedJob {
  document: DocumentRecord;
  job: JobRecord;
}

export class JobRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  /** All jobs: most recently updated first, or by title (A→Z). */
  list(order: JobOrder = 'recent'): Promise<JobRecord[]> {
    if (order === 'title') return this.#db.jobs.orderBy('title').toArray();
    return this.#db.jobs.orderBy('updatedAt').reverse().toArray();
  }

  get(id: string): Promise<JobRecord | undefined> {
    return this.#db.jobs.get(id);
  }

  /** [id, updatedAt] of every record, newest first, from the updatedAt index (no record bodies). */
  async stampsNewestFirst(): Promise<[string, number][]> {
    return [...(await readStamps(this.#db.jobs.orderBy('updatedAt').reverse()))];
  }

  count(): Promise<number> {
    return this.#db.jobs.count();
  }

  /** Jobs asking for a skill (canonical name, case-insensitive), via the multi-entry index. */
  withSkill(skill: string): Promise<JobRecord[]> {
    return this.#db.jobs.where('skills').equals(skill.toLowerCase()).toArray();
  }

  /** Stores a freshly imported job and its document in one transaction: both or neither. */
  saveImportedJob(document: DocumentRecord, job: JobRecord): Promise<void> {
    return this.saveImportedJobs([{ document, job }]);
  }

  /** Bulk form of saveImportedJob (one transaction for the whole batch). */
  async saveImportedJobs(items: readonly ImportedJob[]): Promise<void> {
    for (const { document, job } of items) assertOwnedDocument('job', document, job);
    const db = this.#db;
    await withStorageErrors(() =>
      db.transaction('rw', [db.documents, db.jobs], async () => {
        await db.documents.bulkPut(items.map((item) => item.document));
        await db.jobs.bulkPut(items.map((item) => item.job));
      }),
    );
  }

  /** Applies a person's edits (title, spec, skills...) and stamps updatedAt. False when absent. */
  async update(
    id: string,
    changes: Partial<Omit<JobRecord, 'id' | 'documentId' | 'createdAt'>>,
    now: number = Date.now(),
  ): Promise<boolean> {
    const updated = await withStorageErrors(() => this.#db.jobs.update(id, { ...changes, updatedAt: now }));
    return updated > 0;
  }

  /** Deletes the job, its document and its matches in one transaction. False when absent. */
  delete(id: string): Promise<boolean> {
    return deleteOwnerCascade(this.#db, 'job', id);
  }
}
