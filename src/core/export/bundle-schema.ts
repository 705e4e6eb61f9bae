/**
 * JSON Schema (draft 2020-12) of the export bundle, as data. It is the single source of truth:
 * validateBundle interprets it (see json-schema.ts) and docs/export-schema.json is a verbatim
 * copy (a unit test fails when the two differ), so the validator and the published schema
 * cannot drift apart. Nested domain objects list the fields the app relies on and allow others,
 * so optional fields added to the domain later do not break version 1 bundles.
 */
import { SHORTLIST_STAGES } from '../shortlist/entry';

export const BUNDLE_FORMAT = 'shortlist-export';
export const BUNDLE_VERSION = 2;

/** The record collections of a bundle, in the order an export writes them. */
export const BUNDLE_COLLECTIONS = [
  'documents',
  'resumes',
  'jobs',
  'matches',
  'vectors',
  'suggestions',
  'applications',
  'shortlists',
  'settings',
  'metrics',
] as const;
export type BundleCollection = (typeof BUNDLE_COLLECTIONS)[number];

/** The $defs entry each collection's items follow. */
export const COLLECTION_DEFS: Record<BundleCollection, string> = {
  documents: 'document',
  resumes: 'resume',
  jobs: 'job',
  matches: 'match',
  vectors: 'vector',
  suggestions: 'suggestion',
  applications: 'application',
  shortlists: 'shortlist',
  settings: 'setting',
  metrics: 'metric',
};

const text = { type: 'string' } as const;
const id = { type: 'string', minLength: 1 } as const;
const int = { type: 'integer' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const num = { type: 'number' } as const;
const bool = { type: 'boolean' } as const;
const base64 = { type: 'string', contentEncoding: 'base64' } as const;
const stamp = { type: 'number', minimum: 0 } as const;
const unit = { type: 'number', minimum: 0, maximum: 1 } as const;
const ref = (name: string) => ({ $ref: `#/$defs/${name}` }) as const;
const arrayOf = (items: object) => ({ type: 'array', items }) as const;
const object = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
});

