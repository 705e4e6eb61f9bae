/**
 * Pending imports: the files of a pick that are not finished yet. Written by the import queue in
 * the window when a pick is accepted (in chunks, before the files are handed to the parse pool),
 * deleted in batches as files finish; read after a reload to offer resuming the rest.
 */
import type { AppDb } from './app-db';
import type { PendingImportRecord } from './records';
import { withStorageErrors } from './storage-errors';

export class PendingImportRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  add(records: readonly PendingImportRecord[]): Promise<void> {
    return withStorageErrors(async () => {
      await this.#db.pendingImports.bulkPut([...records]);
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return withStorageErrors(() => this.#db.pendingImports.bulkDelete([...ids]));
  }

  /** One pending file by its id (the parse worker reads a queued file this way); undefined once gone. */
  async file(id: string): Promise<Blob | undefined> {
    return (await this.#db.pendingImports.get(id))?.file;
  }

  count(): Promise<number> {
    return this.#db.pendingImports.count();
  }

  /** The next `limit` pending files after `afterSeq`, in pick order (a page, never the whole queue). */
  page(afterSeq: [number, number], limit: number): Promise<PendingImportRecord[]> {
    return this.#db.pendingImports.where('seq').above(afterSeq).limit(limit).toArray();
  }

  clear(): Promise<void> {
    return this.#db.pendingImports.clear();
  }
}
