/**
 * The export bundle: a versioned JSON snapshot of everything Shortlist stores (resumes, jobs,
 * their source documents, match results, vectors, suggestions, application status, shortlists,
 * settings and metrics). It round-trips losslessly through restore (src/db/backup.ts). Types here
 * mirror the stored records (src/db/records.ts) but live in core so that validation runs
 * anywhere; document bytes and vectors travel as base64 text.
 *
 * Validation is record by record (BundleChecker), so a backup of any size can be checked while
 * it streams in; validateBundle applies the same checks to a whole bundle object.
 */
import type { JobSpec, MatchResult, ParsedDocument, Profile, SourceKind } from '../domain';
import type { ShortlistEntry } from '../shortlist/entry';
import {
  BUNDLE_COLLECTIONS,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  COLLECTION_DEFS,
  EXPORT_BUNDLE_SCHEMA,
  type BundleCollection,
} from './bundle-schema';
import { assertSupportedSchema, validateAgainstSchema, type JsonSchema } from './json-schema';

export { BUNDLE_COLLECTIONS, BUNDLE_FORMAT, BUNDLE_VERSION, EXPORT_BUNDLE_SCHEMA, type BundleCollection };

export interface BundleDocument {
  id: string;
  role: 'resume' | 'job';
  fileName: string;
  mimeType: string;
  kind: SourceKind;
  size: number;
  /** Original file bytes, standard padded base64; absent for pasted text. */
  bytesBase64?: string;
  parsed: ParsedDocument;
  hash: string;
  createdAt: number;
}

export interface BundleResume {
  id: string;
  documentId: string;
  name: string;
  fileName: string;
  profile: Profile;
  skills: string[];
  totalYears: number;
  createdAt: number;
  updatedAt: number;
}

export interface BundleJob {
  id: string;
  documentId: string;
  title: string;
  fileName: string;
  spec: JobSpec;
  skills: string[];
  createdAt: number;
  updatedAt: number;
}

export interface BundleMatch {
  id: string;
  resumeId: string;
  jobId: string;
  result: MatchResult;
  key: string;
  createdAt: number;
}

export interface BundleVector {
  id: string;
  ownerId: string;
  role: 'resume' | 'job';
  modelId: string;
  dims: number;
  /** The whole-document vector: float32 little-endian bytes, base64. */
  documentBase64: string;
  /** Chunk vectors, concatenated, same encoding. */
  chunksBase64: string;
  chunkSpans: { start: number; end: number; kind: string }[];
  sourceUpdatedAt: number;
  createdAt: number;
}

export interface BundleSuggestion {
  id: string;
  resumeId: string;
  jobId: string;
  modelId: string;
  kind: string;
  before: string;
  after: string;
  status: 'pending' | 'accepted' | 'rejected' | 'dropped';
  reason?: string;
  requirement?: string;
  resultResumeId?: string;
  createdAt: number;
}

export interface BundleApplication {
  jobId: string;
  status: 'saved' | 'applied' | 'interviewing' | 'offer' | 'rejected';
  updatedAt: number;
}

export type BundleShortlist = ShortlistEntry;

export interface BundleSetting {
  key: string;
  value: unknown;
}

export interface BundleMetric {
  name: string;
  samples: number[];
  count: number;
  errors: number;
  updatedAt: number;
}

/** What each collection holds. */
export interface BundleRecords {
  documents: BundleDocument;
  resumes: BundleResume;
  jobs: BundleJob;
  matches: BundleMatch;
  vectors: BundleVector;
  suggestions: BundleSuggestion;
  applications: BundleApplication;
  shortlists: BundleShortlist;
  settings: BundleSetting;
  metrics: BundleMetric;
}

/** Everything in a bundle except the record collections. */
export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** ISO 8601 timestamp. */
  exportedAt: string;
  app: { version: string };
}

export type ExportBundle = BundleHeader & { [C in BundleCollection]: BundleRecords[C][] };

export type BundleCounts = Record<BundleCollection, number>;

export type BundleValidation = { ok: true } | { ok: false; errors: string[] };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const MAX_REPORTED = 20;

const schema: JsonSchema = EXPORT_BUNDLE_SCHEMA;
assertSupportedSchema(schema);

const headerSchema: JsonSchema = {
  ...schema,
  properties: Object.fromEntries(
    Object.entries(schema.properties ?? {}).filter(([name]) => !isCollection(name)),
  ),
  required: (schema.required ?? []).filter((name) => !isCollection(name)),
};

const recordSchemas = new Map<BundleCollection, JsonSchema>(
  BUNDLE_COLLECTIONS.map((collection) => [
    collection,
    { $defs: schema.$defs, $ref: `#/$defs/${COLLECTION_DEFS[collection]}` },
  ]),
);

export function isCollection(name: string): name is BundleCollection {
  return (BUNDLE_COLLECTIONS as readonly string[]).includes(name);
}

export function emptyCounts(): BundleCounts {
  return Object.fromEntries(BUNDLE_COLLECTIONS.map((collection) => [collection, 0])) as BundleCounts;
}

/** Errors of a bundle's header (format, version, date, app); [] when valid. */
export function validateHeader(value: unknown): string[] {
  const errors = validateAgainstSchema(headerSchema, value);
  if (errors.length > 0) return errors;
  const header = value as BundleHeader;
  if (!ISO_DATE_TIME.test(header.exportedAt) || Number.isNaN(Date.parse(header.exportedAt))) {
    errors.push('$/exportedAt: not an ISO 8601 date-time');
  }
  return errors;
}

