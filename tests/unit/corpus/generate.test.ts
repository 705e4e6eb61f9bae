import { describe, expect, it } from 'vitest';
import { generateCorpus, OCCUPATIONS } from '../../../src/core/corpus/generate';
import { extractJob } from '../../../src/core/extract/job';
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';
import { canonicalSkill } from '../../../src/core/taxonomy';

describe('generateCorpus', () => {
  it('is deterministic from the seed', () => {
    expect(generateCorpus({ resumes: 20, jobs: 5, seed: 3 })).toEqual(
      generateCorpus({ resumes: 20, jobs: 5, seed: 3 }),
    );
    expect(generateCorpus({ resumes: 5, jobs: 0, seed: 3 }).resumes[0]!.text).not.toBe(
      generateCorpus({ resumes: 5, jobs: 0, seed: 4 }).resumes[0]!.text,
    );
  });

  it('uses only skills the taxonomy knows, across many occupations', () => {
    for (const occupation of OCCUPATIONS)
      for (const skill of occupation.skills) expect(canonicalSkill(skill)).toBe(skill);
    const fields = new Set(generateCorpus({ resumes: 200, jobs: 0 }).resumes.map((resume) => resume.field));
    expect(fields.size).toBe(OCCUPATIONS.length);
  });

  it('reads back through parseText + extract: name, years, skills, job requirements', () => {
    const { resumes, jobs } = generateCorpus({ resumes: 30, jobs: 10, seed: 9 });
    for (const resume of resumes) {
      const profile = extractResume(parseText(resume.text), { now: new Date(Date.UTC(2026, 5, 1)) });
      expect(profile.basics.name).toBe(resume.name);
      expect(Math.abs(profile.totalYears - resume.years)).toBeLessThanOrEqual(1);
      const found = new Set(profile.skills.map((skill) => skill.name));
      for (const skill of resume.skills) expect(found.has(skill), `${resume.id} ${skill}`).toBe(true);
    }
    for (const job of jobs) {
      const spec = extractJob(parseText(job.text));
      const required = new Set(spec.required.map((requirement) => requirement.skill));
      for (const skill of job.required) expect(required.has(skill), `${job.id} ${skill}`).toBe(true);
      expect(spec.minYears).toBe(job.minYears);
    }
  });
});
