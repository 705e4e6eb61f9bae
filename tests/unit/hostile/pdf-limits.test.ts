/**
 * PDF geometry and size limits: a page 1e18 units wide (the column search used to step across
 * the width and never finish), a 10,000-page file (read up to the page limit, with a warning),
 * and a contact line made of a 1 KB "A-A-…" run. Each finishes within the per-file budget.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractResume } from '../../../src/core/extract/resume';
import { parsePdf, type PdfJsLike } from '../../../src/core/parse/pdf';
import { parseText } from '../../../src/core/parse/text';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import {
  makeHugePageCountPdf,
  makeHugePagePdf,
  makeLocationBombText,
  makeManyPagePdf,
} from '../../fixtures/hostile-fixtures';

const BUDGET_MS = 2000;
let pdfjs: PdfJsLike;
beforeAll(async () => {
  pdfjs = await nodeParseLibs.loadPdfjs();
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('PDF limits', () => {
  it('reads a page 1e18 units wide within budget (coordinates clamped, gutters from run edges)', async () => {
    const bytes = await makeHugePagePdf(1e18);
    expect(bytes.length).toBeLessThan(10 * 1024);
    const { value: document, ms } = await timed(() => parsePdf(bytes, pdfjs));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(document.text).toContain('Jordan Lee');
    expect(document.text).toContain('Built data tools in Python');
  });

  it('reads a page 1e8 units wide within budget', async () => {
    const { value: document, ms } = await timed(async () => parsePdf(await makeHugePagePdf(1e8), pdfjs));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(document.text).toContain('Software Engineer');
  });

  it('stops a 10,000-page PDF at the default page limit (50) with a warning, within budget', async () => {
    const bytes = makeHugePageCountPdf(10_000);
    const { value: document, ms } = await timed(() => parsePdf(bytes, pdfjs));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(document.warnings).toContain(
      'This PDF has 10000 pages; only the first 50 were read (the page limit in Settings).',
    );
  });

  it('reads exactly the pages up to the limit', async () => {
    const document = await parsePdf(await makeManyPagePdf(12), pdfjs, { maxPages: 5 });
    expect(document.text).toContain('Page 5 filler');
    expect(document.text).not.toContain('Page 6 filler');
    expect(document.warnings).toContain(
      'This PDF has 12 pages; only the first 5 were read (the page limit in Settings).',
    );
  });

  it('extracts a resume whose contact line is a 1 KB "A-A-…" run within budget', () => {
    const started = performance.now();
    const profile = extractResume(parseText(makeLocationBombText(1024), 'txt'));
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    expect(profile.basics.name).toBe('Jordan Lee');
    expect(profile.skills.map((skill) => skill.name)).toContain('Python');
  });

  it('extracts a 100 KB line without spaces, and a 4 KB line of spaces, within budget', () => {
    const started = performance.now();
    const text = ['Jordan Lee', 'a'.repeat(100_000), `#${' '.repeat(4096)}x`, 'Skills', 'Python'].join('\n');
    const document = parseText(text, 'md');
    extractResume(document);
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    expect(document.warnings.some((warning) => /very long line.*split/.test(warning))).toBe(true);
  });
});
