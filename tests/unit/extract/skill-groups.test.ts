/**
 * Skill lists and their group headings (issue 8), on the real path a file takes (parseDocument →
 * extractResume), over generated files (tests/fixtures/skill-group-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { extractResume } from '../../../src/core/extract/resume';
import { parseDocument } from '../../../src/core/parse';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import {
  LANGUAGES_GROUP_CLOUD_EXPECTED,
  SKILL_GROUPS_DOCX_EXPECTED,
  languagesGroupCloudPdf,
  skillGroupsDocx,
} from '../../fixtures/skill-group-fixtures';

describe('a skill cloud whose group of known skills is called "Languages"', () => {
  it('reads "Languages" as one more group, so the groups before it are skills too', async () => {
    const document = await parseDocument(
      await languagesGroupCloudPdf(),
      { fileName: 'theme.pdf', mimeType: '', maxBytes: 1e7 },
      nodeParseLibs,
    );
    const profile = extractResume(document, { now: new Date(Date.UTC(2024, 6, 1)) });
    const surfaces = profile.skills.map((skill) => skill.surface);
    for (const skill of LANGUAGES_GROUP_CLOUD_EXPECTED) expect(surfaces).toContain(skill);
  });
});

describe('a "Languages" group heading right under "Skills"', () => {
  it('keeps the programming languages and the groups after it in the skills section', async () => {
    const document = await parseDocument(
      await skillGroupsDocx(),
      { fileName: 'theme.docx', mimeType: '', maxBytes: 1e7 },
      nodeParseLibs,
    );
    const profile = extractResume(document, { now: new Date(Date.UTC(2024, 6, 1)) });
    const surfaces = profile.skills.map((skill) => skill.surface);
    for (const skill of SKILL_GROUPS_DOCX_EXPECTED.skills) expect(surfaces).toContain(skill);
    expect(profile.languages.map((entry) => entry.language)).toEqual(SKILL_GROUPS_DOCX_EXPECTED.languages);
  });
});
