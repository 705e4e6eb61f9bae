import { describe, expect, it } from 'vitest';
import { extractJob } from '../../../src/core/extract/job';
import { parseText } from '../../../src/core/parse/text';
import { mergeJob, mergeResume } from '../../../src/core/llm/merge';
import type { ResumeLlmFields } from '../../../src/core/llm/schemas';
import { RESUME_TEXT, resumeProfile } from './fixtures';

function llmFields(overrides: Partial<ResumeLlmFields> = {}): ResumeLlmFields {
  return { skills: [], work: [], education: [], ...overrides };
}

describe('merging an LLM extraction into the heuristic profile', () => {
  it('takes a grounded LLM value over the heuristic one, with llm provenance', () => {
    const heuristic = { ...resumeProfile(), basics: { ...resumeProfile().basics, label: 'wrong headline' } };
    const { profile, report } = mergeResume(
      heuristic,
      llmFields({ headline: 'Data engineer who builds reliable batch pipelines.' }),
      RESUME_TEXT,
    );
    expect(profile.basics.label).toBe('Data engineer who builds reliable batch pipelines.');
    expect(profile.provenance['basics.label']?.source).toBe('llm');
    expect(report.changed).toContainEqual({
      path: 'basics.label',
      before: 'wrong headline',
      after: profile.basics.label,
    });
  });

  it('refuses values that are not in the document', () => {
    const { profile, report } = mergeResume(
      resumeProfile(),
      llmFields({
        name: 'Dana R. Rivera-Smith',
        skills: ['Kubernetes'],
        work: [{ company: 'Globex', position: 'CTO' }],
      }),
      RESUME_TEXT,
    );
    expect(profile.basics.name).toBe(resumeProfile().basics.name);
    expect(profile.skills.some((skill) => skill.name === 'Kubernetes')).toBe(false);
    expect(profile.work.some((entry) => entry.company === 'Globex')).toBe(false);
    expect(report.rejected.map((field) => field.path)).toEqual(['basics.name', 'skills', 'work']);
  });

  it('adds only skills the text mentions', () => {
    const heuristic = {
      ...resumeProfile(),
      skills: resumeProfile().skills.filter((skill) => skill.name !== 'Docker'),
    };
    const { profile } = mergeResume(heuristic, llmFields({ skills: ['Docker', 'Rust'] }), RESUME_TEXT);
    const names = profile.skills.map((skill) => skill.name);
    expect(names).toContain('Docker');
    expect(names).not.toContain('Rust');
  });

  it('never overwrites a field the person corrected: user > llm > heuristic', () => {
    const corrections = { basics: { label: 'Analytics engineer' }, skillsRemoved: ['Airflow'] };
    const { profile, report } = mergeResume(
      resumeProfile(),
      llmFields({
        headline: 'Data engineer who builds reliable batch pipelines.',
        skills: ['Airflow', 'Docker'],
      }),
      RESUME_TEXT,
      corrections,
    );
    expect(profile.basics.label).toBe('Analytics engineer');
    expect(profile.provenance['basics.label']?.source).toBe('user');
    expect(profile.skills.some((skill) => skill.name === 'Airflow')).toBe(false);
    expect(report.changed.some((field) => field.path === 'basics.label')).toBe(false);
  });

  it('keeps a user-provenance field even without the corrections object', () => {
    const heuristic = resumeProfile();
    heuristic.provenance['basics.name'] = { line: -1, confidence: 1, source: 'user' };
    const { profile } = mergeResume(heuristic, llmFields({ name: 'Data Engineer' }), RESUME_TEXT);
    expect(profile.basics.name).toBe(heuristic.basics.name);
  });

  it('merges job fields: grounded skills added, user corrections win', () => {
    const text = 'Data Engineer\nRequired: Python and SQL.\nNice to have: Airflow.\nRemote within the EU.';
    const heuristic = extractJob(parseText(text, 'paste'));
    const llm = {
      title: 'Data Engineer',
      requiredSkills: ['Python', 'SQL', 'Go'],
      preferredSkills: ['Airflow'],
      remote: true,
    };
    const merged = mergeJob({ ...heuristic, required: [], preferred: [] }, llm, text);
    expect(merged.spec.required.map((r) => r.skill)).toEqual(['Python', 'SQL']);
    expect(merged.report.rejected).toContainEqual({
      path: 'required',
      value: 'Go',
      reason: 'not mentioned in the document',
    });
    const corrected = mergeJob({ ...heuristic, required: [] }, llm, text, {
      required: ['Java'],
      title: 'Platform Engineer',
    });
    expect(corrected.spec.required.map((r) => r.skill)).toEqual(['Java']);
    expect(corrected.spec.title).toBe('Platform Engineer');
    expect(corrected.spec.provenance?.required?.source).toBe('user');
  });
});
