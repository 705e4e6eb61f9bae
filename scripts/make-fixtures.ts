/**
 * Writes the generated test documents into tests/fixtures/generated/ (git-ignored), with a
 * manifest.json describing each file and what the app should do with it. Deterministic: the
 * same bytes on every run. Run with `npm run fixtures`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorCode } from '../src/core/errors';
import type { SourceKind } from '../src/core/domain';
import { DATA_ENGINEER_EXPECTATION, DATA_ENGINEER_JOB } from '../tests/fixtures/job-fixtures';
import {
  ALICE,
  BOB,
  CHLOE,
  DARIA,
  INGRID,
  makeCorruptPdf,
  makeEncryptedLikePdf,
  makeFakeExe,
  makeLargeDocx,
  makeLargePdf,
  makeRecipePdf,
  makeResumeDocx,
  makeResumePdf,
  makeScannedPdf,
} from '../tests/fixtures/resume-fixtures';
import { makeDocxZipBomb } from '../tests/fixtures/zip-fixtures';
import {
  JOB_BOARD_EXPECTED,
  LINKEDIN_GROUPED_EXPECTED,
  LINKEDIN_PLACES_EXPECTED,
  jobBoardDocx,
  linkedInGroupedPdf,
  linkedInPlacesPdf,
  namelessPdf,
  themePdf,
} from '../tests/fixtures/layout-fixtures';
import {
  atSchoolPdf,
  datesFirstPdf,
  entrySectionsPdf,
  gluedDatesPdf,
  groupedRolesPdf,
  indentedHighlightsPdf,
  parenthesisTitlePdf,
  plainEmployerLinesPdf,
  proseInEntriesPdf,
  providerEducationPdf,
  skillCloudPdf,
  skillsGridPdf,
  titleAtCompanyPdf,
  titleLinesPdf,
  undatedWorkPdf,
} from '../tests/fixtures/theme-layout-fixtures';
import {
  cityLinePdf,
  domainEmployerPdf,
  footerDatesPdf,
  groupedRoleProsePdf,
  openStartPdf,
  organisationAtPlacePdf,
  placeClosesHeaderPdf,
  volunteerWorkPdf,
} from '../tests/fixtures/work-dates-fixtures';
import { languagesGroupCloudPdf, skillGroupsDocx } from '../tests/fixtures/skill-group-fixtures';
import { coursesBetweenSchoolsDocx } from '../tests/fixtures/education-fixtures';
import { makeBackupJson, makeJsonResume, makeMalformedJson } from '../tests/fixtures/json-resume-fixtures';
import { makeScannedCopy } from '../tests/fixtures/scan-fixtures';

const OUTPUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'generated');
const ONE_MEGABYTE = 1_000_000;

interface ManifestFile {
  file: string;
  description: string;
  /** What parsing should give: the document kind, or the error code. */
  expect: { kind: SourceKind } | { error: ErrorCode };
  /** For resumes: the person's name as written. */
  name?: string;
  bytes: number;
}

