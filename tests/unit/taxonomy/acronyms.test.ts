/**
 * Acronyms written in capitals ("DOE", "SAP", "HR"), generated from the taxonomy itself: every
 * such name or alias is tried as a surname in a resume header and as a lower-case skills-list item.
 */
import { describe, expect, it } from 'vitest';
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';
import { allSkillNames, canonicalSkill, findSkills, skillAliases } from '../../../src/core/taxonomy';

const NOW = new Date(Date.UTC(2024, 5, 1));

const titleCase = (word: string): string => `${word.charAt(0)}${word.slice(1).toLowerCase()}`;

/**
 * Every name or alias of two to five capitals, with its canonical skill, unless the taxonomy also
 * lists the same letters in another casing ("MATLAB | Matlab").
 */
function capitalAcronyms(): { form: string; canonical: string }[] {
  const found: { form: string; canonical: string }[] = [];
  for (const canonical of allSkillNames()) {
    const forms = [canonical, ...skillAliases(canonical)];
    for (const form of forms) {
      if (!/^[A-Z]{2,5}$/.test(form)) continue;
      if (forms.some((other) => other !== form && other.toLowerCase() === form.toLowerCase())) continue;
      // A form that another skill's name also spells is that skill's.
      if (canonicalSkill(form) === canonical) found.push({ form, canonical });
    }
  }
  return found;
}

const ACRONYMS = capitalAcronyms();
/** The ones the matcher reads on their own in capitals (not marked ambiguous, like "APL*"). */
const PLAIN_ACRONYMS = ACRONYMS.filter(({ form }) => findSkills(form).length === 1);

const surfaces = (text: string, listContext = false): string[] =>
  findSkills(text, { listContext }).map((match) => match.surface);

describe('acronyms in capitals', () => {
  it('the taxonomy has enough of them for the generated cases to mean something', () => {
    expect(ACRONYMS.length).toBeGreaterThan(200);
    expect(PLAIN_ACRONYMS.length).toBeGreaterThan(150);
    expect(ACRONYMS.map(({ form }) => form)).toEqual(expect.arrayContaining(['DOE', 'SAP', 'ERP', 'HR']));
  });

  it('are not read from a surname or a word in a resume header ("Jane Doe", "Sam Sap")', () => {
    const misread: string[] = [];
    for (const { form } of ACRONYMS) {
      const name = titleCase(form);
      const header = `Jane ${name}\n${name} Python Developer | jane.${form.toLowerCase()}@example.com | Berlin`;
      for (const surface of surfaces(header)) if (surface === name) misread.push(form);
    }
    expect(misread).toEqual([]);
  });

  it('are read in capitals in prose, also as a plural ("KPIs")', () => {
    const missed = PLAIN_ACRONYMS.filter(
      ({ form, canonical }) =>
        !findSkills(`Worked with ${form} daily.`).some((m) => m.canonical === canonical),
    );
    expect(missed).toEqual([]);
    expect(findSkills('Defined team KPIs and ECGs reviews').map((match) => match.surface)).toEqual([
      'KPIs',
      'ECGs',
    ]);
  });

  it('are read from a skills list in lower case ("sql, aws, html") or mixed case ("Css")', () => {
    const missed: string[] = [];
    for (const { form, canonical } of PLAIN_ACRONYMS) {
      for (const written of [form.toLowerCase(), titleCase(form)]) {
        const list = `Python, ${written}, Docker`;
        if (!findSkills(list, { listContext: true }).some((m) => m.canonical === canonical))
          missed.push(written);
      }
    }
    expect(missed).toEqual([]);
  });

  it('in lower case in prose count only next to another skill, never as a plural or a web address', () => {
    expect(surfaces('So far we have helped thousands of families save money.')).toEqual([]);
    expect(surfaces('Does this sound like you? The system does not ask.')).toEqual([]);
    expect(surfaces('Does it sound interesting?', true)).toEqual([]);
    expect(surfaces('Moved from bi-weekly releases to daily ones')).toEqual([]);
    expect(surfaces('Uses http libraries to call REST APIs')).toEqual(['http', 'REST APIs']);
    expect(surfaces('Portfolio: https://example.com/jane (Python)')).toEqual(['Python']);
  });

  it('keep a mixed casing the taxonomy lists ("Matlab", "Cobol", "Nginx")', () => {
    expect(findSkills('Models in Matlab, batch jobs in Cobol behind Nginx').map((m) => m.canonical)).toEqual([
      'MATLAB',
      'COBOL',
      'Nginx',
    ]);
  });

  it('do not turn a resume owner called Doe into an "Experimental Design" skill', () => {
    for (const { form } of ACRONYMS.filter((_, index) => index % 25 === 0).concat({
      form: 'DOE',
      canonical: '',
    })) {
      const surname = titleCase(form);
      const profile = extractResume(
        parseText(
          `John ${surname}\nData Analyst\njohn.${form.toLowerCase()}@example.com | +1 555 010 0200\n\n` +
            `Experience\nData Analyst at Initech    Jan 2020 – Present\n- Built reports in SQL and Python\n\n` +
            `Skills\nsql, python, tableau`,
        ),
        { now: NOW },
      );
      const skills = profile.skills.map((skill) => skill.name);
      expect(skills).toEqual(expect.arrayContaining(['SQL', 'Python', 'Tableau']));
      expect(profile.skills.filter((skill) => skill.surface === surname)).toEqual([]);
    }
  });
});
