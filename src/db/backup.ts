/**
 * Whole-library backup and restore.
 *
 * exportBackup reads every table in one read transaction (a consistent snapshot), one record at a
 * time, and writes the versioned bundle (src/core/export) in its line layout into a Blob built from
 * parts, so no single string ever holds the whole library (a string past ~512 MiB cannot exist).
 *
 * Restore is two steps so the person can see what a file holds before anything changes:
 * readBackup streams the file in chunks, migrates older versions, validates every record and
 * converts it back to stored form (nothing is written); applyRestore then writes it all in one
 * read-write transaction — merge (put over same ids) or replace (empty every table first) — so a
 * bad, interrupted or full-disk restore changes nothing.
 */
import { encodeBase64, decodeBase64 } from '../core/export/base64';
import {
  BUNDLE_COLLECTIONS,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleChecker,
  validateBundle,
  validateHeader,
  type BundleCollection,
  type BundleCounts,
  type BundleDocument,
  type BundleHeader,
  type BundleVector,
  type ExportBundle,
} from '../core/export/bundle';
import {
  BundleLineParser,
  CLOSE_COLLECTION_LINE,
  END_LINE,
  LineSplitter,
  headerLine,
  openCollectionLine,
  parseHeaderLine,
  recordLine,
} from '../core/export/bundle-stream';
import { BackupFormatError, checkBackupVersion, migrateBundle, migrateRecord } from '../core/export/migrate';
import { AbortedError } from '../core/errors';
import type { AppDb } from './app-db';
import type {
  ApplicationRecord,
  DocumentRecord,
  JobRecord,
  MatchRecord,
  MetricRecord,
  ResumeRecord,
  SettingRecord,
  ShortlistRecord,
  SuggestionRecord,
  VectorRecord,
} from './records';
import { withStorageErrors } from './storage-errors';

/** What each table stores. */
export interface StoredRecords {
  documents: DocumentRecord;
  resumes: ResumeRecord;
  jobs: JobRecord;
  matches: MatchRecord;
  vectors: VectorRecord;
  suggestions: SuggestionRecord;
  applications: ApplicationRecord;
  shortlists: ShortlistRecord;
  settings: SettingRecord;
  metrics: MetricRecord;
}

export type BackupPhase = 'exporting' | 'reading' | 'writing';

export interface BackupProgress {
  phase: BackupPhase;
  /** Records (exporting, writing) or bytes (reading) done so far. */
  done: number;
  total: number;
}

export interface ExportOptions {
  /** The app's version, recorded in the bundle. */
  appVersion: string;
  /** Wall clock for exportedAt; injectable for tests. */
  now?: () => number;
  onProgress?: (progress: BackupProgress) => void;
  /** Text gathered before it is turned into one Blob part (bounds memory; tests make it small). */
  partChars?: number;
}

export interface ExportedBackup {
  blob: Blob;
  counts: BundleCounts;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
  /** Largest file read as one JSON value (older or re-formatted backups); default 256 MB. */
  maxWholeJsonBytes?: number;
}

/** A validated backup, converted to stored records, not yet written. */
export interface PreparedRestore {
  header: BundleHeader;
  /** The version the file was written in (before migration). */
  fileVersion: number;
  counts: BundleCounts;
  records: { [C in BundleCollection]: StoredRecords[C][] };
}

export type RestoreMode = 'merge' | 'replace';

export interface RestoreOptions {
  /** 'merge' (default) adds the backup's records, replacing ones with the same id; 'replace' first empties every table. */
  mode?: RestoreMode;
  onProgress?: (progress: BackupProgress) => void;
  /** Records per bulkPut inside the transaction. */
  batchSize?: number;
  /**
   * Called once after a restore that wrote resumes, with the time spent writing them scaled to
   * 1,000 resumes (the db.bulkInsert metric: resumes written in one transaction, indexes included).
   */
  onResumesWritten?: (msPer1000: number, count: number) => void;
}

export type ImportOptions = Pick<RestoreOptions, 'mode'>;
export type ImportSummary = BundleCounts;

const DEFAULT_PART_CHARS = 4 * 1024 * 1024;
const DEFAULT_MAX_WHOLE_JSON = 256 * 1024 * 1024;

