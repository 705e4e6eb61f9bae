/**
 * Shortlists table: one entry per (subject, candidate) — see core/shortlist. Written and read by
 * the Ranking screen (star, stage, note, bulk actions); exported and restored with everything else
 * (src/db/backup.ts); deleted with its resume or job (cascade.ts). Entries that say nothing (not
 * starred, stage "new", no note or tags) are removed rather than stored.
 */
import {
  applyShortlistChange,
  blankEntry,
  isEmptyEntry,
  shortlistEntryId,
  type ShortlistChange,
  type ShortlistSubjectKind,
} from '../core/shortlist/entry';
import type { AppDb } from './app-db';
import type { ShortlistRecord } from './records';
import { withStorageErrors } from './storage-errors';

export class ShortlistRepository {
  readonly #db: AppDb;
  readonly #now: () => number;

  constructor(db: AppDb, now: () => number = () => Date.now()) {
    this.#db = db;
    this.#now = now;
  }

  /** Every entry of one subject's list. */
  forSubject(subjectId: string): Promise<ShortlistRecord[]> {
    return this.#db.shortlists.where('subjectId').equals(subjectId).toArray();
  }

  get(subjectId: string, candidateId: string): Promise<ShortlistRecord | undefined> {
    return this.#db.shortlists.get(shortlistEntryId(subjectId, candidateId));
  }

  /**
   * Applies one change to several candidates of one subject in one transaction (a single star
   * click is a list of one). Returns the entries as stored (an emptied entry comes back blank).
   */
  async update(
    subjectKind: ShortlistSubjectKind,
    subjectId: string,
    candidateIds: readonly string[],
    change: ShortlistChange,
  ): Promise<ShortlistRecord[]> {
    const db = this.#db;
    const now = this.#now();
    return withStorageErrors(() =>
      db.transaction('rw', db.shortlists, async () => {
        const ids = candidateIds.map((candidateId) => shortlistEntryId(subjectId, candidateId));
        const existing = await db.shortlists.bulkGet(ids);
        const next = candidateIds.map((candidateId, index) =>
          applyShortlistChange(
            existing[index] ?? blankEntry(subjectKind, subjectId, candidateId, now),
            change,
            now,
          ),
        );
        const keep = next.filter((entry) => !isEmptyEntry(entry));
        const drop = next.filter((entry) => isEmptyEntry(entry)).map((entry) => entry.id);
        if (keep.length > 0) await db.shortlists.bulkPut(keep);
        if (drop.length > 0) await db.shortlists.bulkDelete(drop);
        return next;
      }),
    );
  }

  /** Clears the star of every entry of one subject (the entries' stage and note stay). */
  async unstarAll(subjectKind: ShortlistSubjectKind, subjectId: string): Promise<void> {
    const starred = (await this.forSubject(subjectId)).filter((entry) => entry.starred);
    if (starred.length === 0) return;
    await this.update(
      subjectKind,
      subjectId,
      starred.map((entry) => entry.candidateId),
      { starred: false },
    );
  }
}
