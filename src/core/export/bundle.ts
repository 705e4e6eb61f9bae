/**
 * The export bundle: a versioned JSON snapshot of everything Shortlist stores about resumes,
 * jobs, their source documents and match results. It round-trips losslessly through import
 * (src/db/backup.ts). Types here mirror the stored records (src/db/records.ts) but live in core
 * so that validation runs anywhere; document bytes travel as base64 text.
 */
import type { JobSpec, MatchResult, ParsedDocument, Profile, SourceKind } from '../domain';
import { BUNDLE_FORMAT, BUNDLE_VERSION, EXPORT_BUNDLE_SCHEMA } from './bundle-schema';
import { assertSupportedSchema, validateAgainstSchema, type JsonSchema } from './json-schema';

export { BUNDLE_FORMAT, BUNDLE_VERSION, EXPORT_BUNDLE_SCHEMA };

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

export interface ExportBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** ISO 8601 timestamp. */
  exportedAt: string;
  app: { version: string };
  resumes: BundleResume[];
  jobs: BundleJob[];
  documents: BundleDocument[];
  matches: BundleMatch[];
}

export type BundleValidation = { ok: true } | { ok: false; errors: string[] };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const schema: JsonSchema = EXPORT_BUNDLE_SCHEMA;
assertSupportedSchema(schema);

/**
 * Checks an untrusted value (a parsed backup file) against the schema, then what a schema cannot
 * say: ids are unique, every reference points at a record in the bundle with the right role, a
 * match id is `${resumeId}|${jobId}`, and exportedAt is a real date.
 */
export function validateBundle(value: unknown): BundleValidation {
  const errors = validateAgainstSchema(schema, value);
  if (errors.length > 0) return { ok: false, errors };
  const bundle = value as ExportBundle;

  if (!ISO_DATE_TIME.test(bundle.exportedAt) || Number.isNaN(Date.parse(bundle.exportedAt))) {
    errors.push('$/exportedAt: not an ISO 8601 date-time');
  }
  const documentRoles = new Map<string, string>();
  const unique = (collection: string, ids: string[]): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((each, index) => {
      if (seen.has(each)) errors.push(`$/${collection}/${index}/id: duplicate id "${each}"`);
      seen.add(each);
    });
    return seen;
  };
  unique(
    'documents',
    bundle.documents.map((document) => document.id),
  );
  for (const document of bundle.documents) documentRoles.set(document.id, document.role);
  const resumeIds = unique(
    'resumes',
    bundle.resumes.map((resume) => resume.id),
  );
  const jobIds = unique(
    'jobs',
    bundle.jobs.map((job) => job.id),
  );
  unique(
    'matches',
    bundle.matches.map((match) => match.id),
  );

  const checkDocument = (path: string, documentId: string, role: 'resume' | 'job'): void => {
    const found = documentRoles.get(documentId);
    if (found === undefined) errors.push(`${path}/documentId: no document "${documentId}" in the bundle`);
    else if (found !== role)
      errors.push(`${path}/documentId: document "${documentId}" is a ${found}, not a ${role}`);
  };
  bundle.resumes.forEach((resume, index) => checkDocument(`$/resumes/${index}`, resume.documentId, 'resume'));
  bundle.jobs.forEach((job, index) => checkDocument(`$/jobs/${index}`, job.documentId, 'job'));
  bundle.matches.forEach((match, index) => {
    const path = `$/matches/${index}`;
    if (!resumeIds.has(match.resumeId))
      errors.push(`${path}/resumeId: no resume "${match.resumeId}" in the bundle`);
    if (!jobIds.has(match.jobId)) errors.push(`${path}/jobId: no job "${match.jobId}" in the bundle`);
    if (match.id !== `${match.resumeId}|${match.jobId}`) errors.push(`${path}/id: must be "resumeId|jobId"`);
  });
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Narrowing helper for callers that only need a yes/no. */
export function isExportBundle(value: unknown): value is ExportBundle {
  return validateBundle(value).ok;
}
