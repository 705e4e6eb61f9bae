/**
 * Whole-library backup: exportAll reads resumes, jobs, documents and matches in one read
 * transaction (a consistent snapshot) into the versioned export bundle (src/core/export);
 * importAll validates a bundle and writes it in one read-write transaction, so a bad or
 * interrupted import changes nothing. Document bytes travel as base64.
 */
import { ShortlistError } from '../core/errors';
import { decodeBase64, encodeBase64 } from '../core/export/base64';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  validateBundle,
  type BundleDocument,
  type ExportBundle,
} from '../core/export/bundle';
import type { AppDb } from './app-db';
import type { DocumentRecord } from './records';
import { withStorageErrors } from './storage-errors';

export interface ExportOptions {
  /** The app's version, recorded in the bundle. */
  appVersion: string;
  /** Wall clock for exportedAt; injectable for tests. */
  now?: () => number;
}

export interface ImportOptions {
  /**
   * 'merge' (default) adds the bundle's records, replacing ones with the same id; 'replace'
   * first empties resumes, jobs, documents and matches.
   */
  mode?: 'merge' | 'replace';
}

export interface ImportSummary {
  resumes: number;
  jobs: number;
  documents: number;
  matches: number;
}

function toBundleDocument(document: DocumentRecord): BundleDocument {
  // Spread the rest so fields added to records later survive the round trip too.
  const { bytes, ...rest } = document;
  return bytes === undefined ? rest : { ...rest, bytesBase64: encodeBase64(bytes) };
}

function toDocumentRecord(document: BundleDocument): DocumentRecord {
  const { bytesBase64, ...rest } = document;
  return bytesBase64 === undefined ? rest : { ...rest, bytes: decodeBase64(bytesBase64).buffer };
}

export async function exportAll(db: AppDb, options: ExportOptions): Promise<ExportBundle> {
  const now = options.now ?? (() => Date.now());
  const [resumes, jobs, documents, matches] = await db.transaction(
    'r',
    [db.resumes, db.jobs, db.documents, db.matches],
    () =>
      Promise.all([
        db.resumes.orderBy('id').toArray(),
        db.jobs.orderBy('id').toArray(),
        db.documents.orderBy('id').toArray(),
        db.matches.orderBy('id').toArray(),
      ]),
  );
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: new Date(now()).toISOString(),
    app: { version: options.appVersion },
    resumes,
    jobs,
    documents: documents.map(toBundleDocument),
    matches,
  };
}

/**
 * Validates `bundle` (untrusted: e.g. JSON.parse of a picked file) and writes it. Throws
 * ShortlistError('invalid-input') listing the first problems when it is not a valid bundle,
 * StorageFullError when the disk is full; in both cases nothing is written.
 */
export async function importAll(
  db: AppDb,
  bundle: unknown,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const validation = validateBundle(bundle);
  if (!validation.ok) {
    const shown = validation.errors.slice(0, 5).join('; ');
    throw new ShortlistError('invalid-input', `This is not a valid Shortlist backup: ${shown}`);
  }
  const valid = bundle as ExportBundle;
  const documents = valid.documents.map(toDocumentRecord);
  await withStorageErrors(() =>
    db.transaction('rw', [db.resumes, db.jobs, db.documents, db.matches], async () => {
      if (options.mode === 'replace') {
        await Promise.all([db.resumes.clear(), db.jobs.clear(), db.documents.clear(), db.matches.clear()]);
      }
      await db.documents.bulkPut(documents);
      await db.resumes.bulkPut(valid.resumes);
      await db.jobs.bulkPut(valid.jobs);
      await db.matches.bulkPut(valid.matches);
    }),
  );
  return {
    resumes: valid.resumes.length,
    jobs: valid.jobs.length,
    documents: documents.length,
    matches: valid.matches.length,
  };
}
