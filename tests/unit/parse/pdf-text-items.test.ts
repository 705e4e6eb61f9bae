/**
 * Text items built from pdf.js's operator list must be the items pdf.js's own text content gives
 * (same text, position, width and font), since the layout rules were written against those: every
 * text-positioning operator on a hand-written page, and the generated resumes in every layout.
 * Text the port does not cover (vertical, Type 3, right to left) is reported, and parsePdf then
 * reads that page through pdf.js's text content.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PdfJsLike, PdfPageLike } from '../../../src/core/parse/pdf';
import { parsePdf } from '../../../src/core/parse/pdf';
import { glyphVisibility, type OperatorListLike, type PdfOps } from '../../../src/core/parse/pdf-hidden';
import { TextItemBuilder, type FontInfo } from '../../../src/core/parse/pdf-text-items';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { onePagePdfJs } from './pdfjs-stub';
import { pdfFromContentStreams, TEXT_OPERATOR_PAGES } from '../../fixtures/text-operator-fixtures';
import { ALICE, BOB, makeResumePdf, type PdfLayout } from '../../fixtures/resume-fixtures';

let pdfjs: PdfJsLike;
let ops: PdfOps;
beforeAll(async () => {
  pdfjs = await nodeParseLibs.loadPdfjs();
  ops = pdfjs.OPS!;
});

interface ItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}

/** Text items as text, font and numbers (pdf.js keeps some matrices in 32-bit floats). */
function comparable(items: ItemLike[]): { text: string; numbers: number[] }[] {
  return items
    .filter((item) => (item.str ?? '').trim() !== '')
    .map((item) => ({
      text: `${item.str} (${item.fontName})`,
      numbers: [...(item.transform ?? []), item.width ?? 0],
    }));
}

/** The same items: equal text and font, and every number within a tenth of a point. */
function expectSameItems(built: ReturnType<typeof comparable>, expected: ReturnType<typeof comparable>) {
  expect(built.map((item) => item.text)).toEqual(expected.map((item) => item.text));
  built.forEach((item, index) => {
    const far = item.numbers.filter(
      (value, at) => Math.abs(value - (expected[index]?.numbers[at] ?? NaN)) > 0.1,
    );
    expect(far, `${item.text}: ${item.numbers.join(' ')} vs ${expected[index]?.numbers.join(' ')}`).toEqual(
      [],
    );
  });
}

function fontInfo(page: PdfPageLike, name: string): FontInfo | undefined {
  if (!page.commonObjs.has(name)) return undefined;
  const font = page.commonObjs.get(name) as {
    fontMatrix?: number[];
    name?: string;
    vertical?: boolean;
    isType3Font?: boolean;
  };
  return { matrix: font.fontMatrix, name: font.name, vertical: font.vertical, type3: font.isType3Font };
}

/** Per page: the items built from the operator list, and pdf.js's text content items. */
async function bothReadings(
  bytes: Uint8Array,
): Promise<{ built: ReturnType<typeof comparable>; pdfjs: ReturnType<typeof comparable> }[]> {
  const document = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: { built: ReturnType<typeof comparable>; pdfjs: ReturnType<typeof comparable> }[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const list = (await page.getOperatorList()) as OperatorListLike;
      const builder = new TextItemBuilder(
        page.view ?? [],
        (name) => fontInfo(page, name),
        pdfjs.normalizeUnicode,
      );
      glyphVisibility(list, ops, (name) => fontInfo(page, name)?.matrix, builder);
      builder.flush();
      expect(builder.unsupported).toBe(false);
      pages.push({
        built: comparable(builder.items),
        pdfjs: comparable((await page.getTextContent()).items),
      });
    }
  } finally {
    await document.destroy();
  }
  return pages;
}

describe('text items from the operator list', () => {
  it('equal pdf.js text content for every text-positioning operator', async () => {
    const pages = await bothReadings(pdfFromContentStreams(TEXT_OPERATOR_PAGES));
    expect(pages).toHaveLength(TEXT_OPERATOR_PAGES.length);
    for (const page of pages) {
      expect(page.built.length).toBeGreaterThan(0);
      expectSameItems(page.built, page.pdfjs);
    }
    const text = pages.flatMap((page) => page.built.map((item) => item.text)).join('\n');
    // The rules that matter to the layout, spelled out: a kerning adjustment joins, a word gap is a
    // space, a wide gap starts an item; a glyph off the page is not read.
    expect(text).toContain('Work Experience (');
    expect(text).toMatch(/^2019 2021 \(/m);
    expect(text).not.toContain('Off the page edge');
  });

  it.each<PdfLayout>(['one-column', 'two-column', 'sidebar', 'table', 'linkedin'])(
    'equal pdf.js text content on a generated %s resume',
    async (layout) => {
      for (const spec of [ALICE, BOB]) {
        for (const page of await bothReadings(await makeResumePdf(spec, layout))) {
          expectSameItems(page.built, page.pdfjs);
        }
      }
    },
  );

  it('report vertical, Type 3 and right-to-left text (read through pdf.js text content instead)', () => {
    const run = (font: FontInfo, unicode: string) => {
      const builder = new TextItemBuilder([0, 0, 612, 792], () => font);
      const list: OperatorListLike = {
        fnArray: [ops.beginText!, ops.setFont!, ops.showText!, ops.endText!],
        argsArray: [null, ['F1', 11], [[...unicode].map((char) => ({ unicode: char, width: 500 }))], null],
      };
      glyphVisibility(list, ops, undefined, builder);
      builder.flush();
      return builder;
    };
    expect(run({ name: 'Plain' }, 'Plain').unsupported).toBe(false);
    expect(run({ name: 'Plain' }, 'Plain').items.map((item) => item.str)).toEqual(['Plain']);
    expect(run({ name: 'Tategaki', vertical: true }, 'Text').unsupported).toBe(true);
    expect(run({ name: 'Bitmap', type3: true }, 'Text').unsupported).toBe(true);
    expect(run({ name: 'Plain' }, 'שלום').unsupported).toBe(true);
  });

  it('parsePdf reads a page the builder does not cover through pdf.js text content', async () => {
    let textContentCalls = 0;
    const page: PdfPageLike = {
      getTextContent: () => {
        textContentCalls++;
        return Promise.resolve({
          items: [
            {
              str: 'Noa Levi, Data Engineer, Python and SQL',
              transform: [11, 0, 0, 11, 50, 700],
              width: 220,
              fontName: 'F1',
            },
          ],
        });
      },
      getViewport: () => ({ width: 612, height: 792, transform: [1, 0, 0, -1, 0, 792] }),
      getAnnotations: () => Promise.resolve([]),
      getOperatorList: () =>
        Promise.resolve({
          fnArray: [ops.beginText!, ops.setFont!, ops.showText!, ops.endText!],
          argsArray: [null, ['F1', 11], [[...'לוי'].map((char) => ({ unicode: char, width: 500 }))], null],
        }),
      commonObjs: { has: () => true, get: () => ({ name: 'Plain', fontMatrix: [0.001, 0, 0, 0.001, 0, 0] }) },
      view: [0, 0, 612, 792],
    };
    const stub = onePagePdfJs(page, ops);
    const document = await parsePdf(new Uint8Array([1]), stub);
    expect(textContentCalls).toBe(1);
    expect(document.lines.map((line) => line.text)).toContain('Noa Levi, Data Engineer, Python and SQL');
  });
});