/**
 * Checks records one at a time as they arrive (any order): each against its schema, ids unique per
 * collection; finish() then checks what needs the whole bundle — every reference points at a record
 * in the bundle with the right role, a match id is `${resumeId}|${jobId}`. Keeps ids only, never
 * records, so it runs in bounded memory per record.
 */
export class BundleChecker {
  readonly counts = emptyCounts();
  readonly #errors: string[] = [];
  readonly #ids = new Map<BundleCollection, Set<string>>();
  readonly #documentRoles = new Map<string, string>();
  readonly #references: { path: string; kind: 'document' | 'resume' | 'job'; id: string; role?: string }[] =
    [];

  get errors(): readonly string[] {
    return this.#errors;
  }

  #report(message: string): void {
    if (this.#errors.length < MAX_REPORTED) this.#errors.push(message);
  }

  /** Validates one record; returns false when it is invalid (and records why). */
  add(collection: BundleCollection, value: unknown): boolean {
    const index = this.counts[collection];
    this.counts[collection] = index + 1;
    const path = `$/${collection}/${index}`;
    const errors = validateAgainstSchema(recordSchemas.get(collection) ?? {}, value);
    for (const error of errors) this.#report(error.replace(/^\$/, path));
    if (errors.length > 0) return false;
    const key = this.#keyOf(collection, value);
    let ids = this.#ids.get(collection);
    if (!ids) this.#ids.set(collection, (ids = new Set()));
    if (ids.has(key)) this.#report(`${path}/id: duplicate id "${key}"`);
    ids.add(key);
    this.#collectReferences(collection, value, path);
    return true;
  }

  #keyOf(collection: BundleCollection, value: unknown): string {
    const record = value as Record<string, string>;
    if (collection === 'applications') return record.jobId ?? '';
    if (collection === 'settings') return record.key ?? '';
    if (collection === 'metrics') return record.name ?? '';
    return record.id ?? '';
  }

  #collectReferences(collection: BundleCollection, value: unknown, path: string): void {
    switch (collection) {
      case 'documents': {
        const document = value as BundleDocument;
        this.#documentRoles.set(document.id, document.role);
        break;
      }
      case 'resumes':
        this.#references.push({
          path,
          kind: 'document',
          id: (value as BundleResume).documentId,
          role: 'resume',
        });
        break;
      case 'jobs':
        this.#references.push({ path, kind: 'document', id: (value as BundleJob).documentId, role: 'job' });
        break;
      case 'matches': {
        const match = value as BundleMatch;
        this.#references.push({ path, kind: 'resume', id: match.resumeId });
        this.#references.push({ path, kind: 'job', id: match.jobId });
        if (match.id !== `${match.resumeId}|${match.jobId}`)
          this.#report(`${path}/id: must be "resumeId|jobId"`);
        break;
      }
      case 'vectors': {
        const vector = value as BundleVector;
        if (vector.id !== `${vector.ownerId}|${vector.modelId}`)
          this.#report(`${path}/id: must be "ownerId|modelId"`);
        break;
      }
      case 'shortlists': {
        const entry = value as BundleShortlist;
        if (entry.id !== `${entry.subjectId}|${entry.candidateId}`) {
          this.#report(`${path}/id: must be "subjectId|candidateId"`);
        }
        break;
      }
      default:
        break;
    }
  }

  /** All errors once every record was added ([] = valid). */
  finish(): string[] {
    const resumes = this.#ids.get('resumes') ?? new Set<string>();
    const jobs = this.#ids.get('jobs') ?? new Set<string>();
    for (const reference of this.#references) {
      if (reference.kind === 'document') {
        const found = this.#documentRoles.get(reference.id);
        if (found === undefined) {
          this.#report(`${reference.path}/documentId: no document "${reference.id}" in the bundle`);
        } else if (found !== reference.role) {
          this.#report(
            `${reference.path}/documentId: document "${reference.id}" is a ${found}, not a ${reference.role}`,
          );
        }
      } else if (reference.kind === 'resume' && !resumes.has(reference.id)) {
        this.#report(`${reference.path}/resumeId: no resume "${reference.id}" in the bundle`);
      } else if (reference.kind === 'job' && !jobs.has(reference.id)) {
        this.#report(`${reference.path}/jobId: no job "${reference.id}" in the bundle`);
      }
    }
    return [...this.#errors];
  }
}

/**
 * Checks an untrusted value (a parsed backup file of the current version) against the schema,
 * then what a schema cannot say: ids are unique, every reference points at a record in the bundle
 * with the right role, a match id is `${resumeId}|${jobId}`, and exportedAt is a real date.
 */
export function validateBundle(value: unknown): BundleValidation {
  const errors = validateAgainstSchema(schema, value);
  if (errors.length > 0) return { ok: false, errors };
  errors.push(...validateHeader(value));
  const bundle = value as ExportBundle;
  const checker = new BundleChecker();
  for (const collection of BUNDLE_COLLECTIONS) {
    for (const record of bundle[collection]) checker.add(collection, record);
  }
  errors.push(...checker.finish());
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Narrowing helper for callers that only need a yes/no. */
export function isExportBundle(value: unknown): value is ExportBundle {
  return validateBundle(value).ok;
}
