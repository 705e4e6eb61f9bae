/** Small, valid records for storage and export tests (synthetic; no real resumes). */
import type { JobSpec, MatchResult, Profile } from '../../../src/core/domain';
import { buildDocument } from '../../../src/core/parse/text';
import type { DocumentRecord, JobRecord, MatchRecord, ResumeRecord } from '../../../src/db/records';

export function profile(name: string, skills: string[], totalYears: number): Profile {
  return {
    basics: { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`, profiles: [] },
    work: [
      {
        company: 'Acme',
        position: 'Engineer',
        startDate: '2019-01',
        endDate: 'present',
        highlights: [],
        line: 3,
      },
    ],
    education: [{ institution: 'State University', studyType: 'BSc', line: 6 }],
    skills: skills.map((skill, index) => ({
      name: skill,
      surface: skill,
      known: true,
      kind: 'hard',
      line: 8 + index,
    })),
    projects: [],
    certificates: [],
    languages: [{ language: 'English', fluency: 'Native', line: 12 }],
    sections: [{ name: 'experience', heading: 'Experience', startLine: 2, endLine: 4 }],
    totalYears,
    provenance: { 'basics.name': { line: 0, confidence: 0.9, source: 'heuristic' } },
    confidence: 0.8,
    warnings: [],
  };
}

export function resumeDocument(
  id: string,
  bytes = new Uint8Array([37, 80, 68, 70, 0, 255, 128, 7]),
): DocumentRecord {
  return {
    id,
    role: 'resume',
    fileName: `${id}.pdf`,
    mimeType: 'application/pdf',
    kind: 'pdf',
    size: bytes.byteLength,
    bytes: bytes.slice().buffer,
    parsed: buildDocument('pdf', [{ text: 'Jane Doe', heading: true, fontSize: 18 }, { text: 'Experience' }]),
    hash: `hash-${id}`,
    createdAt: 1_700_000_000_000,
  };
}

export function jobDocument(id: string): DocumentRecord {
  return {
    id,
    role: 'job',
    fileName: 'Pasted job',
    mimeType: 'text/plain',
    kind: 'paste',
    size: 42,
    parsed: buildDocument('paste', [{ text: 'Senior TypeScript Engineer' }, { text: 'Must know React' }]),
    hash: `hash-${id}`,
    createdAt: 1_700_000_000_500,
  };
}

export function resume(
  id: string,
  documentId: string,
  name: string,
  updatedAt: number,
  skills: string[],
  years = 3,
): ResumeRecord {
  return {
    id,
    documentId,
    name,
    fileName: `${documentId}.pdf`,
    profile: profile(name, skills, years),
    skills: skills.map((skill) => skill.toLowerCase()),
    totalYears: years,
    createdAt: updatedAt,
    updatedAt,
  };
}

export function jobSpec(title: string, skills: string[]): JobSpec {
  return {
    title,
    seniority: 'senior',
    required: skills.map((skill, index) => ({ skill, surface: skill, line: index + 1, minYears: 2 })),
    preferred: [],
    minYears: 3,
    degree: 'bachelor',
    remote: true,
    warnings: [],
  };
}

export function job(
  id: string,
  documentId: string,
  title: string,
  updatedAt: number,
  skills: string[],
): JobRecord {
  return {
    id,
    documentId,
    title,
    fileName: 'Pasted job',
    spec: jobSpec(title, skills),
    skills: skills.map((skill) => skill.toLowerCase()),
    createdAt: updatedAt,
    updatedAt,
  };
}

export function matchResult(score: number): MatchResult {
  return {
    score,
    band: score >= 80 ? 'strong' : score >= 60 ? 'good' : score >= 40 ? 'partial' : 'weak',
    mode: 'lexical',
    components: { requiredSkills: score / 100, preferredSkills: 1, text: 0.5 },
    weights: { requiredSkills: 0.6, preferredSkills: 0.2, text: 0.2 },
    requirements: [
      {
        skill: 'TypeScript',
        importance: 'required',
        matched: true,
        via: 'exact',
        evidence: { line: 1, start: 9, end: 19, text: 'Experience' },
      },
    ],
    matchedSkills: ['TypeScript'],
    missingSkills: [],
  };
}

export function match(resumeId: string, jobId: string, score: number): MatchRecord {
  return {
    id: `${resumeId}|${jobId}`,
    resumeId,
    jobId,
    result: matchResult(score),
    key: `key-${resumeId}-${jobId}`,
    createdAt: 1_700_000_001_000,
  };
}

let dbCounter = 0;
/** A database name no other test uses (fake-indexeddb is shared within a test file). */
export function uniqueDbName(prefix: string): string {
  dbCounter += 1;
  return `${prefix}-${dbCounter}-${Math.random().toString(36).slice(2)}`;
}