export const EXPORT_BUNDLE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://shortlist.local/schemas/export-bundle-v2.json',
  title: 'Shortlist export bundle',
  description:
    'Everything Shortlist stores: resumes, jobs, their source documents, match results, embedding ' +
    'vectors, AI suggestions, application status, shortlists, settings and metrics. Document bytes and ' +
    'vectors (little-endian float32) are standard padded base64. Exports put one record per line so ' +
    'that any size streams. Beyond this schema, importers also check that ids are unique and that every ' +
    'documentId, resumeId and jobId refers to a record in the bundle.',
  type: 'object',
  properties: {
    format: { const: BUNDLE_FORMAT },
    version: { const: BUNDLE_VERSION },
    exportedAt: { type: 'string', format: 'date-time' },
    app: object({ version: text }),
    resumes: arrayOf(ref('resume')),
    jobs: arrayOf(ref('job')),
    documents: arrayOf(ref('document')),
    matches: arrayOf(ref('match')),
    vectors: arrayOf(ref('vector')),
    suggestions: arrayOf(ref('suggestion')),
    applications: arrayOf(ref('application')),
    shortlists: arrayOf(ref('shortlist')),
    settings: arrayOf(ref('setting')),
    metrics: arrayOf(ref('metric')),
  },
  required: [
    'format',
    'version',
    'exportedAt',
    'app',
    'resumes',
    'jobs',
    'documents',
    'matches',
    'vectors',
    'suggestions',
    'applications',
    'shortlists',
    'settings',
    'metrics',
  ],
  $defs: {
    stringList: arrayOf(text),
    docLine: object({
      text,
      start: count,
      end: count,
      page: { type: 'integer', minimum: 1 },
      x: num,
      y: num,
      fontSize: num,
      bold: bool,
      heading: bool,
      bullet: bool,
    }),
    parsedDocument: object(
      {
        kind: { enum: ['pdf', 'docx', 'txt', 'md', 'paste', 'json'] },
        text,
        lines: arrayOf(ref('docLine')),
        pages: count,
        links: ref('stringList'),
        warnings: ref('stringList'),
        // Optional: documents read before notes existed have none (their notes are in warnings).
        notes: ref('stringList'),
      },
      ['kind', 'text', 'lines', 'pages', 'links', 'warnings'],
    ),
    document: object(
      {
        id,
        role: { enum: ['resume', 'job'] },
        fileName: text,
        mimeType: text,
        kind: { enum: ['pdf', 'docx', 'txt', 'md', 'paste', 'json'] },
        size: count,
        bytesBase64: base64,
        parsed: ref('parsedDocument'),
        hash: text,
        createdAt: stamp,
      },
      ['id', 'role', 'fileName', 'mimeType', 'kind', 'size', 'parsed', 'hash', 'createdAt'],
    ),
    skillMention: object({ name: text, surface: text, known: bool, line: int }, [
      'name',
      'surface',
      'known',
      'line',
    ]),
    profile: object(
      {
        basics: object({ profiles: arrayOf({ type: 'object' }) }),
        work: arrayOf({ type: 'object' }),
        education: arrayOf({ type: 'object' }),
        skills: arrayOf(ref('skillMention')),
        projects: arrayOf({ type: 'object' }),
        certificates: arrayOf({ type: 'object' }),
        languages: arrayOf({ type: 'object' }),
        sections: arrayOf({ type: 'object' }),
        totalYears: { type: 'number', minimum: 0 },
        provenance: { type: 'object' },
        confidence: unit,
        warnings: ref('stringList'),
      },
      [
        'basics',
        'work',
        'education',
        'skills',
        'projects',
        'certificates',
        'languages',
        'sections',
        'totalYears',
        'provenance',
        'confidence',
        'warnings',
      ],
    ),
    requirement: object({ skill: text, surface: text, line: int }),
    jobSpec: object(
      {
        title: text,
        required: arrayOf(ref('requirement')),
        preferred: arrayOf(ref('requirement')),
        warnings: ref('stringList'),
      },
      ['title', 'required', 'preferred', 'warnings'],
    ),
    resume: object({
      id,
      documentId: id,
      name: text,
      fileName: text,
      profile: ref('profile'),
      skills: ref('stringList'),
      totalYears: { type: 'number', minimum: 0 },
      createdAt: stamp,
      updatedAt: stamp,
    }),
    job: object({
      id,
      documentId: id,
      title: text,
      fileName: text,
      spec: ref('jobSpec'),
      skills: ref('stringList'),
      createdAt: stamp,
      updatedAt: stamp,
    }),
    matchComponents: object({ requiredSkills: unit, preferredSkills: unit, text: unit }),
    matchResult: object({
      score: { type: 'number', minimum: 0, maximum: 100 },
      band: { enum: ['strong', 'good', 'partial', 'weak'] },
      mode: { enum: ['lexical', 'semantic'] },
      components: ref('matchComponents'),
      weights: ref('matchComponents'),
      requirements: arrayOf(
        object({ skill: text, importance: { enum: ['required', 'preferred'] }, matched: bool }, [
          'skill',
          'importance',
          'matched',
        ]),
      ),
      matchedSkills: ref('stringList'),
      missingSkills: ref('stringList'),
    }),
    match: object({
      id,
      resumeId: id,
      jobId: id,
      result: ref('matchResult'),
      key: text,
      createdAt: stamp,
    }),
    vector: object({
      id,
      ownerId: id,
      role: { enum: ['resume', 'job'] },
      modelId: id,
      dims: { type: 'integer', minimum: 1 },
      documentBase64: base64,
      chunksBase64: base64,
      chunkSpans: arrayOf(object({ start: count, end: count, kind: text })),
      sourceUpdatedAt: stamp,
      createdAt: stamp,
    }),
    suggestion: object(
      {
        id,
        resumeId: id,
        jobId: id,
        modelId: text,
        kind: text,
        before: text,
        after: text,
        status: { enum: ['pending', 'accepted', 'rejected', 'dropped'] },
        reason: text,
        requirement: text,
        resultResumeId: id,
        createdAt: stamp,
      },
      ['id', 'resumeId', 'jobId', 'modelId', 'kind', 'before', 'after', 'status', 'createdAt'],
    ),
    application: object({
      jobId: id,
      status: { enum: ['saved', 'applied', 'interviewing', 'offer', 'rejected'] },
      updatedAt: stamp,
    }),
    shortlist: object({
      id,
      subjectKind: { enum: ['job', 'resume'] },
      subjectId: id,
      candidateId: id,
      starred: bool,
      stage: { enum: [...SHORTLIST_STAGES] },
      note: text,
      tags: ref('stringList'),
      updatedAt: stamp,
    }),
    setting: { type: 'object', properties: { key: id }, required: ['key', 'value'] },
    metric: object({
      name: id,
      samples: arrayOf(num),
      count: count,
      errors: count,
      updatedAt: stamp,
    }),
  },
} as const;
