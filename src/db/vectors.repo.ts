/**
 * Vectors table: embedding vectors per owner (resume or job) and model id. Written by the
 * embedding worker after chunking + embedding a document; read by scoring and search. Vectors of
 * different models never mix: every read names the model. Deleting an owner removes its vectors
 * (see cascade.ts).
 */
import { Dexie } from 'dexie';
import type { AppDb } from './app-db';
import type { DocumentRole, VectorRecord } from './records';
import { withStorageErrors } from './storage-errors';

export function vectorId(ownerId: string, modelId: string): string {
  return `${ownerId}|${modelId}`;
}

export class VectorRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  get(ownerId: string, modelId: string): Promise<VectorRecord | undefined> {
    return this.#db.vectors.get(vectorId(ownerId, modelId));
  }

  async put(record: VectorRecord): Promise<void> {
    await withStorageErrors(() => this.#db.vectors.put(record));
  }

  /** Every stored record of one model and role (resumes or jobs). */
  list(modelId: string, role: DocumentRole): Promise<VectorRecord[]> {
    return this.#db.vectors.where('[modelId+role]').equals([modelId, role]).toArray();
  }

  count(modelId: string, role: DocumentRole): Promise<number> {
    return this.#db.vectors.where('[modelId+role]').equals([modelId, role]).count();
  }

  /**
   * ownerId → sourceUpdatedAt for one model and role, read from the [modelId+role+sourceUpdatedAt]
   * index: keys only, never the vectors themselves.
   */
  async stamps(modelId: string, role: DocumentRole): Promise<Map<string, number>> {
    const stamps = new Map<string, number>();
    const suffix = `|${modelId}`.length;
    await this.#db.vectors
      .where('[modelId+role+sourceUpdatedAt]')
      .between([modelId, role, Dexie.minKey], [modelId, role, Dexie.maxKey])
      .eachKey((key, cursor) => {
        const id = String(cursor.primaryKey);
        stamps.set(id.slice(0, id.length - suffix), Number((key as [string, string, number])[2]));
      });
    return stamps;
  }
}
