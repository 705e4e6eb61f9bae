import { beforeAll, describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import { parseDocument } from '../../../src/core/parse';
import { checkDocxArchive, parseDocx, type MammothLike } from '../../../src/core/parse/docx';
import { htmlToDrafts } from '../../../src/core/parse/docx-html';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { ALICE, BOB, makeResumeDocx } from '../../fixtures/resume-fixtures';
import { makeDocxZipBomb, makeZip } from '../../fixtures/zip-fixtures';

const LIMITS = { maxUnzippedBytes: 200 * 1024 * 1024 };
let mammoth: MammothLike;
beforeAll(async () => {
  mammoth = await nodeParseLibs.loadMammoth();
});

function thrown(action: () => unknown): ParseError {
  try {
    action();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('parseDocx', () => {
  it('turns Word headings, list bullets and hyperlinks into flags and links', async () => {
    const document = await parseDocx(await makeResumeDocx(BOB), mammoth, LIMITS);
    expect(document.kind).toBe('docx');
    const byText = (text: string) => document.lines.find((line) => line.text === text);
    expect(document.lines[0]?.text).toBe('Zoë Ångström');
    expect(document.lines[0]?.heading).toBe(true);
    for (const heading of ['Summary', 'Experience', 'Education', 'Skills'])
      expect(byText(heading)?.heading).toBe(true);
    const firstBullet = BOB.work[0]?.bullets[0] ?? '';
    expect(byText(firstBullet)?.bullet).toBe(true);
    expect(byText('Frontend Developer, Klarbyte AB Mar 2021 – Present')?.bold).toBe(true);
    expect(document.links).toEqual([
      `mailto:${BOB.email}`,
      'https://www.linkedin.com/in/zoe-angstrom',
      'https://github.com/zoeang',
    ]);
  });

  it('joins a one-line-per-cell table row with " | "', async () => {
    const document = await parseDocx(await makeResumeDocx(ALICE), mammoth, LIMITS);
    expect(document.lines.map((line) => line.text)).toContain(
      'University of California, Davis | B.S. Statistics | 2011 – 2015',
    );
  });

  it('refuses an archive whose central directory claims more than the limit', () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>', claimedSize: 3_000_000_000 },
    ]);
    const error = thrown(() => checkDocxArchive(bomb, LIMITS));
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toContain('200 MB');
  });

  it('refuses a real DOCX that would unpack to 120 MB, through parseDocument, without inflating it', async () => {
    const bomb = makeDocxZipBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error: unknown = await parseDocument(
      bomb,
      {
        fileName: 'zip-bomb.docx',
        mimeType: '',
        maxBytes: 20 * 1024 * 1024,
        maxUnzippedBytes: 100 * 1024 * 1024,
      },
      nodeParseLibs,
    ).catch((caught: unknown) => caught);
    expect((error as ParseError).code).toBe('zip-bomb');
    expect((error as ParseError).message).toMatch(
      /^This DOCX would unpack to 120 MB, over the 100 MB safety limit/,
    );
    // The same construction at a harmless size is an ordinary document.
    const small = await parseDocx(makeDocxZipBomb(64 * 1024), mammoth, LIMITS);
    expect(small.text).toBe('Jane Doe');
  });

  it('refuses an archive compressed more than 100x even under the size limit', () => {
    const bomb = makeZip([{ name: 'word/document.xml', data: 'x'.repeat(10_000), claimedSize: 50_000_000 }]);
    expect(thrown(() => checkDocxArchive(bomb, LIMITS)).code).toBe('zip-bomb');
  });

  it('accepts a real resume DOCX under a tight 1 MB limit', async () => {
    const docx = await makeResumeDocx(ALICE);
    expect(() => checkDocxArchive(docx, { maxUnzippedBytes: 1_000_000 })).not.toThrow();
  });

  it('reports a damaged archive as corrupt-file', async () => {
    const docx = await makeResumeDocx(ALICE);
    const truncated = docx.slice(0, docx.length - 100);
    const error: unknown = await parseDocx(truncated, mammoth, LIMITS).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('corrupt-file');
    // A zip whose directory is intact but is not a Word document fails inside mammoth.
    const notWord = makeZip([{ name: 'word/document.xml', data: 'not xml at all <<<' }]);
    const mammothError: unknown = await parseDocx(notWord, mammoth, LIMITS).catch(
      (caught: unknown) => caught,
    );
    expect((mammothError as ParseError).code).toBe('corrupt-file');
  });
});

describe('htmlToDrafts', () => {
  it('reads nested lists, line breaks, entities and multi-line table cells', () => {
    const html =
      '<h2>Projects &amp; Talks</h2><ul><li>Shortlist<ul><li>Svelte &lt;5&gt;</li></ul></li></ul>' +
      '<p>Line one<br />Line two</p>' +
      '<table><tr><td><p>Left column</p><p>second line</p></td><td><p>Right column</p></td></tr></table>' +
      '<p><strong>EXPERIENCE</strong></p><p><a href="https://example.com/x?a=1&amp;b=2">site</a> <a href="#_Toc1">toc</a></p>';
    const { drafts, links } = htmlToDrafts(html);
    expect(drafts.map((draft) => draft.text)).toEqual([
      'Projects & Talks',
      'Shortlist',
      'Svelte <5>',
      'Line one',
      'Line two',
      'Left column',
      'second line',
      'Right column',
      'EXPERIENCE',
      'site toc',
    ]);
    expect(drafts.map((draft) => draft.bullet)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(drafts[0]?.heading).toBe(true);
    expect(drafts[8]?.heading).toBe(true);
    expect(links).toEqual(['https://example.com/x?a=1&b=2']);
  });
});
