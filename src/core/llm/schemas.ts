/**
 * JSON schemas the model must answer in, one per task. They are sent to web-llm as
 * `response_format: { type: 'json_object', schema: JSON.stringify(schema) }` (grammar-constrained
 * decoding) and checked again here with validateAgainstSchema: the answer is never trusted.
 * Only keywords both sides understand are used (type, properties, required, items, enum).
 */
import type { JsonSchema } from '../export/json-schema';
import type { DegreeLevel, Seniority } from '../domain';

const text: JsonSchema = { type: 'string' };
const textList: JsonSchema = { type: 'array', items: text };

/** Resume → the subset of Profile the model refines. */
export const RESUME_EXTRACTION_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    name: text,
    headline: text,
    email: text,
    phone: text,
    location: text,
    skills: textList,
    work: {
      type: 'array',
      items: {
        type: 'object',
        properties: { company: text, position: text, startDate: text, endDate: text },
        required: ['company', 'position'],
      },
    },
    education: {
      type: 'array',
      items: {
        type: 'object',
        properties: { institution: text, degree: text, field: text, endDate: text },
        required: ['institution'],
      },
    },
  },
  required: ['skills', 'work', 'education'],
};

export interface ResumeLlmFields {
  name?: string;
  headline?: string;
  email?: string;
  phone?: string;
  location?: string;
  skills: string[];
  work: { company: string; position: string; startDate?: string; endDate?: string }[];
  education: { institution: string; degree?: string; field?: string; endDate?: string }[];
}

const SENIORITIES: readonly Seniority[] = [
  'intern',
  'junior',
  'mid',
  'senior',
  'lead',
  'principal',
  'executive',
];
const DEGREES: readonly DegreeLevel[] = ['none', 'associate', 'bachelor', 'master', 'doctorate'];

/** Job → the subset of JobSpec the model refines. */
export const JOB_EXTRACTION_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    title: text,
    seniority: { type: 'string', enum: SENIORITIES },
    requiredSkills: textList,
    preferredSkills: textList,
    minYears: { type: 'integer', minimum: 0, maximum: 50 },
    degree: { type: 'string', enum: DEGREES },
    location: text,
    remote: { type: 'boolean' },
  },
  required: ['title', 'requiredSkills', 'preferredSkills'],
};

export interface JobLlmFields {
  title: string;
  seniority?: Seniority;
  requiredSkills: string[];
  preferredSkills: string[];
  minYears?: number;
  degree?: DegreeLevel;
  location?: string;
  remote?: boolean;
}

export type SuggestionKind = 'bullet' | 'summary' | 'skills' | 'grammar';
export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['bullet', 'summary', 'skills', 'grammar'];

export const SUGGESTION_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: SUGGESTION_KINDS },
    before: { type: 'string', minLength: 1 },
    after: { type: 'string', minLength: 1 },
    requirement: text,
  },
  required: ['kind', 'before', 'after'],
};

/** One combined improvement call: bullets (keyword evidence, weak ones), grammar, summary and skills order. */
export const IMPROVE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { suggestions: { type: 'array', items: SUGGESTION_SCHEMA } },
  required: ['suggestions'],
};

export interface SuggestionDraft {
  kind: SuggestionKind;
  /** Text exactly as it is in the resume. */
  before: string;
  /** The proposed replacement. */
  after: string;
  /** The job requirement this suggestion surfaces evidence for, if any. */
  requirement?: string;
}

export interface ImproveLlmOutput {
  suggestions: SuggestionDraft[];
}
