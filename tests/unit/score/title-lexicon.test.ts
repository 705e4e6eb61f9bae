import { describe, expect, it } from 'vitest';
import {
  occupationCloseness,
  occupationFor,
  titleWords,
  withoutExclusion,
} from '../../../src/core/score/title-lexicon';
import {
  jobTitleTerms,
  lightStem,
  makeTitleStems,
  titleSimilarityFrom,
  titleStems,
  type TitleStems,
} from '../../../src/core/score/components';
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';
import type { JobSpec } from '../../../src/core/domain';

const job = (title: string): JobSpec => ({ title, required: [], preferred: [], warnings: [] });
const resumeWith = (titles: string[]): TitleStems =>
  makeTitleStems(
    [],
    [],
    titles.flatMap((title) => occupationFor(title)?.codes ?? []),
  );

describe('title lexicon', () => {
  it('drops level words, expands abbreviations and stems job words', () => {
    expect(titleWords('Sr. Staff Accountant II')).toEqual(['accountant']);
    expect(titleWords('HR Generalist')).toEqual(titleWords('Human Resources Generalist'));
    expect(titleWords('Fitness Instructors')).toEqual(titleWords('fitness instructor'));
  });

  it('places titles in O*NET occupations, heads first', () => {
    expect(occupationFor('Staff Accountant')?.codes).toEqual(
      occupationFor('Accountants and Auditors')?.codes,
    );
    expect(occupationFor('Chef')?.title).toMatch(/Chefs/);
    expect(occupationFor('Line Cook')?.title).toMatch(/Cooks/);
    expect(occupationFor('Zorblax Wrangler')).toBeUndefined();
  });

  it('gives credit for the same occupation and, less, for one of the same broad group only', () => {
    const accountant = occupationFor('Accountant')!.codes[0]!;
    const analyst = occupationFor('Financial Analyst')!.codes[0]!;
    const nurse = occupationFor('Registered Nurse')!.codes[0]!;
    const software = occupationFor('Software Developer')!.codes[0]!;
    const web = occupationFor('Web Developer')!.codes[0]!;
    expect(occupationCloseness(accountant, accountant)).toBe(1);
    // Software and web developers: one broad group (15-125x), different occupations.
    expect(occupationCloseness(software, web)).toBeGreaterThan(0);
    expect(occupationCloseness(software, web)).toBeLessThan(1);
    // Accountants and financial analysts share only a minor group (13-2): different work.
    expect(occupationCloseness(accountant, analyst)).toBe(0);
    expect(occupationCloseness(accountant, nurse)).toBe(0);
  });

  it('"Staff Accountant" matches an "Accountants and Auditors" job even without shared word stems', () => {
    const wanted = jobTitleTerms(job('Accountants and Auditors'));
    expect(titleSimilarityFrom(wanted, resumeWith(['Staff Accountant']))).toBe(1);
    expect(titleSimilarityFrom(wanted, resumeWith(['Registered Nurse']))).toBe(0);
  });

  it('places software titles as O*NET names them (web stack engineers are web developers)', () => {
    const code = (title: string) => occupationFor(title)?.codes[0];
    expect(code('Senior Full Stack Engineer')).toBe(code('Web Developer'));
    expect(code('Front End Engineer')).toBe(code('Web Developer'));
    expect(code('Software Engineer (Front-End)')).toBe(code('Web Developer'));
    expect(code('MERN Stack Developer')).toBe(code('Web Developer'));
    expect(code('Software Engineer')).toBe(code('Software Developer'));
    expect(code('Machine Learning Engineer')).toBe(code('Data Scientist'));
  });

  it('never counts the words after "Except" in a job title as wanted', () => {
    const title =
      'Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products';
    expect(withoutExclusion(title)).toBe('Sales Representatives, Wholesale and Manufacturing');
    const wanted = jobTitleTerms(job(title));
    const stems = wanted.terms.map((term) => term.stem);
    expect(stems).toContain(lightStem('sales'));
    const excluded = ['technical', 'scientific', 'products', 'except'].map(lightStem);
    for (const stem of excluded) expect(stems).not.toContain(stem);
    // A resume that names only the excluded work earns nothing for those words.
    const excludedOnly = makeTitleStems(excluded, [], []);
    expect(titleSimilarityFrom(wanted, excludedOnly)).toBe(0);
  });

  it('a resume title word meets a job title word by either stemmer ("Finance" ~ "Financial", "Engineering" ~ "Engineer")', () => {
    /** A generated resume whose only title is `title`, and no other words of the job titles below. */
    const stemsOf = (title: string) => {
      const doc = parseText(
        `Robin Park\n${title}\nExperience\n${title}, Initech 2015 - 2020\n- Led the team`,
      );
      return titleStems(extractResume(doc), doc);
    };
    const financial = jobTitleTerms(job('Financial and Investment Analysts'));
    // "financial" is a third of the title's weight: full credit for it from "Finance Manager".
    expect(titleSimilarityFrom(financial, stemsOf('Finance Manager'))).toBeGreaterThan(0.3);
    expect(titleSimilarityFrom(financial, stemsOf('Nurse'))).toBe(0);
    expect(
      titleSimilarityFrom(jobTitleTerms(job('Software Engineering Lead')), stemsOf('Software Engineer')),
    ).toBe(1);
  });
});