/**
 * The settings key a restore bumps (see applyRestore). It is the app's bookkeeping, not the
 * user's data: exports leave it out.
 */
export const LIBRARY_EPOCH_KEY = 'libraryEpoch';

function isBookkeepingSetting(record: unknown): boolean {
  return (record as { key?: unknown }).key === LIBRARY_EPOCH_KEY;
}

function tableOf<C extends BundleCollection>(db: AppDb, collection: C) {
  return db.table<StoredRecords[C], string>(collection);
}

function bytesOf(array: ArrayBuffer | Float32Array): Uint8Array {
  return array instanceof ArrayBuffer
    ? new Uint8Array(array)
    : new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A stored record → its bundle form (bytes and vectors as base64). */
function toBundleRecord(collection: BundleCollection, record: unknown): unknown {
  if (collection === 'documents') {
    // Spread the rest so fields added to records later survive the round trip too.
    const { bytes, ...rest } = record as DocumentRecord;
    return bytes === undefined ? rest : { ...rest, bytesBase64: encodeBase64(bytesOf(bytes)) };
  }
  if (collection === 'vectors') {
    const { document, chunks, ...rest } = record as VectorRecord;
    return {
      ...rest,
      documentBase64: encodeBase64(bytesOf(document)),
      chunksBase64: encodeBase64(bytesOf(chunks)),
    };
  }
  return record;
}

function floats(base64: string, path: string): Float32Array {
  const bytes = decodeBase64(base64);
  if (bytes.byteLength % 4 !== 0) {
    throw new BackupFormatError(
      'invalid',
      `This backup is damaged: ${path} is not a list of float32 values.`,
    );
  }
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/** A validated bundle record → the stored record; a value that does not decode is a damaged backup. */
function toStoredRecord(collection: BundleCollection, record: unknown, index: number): unknown {
  try {
    return decodeRecord(collection, record, index);
  } catch (error) {
    if (error instanceof BackupFormatError) throw error;
    throw new BackupFormatError(
      'invalid',
      `This backup is damaged ($/${collection}/${index}: ${error instanceof Error ? error.message : 'cannot be read'}). Nothing was changed.`,
    );
  }
}

function decodeRecord(collection: BundleCollection, record: unknown, index: number): unknown {
  if (collection === 'documents') {
    const { bytesBase64, ...rest } = record as BundleDocument;
    return bytesBase64 === undefined ? rest : { ...rest, bytes: decodeBase64(bytesBase64).buffer };
  }
  if (collection === 'vectors') {
    const { documentBase64, chunksBase64, ...rest } = record as BundleVector;
    const path = `$/vectors/${index}`;
    const document = floats(documentBase64, `${path}/documentBase64`);
    const chunks = floats(chunksBase64, `${path}/chunksBase64`);
    if (document.length !== rest.dims || chunks.length % rest.dims !== 0) {
      throw new BackupFormatError(
        'invalid',
        `This backup is damaged: ${path} does not have ${rest.dims} dimensions.`,
      );
    }
    return { ...rest, document, chunks };
  }
  return record;
}

/**
 * Streams the whole library into a Blob (see the module header). Every table is read inside one
 * read transaction; each record becomes one line; text is turned into a Blob part every
 * `partChars` characters, so memory holds at most one part of text beside the Blob.
 */
export async function exportBackup(db: AppDb, options: ExportOptions): Promise<ExportedBackup> {
  const now = options.now ?? (() => Date.now());
  const partChars = options.partChars ?? DEFAULT_PART_CHARS;
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: new Date(now()).toISOString(),
    app: { version: options.appVersion },
  };
  const parts: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const write = (text: string): void => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= partChars) flush();
  };
  const flush = (): void => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingChars = 0;
  };

  const counts = Object.fromEntries(BUNDLE_COLLECTIONS.map((c) => [c, 0])) as BundleCounts;
  const tables = BUNDLE_COLLECTIONS.map((collection) => tableOf(db, collection));
  await db.transaction('r', tables, async () => {
    const sizes = await Promise.all(tables.map((table) => table.count()));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    let done = 0;
    write(headerLine(header));
    for (const collection of BUNDLE_COLLECTIONS) {
      write(openCollectionLine(collection));
      let first = true;
      // One record at a time from a cursor: the table is never loaded whole.
      await tableOf(db, collection).each((record) => {
        if (collection === 'settings' && isBookkeepingSetting(record)) return;
        write(recordLine(toBundleRecord(collection, record), first));
        first = false;
        counts[collection] += 1;
        done += 1;
        if (done % 100 === 0) options.onProgress?.({ phase: 'exporting', done, total });
      });
      write(CLOSE_COLLECTION_LINE);
    }
    write(END_LINE);
    options.onProgress?.({ phase: 'exporting', done, total });
  });
  flush();
  return { blob: new Blob(parts, { type: 'application/json' }), counts };
}