async function main(): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const encoder = new TextEncoder();
  const entries: {
    file: string;
    description: string;
    make: () => Promise<Uint8Array> | Uint8Array;
    expect: ManifestFile['expect'];
    name?: string;
  }[] = [
    {
      file: 'resume-alice.pdf',
      description: 'Data engineer resume, two-column PDF',
      make: () => makeResumePdf(ALICE, 'two-column'),
      expect: { kind: 'pdf' },
      name: ALICE.name,
    },
    {
      file: 'resume-alice-one-column.pdf',
      description: 'Same resume, one-column PDF',
      make: () => makeResumePdf(ALICE, 'one-column'),
      expect: { kind: 'pdf' },
      name: ALICE.name,
    },
    {
      file: 'resume-alice-sidebar.pdf',
      description: 'Same resume, sidebar PDF',
      make: () => makeResumePdf(ALICE, 'sidebar'),
      expect: { kind: 'pdf' },
      name: ALICE.name,
    },
    {
      file: 'resume-alice.docx',
      description: 'Same resume as DOCX',
      make: () => makeResumeDocx(ALICE),
      expect: { kind: 'docx' },
      name: ALICE.name,
    },
    {
      file: 'resume-bob.docx',
      description: 'Frontend developer resume (unicode name), DOCX',
      make: () => makeResumeDocx(BOB),
      expect: { kind: 'docx' },
      name: BOB.name,
    },
    {
      file: 'resume-bob.pdf',
      description: 'Frontend developer resume, sidebar PDF',
      make: () => makeResumePdf(BOB, 'sidebar'),
      expect: { kind: 'pdf' },
      name: BOB.name,
    },
    {
      file: 'resume-chloe-table.pdf',
      description: 'Product designer (unicode name), table-based PDF: dates cells, skills grid',
      make: () => makeResumePdf(CHLOE, 'table'),
      expect: { kind: 'pdf' },
      name: CHLOE.name,
    },
    {
      file: 'resume-ingrid-linkedin.pdf',
      description: 'Consultant, LinkedIn-export-like PDF with the email wrapped across two lines',
      make: () => makeResumePdf(INGRID, 'linkedin'),
      expect: { kind: 'pdf' },
      name: INGRID.name,
    },
    {
      file: 'resume-daria-dates.pdf',
      description: 'Nurse, one-column PDF, one role per date format',
      make: () => makeResumePdf(DARIA, 'one-column'),
      expect: { kind: 'pdf' },
      name: DARIA.name,
    },
    {
      file: 'recipe.pdf',
      description: 'Not a resume (a recipe): stored with a low-confidence warning',
      make: makeRecipePdf,
      expect: { kind: 'pdf' },
    },
    {
      file: 'zip-bomb.docx',
      description: 'A real DOCX whose document.xml unpacks to 120 MB (about 180 KB on disk)',
      make: () => makeDocxZipBomb(),
      expect: { error: 'zip-bomb' },
    },
    {
      file: 'job-data-engineer.txt',
      description: 'Job description matching ALICE partly',
      make: () => encoder.encode(DATA_ENGINEER_JOB),
      expect: { kind: 'txt' },
    },
    {
      file: 'corrupt.pdf',
      description: 'PDF header followed by garbage',
      make: makeCorruptPdf,
      expect: { error: 'corrupt-file' },
    },
    {
      file: 'empty.txt',
      description: 'Zero bytes',
      make: () => new Uint8Array(0),
      expect: { error: 'empty-file' },
    },
    {
      file: 'program.pdf',
      description: 'A Windows program renamed .pdf',
      make: makeFakeExe,
      expect: { error: 'unsupported-type' },
    },
    {
      file: 'scanned.pdf',
      description: 'Image-only page, no text layer',
      make: makeScannedPdf,
      expect: { error: 'no-text-layer' },
    },
    {
      file: 'resume-alice-scanned.pdf',
      description:
        'Scan of the one-column resume: 200 dpi JPEG pages, 0.7° askew, grain and specks; read by OCR in the app',
      make: async () =>
        makeScannedCopy(await makeResumePdf(ALICE, 'one-column'), {
          dpi: 200,
          angle: 0.7,
          speckle: 0.001,
          grain: 14,
          seed: 11,
        }),
      // No text layer: parseDocument refuses it; the app then reads it by OCR.
      expect: { error: 'no-text-layer' },
      name: ALICE.name,
    },
    {
      file: 'resume-bob.json',
      description: 'JSON Resume (schema 1.0) of the frontend developer',
      make: () => encoder.encode(makeJsonResume(BOB)),
      expect: { kind: 'json' },
      name: BOB.name,
    },
    {
      file: 'resume-daria-legacy.json',
      description: 'JSON Resume with the older company/website keys',
      make: () => encoder.encode(makeJsonResume(DARIA, { legacyKeys: true })),
      expect: { kind: 'json' },
      name: DARIA.name,
    },
    {
      file: 'malformed.json',
      description: 'A JSON Resume cut off in the middle: not valid JSON',
      make: () => encoder.encode(makeMalformedJson(BOB)),
      expect: { error: 'corrupt-file' },
    },
    {
      file: 'shortlist-backup.json',
      description: 'A Shortlist export bundle: recognised, not imported as a resume',
      make: () => encoder.encode(makeBackupJson(ALICE)),
      expect: { error: 'backup-file' },
    },
    {
      file: 'encrypted.pdf',
      description: 'Needs a user password',
      make: makeEncryptedLikePdf,
      expect: { error: 'encrypted-pdf' },
    },
    {
      file: 'large.pdf',
      description: '~1 MB multi-page CV with photo and portfolio image',
      make: () => makeLargePdf(ONE_MEGABYTE),
      expect: { kind: 'pdf' },
      name: ALICE.name,
    },
    {
      file: 'large.docx',
      description: '~1 MB multi-page CV with photo and portfolio image',
      make: () => makeLargeDocx(ONE_MEGABYTE),
      expect: { kind: 'docx' },
      name: ALICE.name,
    },
    {
      file: 'layout-linkedin-grouped.pdf',
      description: 'LinkedIn-style export: sidebar, roles grouped under a company, entry across a page break',
      make: linkedInGroupedPdf,
      expect: { kind: 'pdf' },
      name: LINKEDIN_GROUPED_EXPECTED.name,
    },
    {
      file: 'layout-linkedin-places.pdf',
      description:
        'LinkedIn-style export: role places with a note, several places and "City ST", employer/title styles, a wrapped bullet ending in years',
      make: linkedInPlacesPdf,
      expect: { kind: 'pdf' },
      name: LINKEDIN_PLACES_EXPECTED.name,
    },
    {
      file: 'layout-job-board.docx',
      description: 'Job-board DOCX: badge glued to the name, header label block, "Company as Title" entries',
      make: jobBoardDocx,
      expect: { kind: 'docx' },
      name: JOB_BOARD_EXPECTED.name,
    },
    {
      file: 'layout-theme.pdf',
      description:
        'Theme PDF: gutter section label, letter-spaced headings, "Title, Company", icon glyph names',
      make: themePdf,
      expect: { kind: 'pdf' },
      name: 'Ansel Moreau',
    },
    {
      file: 'layout-nameless.pdf',
      description: 'Anonymised resume: a job title, "MS Word" and a file name where the name would be',
      make: namelessPdf,
      expect: { kind: 'pdf' },
      name: '',
    },
    {
      file: 'layout-theme-indented.pdf',
      description:
        'Theme PDF: "Title, Company" over dates, unbulleted indented highlights, wrapped header, comma education headers',
      make: indentedHighlightsPdf,
      expect: { kind: 'pdf' },
      name: 'Maren Holt',
    },
    {
      file: 'layout-theme-at-school.pdf',
      description: 'Theme PDF: "Degree Area at School" wrapped onto the next line, bold lower-case employer',
      make: atSchoolPdf,
      expect: { kind: 'pdf' },
      name: 'Ilse Varga',
    },
    {
      file: 'layout-theme-undated.pdf',
      description: 'Theme PDF whose work dates are not in the text: bold employer over a plain title',
      make: undatedWorkPdf,
      expect: { kind: 'pdf' },
      name: 'Tomas Ekberg',
    },
    {
      file: 'layout-theme-skills-grid.pdf',
      description: 'Theme PDF: a short three-column skills grid above the work heading (no sidebar)',
      make: skillsGridPdf,
      expect: { kind: 'pdf' },
      name: 'Sigrun Alvestad',
    },
    {
      file: 'layout-theme-entry-sections.pdf',
      description:
        'Theme PDF: self-employed and freelance roles, dated assignment logs, "Technologies:" lines, Projects and Volunteer sections',
      make: entrySectionsPdf,
      expect: { kind: 'pdf' },
      name: 'Ines Marlow',
    },
    {
      file: 'layout-theme-grouped-roles.pdf',
      description:
        'Theme PDF: roles grouped under a bold employer by type alone, a blank open end, HTML printed as text',
      make: groupedRolesPdf,
      expect: { kind: 'pdf' },
      name: 'Ayla Brennholt',
    },
    {
      file: 'layout-theme-title-lines.pdf',
      description:
        'Theme PDF: employer and date over a title with a dash; a page-2 title equal to the headline under the name',
      make: titleLinesPdf,
      expect: { kind: 'pdf' },
      name: 'Ruben Okafor',
    },
    {
      file: 'layout-theme-provider-education.pdf',
      description:
        'Theme PDF: education entries opened by one bold style, course providers without a school word',
      make: providerEducationPdf,
      expect: { kind: 'pdf' },
      name: 'Marit Vos',
    },
    {
      file: 'layout-theme-skill-cloud.pdf',
      description: 'Theme PDF: a sidebar of skill groups and tags with no Skills heading',
      make: skillCloudPdf,
      expect: { kind: 'pdf' },
      name: 'Noor Haddad',
    },
    {
      file: 'layout-theme-prose-in-entries.pdf',
      description:
        'Theme PDF: a year inside a web address and a sentence ending on a legal form inside entries',
      make: proseInEntriesPdf,
      expect: { kind: 'pdf' },
      name: 'Tove Lindahl',
    },
    {
      file: 'layout-theme-title-at-company.pdf',
      description:
        'Theme PDF: "Title at Company, Dates" lines, one employer wrapping its "Inc." onto the next line',
      make: titleAtCompanyPdf,
      expect: { kind: 'pdf' },
      name: 'Rafe Okonkwo',
    },
    {
      file: 'layout-theme-dates-first.pdf',
      description: 'Theme PDF: each entry opened by a date line, title and employer below it',
      make: datesFirstPdf,
      expect: { kind: 'pdf' },
      name: 'Ines Marchetti',
    },
    {
      file: 'layout-theme-glued-dates.pdf',
      description: 'Theme PDF: a place and a date printed as one run with no space ("LisbonMar 2019")',
      make: gluedDatesPdf,
      expect: { kind: 'pdf' },
      name: 'Joana Ferreira',
    },
    {
      file: 'layout-theme-parenthesis-title.pdf',
      description: 'LinkedIn-style PDF: a title wrapped at an open parenthesis, closed on a lower-case line',
      make: parenthesisTitlePdf,
      expect: { kind: 'pdf' },
      name: 'Mira Castellan',
    },
    {
      file: 'layout-theme-plain-employer-lines.pdf',
      description: 'Theme PDF: plain employer lines over their dates, one starting in lower case',
      make: plainEmployerLinesPdf,
      expect: { kind: 'pdf' },
      name: 'Lotte Brandsma',
    },
    {
      file: 'layout-theme-open-start.pdf',
      description:
        'Theme PDF: a role with an end date and no start ("- Sep, 2017"), a paragraph tail above a header',
      make: openStartPdf,
      expect: { kind: 'pdf' },
      name: 'Oskar Lindgren',
    },
    {
      file: 'layout-theme-domain-employer.pdf',
      description: 'Theme PDF: an employer written as its web address, its first part a title word',
      make: domainEmployerPdf,
      expect: { kind: 'pdf' },
      name: 'Camille Arnaud',
    },
    {
      file: 'layout-theme-footer-dates.pdf',
      description: 'Theme PDF: two pages ending on a date line at the same height (no running footer)',
      make: footerDatesPdf,
      expect: { kind: 'pdf' },
      name: 'Nadia Ferreira',
    },
    {
      file: 'layout-theme-grouped-role-prose.pdf',
      description: 'Theme PDF: a grouped role whose description holds two sentences on one line',
      make: groupedRoleProsePdf,
      expect: { kind: 'pdf' },
      name: 'Emil Sandvik',
    },
    {
      file: 'layout-theme-place-closes-header.pdf',
      description: 'Theme PDF: grouped "Title / Dates / Place" roles, a year closing a wrapped sentence',
      make: placeClosesHeaderPdf,
      expect: { kind: 'pdf' },
      name: 'Jonas Whitfield',
    },
    {
      file: 'layout-theme-volunteer-work.pdf',
      description: 'Theme PDF: a "Volunteer Work" section set like the work section (no employment)',
      make: volunteerWorkPdf,
      expect: { kind: 'pdf' },
      name: 'Greta Solberg',
    },
    {
      file: 'layout-theme-organisation-at-place.pdf',
      description: 'Theme PDF: "Title, Organisation at Place" and "Title, Team at Employer" on one line',
      make: organisationAtPlacePdf,
      expect: { kind: 'pdf' },
      name: 'Rowan Ashby',
    },
    {
      file: 'layout-theme-city-line.pdf',
      description: 'Theme PDF: employer, a city no gazetteer lists, address, dates, a title with a dash',
      make: cityLinePdf,
      expect: { kind: 'pdf' },
      name: 'Tiago Mendes',
    },
    {
      file: 'layout-theme-courses-between-schools.docx',
      description: 'Theme DOCX: school headings with their dates, a "Courses" heading under each school',
      make: coursesBetweenSchoolsDocx,
      expect: { kind: 'docx' },
      name: 'Linnea Okonkwo',
    },
    {
      file: 'layout-theme-languages-group.pdf',
      description:
        'Theme PDF: a skill cloud without a Skills heading whose known group is called "Languages"',
      make: languagesGroupCloudPdf,
      expect: { kind: 'pdf' },
      name: 'Ilka Brandt',
    },
    {
      file: 'layout-theme-skill-groups.docx',
      description:
        'Theme DOCX: "Skills" over a "Languages" group of programming languages, then a spoken-languages section',
      make: skillGroupsDocx,
      expect: { kind: 'docx' },
      name: 'Tamsin Rook',
    },
  ];
  const files: ManifestFile[] = [];
  for (const entry of entries) {
    const bytes = await entry.make();
    await writeFile(join(OUTPUT_DIR, entry.file), bytes);
    files.push({
      file: entry.file,
      description: entry.description,
      expect: entry.expect,
      name: entry.name,
      bytes: bytes.length,
    });
    console.log(`${entry.file.padEnd(30)} ${String(bytes.length).padStart(9)} bytes`);
  }
  const manifest = {
    version: 1,
    files,
    matches: [
      {
        resume: 'resume-alice.pdf',
        job: 'job-data-engineer.txt',
        matchedSkills: DATA_ENGINEER_EXPECTATION.matched,
        missingSkills: DATA_ENGINEER_EXPECTATION.missing,
      },
    ],
  };
  await writeFile(join(OUTPUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${files.length} files and manifest.json to ${OUTPUT_DIR}`);
}

await main();
