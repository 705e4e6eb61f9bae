/**
 * Layout-general extraction rules (issue 8) on the real path a file takes (parseDocument →
 * extractResume), over generated files (tests/fixtures/layout-fixtures.ts). Each expectation is
 * written out here; each fixture exercises rules that fail without them.
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/domain';
import { extractResume } from '../../../src/core/extract/resume';
import { parseDocument } from '../../../src/core/parse';
import { buildDocument } from '../../../src/core/parse/text';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import {
  JOB_BOARD_EXPECTED,
  LINKEDIN_GROUPED_EXPECTED,
  LINKEDIN_PLACES_EXPECTED,
  THEME_EXPECTED,
  jobBoardDocx,
  linkedInGroupedPdf,
  linkedInPlacesPdf,
  namelessPdf,
  themePdf,
} from '../../fixtures/layout-fixtures';

const NOW = new Date(Date.UTC(2024, 6, 1));

async function profileOf(bytes: Uint8Array, fileName: string): Promise<Profile> {
  const document = await parseDocument(bytes, { fileName, mimeType: '', maxBytes: 1e7 }, nodeParseLibs);
  return extractResume(document, { now: NOW });
}

const rows = (profile: Profile) =>
  profile.work.map((entry) => [entry.company, entry.position, entry.startDate, entry.endDate]);

describe('LinkedIn-style export (sidebar, grouped roles, page break)', () => {
  it('reads every role as its own entry with the company carried down, across the page break', async () => {
    const profile = await profileOf(await linkedInGroupedPdf(), 'export.pdf');
    expect(profile.basics.name).toBe(LINKEDIN_GROUPED_EXPECTED.name);
    expect(rows(profile)).toEqual(LINKEDIN_GROUPED_EXPECTED.work);
    // Durations and role places never become companies or titles; the places are kept as places.
    expect(profile.work.map((entry) => entry.location)).toEqual([
      'Greater Denver Area',
      'Denver, Colorado, United States',
      'Boulder, CO',
      'Golden, CO',
    ]);
    expect(profile.education.map((entry) => entry.institution)).toEqual(LINKEDIN_GROUPED_EXPECTED.education);
  });

  it('keeps sidebar blocks (Top Skills, Certifications, Honors) out of work entries', async () => {
    const profile = await profileOf(await linkedInGroupedPdf(), 'export.pdf');
    const workText = JSON.stringify(profile.work);
    for (const sidebar of ['Vendor Management', 'Certified Scrum Master', 'Operator of the Year', 'Page 1'])
      expect(workText).not.toContain(sidebar);
    expect(profile.work[2]?.highlights.join(' ')).toContain('Reduced missed pickups');
  });
});

describe('LinkedIn-style export (role places, employer styles, a wrapped bullet)', () => {
  it('reads places with a note, several places and "City ST" as places, never as the next employer', async () => {
    const profile = await profileOf(await linkedInPlacesPdf(), 'export.pdf');
    expect(profile.basics.name).toBe(LINKEDIN_PLACES_EXPECTED.name);
    expect(rows(profile)).toEqual(LINKEDIN_PLACES_EXPECTED.work);
    expect(profile.work.map((entry) => entry.location)).toEqual(LINKEDIN_PLACES_EXPECTED.locations);
  });

  it("keeps a bullet's wrapped last line with its year range in the bullet, not as an entry", async () => {
    const profile = await profileOf(await linkedInPlacesPdf(), 'export.pdf');
    expect(JSON.stringify(profile.work.map((entry) => [entry.company, entry.position]))).not.toContain(
      'Foundation',
    );
    expect(profile.work[0]?.highlights.join(' ')).toContain('Science Foundation, 2016–2025');
  });
});

describe('job-board DOCX (badge, header block, "Company as Title")', () => {
  it('strips the badge, title-cases the name and reads the header block', async () => {
    const profile = await profileOf(await jobBoardDocx(), 'cv.docx');
    expect(profile.basics.name).toBe(JOB_BOARD_EXPECTED.name);
    expect(profile.basics.location).toBe(JOB_BOARD_EXPECTED.location);
    expect(profile.work.map((entry) => [entry.company, entry.position])).toEqual(JOB_BOARD_EXPECTED.work);
    expect(profile.work[0]?.endDate).toBe('present');
    expect(profile.work[1]?.startDate).toBe('2019-01');
    const skills = profile.skills.map((skill) => skill.surface);
    for (const skill of JOB_BOARD_EXPECTED.skills) expect(skills).toContain(skill);
    expect(profile.totalYears).toBe(JOB_BOARD_EXPECTED.totalYears);
  });
});

describe('theme-style PDF (gutter label, letter-spaced headings, one-line headers)', () => {
  it('reads entries under a gutter label and letter-spaced headings, with ISO and "Invalid Date" ends', async () => {
    const profile = await profileOf(await themePdf(), 'theme.pdf');
    expect(profile.basics.name).toBe('Ansel Moreau');
    expect(rows(profile)).toEqual(THEME_EXPECTED.work);
    expect(profile.education.map((entry) => entry.institution)).toEqual(THEME_EXPECTED.education);
    expect(profile.sections.map((section) => section.name)).toContain('summary');
  });

  it('removes icon-font glyph names from the text and keeps the values beside them', async () => {
    const profile = await profileOf(await themePdf(), 'theme.pdf');
    expect(profile.basics.email).toBe('ansel@example.dev');
    const contact = profile.sections.length >= 0 ? (await parsedText(await themePdf())).split('\n')[1] : '';
    expect(contact).not.toMatch(/HOUSE-CHIMNEY|GITHUB-SQUARE/);
    expect(contact).toContain('moreau.example.dev');
    expect(contact).toContain('amoreau');
  });
});

async function parsedText(bytes: Uint8Array): Promise<string> {
  return (await parseDocument(bytes, { fileName: 'x.pdf', mimeType: '', maxBytes: 1e7 }, nodeParseLibs)).text;
}

describe('names', () => {
  it('never takes a job title, a software name or a file name as the name: empty when there is none', async () => {
    const profile = await profileOf(await namelessPdf(), 'candidate_0412.pdf');
    expect(profile.basics.name ?? '').toBe('');
    expect(profile.work[0]?.company).toBe('Harrow & Finch LLP');
  });
});

describe('clean text', () => {
  it('drops private-use and control glyphs and rejoins a word broken by a hyphen and a space', () => {
    const document = buildDocument('pdf', [
      { text: '\ue0b0 +1 555 0100 \u0000 jo@example.org' },
      { text: 'Led the data manage- ment rewrite; full- and part-time staff' },
    ]);
    expect(document.lines[0]?.text).toBe('+1 555 0100 jo@example.org');
    expect(document.lines[1]?.text).toBe('Led the data management rewrite; full- and part-time staff');
  });
});

describe('education without a school word', () => {
  it('takes a short styled line above a degree as the school, and skips a part that only names a degree', () => {
    const document = buildDocument('pdf', [
      { text: 'Education', heading: true, bold: true },
      { text: 'NSTU', bold: true },
      { text: 'https://nstu.example.edu' },
      { text: "Bachelor's Degree Computer Science" },
      { text: 'Data Science, University degree, Universitat de Girona' },
      { text: '2015 - 2019' },
    ]);
    const profile = extractResume(document, { now: NOW });
    expect(profile.education.map((entry) => [entry.institution, entry.studyType])).toEqual([
      ['NSTU', "Bachelor's Degree"],
      // "University degree" names the degree (never the school).
      ['Universitat de Girona', 'University degree'],
    ]);
  });
});