/** The whole bundle as one object (small libraries and tests; the app downloads exportBackup's Blob). */
export async function exportAll(db: AppDb, options: ExportOptions): Promise<ExportBundle> {
  const { blob } = await exportBackup(db, options);
  return JSON.parse(await blob.text()) as ExportBundle;
}

function emptyRecords(): PreparedRestore['records'] {
  return Object.fromEntries(BUNDLE_COLLECTIONS.map((c) => [c, []])) as unknown as PreparedRestore['records'];
}

function invalid(errors: readonly string[]): BackupFormatError {
  const shown = errors.slice(0, 5).join('; ');
  return new BackupFormatError(
    'invalid',
    `This is not a valid Shortlist backup, so nothing was changed: ${shown}${errors.length > 5 ? '; …' : ''}`,
  );
}

/** Migrates, validates and converts a whole bundle object (a v1 file, or a re-formatted one). */
function prepareBundle(value: unknown): PreparedRestore {
  const fileVersion = checkBackupVersion(value);
  const bundle = migrateBundle(value);
  const validation = validateBundle(bundle);
  if (!validation.ok) throw invalid(validation.errors);
  const valid = bundle as ExportBundle;
  const records = emptyRecords();
  const counts = Object.fromEntries(BUNDLE_COLLECTIONS.map((c) => [c, valid[c].length])) as BundleCounts;
  for (const collection of BUNDLE_COLLECTIONS) {
    const target = records[collection] as unknown[];
    valid[collection].forEach((record, index) => target.push(toStoredRecord(collection, record, index)));
  }
  const { format, version, exportedAt, app } = valid;
  return { header: { format, version, exportedAt, app }, fileVersion, counts, records };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError();
}

/**
 * Reads a backup file in chunks and returns it validated and converted, ready for applyRestore;
 * writes nothing. Throws BackupFormatError (not a backup, newer version, damaged, incomplete) or
 * AbortedError.
 */
