/**
 * Bundle versions and how an older backup becomes the current one. Each step turns version n
 * into n + 1, as a whole-bundle step (for a bundle read as one JSON value) and as a per-record step
 * (for a streamed backup, read one record at a time); restore runs them in order up to
 * BUNDLE_VERSION. A backup from a newer app is refused: it may hold data this version would drop.
 */
import { ShortlistError } from '../errors';
import { BUNDLE_COLLECTIONS, BUNDLE_FORMAT, BUNDLE_VERSION, type BundleCollection } from './bundle-schema';

export type BackupProblem = 'not-a-backup' | 'newer-version' | 'invalid' | 'incomplete' | 'too-large';

/** A file that cannot be restored, and why (the message says what to do). */
export class BackupFormatError extends ShortlistError {
  readonly problem: BackupProblem;
  constructor(problem: BackupProblem, message: string) {
    super('invalid-input', message);
    this.name = 'BackupFormatError';
    this.problem = problem;
  }
}

interface MigrationStep {
  /** Whole bundle (already at version `from`) → the bundle at `from + 1`. */
  bundle(value: Record<string, unknown>): Record<string, unknown>;
  /** One record of one collection at version `from` → the record at `from + 1`. */
  record(collection: BundleCollection, value: unknown): unknown;
}

/** MIGRATIONS[n] turns version n into n + 1. */
const MIGRATIONS: Record<number, MigrationStep> = {
  // v2 added vectors, suggestions, applications, shortlists, settings and metrics; v1 records
  // are unchanged, and a v1 backup simply has none of the new collections.
  1: {
    bundle: (value) => {
      const next: Record<string, unknown> = { ...value, version: 2 };
      for (const collection of BUNDLE_COLLECTIONS) next[collection] ??= [];
      return next;
    },
    record: (_collection, value) => value,
  },
};

/**
 * Reads format and version from an untrusted header and returns the version, throwing
 * BackupFormatError when this is not a Shortlist backup or was written by a newer app.
 */
export function checkBackupVersion(header: unknown): number {
  const record = typeof header === 'object' && header !== null ? (header as Record<string, unknown>) : {};
  if (record.format !== BUNDLE_FORMAT) {
    throw new BackupFormatError(
      'not-a-backup',
      'This file is not a Shortlist backup (it has no "shortlist-export" header). Choose a file made with Export → Download.',
    );
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupFormatError('invalid', 'This backup has no valid format version, so it cannot be read.');
  }
  if (version > BUNDLE_VERSION) {
    throw new BackupFormatError(
      'newer-version',
      `This backup was made by a newer version of Shortlist (format version ${version}; this app reads up to ${BUNDLE_VERSION}). Update the app (reload it while online), then restore again. Nothing was changed.`,
    );
  }
  return version;
}

/** A whole bundle of any supported version → the current version (validation is separate). */
export function migrateBundle(value: unknown): unknown {
  let version = checkBackupVersion(value);
  let bundle = value as Record<string, unknown>;
  while (version < BUNDLE_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new BackupFormatError('invalid', `No migration from backup version ${version}.`);
    bundle = step.bundle(bundle);
    version += 1;
  }
  return bundle;
}

/** One streamed record written at `fromVersion` → the current version. */
export function migrateRecord(fromVersion: number, collection: BundleCollection, value: unknown): unknown {
  let record = value;
  for (let version = fromVersion; version < BUNDLE_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new BackupFormatError('invalid', `No migration from backup version ${version}.`);
    record = step.record(collection, record);
  }
  return record;
}
