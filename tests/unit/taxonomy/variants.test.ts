import { describe, expect, it } from 'vitest';
import { canonicalSkill, findSkills, isUbiquitousSkill, phraseVariants } from '../../../src/core/taxonomy';

describe('taxonomy beyond software', () => {
  it('knows certifications, licences and tools of many occupations', () => {
    const names: [string, string][] = [
      ['GAAP', 'GAAP'],
      ['IFRS', 'IFRS'],
      ['HACCP', 'HACCP'],
      ['ServSafe', 'ServSafe'],
      ['BLS', 'Basic Life Support'],
      ['Epic EHR', 'Epic'],
      ['FAA ATP', 'Airline Transport Pilot'],
      ['OSHA 30', 'OSHA Certification'],
      ['AutoCAD', 'AutoCAD'],
      ['InDesign', 'Adobe InDesign'],
      ['Salesforce', 'Salesforce'],
      ['Workday', 'Workday'],
      ['SAP', 'SAP'],
    ];
    for (const [written, canonical] of names) expect(canonicalSkill(written), written).toBe(canonical);
  });

  it('reads O*NET tools by their vendor-less names and acronyms', () => {
    expect(canonicalSkill('QuickBooks')).toBeDefined();
    expect(canonicalSkill('Intuit QuickBooks')).toBe(canonicalSkill('QuickBooks'));
    expect(canonicalSkill('Adobe Premiere Pro')).toBeDefined();
    expect(canonicalSkill('Premiere Pro')).toBe(canonicalSkill('Adobe Premiere Pro'));
    // One-word acronyms that are also words need their exact casing and a skill nearby.
    expect(findSkills('Reports, ETC.').map((m) => m.canonical)).toEqual([]);
  });

  it('counts phrase variants as the skill: "mentored", "data engineer", "project manager"', () => {
    expect(phraseVariants('Mentoring')).toEqual(['Mentored']);
    expect(phraseVariants('Data Engineering')).toEqual(['Data Engineered', 'Data Engineer']);
    expect(phraseVariants('Statistical Modeling')).toEqual(['Statistical Modeled', 'Statistical Modeler']);
    const found = findSkills(
      'Data engineer with 8 years. Mentored four junior engineers as project manager.',
    );
    expect(found.map((m) => m.canonical)).toEqual(['Data Engineering', 'Mentoring', 'Project Management']);
    // A noun that happens to be a stem is not a variant: "statistical models" is not modelling.
    expect(findSkills('Statistical models in R and Python').map((m) => m.canonical)).not.toContain(
      'Statistical Modeling',
    );
  });

  it('marks everyday office tools as ubiquitous, and only those', () => {
    expect(isUbiquitousSkill('Microsoft Excel')).toBe(true);
    expect(isUbiquitousSkill('Excel')).toBe(true);
    expect(isUbiquitousSkill('Outlook')).toBe(true);
    expect(isUbiquitousSkill('Python')).toBe(false);
    expect(isUbiquitousSkill('QuickBooks')).toBe(false);
  });
});
