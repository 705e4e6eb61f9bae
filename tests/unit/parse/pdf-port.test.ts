import { beforeAll, describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import { parsePdf, type PdfJsLike } from '../../../src/core/parse/pdf';
import { copyMessage, InThreadPort } from '../../../src/core/parse/pdf-port';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { ALICE, BOB, CHLOE, makeCorruptPdf, makeResumePdf } from '../../fixtures/resume-fixtures';

class Glyphish {
  constructor(readonly unicode: string) {}
}

describe('copyMessage', () => {
  it('copies arrays and plain objects, so the sender may reuse its own', () => {
    const pair = [1, 2];
    const font = { name: 'F1', size: [10, 12] };
    const message = { fnArray: [1, 2, 3], argsArray: [pair, font] };
    const copy = copyMessage(message) as typeof message;
    message.fnArray.length = 0;
    pair.push(3);
    font.size[0] = 99;
    expect(copy).toEqual({ fnArray: [1, 2, 3], argsArray: [[1, 2], { name: 'F1', size: [10, 12] }] });
  });

  it('hands class instances over as they are', () => {
    const glyph = new Glyphish('a');
    const copy = copyMessage({ glyphs: [glyph, glyph] }) as { glyphs: Glyphish[] };
    expect(copy.glyphs[0]).toBe(glyph);
    expect(copy.glyphs[1]).toBe(glyph);
  });

  it('shares transferred buffers and copies the others', () => {
    const transferred = new Float32Array([1, 2, 3]);
    const kept = new Uint8Array([4, 5]);
    const buffer = new ArrayBuffer(4);
    const copy = copyMessage({ transferred, kept, buffer }, new Set([transferred.buffer])) as {
      transferred: Float32Array;
      kept: Uint8Array;
      buffer: ArrayBuffer;
    };
    expect(copy.transferred).toBe(transferred);
    kept[0] = 0;
    expect([...copy.kept]).toEqual([4, 5]);
    expect(copy.buffer).not.toBe(buffer);
    expect(copy.buffer.byteLength).toBe(4);
  });

  it('copies maps and sets', () => {
    const set = new Set([[1]]);
    const map = new Map([['a', [2]]]);
    const copy = copyMessage({ set, map }) as { set: Set<number[]>; map: Map<string, number[]> };
    set.clear();
    map.get('a')!.push(3);
    expect([...copy.set]).toEqual([[1]]);
    expect(copy.map.get('a')).toEqual([2]);
  });
});

describe('InThreadPort', () => {
  it('delivers each message later, in order, as it was when sent', async () => {
    const port = new InThreadPort();
    const received: unknown[] = [];
    port.addEventListener('message', (event) => received.push(event.data));
    const chunk = [1, 2, 3];
    port.postMessage({ chunk });
    // An operator list empties its arrays right after sending a chunk.
    chunk.length = 0;
    port.postMessage({ chunk: [4] });
    expect(received).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(received).toEqual([{ chunk: [1, 2, 3] }, { chunk: [4] }]);
  });

  it('stops delivering to a listener whose signal aborts, and to none once terminated', async () => {
    const port = new InThreadPort();
    const controller = new AbortController();
    const heard: string[] = [];
    port.addEventListener('message', () => heard.push('a'), { signal: controller.signal });
    port.addEventListener('message', () => heard.push('b'));
    controller.abort();
    port.postMessage('x');
    await Promise.resolve();
    expect(heard).toEqual(['b']);
    port.terminate();
    port.postMessage('y');
    await Promise.resolve();
    expect(heard).toEqual(['b']);
  });
});

describe('parsePdf on one in-thread worker', () => {
  let pdfjs: PdfJsLike;
  beforeAll(async () => {
    pdfjs = await nodeParseLibs.loadPdfjs();
  });

  it('reads what pdf.js’s own in-thread worker reads', async () => {
    expect(pdfjs.worker).toBeDefined();
    for (const layout of ['one-column', 'sidebar', 'linkedin'] as const) {
      const bytes = await makeResumePdf(ALICE, layout);
      const shared = await parsePdf(bytes, pdfjs);
      const own = await parsePdf(bytes, { ...pdfjs, worker: undefined });
      expect(shared).toEqual(own);
    }
  });

  it('reads several documents at once, and goes on after a damaged one', async () => {
    const files = await Promise.all([
      makeResumePdf(ALICE, 'two-column'),
      makeResumePdf(BOB, 'one-column'),
      makeResumePdf(CHLOE, 'table'),
    ]);
    const oneByOne = [];
    for (const bytes of files) oneByOne.push(await parsePdf(bytes, pdfjs));
    const together = await Promise.all(files.map((bytes) => parsePdf(bytes, pdfjs)));
    expect(together).toEqual(oneByOne);
    await expect(parsePdf(makeCorruptPdf(), pdfjs)).rejects.toBeInstanceOf(ParseError);
    expect(await parsePdf(files[0], pdfjs)).toEqual(oneByOne[0]);
  });
});
