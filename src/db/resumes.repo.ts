/**
 * Resumes table. Written by the parse worker on import (document + resume together) and by the
 * UI when a person edits or deletes a resume; read by the library, ranking and export.
 */
import type { AppDb } from './app-db';
import { assertOwnedDocument, deleteOwnerCascade } from './cascade';
import type { DocumentRecord, ResumeRecord } from './records';
import { readStamps } from './stamps';
import { withStorageErrors } from './storage-errors';

export type ResumeOrder = 'recent' | 'name' | 'years';

/** What a list shows of a resume: a projection, so a screen never keeps whole profiles. */
export interface ResumeRow {
  id: string;
  name: string;
  fileName: string;
  skillCount: number;
  totalYears: number;
  updatedAt: number;
  /** False when extraction found no person's name (the row then shows the file name). */
  nameFound: boolean;
}

/** What a picker shows: the [name+fileName] index's key and the primary key, read without the records. */
export interface ResumeName {
  id: string;
  name: string;
  fileName: string;
}

export function toResumeRow(resume: ResumeRecord): ResumeRow {
  return {
    id: resume.id,
    name: resume.name,
    fileName: resume.fileName,
    skillCount: resume.profile.skills.length,
    totalYears: resume.totalYears,
    updatedAt: resume.updatedAt,
    // No name was found in the file: the row shows the file name, marked as such.
    nameFound: Boolean(resume.profile.basics.name?.trim()),
  };
}

export interface ImportedResume {
  document: DocumentRecord;
  resume: ResumeRecord;
}

export class ResumeRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  /** All resumes: most recently updated first, by name (A→Z), or by years of experience (most first). */
  list(order: ResumeOrder = 'recent'): Promise<ResumeRecord[]> {
    const table = this.#db.resumes;
    switch (order) {
      case 'name':
        return table.orderBy('name').toArray();
      case 'years':
        return table.orderBy('totalYears').reverse().toArray();
      default:
        return table.orderBy('updatedAt').reverse().toArray();
    }
  }

  /**
   * One page of list rows through an index (most recent first, by name or by years). Only the
   * page's records are read, and each is reduced to its row before it is returned.
   */
  async page(order: ResumeOrder, offset: number, limit: number): Promise<ResumeRow[]> {
    const table = this.#db.resumes;
    const ordered =
      order === 'name'
        ? table.orderBy('name')
        : order === 'years'
          ? table.orderBy('totalYears').reverse()
          : table.orderBy('updatedAt').reverse();
    const records = await ordered.offset(offset).limit(limit).toArray();
    return records.map(toResumeRow);
  }

  /** Every resume's id, name and file name, A→Z, from the [name+fileName] index alone (no record is read). */
  async names(): Promise<ResumeName[]> {
    const names: ResumeName[] = [];
    await this.#db.resumes.orderBy('[name+fileName]').eachKey((key, cursor) => {
      const [name, fileName] = key as [string, string];
      names.push({ id: String(cursor.primaryKey), name, fileName });
    });
    return names;
  }

  /** Ids of the generated sample resumes (flagged at import; a person's own files never are). */
  async sampleIds(): Promise<string[]> {
    const ids = await this.#db.resumes.filter((resume) => resume.sample === true).primaryKeys();
    return ids.map(String);
  }

  get(id: string): Promise<ResumeRecord | undefined> {
    return this.#db.resumes.get(id);
  }

  /** Resumes by id, in the order asked; missing ids are skipped. */
  async getMany(ids: readonly string[]): Promise<ResumeRecord[]> {
    const found = await this.#db.resumes.bulkGet([...ids]);
    return found.filter((resume): resume is ResumeRecord => resume !== undefined);
  }

  /** [id, updatedAt] of every record, newest first, from the updatedAt index (no record bodies). */
  async stampsNewestFirst(): Promise<[string, number][]> {
    return [...(await readStamps(this.#db.resumes.orderBy('updatedAt').reverse()))];
  }

  count(): Promise<number> {
    return this.#db.resumes.count();
  }

  /** Changes whenever a resume is added, edited or deleted: "count|latest updatedAt", from indexes only. */
  async stamp(): Promise<string> {
    const [count, latest] = await Promise.all([
      this.#db.resumes.count(),
      this.#db.resumes.orderBy('updatedAt').reverse().limit(1).keys(),
    ]);
    return `${count}|${Number(latest[0] ?? 0)}`;
  }

  /** Resumes listing a skill (canonical name, case-insensitive), via the multi-entry index. */
  withSkill(skill: string): Promise<ResumeRecord[]> {
    return this.#db.resumes.where('skills').equals(skill.toLowerCase()).toArray();
  }

  /** Resumes with at least `years` of experience, most experienced first. */
  withMinYears(years: number): Promise<ResumeRecord[]> {
    return this.#db.resumes.where('totalYears').aboveOrEqual(years).reverse().sortBy('totalYears');
  }

  /** Stores a freshly imported resume and its document in one transaction: both or neither. */
  saveImportedResume(document: DocumentRecord, resume: ResumeRecord): Promise<void> {
    return this.saveImportedResumes([{ document, resume }]);
  }

  /** Bulk form of saveImportedResume (one transaction for the whole batch). */
  async saveImportedResumes(items: readonly ImportedResume[]): Promise<void> {
    for (const { document, resume } of items) assertOwnedDocument('resume', document, resume);
    const db = this.#db;
    await withStorageErrors(() =>
      db.transaction('rw', [db.documents, db.resumes], async () => {
        await db.documents.bulkPut(items.map((item) => item.document));
        await db.resumes.bulkPut(items.map((item) => item.resume));
      }),
    );
  }

  /** Applies a person's edits (name, profile, skills...) and stamps updatedAt. False when absent. */
  async update(
    id: string,
    changes: Partial<Omit<ResumeRecord, 'id' | 'documentId' | 'createdAt'>>,
    now: number = Date.now(),
  ): Promise<boolean> {
    const updated = await withStorageErrors(() =>
      this.#db.resumes.update(id, { ...changes, updatedAt: now }),
    );
    return updated > 0;
  }

  /** Deletes the resume, its document and its matches in one transaction. False when absent. */
  delete(id: string): Promise<boolean> {
    return deleteOwnerCascade(this.#db, 'resume', id);
  }
}