export async function readBackup(file: Blob, options: ReadOptions = {}): Promise<PreparedRestore> {
  const { signal, onProgress } = options;
  const total = file.size;
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const splitter = new LineSplitter();
  const parser = new BundleLineParser();
  const checker = new BundleChecker();
  const records = emptyRecords();
  let header: BundleHeader | undefined;
  let fileVersion = 0;
  /** Set when the first line is not a streamed header: the file is read as one JSON value. */
  const state: { whole: string[] | undefined } = { whole: undefined };
  let read = 0;

  const handleLine = (line: string): void => {
    if (state.whole) return;
    if (!header) {
      const value = parseHeaderLine(line);
      if (value === undefined) {
        if (total > (options.maxWholeJsonBytes ?? DEFAULT_MAX_WHOLE_JSON)) {
          throw new BackupFormatError(
            'not-a-backup',
            'This file is not a Shortlist backup (it does not start with a "shortlist-export" header).',
          );
        }
        state.whole = [line, '\n'];
        return;
      }
      fileVersion = checkBackupVersion(value);
      const migrated = { ...value, version: BUNDLE_VERSION };
      const errors = validateHeader(migrated);
      if (errors.length > 0) throw invalid(errors);
      header = migrated as unknown as BundleHeader;
      return;
    }
    const event = parser.push(line);
    if (event?.type !== 'record') return;
    const value = migrateRecord(fileVersion, event.collection, event.value);
    if (checker.add(event.collection, value)) {
      const target = records[event.collection] as unknown[];
      target.push(toStoredRecord(event.collection, value, target.length));
    } else if (checker.errors.length >= 5) {
      throw invalid(checker.errors);
    }
  };

  /** Handles complete lines; once the file turns out not to be streamed, keeps the rest as text. */
  const consumeLines = (lines: string[]): void => {
    for (let index = 0; index < lines.length; index++) {
      handleLine(lines[index] ?? '');
      const whole = state.whole;
      if (whole) {
        for (const rest of lines.slice(index + 1)) whole.push(rest, '\n');
        whole.push(splitter.end());
        return;
      }
    }
  };

  try {
    for (;;) {
      throwIfAborted(signal);
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (state.whole) state.whole.push(text);
      else consumeLines(splitter.push(text));
      onProgress?.({ phase: 'reading', done: read, total });
    }
    const tail = decoder.decode();
    if (state.whole) {
      state.whole.push(tail);
    } else {
      consumeLines(splitter.push(tail));
      // A file without a final newline: its last line is what the splitter still holds.
      consumeLines([splitter.end()]);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof TypeError) {
      throw new BackupFormatError(
        'not-a-backup',
        'This file is not a Shortlist backup (it is not UTF-8 text).',
      );
    }
    throw error;
  }

  if (state.whole) {
    let value: unknown;
    try {
      value = JSON.parse(state.whole.join(''));
    } catch {
      throw new BackupFormatError(
        'not-a-backup',
        'This file is not a Shortlist backup (it is not JSON, or it was cut short). Nothing was changed.',
      );
    }
    return prepareBundle(value);
  }
  if (!header) {
    throw new BackupFormatError('not-a-backup', 'This file is empty or not a Shortlist backup.');
  }
  if (!parser.ended) {
    throw new BackupFormatError(
      'incomplete',
      `This backup is incomplete: the file ends ${parser.position}. It was probably cut short while copying; nothing was changed.`,
    );
  }
  const errors = checker.finish();
  if (errors.length > 0) throw invalid(errors);
  return { header, fileVersion, counts: { ...checker.counts }, records };
}

/**
 * Writes a prepared backup in one read-write transaction: everything or, on any failure
 * (StorageFullError when the disk is full), nothing.
 */
export async function applyRestore(
  db: AppDb,
  prepared: PreparedRestore,
  options: RestoreOptions = {},
): Promise<BundleCounts> {
  const batchSize = options.batchSize ?? 200;
  const total = BUNDLE_COLLECTIONS.reduce((sum, collection) => sum + prepared.counts[collection], 0);
  const tables = BUNDLE_COLLECTIONS.map((collection) => tableOf(db, collection));
  await withStorageErrors(() =>
    db.transaction('rw', tables, async () => {
      if (options.mode === 'replace') await Promise.all(tables.map((table) => table.clear()));
      let done = 0;
      for (const collection of BUNDLE_COLLECTIONS) {
        const rows = prepared.records[collection] as StoredRecords[typeof collection][];
        const started = performance.now();
        for (let start = 0; start < rows.length; start += batchSize) {
          const batch = rows.slice(start, start + batchSize);
          await tableOf(db, collection).bulkPut(batch);
          done += batch.length;
          options.onProgress?.({ phase: 'writing', done, total });
        }
        if (collection === 'resumes' && rows.length > 0)
          options.onResumesWritten?.(((performance.now() - started) * 1000) / rows.length, rows.length);
      }
      // Restored records keep their own (possibly older) stamps: a new epoch tells the search
      // worker to read the whole library again instead of only what is newer than it has seen.
      await db.settings.put({ key: LIBRARY_EPOCH_KEY, value: Date.now() });
    }),
  );
  return { ...prepared.counts };
}

/**
 * Validates `bundle` (untrusted: e.g. JSON.parse of a picked file; any supported version) and
 * writes it. Throws BackupFormatError when it is not a valid bundle, StorageFullError when the
 * disk is full; in both cases nothing is written.
 */
export async function importAll(
  db: AppDb,
  bundle: unknown,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return applyRestore(db, prepareBundle(bundle), options);
}
