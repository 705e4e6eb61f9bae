/**
 * Layout classes of published JSON Resume themes (issue 8) on the real path a file takes
 * (parseDocument → extractResume), over generated files (tests/fixtures/theme-layout-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { documentOf, profileOf, rows } from './pdf-profile';
import {
  AT_SCHOOL_EXPECTED,
  DATES_FIRST_EXPECTED,
  PROSE_IN_ENTRIES_EXPECTED,
  TITLE_AT_COMPANY_EXPECTED,
  ENTRY_SECTIONS_EXPECTED,
  GLUED_DATES_EXPECTED,
  GROUPED_ROLES_EXPECTED,
  INDENTED_HIGHLIGHTS_EXPECTED,
  PARENTHESIS_TITLE_EXPECTED,
  PLAIN_EMPLOYER_LINES_EXPECTED,
  PROVIDER_EDUCATION_EXPECTED,
  SKILLS_GRID_EXPECTED,
  SKILL_CLOUD_EXPECTED,
  TITLE_LINES_EXPECTED,
  UNDATED_WORK_EXPECTED,
  atSchoolPdf,
  datesFirstPdf,
  proseInEntriesPdf,
  titleAtCompanyPdf,
  entrySectionsPdf,
  gluedDatesPdf,
  groupedRolesPdf,
  indentedHighlightsPdf,
  parenthesisTitlePdf,
  plainEmployerLinesPdf,
  providerEducationPdf,
  skillCloudPdf,
  skillsGridPdf,
  titleLinesPdf,
  undatedWorkPdf,
} from '../../fixtures/theme-layout-fixtures';

describe('"Title, Company" headers over their dates, highlights indented without a bullet glyph', () => {
  it('keeps indented highlights and dated sentences out of headers, joins a wrapped header, orders roles by the section', async () => {
    const profile = await profileOf(await indentedHighlightsPdf());
    expect(rows(profile)).toEqual(INDENTED_HIGHLIGHTS_EXPECTED.work);
  });

  it('reads comma education headers that name the school last, past a "Courses" sub-heading', async () => {
    const profile = await profileOf(await indentedHighlightsPdf());
    expect(profile.education.map((entry) => entry.institution)).toEqual(
      INDENTED_HIGHLIGHTS_EXPECTED.education,
    );
    expect(profile.sections.filter((section) => section.name === 'certifications')).toEqual([]);
  });

  it('finds the phone beside the email in a contact block without a heading', async () => {
    const profile = await profileOf(await indentedHighlightsPdf());
    expect(profile.basics.phone).toBe(INDENTED_HIGHLIGHTS_EXPECTED.phone);
  });
});

describe('"Degree Area at School" education and bold lower-case employers', () => {
  it('takes the school after "at", continued on the next line in the header size', async () => {
    const profile = await profileOf(await atSchoolPdf());
    expect(profile.education.map((entry) => [entry.institution, entry.studyType])).toEqual(
      AT_SCHOOL_EXPECTED.education,
    );
  });

  it('reads a bold employer that starts lower-case, and the last entry’s title below its date', async () => {
    const profile = await profileOf(await atSchoolPdf());
    expect(rows(profile)).toEqual(AT_SCHOOL_EXPECTED.work);
  });
});

describe('a work section without dates', () => {
  it('opens an entry at each bold employer line, with the title under it', async () => {
    const profile = await profileOf(await undatedWorkPdf());
    expect(rows(profile)).toEqual(UNDATED_WORK_EXPECTED);
  });
});

describe('a skills grid a few rows tall above the work heading', () => {
  it('reads the grid in place, not as a sidebar, so the work heading stays above its entries', async () => {
    const profile = await profileOf(await skillsGridPdf());
    expect(rows(profile)).toEqual(SKILLS_GRID_EXPECTED);
    const names = profile.sections.map((section) => section.name);
    expect(names.indexOf('skills')).toBeLessThan(names.indexOf('experience'));
  });
});

describe('what belongs inside an entry, and sections that are not employment', () => {
  it('keeps self-employed and freelance roles, descriptions, "Technologies:" lines and dated logs inside their entries', async () => {
    const profile = await profileOf(await entrySectionsPdf());
    expect(rows(profile)).toEqual(ENTRY_SECTIONS_EXPECTED);
  });

  it('takes no work entries from Projects or Volunteer sections', async () => {
    const profile = await profileOf(await entrySectionsPdf());
    expect(profile.sections.map((section) => section.name)).toEqual(
      expect.arrayContaining(['projects', 'volunteer']),
    );
    expect(profile.work.map((entry) => entry.company)).not.toContain('Code Harbour Lisboa');
  });
});

describe('roles grouped under one employer by type alone', () => {
  it('keeps each title whole under the bold employer, reads a blank open end as present, and skips a bracketed range in prose', async () => {
    const profile = await profileOf(await groupedRolesPdf());
    expect(rows(profile)).toEqual(GROUPED_ROLES_EXPECTED);
  });

  it('removes HTML tags printed into the text, keeping their words', async () => {
    const document = await documentOf(await groupedRolesPdf());
    expect(document.text).not.toMatch(/<a\b|<\/a>|<br|href=/);
    expect(document.text).toContain('Employee Resource Group Lead');
  });
});

describe('employer and title on lines of their own', () => {
  it('keeps a dash inside the title line, and a page-2 title equal to the headline under the name', async () => {
    const profile = await profileOf(await titleLinesPdf());
    expect(rows(profile)).toEqual(TITLE_LINES_EXPECTED);
  });
});

describe('education entries opened by one bold style', () => {
  it('opens an entry at each line set like the first school, school word or not, and reads a repeated degree once', async () => {
    const profile = await profileOf(await providerEducationPdf());
    expect(profile.education.map((entry) => entry.institution)).toEqual(PROVIDER_EDUCATION_EXPECTED);
    expect(profile.education[0]).toMatchObject({
      studyType: 'Master',
      area: 'Computer Science & Engineering',
    });
  });
});

describe('a sidebar of skill groups without a Skills heading', () => {
  it('reads each group name and row of tags as skills, known to the taxonomy or not', async () => {
    const profile = await profileOf(await skillCloudPdf());
    const surfaces = profile.skills.map((skill) => skill.surface).join(' | ');
    for (const skill of SKILL_CLOUD_EXPECTED) expect(surfaces).toContain(skill);
  });
});

describe('prose inside entries', () => {
  it('reads no date inside a web address and takes no sentence ending on a legal form as an employer', async () => {
    const profile = await profileOf(await proseInEntriesPdf());
    expect(rows(profile)).toEqual(PROSE_IN_ENTRIES_EXPECTED);
  });
});

describe('"Title at Company, Dates" on one line', () => {
  it('joins a legal form wrapped onto the next line to the employer', async () => {
    const profile = await profileOf(await titleAtCompanyPdf());
    expect(rows(profile)).toEqual(TITLE_AT_COMPANY_EXPECTED);
  });
});

describe('a date on its own line opening each entry', () => {
  it('reads the title and employer below each date, and nothing above it as its header', async () => {
    const profile = await profileOf(await datesFirstPdf());
    expect(rows(profile)).toEqual(DATES_FIRST_EXPECTED);
  });
});

describe('a place and a date printed as one run ("LisbonMar 2019")', () => {
  it('reads the whole date and leaves the place out of the employer and the school', async () => {
    const profile = await profileOf(await gluedDatesPdf());
    expect(rows(profile)).toEqual(GLUED_DATES_EXPECTED.work);
    expect(profile.education.map((entry) => [entry.institution, entry.startDate, entry.endDate])).toEqual(
      GLUED_DATES_EXPECTED.education,
    );
  });
});

describe('a title wrapped at an open parenthesis', () => {
  it('joins the lower-case line that closes the parenthesis to the title, under the employer line', async () => {
    const profile = await profileOf(await parenthesisTitlePdf());
    expect(rows(profile)).toEqual(PARENTHESIS_TITLE_EXPECTED);
  });
});

describe('plain employer lines over their dates', () => {
  it('reads an employer that starts in lower case, with its place, right above the date', async () => {
    const profile = await profileOf(await plainEmployerLinesPdf());
    expect(rows(profile)).toEqual(PLAIN_EMPLOYER_LINES_EXPECTED);
  });
});
