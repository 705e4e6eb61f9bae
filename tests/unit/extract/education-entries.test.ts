/**
 * Education entries (issue 8), on the real path a file takes (parseDocument → extractResume), over
 * generated files (tests/fixtures/education-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { extractResume } from '../../../src/core/extract/resume';
import { parseDocument } from '../../../src/core/parse';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import {
  COURSES_BETWEEN_SCHOOLS_EXPECTED,
  coursesBetweenSchoolsDocx,
} from '../../fixtures/education-fixtures';

describe('school headings with their dates, a "Courses" heading under each', () => {
  it('keeps both schools in the education section and opens an entry at each', async () => {
    const document = await parseDocument(
      await coursesBetweenSchoolsDocx(),
      { fileName: 'theme.docx', mimeType: '', maxBytes: 1e7 },
      nodeParseLibs,
    );
    const profile = extractResume(document, { now: new Date(Date.UTC(2024, 6, 1)) });
    expect(profile.education.map((entry) => [entry.institution, entry.startDate, entry.endDate])).toEqual(
      COURSES_BETWEEN_SCHOOLS_EXPECTED,
    );
  });
});
