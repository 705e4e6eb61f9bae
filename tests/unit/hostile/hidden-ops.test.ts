/**
 * The hidden-text walker on operator lists written by hand (pdf.js's own OPS codes and argument
 * shapes): cases a generated PDF does not reach easily — a Type 3 font whose own matrix makes a
 * 0.01 pt size readable, text shrunk inside a form XObject, white text in the box of a dark shape
 * but outside the shape, a translucent box — and the worst case for time, a page with 10,000
 * shapes under 1,000 lines (past the lookup budget).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdf, type PdfJsLike } from '../../../src/core/parse/pdf';
import {
  glyphVisibility,
  splitItems,
  type OperatorListLike,
  type PageBox,
  type PdfOps,
  type TextItemGeometry,
} from '../../../src/core/parse/pdf-hidden';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { makeBusyPagePdf } from '../../fixtures/hostile-fixtures';

let pdfjs: PdfJsLike;
let ops: PdfOps;
beforeAll(async () => {
  pdfjs = await nodeParseLibs.loadPdfjs();
  ops = pdfjs.OPS!;
});

const PAGE: PageBox = { transform: [1, 0, 0, -1, 0, 792], width: 612, height: 792 };

/** An operator list from [operator name, args] pairs. */
function list(entries: [string, unknown[] | null][]): OperatorListLike {
  return {
    fnArray: entries.map(([name]) => {
      const code = ops[name];
      if (code === undefined) throw new Error(`no op ${name}`);
      return code;
    }),
    argsArray: entries.map(([, args]) => args),
  };
}

const glyphs = (text: string) => [[...text].map((unicode) => ({ unicode }))];
const item = (str: string, x: number, y: number, size = 11): TextItemGeometry => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width: str.length * size * 0.5,
});

describe('hidden-text walker on hand-written operator lists', () => {
  it("a Type 3 font's own matrix counts: 0.01 pt × [1 0 0 1] is 10 pt and readable", () => {
    const operators = list([
      ['beginText', null],
      ['setFont', ['T3', 0.01]],
      ['setTextMatrix', [new Float32Array([1, 0, 0, 1, 50, 700])]],
      ['showText', glyphs('Readable')],
      ['endText', null],
    ]);
    // pdf.js adjusts a small Type 3 item's height, not its width.
    const items = [{ str: 'Readable', transform: [0.01, 0, 0, 10, 50, 700], width: 40 }];
    const withMatrix = glyphVisibility(operators, ops, (name) =>
      name === 'T3' ? [1, 0, 0, 1, 0, 0] : undefined,
    );
    expect(splitItems(items, withMatrix, PAGE)).toEqual([{ visible: 'Readable', hidden: '' }]);
    // Without the font's matrix the same size would be a dot.
    expect(splitItems(items, glyphVisibility(operators, ops), PAGE)[0]?.reason).toBe('tiny');
  });

  it('text shrunk by a form XObject matrix is tiny', () => {
    const operators = list([
      [
        'paintFormXObjectBegin',
        [new Float32Array([0.1, 0, 0, 0.1, 50, 700]), new Float32Array([0, 0, 1000, 100])],
      ],
      ['beginText', null],
      ['setFont', ['F1', 11]],
      ['showText', glyphs('Kubernetes')],
      ['endText', null],
      ['paintFormXObjectEnd', []],
      ['beginText', null],
      ['setFont', ['F1', 11]],
      ['showText', glyphs('Visible')],
      ['endText', null],
    ]);
    const result = splitItems(
      [item('Kubernetes', 50, 700, 1.1), item('Visible', 50, 600)],
      glyphVisibility(operators, ops),
      PAGE,
    );
    expect(result).toEqual([
      { visible: '', hidden: 'Kubernetes', reason: 'tiny' },
      { visible: 'Visible', hidden: '' },
    ]);
  });

  it("white text is judged against the shape under it, not the shape's box; a translucent box shows what is under it", () => {
    // A dark triangle (0,0)–(600,0)–(0,800): (500, 700) is in its box but outside it.
    const triangle = new Float32Array([0, 0, 0, 1, 600, 0, 1, 0, 800, 4]);
    const operators = list([
      ['setFillRGBColor', ['#000000']],
      ['constructPath', [ops.fill, [triangle], new Float32Array([0, 0, 600, 800])]],
      ['save', null],
      ['setGState', [[['ca', 0.5]]]],
      [
        'constructPath',
        [
          ops.fill,
          [new Float32Array([0, 200, 400, 1, 600, 400, 1, 600, 440, 1, 200, 440, 4])],
          new Float32Array([200, 400, 600, 440]),
        ],
      ],
      ['restore', null],
      ['setFillRGBColor', ['#ffffff']],
      ['beginText', null],
      ['setFont', ['F1', 11]],
      ['showText', glyphs('Outside')],
      ['showText', glyphs('Inside')],
      ['showText', glyphs('Overlay')],
      ['endText', null],
    ]);
    const result = splitItems(
      [item('Outside', 480, 700), item('Inside', 20, 100), item('Overlay', 450, 415)],
      glyphVisibility(operators, ops),
      PAGE,
    );
    expect(result[0]).toEqual({ visible: '', hidden: 'Outside', reason: 'low-contrast' });
    expect(result[1]).toEqual({ visible: 'Inside', hidden: '' });
    // White on a half-transparent black box over the white page: not invisible.
    expect(result[2]).toEqual({ visible: 'Overlay', hidden: '' });
  });

  it('finds the shape under a point past many later shapes elsewhere on the page (shapes filed by height)', () => {
    const rectangle = (x0: number, y0: number, x1: number, y1: number): [string, unknown[]] => [
      'constructPath',
      [
        ops.fill,
        [new Float32Array([0, x0, y0, 1, x1, y0, 1, x1, y1, 1, x0, y1, 4])],
        new Float32Array([x0, y0, x1, y1]),
      ],
    ];
    const operators = list([
      ['setFillRGBColor', ['#101010']],
      rectangle(0, 600, 612, 640),
      ['setFillRGBColor', ['#fafafa']],
      ...Array.from({ length: 300 }, (_, index) => rectangle(index * 2, 100, index * 2 + 1, 110)),
      ['setFillRGBColor', ['#ffffff']],
      ['beginText', null],
      ['setFont', ['F1', 11]],
      ['showText', glyphs('OnDark')],
      ['showText', glyphs('OnPage')],
      ['endText', null],
    ]);
    const result = splitItems(
      [item('OnDark', 50, 615), item('OnPage', 50, 300)],
      glyphVisibility(operators, ops),
      PAGE,
    );
    expect(result[0]).toEqual({ visible: 'OnDark', hidden: '' });
    expect(result[1]).toEqual({ visible: '', hidden: 'OnPage', reason: 'low-contrast' });
  });

  it('a page with 10,000 shapes under 1,000 white lines is read within budget, every white line hidden', async () => {
    // CPU time of this process (pdf.js runs in it too), so other test files running on the same
    // cores do not count against the budget.
    const started = process.cpuUsage();
    const document = await parsePdf(makeBusyPagePdf(10_000, 1_000), pdfjs);
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(document.text).toContain('Jordan Lee');
    expect(document.text).not.toContain('Kubernetes');
    expect(document.hiddenLines?.join(' ').match(/Kubernetes/g)).toHaveLength(1_000);
    expect(elapsed).toBeLessThan(2_000);
  });
});
