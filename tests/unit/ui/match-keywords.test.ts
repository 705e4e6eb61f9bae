import { describe, expect, it } from 'vitest';
import type { JobSpec, RequirementResult } from '../../../src/core/domain';
import { bandFor } from '../../../src/core/score/match';
import {
  TARGET_SCORE,
  jobSegments,
  keywordRows,
  missingKeywords,
  resumeSegments,
  segments,
} from '../../../src/ui/match-keywords';

const JOB_TEXT = 'Senior engineer. Must know Python and SQL; python daily. Nice: Kubernetes, teamwork.';
const SPEC: JobSpec = {
  title: 'Senior engineer',
  required: [
    { skill: 'Python', surface: 'Python', line: 0 },
    { skill: 'SQL', surface: 'SQL', line: 0 },
  ],
  preferred: [
    { skill: 'Kubernetes', surface: 'Kubernetes', line: 0 },
    { skill: 'Teamwork', surface: 'teamwork', kind: 'soft', line: 0 },
    // Listed twice (required and preferred): one row.
    { skill: 'SQL', surface: 'SQL', line: 0 },
  ],
  warnings: [],
};
const RESUME_TEXT = 'Ada Lovelace\nBuilt Python services.\nLed a team.';
const REQUIREMENTS: RequirementResult[] = [
  {
    skill: 'Python',
    importance: 'required',
    matched: true,
    evidence: { line: 1, start: 19, end: 25, text: 'Built Python services.' },
  },
  { skill: 'SQL', importance: 'required', matched: false },
  { skill: 'Kubernetes', importance: 'preferred', matched: false },
  { skill: 'Teamwork', importance: 'preferred', matched: true },
];
const RESULT = { requirements: REQUIREMENTS };

describe('Match keywords', () => {
  it('aims at the floor of the strong band', () => {
    expect(bandFor(TARGET_SCORE)).toBe('strong');
    expect(bandFor(TARGET_SCORE - 1)).not.toBe('strong');
  });

  it('lists each job skill once: times the job names it, whether the resume proves it, hard or soft', () => {
    expect(keywordRows(RESULT, SPEC, JOB_TEXT)).toEqual([
      { skill: 'Python', importance: 'required', inJob: 2, inResume: true, kind: 'hard' },
      { skill: 'SQL', importance: 'required', inJob: 1, inResume: false, kind: 'hard' },
      { skill: 'Kubernetes', importance: 'preferred', inJob: 1, inResume: false, kind: 'hard' },
      { skill: 'Teamwork', importance: 'preferred', inJob: 1, inResume: true, kind: 'soft' },
    ]);
    expect(missingKeywords(RESULT)).toEqual(['SQL', 'Kubernetes']);
  });

  it('marks every whole-word mention in the job text, and only whole words', () => {
    const parts = jobSegments(RESULT, SPEC, JOB_TEXT);
    expect(parts.map((part) => part.text).join('')).toBe(JOB_TEXT);
    expect(parts.filter((part) => part.mark).map((part) => [part.text, part.mark])).toEqual([
      ['Python', 'matched'],
      ['SQL', 'missing'],
      ['python', 'matched'],
      ['Kubernetes', 'missing'],
      ['teamwork', 'matched'],
    ]);
    // "SQL" inside "MySQL" is not the skill.
    const inside = jobSegments(RESULT, SPEC, 'MySQL only');
    expect(inside.some((part) => part.mark)).toBe(false);
  });

  it('marks the evidence of matched requirements in the resume text', () => {
    const parts = resumeSegments(RESULT, RESUME_TEXT);
    expect(parts.map((part) => part.text).join('')).toBe(RESUME_TEXT);
    expect(parts.filter((part) => part.mark)).toEqual([{ text: 'Python', mark: 'matched', skill: 'Python' }]);
  });

  it('cuts text into segments, dropping overlaps and spans outside the text', () => {
    const parts = segments('abcdef', [
      { start: 1, end: 3, mark: 'matched', skill: 'a' },
      { start: 2, end: 4, mark: 'missing', skill: 'b' },
      { start: 5, end: 9, mark: 'missing', skill: 'c' },
    ]);
    expect(parts).toEqual([{ text: 'a' }, { text: 'bc', mark: 'matched', skill: 'a' }, { text: 'def' }]);
  });
});
