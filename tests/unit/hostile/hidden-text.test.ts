/**
 * Keyword stuffing a reader cannot see — render mode 3, white / grey / CMYK / near-white on the
 * page, black on a black box, fill opacity 0, 2 pt or matrix-shrunk or squeezed text, text off
 * the page or clipped away — must not change a score: the resume with those lines scores exactly as the one without, and the lines are
 * listed apart (with a warning) so the resume page can show them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractJob } from '../../../src/core/extract/job';
import { extractResume } from '../../../src/core/extract/resume';
import { parsePdf, type PdfJsLike } from '../../../src/core/parse/pdf';
import { parseText } from '../../../src/core/parse/text';
import { scoreMatch } from '../../../src/core/score';
import { LibraryIndex } from '../../../src/core/search/library-index';
import { SearchService } from '../../../src/core/search/service';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import {
  HIDDEN_STYLES,
  STUFFED_KEYWORDS,
  makeStuffedResumePdf,
  type HiddenStyle,
} from '../../fixtures/hostile-fixtures';

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

async function scoreOf(stuffing: readonly HiddenStyle[], colourful = false) {
  const resume = await parsePdf(await makeStuffedResumePdf(stuffing, { colourful }), pdfjs);
  const profile = extractResume(resume);
  return { resume, profile, result: scoreMatch({ resume, profile, job: JOB, spec: SPEC }) };
}

const WARNING = (count: number) =>
  `${count} hidden line${count === 1 ? '' : 's'} ignored (invisible, white on white, tiny, clipped or off-page text that a reader cannot see).`;

describe('hidden text never counts', () => {
  it('the fixture really draws the keywords (pdf.js extracts them when hidden text is not set apart)', async () => {
    const { OPS: _ops, ...withoutOps } = pdfjs as PdfJsLike & { OPS?: unknown };
    const naive = await parsePdf(await makeStuffedResumePdf(HIDDEN_STYLES), withoutOps);
    expect(naive.text.match(/Kubernetes/g)).toHaveLength(HIDDEN_STYLES.length);
    const naiveScore = scoreMatch({ resume: naive, profile: extractResume(naive), job: JOB, spec: SPEC });
    expect(naiveScore.score).toBeGreaterThan((await scoreOf([])).result.score);
  });

  for (const styles of [...HIDDEN_STYLES.map((style) => [style]), [...HIDDEN_STYLES]] as HiddenStyle[][]) {
    it(`${styles.length > 1 ? 'every style at once' : styles[0]}: same score as without the keyword line${styles.length > 1 ? 's' : ''}, lines listed`, async () => {
      const clean = await scoreOf([]);
      const stuffed = await scoreOf(styles);
      expect(stuffed.resume.text).toBe(clean.resume.text);
      expect(stuffed.result.score).toBe(clean.result.score);
      expect(stuffed.result.rawScore).toBe(clean.result.rawScore);
      expect(stuffed.result.components).toEqual(clean.result.components);
      expect(stuffed.profile.skills.map((skill) => skill.name)).toEqual(
        clean.profile.skills.map((skill) => skill.name),
      );
      expect(stuffed.resume.hiddenLines).toHaveLength(styles.length);
      // At 5 % horizontal scaling pdf.js sees no gaps between the words; the letters are all there.
      for (const line of stuffed.resume.hiddenLines ?? [])
        expect(line.replace(/\s+/g, '')).toBe(STUFFED_KEYWORDS.replace(/\s+/g, ''));
      expect(stuffed.resume.warnings).toContain(WARNING(styles.length));
    });
  }

  it('white text on a dark band and grey text under a rule stay readable; stuffing next to them still counts for nothing', async () => {
    const clean = await scoreOf([], true);
    expect(clean.resume.hiddenLines ?? []).toEqual([]);
    expect(clean.resume.text).toContain('Jordan Lee');
    expect(clean.resume.text).toContain('jordan.lee@example.com');
    expect(clean.resume.text).toContain('Jan 2019 - Present');
    expect(clean.profile.basics.name).toBe('Jordan Lee');
    const stuffed = await scoreOf(HIDDEN_STYLES, true);
    expect(stuffed.resume.text).toBe(clean.resume.text);
    expect(stuffed.result.score).toBe(clean.result.score);
    expect(stuffed.resume.hiddenLines).toHaveLength(HIDDEN_STYLES.length);
  });

  it('the ranking row carries the hidden-line count and the lines, and ranks the stuffed resume as the clean one', async () => {
    const clean = await scoreOf([]);
    const stuffed = await scoreOf(HIDDEN_STYLES);
    const index = new LibraryIndex();
    index.upsertResume({
      id: 'clean',
      name: 'Clean',
      updatedAt: 1,
      document: clean.resume,
      profile: clean.profile,
    });
    index.upsertResume({
      id: 'stuffed',
      name: 'Stuffed',
      updatedAt: 1,
      document: stuffed.resume,
      profile: stuffed.profile,
    });
    index.upsertJob({ id: 'job', title: 'Senior Staff Engineer', updatedAt: 1, document: JOB, spec: SPEC });
    const page = await new SearchService(index).rankJob('job');
    const rows = new Map(page.rows.map((row) => [row.id, row]));
    expect(rows.get('stuffed')?.score).toBe(rows.get('clean')?.score);
    expect(rows.get('stuffed')?.rawScore).toBe(rows.get('clean')?.rawScore);
    expect(rows.get('clean')?.hiddenLineCount).toBeUndefined();
    expect(rows.get('clean')?.hiddenLines).toBeUndefined();
    expect(rows.get('stuffed')?.hiddenLineCount).toBe(HIDDEN_STYLES.length);
    expect(rows.get('stuffed')?.hiddenLines).toEqual(stuffed.resume.hiddenLines);
  });
});
