/**
 * Which dates and which header lines a work entry gets (issue 8), on the real path a file takes
 * (parseDocument → extractResume), over generated files (tests/fixtures/work-dates-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { profileOf, rows } from './pdf-profile';
import {
  CITY_LINE_EXPECTED,
  DOMAIN_EMPLOYER_EXPECTED,
  FOOTER_DATES_EXPECTED,
  GROUPED_ROLE_PROSE_EXPECTED,
  OPEN_START_EXPECTED,
  ORGANISATION_AT_PLACE_EXPECTED,
  PLACE_CLOSES_HEADER_EXPECTED,
  VOLUNTEER_WORK_EXPECTED,
  cityLinePdf,
  domainEmployerPdf,
  footerDatesPdf,
  groupedRoleProsePdf,
  openStartPdf,
  organisationAtPlacePdf,
  placeClosesHeaderPdf,
  volunteerWorkPdf,
} from '../../fixtures/work-dates-fixtures';

describe('a role with an end date and no start ("- Feb, 2017")', () => {
  it('is a date line, not a bullet: the entry ends there and has no start', async () => {
    const profile = await profileOf(await openStartPdf());
    expect(rows(profile)[3]).toEqual(OPEN_START_EXPECTED[3]);
  });
});

describe('the last words of a paragraph above the next entry', () => {
  it('stay out of that entry’s header when a gap separates them from it', async () => {
    const profile = await profileOf(await openStartPdf());
    expect(rows(profile).slice(0, 3)).toEqual(OPEN_START_EXPECTED.slice(0, 3));
  });
});

describe('an employer written as its web address ("Planner.app")', () => {
  it('is the employer, though its first part is a title word', async () => {
    const profile = await profileOf(await domainEmployerPdf());
    expect(rows(profile)).toEqual(DOMAIN_EMPLOYER_EXPECTED);
  });
});

describe('date lines at the same height at the foot of two pages', () => {
  it('are the roles’ dates, not a running footer', async () => {
    const profile = await profileOf(await footerDatesPdf());
    expect(rows(profile)).toEqual(FOOTER_DATES_EXPECTED);
  });
});

describe('a description line holding the end of one sentence and the start of another', () => {
  it('is prose, never a header: a lone title line keeps the employer of its group', async () => {
    const profile = await profileOf(await groupedRoleProsePdf());
    expect(rows(profile)).toEqual(GROUPED_ROLE_PROSE_EXPECTED);
  });
});

describe('"Title / Dates / Place" under one employer', () => {
  it('closes the header at the place: a short capitalised line under it is the entry’s text', async () => {
    const profile = await profileOf(await placeClosesHeaderPdf());
    expect(rows(profile)).toEqual(PLACE_CLOSES_HEADER_EXPECTED);
  });

  it('reads a year that closes a wrapped sentence ("…, in" / "2016.") as text, not a role', async () => {
    const profile = await profileOf(await placeClosesHeaderPdf());
    expect(profile.work.map((entry) => entry.startDate)).not.toContain('2016');
    expect(profile.work[1]?.highlights.join(' ')).toContain('2016.');
  });
});

describe('a "Volunteer Work" section', () => {
  it('gives no work entries: it lists volunteering, not employment', async () => {
    const profile = await profileOf(await volunteerWorkPdf());
    expect(rows(profile)).toEqual(VOLUNTEER_WORK_EXPECTED);
  });
});

describe('"Title, Organisation at Place" on one line', () => {
  it('keeps "at" inside an employer that names an organisation, and splits at it after a team', async () => {
    const profile = await profileOf(await organisationAtPlacePdf());
    expect(rows(profile)).toEqual(ORGANISATION_AT_PLACE_EXPECTED);
  });
});

describe('employer, city, address, dates and title on lines of their own', () => {
  it('reads a city no gazetteer lists as the place, so the title keeps its dash', async () => {
    const profile = await profileOf(await cityLinePdf());
    expect(rows(profile)).toEqual(CITY_LINE_EXPECTED);
    expect(profile.work[0]?.location).toBe('Vila do Conde');
  });
});
