import { describe, expect, it } from 'vitest';
import { applyJobCorrections, applyProfileCorrections } from '../../../src/core/corrections/corrections';
import type { JobSpec, Profile } from '../../../src/core/domain';

function profile(): Profile {
  return {
    basics: { name: 'Alise Martin', email: 'alice@example.com', profiles: [] },
    work: [
      {
        company: 'Northwind',
        position: 'Data Engineer',
        startDate: '2020-01',
        endDate: 'present',
        highlights: [],
        line: 5,
      },
    ],
    education: [],
    skills: [
      { name: 'Python', surface: 'Python', known: true, line: 9 },
      { name: 'Excel', surface: 'MS Excel', known: true, line: 9 },
    ],
    projects: [],
    certificates: [],
    languages: [],
    sections: [],
    totalYears: 5,
    provenance: { 'basics.name': { line: 0, confidence: 0.9, source: 'heuristic' } },
    confidence: 0.9,
    warnings: [],
  };
}

describe('applyProfileCorrections', () => {
  it('lets corrected basics win and records the user as their source', () => {
    const corrected = applyProfileCorrections(profile(), { basics: { name: 'Alice Martin', phone: '' } });
    expect(corrected.basics.name).toBe('Alice Martin');
    expect(corrected.provenance['basics.name']?.source).toBe('user');
    expect(corrected.basics.email).toBe('alice@example.com');
  });

  it('clears a field corrected to empty', () => {
    const corrected = applyProfileCorrections(profile(), { basics: { email: '  ' } });
    expect(corrected.basics.email).toBeUndefined();
  });

  it('adds skills through the taxonomy and removes skills by canonical name', () => {
    const corrected = applyProfileCorrections(profile(), {
      skillsAdded: ['k8s', 'Underwater basket weaving'],
      skillsRemoved: ['excel'],
    });
    const names = corrected.skills.map((s) => s.name);
    expect(names).toContain('Kubernetes');
    expect(names).toContain('Underwater basket weaving');
    expect(names).not.toContain('Excel');
    expect(corrected.skills.find((s) => s.name === 'Underwater basket weaving')?.known).toBe(false);
  });

  it('does not add a skill twice', () => {
    const corrected = applyProfileCorrections(profile(), { skillsAdded: ['python', 'Python'] });
    expect(corrected.skills.filter((s) => s.name === 'Python')).toHaveLength(1);
  });

  it('survives re-extraction: the same corrections applied to a fresh extraction give the same result', () => {
    const corrections = { basics: { name: 'Alice Martin' }, work: [], totalYears: 7 };
    const first = applyProfileCorrections(profile(), corrections);
    const again = applyProfileCorrections(profile(), corrections);
    expect(again).toEqual(first);
    expect(first.work).toEqual([]);
    expect(first.totalYears).toBe(7);
  });

  it('returns the extraction unchanged without corrections', () => {
    const extracted = profile();
    expect(applyProfileCorrections(extracted, undefined)).toBe(extracted);
  });
});

describe('applyJobCorrections', () => {
  const spec: JobSpec = {
    title: 'Data Engineer',
    required: [{ skill: 'Python', surface: 'Python', line: 3 }],
    preferred: [],
    minYears: 5,
    warnings: [],
  };

  it('replaces required and preferred skills with canonical names', () => {
    const corrected = applyJobCorrections(spec, { required: ['Postgres', 'Python'], preferred: ['JS'] });
    expect(corrected.required.map((r) => r.skill)).toEqual(['PostgreSQL', 'Python']);
    expect(corrected.preferred.map((r) => r.skill)).toEqual(['JavaScript']);
  });

  it('can clear the minimum years and rename the title', () => {
    const corrected = applyJobCorrections(spec, { minYears: null, title: 'Senior Data Engineer' });
    expect(corrected.minYears).toBeUndefined();
    expect(corrected.title).toBe('Senior Data Engineer');
  });
});
