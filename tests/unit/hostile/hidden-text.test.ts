/**
 * Keyword stuffing a reader cannot see — render mode 3, white on white, 2 pt — must not change
 * a score: the resume with those lines scores exactly as the one without, and the lines are
 * listed apart (with a warning) so the resume page can show them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractJob } from '../../../src/core/extract/job';
import { extractResume } from '../../../src/core/extract/resume';
import { parsePdf, type PdfJsLike } from '../../../src/core/parse/pdf';
import { parseText } from '../../../src/core/parse/text';
import { scoreMatch } from '../../../src/core/score';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { makeStuffedResumePdf, type HiddenStyle } from '../../fixtures/hostile-fixtures';

const JOB = parseText(
  [
    'Senior Staff Engineer',
    'Requirements',
    '- Kubernetes and Terraform',
    '- Go or Rust',
    '- PostgreSQL and Kafka',
  ].join('\n'),
  'paste',
);
const SPEC = extractJob(JOB);

let pdfjs: PdfJsLike;
beforeAll(async () => {
  pdfjs = await nodeParseLibs.loadPdfjs();
});

async function scoreOf(stuffing: HiddenStyle[]) {
  const resume = await parsePdf(await makeStuffedResumePdf(stuffing), pdfjs);
  const profile = extractResume(resume);
  return { resume, profile, result: scoreMatch({ resume, profile, job: JOB, spec: SPEC }) };
}

describe('hidden text never counts', () => {
  it('the fixture really draws the keywords (pdf.js extracts them when hidden text is not set apart)', async () => {
    const { OPS: _ops, ...withoutOps } = pdfjs as PdfJsLike & { OPS?: unknown };
    const naive = await parsePdf(await makeStuffedResumePdf(['invisible', 'white', 'tiny']), withoutOps);
    expect(naive.text.match(/Kubernetes/g)).toHaveLength(3);
  });

  for (const styles of [
    ['invisible'],
    ['white'],
    ['tiny'],
    ['invisible', 'white', 'tiny'],
  ] as HiddenStyle[][]) {
    it(`${styles.join(' + ')} keyword lines: same score as without them, lines listed`, async () => {
      const clean = await scoreOf([]);
      const stuffed = await scoreOf(styles);
      expect(stuffed.resume.text).toBe(clean.resume.text);
      expect(stuffed.result.score).toBe(clean.result.score);
      expect(stuffed.result.components).toEqual(clean.result.components);
      expect(stuffed.profile.skills.map((skill) => skill.name)).toEqual(
        clean.profile.skills.map((skill) => skill.name),
      );
      expect(stuffed.resume.hiddenLines).toHaveLength(styles.length);
      for (const line of stuffed.resume.hiddenLines ?? []) expect(line).toContain('Kubernetes Terraform');
      expect(stuffed.resume.warnings).toContain(
        `${styles.length} hidden line${styles.length === 1 ? '' : 's'} ignored (invisible, white or tiny text that a reader cannot see).`,
      );
    });
  }
});
