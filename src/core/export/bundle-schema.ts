/**
 * JSON Schema (draft 2020-12) of the export bundle, as data. It is the single source of truth:
 * validateBundle interprets it (see json-schema.ts) and docs/export-schema.json is a verbatim
 * copy (a unit test fails when the two differ), so the validator and the published schema
 * cannot drift apart. Nested domain objects list the fields the app relies on and allow others,
 * so optional fields added to the domain later do not break version 1 bundles.
 */
import { BASE64_PATTERN } from './base64';

export const BUNDLE_FORMAT = 'shortlist-export';
export const BUNDLE_VERSION = 1;

const text = { type: 'string' } as const;
const id = { type: 'string', minLength: 1 } as const;
const int = { type: 'integer' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const num = { type: 'number' } as const;
const bool = { type: 'boolean' } as const;
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
  $id: 'https://shortlist.local/schemas/export-bundle-v1.json',
  title: 'Shortlist export bundle',
  description:
    'Everything Shortlist stores about resumes, jobs, their source documents and match results. ' +
    'Document bytes are standard padded base64. Beyond this schema, importers also check that ids are ' +
    'unique and that every documentId, resumeId and jobId refers to a record in the bundle.',
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
  },
  required: ['format', 'version', 'exportedAt', 'app', 'resumes', 'jobs', 'documents', 'matches'],
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
    parsedDocument: object({
      kind: { enum: ['pdf', 'docx', 'txt', 'md', 'paste', 'json'] },
      text,
      lines: arrayOf(ref('docLine')),
      pages: count,
      links: ref('stringList'),
      warnings: ref('stringList'),
    }),
    document: object(
      {
        id,
        role: { enum: ['resume', 'job'] },
        fileName: text,
        mimeType: text,
        kind: { enum: ['pdf', 'docx', 'txt', 'md', 'paste', 'json'] },
        size: count,
        bytesBase64: { type: 'string', pattern: BASE64_PATTERN },
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
  },
} as const;
