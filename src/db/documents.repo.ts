/**
 * Documents table: original file bytes and parsed text. Written only together with the resume
 * or job that owns it (see ResumeRepository / JobRepository); read for previews, evidence
 * highlighting, duplicate detection and export.
 */
import type { AppDb } from './app-db';
import type { DocumentRecord, DocumentRole } from './records';

export class DocumentRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  get(id: string): Promise<DocumentRecord | undefined> {
    return this.#db.documents.get(id);
  }

  /** A document with the same content hash (optionally of the same role): the file was imported before. */
  async findByHash(hash: string, role?: DocumentRole): Promise<DocumentRecord | undefined> {
    const matches = await this.#db.documents.where('hash').equals(hash).toArray();
    return matches.find((document) => role === undefined || document.role === role);
  }

  /** Documents oldest first, optionally only resumes or only jobs. */
  list(role?: DocumentRole): Promise<DocumentRecord[]> {
    if (role === undefined) return this.#db.documents.orderBy('createdAt').toArray();
    return this.#db.documents.where('role').equals(role).sortBy('createdAt');
  }

  count(role?: DocumentRole): Promise<number> {
    if (role === undefined) return this.#db.documents.count();
    return this.#db.documents.where('role').equals(role).count();
  }
}
