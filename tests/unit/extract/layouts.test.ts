/**
 * The real path a file takes in the app (parseDocument → extractResume) over generated resumes in
 * every layout the issue names: one-column, two-column, sidebar, table-based and LinkedIn-like PDFs
 * and DOCX, with every date format, names outside ASCII and an email split across lines. The
 * expected values are written out here, not derived from the fixtures' specs, so a wrong parse of
 * either side shows up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/domain';
import { extractResume } from '../../../src/core/extract/resume';
import { parseDocument } from '../../../src/core/parse';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import {
  ALICE,
  BOB,
  CHLOE,
  DARIA,
  INGRID,
  makeRecipePdf,
  makeResumeDocx,
  makeResumePdf,
  type PdfLayout,
  type ResumeSpec,
} from '../../fixtures/resume-fixtures';

const NOW = new Date(Date.UTC(2024, 5, 1));

async function profileOf(spec: ResumeSpec, layout: PdfLayout | 'docx'): Promise<Profile> {
  const docx = layout === 'docx';
  const bytes = docx ? await makeResumeDocx(spec) : await makeResumePdf(spec, layout);
  const document = await parseDocument(
    bytes,
    { fileName: docx ? 'resume.docx' : 'resume.pdf', mimeType: '', maxBytes: 20 * 1024 * 1024 },
    nodeParseLibs,
  );
  return extractResume(document, { now: NOW });
}

type WorkRow = [company: string, position: string, start: string | undefined, end: string | undefined];

const workRows = (profile: Profile): WorkRow[] =>
  profile.work.map((entry) => [entry.company, entry.position, entry.startDate, entry.endDate]);

const skillNames = (profile: Profile): string[] => profile.skills.map((skill) => skill.name);

const ALICE_WORK: WorkRow[] = [
  ['Northwind Analytics', 'Senior Data Engineer', '2020-01', 'present'],
  ['Contoso Retail', 'Data Engineer', '2017-06', '2019-12'],
  ['Fabrikam Labs', 'Junior Data Analyst', '2015-08', '2017-05'],
];
const ALICE_SKILLS = ['Python', 'SQL', 'Apache Airflow', 'Apache Spark', 'dbt', 'Snowflake', 'PostgreSQL'];

describe.each(['one-column', 'two-column', 'sidebar', 'docx'] as const)('Alice Martin, %s', (layout) => {
  let profile: Profile;
  beforeAll(async () => {
    profile = await profileOf(ALICE, layout);
  });

  it('reads name, email, phone and location', () => {
    expect(profile.basics).toMatchObject({
      name: 'Alice Martin',
      email: 'alice.martin@example.com',
      phone: '+1 415 555 0134',
      location: 'San Francisco, CA',
    });
    expect(profile.basics.profiles.map((entry) => entry.network)).toEqual(['LinkedIn', 'GitHub']);
  });

  it('reads every role with normalised dates, its location and all its bullets', () => {
    expect(workRows(profile)).toEqual(ALICE_WORK);
    expect(profile.work.map((entry) => entry.location)).toEqual([
      'San Francisco, CA',
      'Oakland, CA',
      undefined,
    ]);
    // A bullet wrapped onto a second line (narrow columns) is still one highlight.
    expect(profile.work[0]?.highlights).toEqual([
      'Built Python and Apache Airflow pipelines that load 2 TB of events per day into Snowflake.',
      'Rewrote nightly SQL transformations in dbt, cutting warehouse cost by 35 percent.',
      'Introduced data quality checks with Great Expectations and on-call runbooks for the team.',
    ]);
  });

  it('reads education and skills', () => {
    expect(profile.education).toEqual([
      expect.objectContaining({ studyType: 'B.S.', area: 'Statistics', startDate: '2011', endDate: '2015' }),
    ]);
    expect(profile.education[0]?.institution).toMatch(/^University of California/);
    expect(skillNames(profile)).toEqual(expect.arrayContaining(ALICE_SKILLS));
    expect(profile.totalYears).toBe(8.8);
    expect(profile.warnings).toEqual([]);
  });
});

describe.each(['sidebar', 'docx'] as const)('Zoë Ångström (unicode name), %s', (layout) => {
  let profile: Profile;
  beforeAll(async () => {
    profile = await profileOf(BOB, layout);
  });

  it('keeps the accented name and reads the contact details, wherever they are', () => {
    expect(profile.basics).toMatchObject({
      name: 'Zoë Ångström',
      email: 'zoe.angstrom@example.org',
      phone: '+46 70 555 01 23',
      location: 'Göteborg, Sweden',
    });
  });

  it('reads work, education and skills', () => {
    expect(workRows(profile)).toEqual([
      ['Klarbyte AB', 'Frontend Developer', '2021-03', 'present'],
      ['Nordlys Media', 'Web Developer', '2018-09', '2021-02'],
    ]);
    expect(profile.work[0]?.highlights[0]).toBe(
      'Led the migration of the customer portal from AngularJS to React and TypeScript.',
    );
    expect(profile.education).toEqual([
      expect.objectContaining({
        institution: 'Chalmers University of Technology',
        studyType: 'M.Sc.',
        area: 'Interaction Design',
        startDate: '2016',
        endDate: '2018',
      }),
    ]);
    expect(skillNames(profile)).toEqual(
      expect.arrayContaining(['TypeScript', 'JavaScript', 'React', 'Svelte', 'Jest', 'Cypress', 'Figma']),
    );
  });
});

describe('Chloé Lefèvre, table-based PDF', () => {
  let profile: Profile;
  beforeAll(async () => {
    profile = await profileOf(CHLOE, 'table');
  });

  it('reads the header above the table', () => {
    expect(profile.basics).toMatchObject({
      name: 'Chloé Lefèvre',
      label: 'Product Designer',
      email: 'chloe.lefevre@example.net',
      phone: '+33 6 12 34 56 78',
      location: 'Lyon, France',
    });
  });

  it('keeps each dates cell with its entry: "2018 to now", "01/2016 - 03/2018", "Summer 2015"', () => {
    expect(profile.sections.map((section) => section.name)).toEqual([
      'summary',
      'experience',
      'education',
      'skills',
    ]);
    expect(workRows(profile)).toEqual([
      ['Atelier Numérique', 'Lead Product Designer', '2018', 'present'],
      ['Maison Bleue', 'UX Designer', '2016-01', '2018-03'],
      // A season names no month: the role started and ended in 2015 as far as we know.
      ['Studio Lumière', 'Design Intern', '2015', '2015'],
    ]);
    expect(profile.work.map((entry) => entry.location)).toEqual(['Lyon, France', 'Paris, France', undefined]);
    expect(profile.work[0]?.highlights).toHaveLength(2);
  });

  it('reads "2013–2015" education and the skills from their grid cells, one skill per cell', () => {
    expect(profile.education).toEqual([
      expect.objectContaining({
        institution: 'Université Lumière Lyon 2',
        studyType: 'Master',
        area: 'Interaction Design',
        startDate: '2013',
        endDate: '2015',
      }),
    ]);
    const names = skillNames(profile);
    expect(names).toEqual(
      expect.arrayContaining([
        'Figma',
        'User Research',
        'Prototyping',
        'Wireframing',
        'Usability Testing',
        'Adobe Illustrator',
      ]),
    );
    // A row of cells is not one unknown skill called "Figma User Research Prototyping".
    expect(profile.skills.filter((skill) => !skill.known)).toEqual([]);
  });
});

describe('Ingrid Sørensen, LinkedIn-export-like PDF', () => {
  let profile: Profile;
  beforeAll(async () => {
    profile = await profileOf(INGRID, 'linkedin');
  });

  it('joins the email wrapped after the "@" and finds phone and location in the sidebar', () => {
    expect(profile.basics).toMatchObject({
      name: 'Ingrid Sørensen',
      label: 'Management Consultant at Fjordline Partners',
      email: 'ingrid.sorensen.consulting@nordicmail.example.com',
      phone: '+47 412 34 567',
      location: 'Oslo, Norway',
    });
    expect(profile.basics.profiles).toEqual([
      expect.objectContaining({ network: 'LinkedIn', username: 'ingrid-sorensen' }),
    ]);
  });

  it('reads Company / Title / "Month Year - Present (n years)" entries', () => {
    expect(workRows(profile)).toEqual([
      ['Fjordline Partners', 'Management Consultant', '2019-01', 'present'],
      ['Nordvik Shipping', 'Business Analyst', '2016-06', '2018-12'],
    ]);
    expect(profile.work.map((entry) => entry.location)).toEqual(['Oslo, Norway', 'Bergen, Norway']);
    expect(profile.work[0]?.highlights).toEqual([
      'Built financial models in Excel for fleet investment decisions.',
    ]);
  });

  it('reads "Master of Science - MS, Finance · (2014 - 2016)" and the Top Skills', () => {
    expect(profile.education).toEqual([
      expect.objectContaining({
        institution: 'Norwegian School of Economics',
        studyType: 'Master of Science',
        area: 'Finance',
        startDate: '2014',
        endDate: '2016',
      }),
    ]);
    expect(skillNames(profile)).toEqual(
      expect.arrayContaining(['Financial Modeling', 'Project Management', 'Excel']),
    );
  });
});

describe('Dária Nováková: every date format, one-column PDF', () => {
  it('normalises each role’s dates', async () => {
    const profile = await profileOf(DARIA, 'one-column');
    expect(profile.basics.name).toBe('Dária Nováková');
    expect(workRows(profile)).toEqual([
      ['St. Anne University Hospital', 'Charge Nurse', '2020-01', 'present'], // Jan 2020 – Present
      ['Brno City Clinic', 'Staff Nurse', '2018-01', '2019-12'], // 01/2018 - 12/2019
      ['Red Cross Brno', 'Nursing Assistant', '2016', '2017'], // 2016–2017
      ['Summit Health Camp', 'Camp Nurse', '2015', '2015'], // Summer 2015
      ['Moravian Nursing Association', 'Volunteer Trainer', '2014', 'present'], // 2014 to now
    ]);
    expect(profile.education).toEqual([
      expect.objectContaining({ institution: 'Masaryk University', studyType: 'B.Sc.', area: 'Nursing' }),
    ]);
    expect(skillNames(profile)).toEqual(
      expect.arrayContaining([
        'Patient Care',
        'Basic Life Support',
        'Wound Care',
        'Medication Administration',
      ]),
    );
  });
});

describe('a document that is not a resume', () => {
  it('is read, but with a low confidence and a warning, and no invented work or skills', async () => {
    const document = await parseDocument(
      await makeRecipePdf(),
      { fileName: 'apple-crumble.pdf', mimeType: '', maxBytes: 20 * 1024 * 1024 },
      nodeParseLibs,
    );
    const profile = extractResume(document, { now: NOW });
    expect(profile.confidence).toBeLessThan(0.4);
    expect(profile.warnings).toEqual([expect.stringMatching(/^This doesn't look like a resume/)]);
    expect(profile.work).toEqual([]);
    expect(profile.education).toEqual([]);
    // "180 °C" is a temperature, not the C language; "the rest of the sugar" is not REST.
    expect(skillNames(profile)).not.toContain('C');
    expect(skillNames(profile)).not.toContain('REST APIs');
  });
});
