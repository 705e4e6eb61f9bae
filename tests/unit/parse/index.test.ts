import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import { parseDocument, parseMetricFor, type ParseLibraries } from '../../../src/core/parse/index';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { ALICE, BOB, makeFakeExe, makeResumeDocx, makeResumePdf } from '../../fixtures/resume-fixtures';

const MB = 1024 * 1024;

/** Libraries that record which loader was called, delegating to the real Node ones. */
function trackingLibs(): { libs: ParseLibraries; loaded: string[] } {
  const loaded: string[] = [];
  return {
    loaded,
    libs: {
      loadPdfjs: () => {
        loaded.push('pdfjs');
        return nodeParseLibs.loadPdfjs();
      },
      loadMammoth: () => {
        loaded.push('mammoth');
        return nodeParseLibs.loadMammoth();
      },
    },
  };
}

async function refusal(bytes: Uint8Array, fileName: string, maxBytes = 20 * MB): Promise<ParseError> {
  const error: unknown = await parseDocument(
    bytes,
    { fileName, mimeType: '', maxBytes },
    nodeParseLibs,
  ).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

describe('parseDocument', () => {
  it('refuses a file over the limit before reading it, naming the real limit', async () => {
    const { libs, loaded } = trackingLibs();
    const bytes = new Uint8Array(2 * MB + 1).fill(0x41);
    const error: unknown = await parseDocument(
      bytes,
      { fileName: 'big.pdf', mimeType: '', maxBytes: 2 * MB },
      libs,
    ).catch((caught: unknown) => caught);
    expect((error as ParseError).code).toBe('file-too-large');
    expect((error as ParseError).message).toContain('over the 2 MB limit');
    expect(loaded).toEqual([]);
    expect((await refusal(new Uint8Array(21 * MB), 'huge.pdf')).message).toContain(
      '21 MB, which is over the 20 MB limit',
    );
  });

  it('loads only the library the sniffed type needs', async () => {
    const { libs, loaded } = trackingLibs();
    const text = await parseDocument(
      new TextEncoder().encode('# Job\n- Python'),
      { fileName: 'job.md', mimeType: '', maxBytes: MB },
      libs,
    );
    expect(text.kind).toBe('md');
    expect(text.lines[0]?.heading).toBe(true);
    expect(loaded).toEqual([]);
    const docx = await parseDocument(
      await makeResumeDocx(BOB),
      { fileName: 'bob.docx', mimeType: '', maxBytes: MB },
      libs,
    );
    expect(docx.kind).toBe('docx');
    expect(loaded).toEqual(['mammoth']);
    // Named .docx, but the bytes are a PDF: the bytes win.
    const pdf = await parseDocument(
      await makeResumePdf(ALICE, 'one-column'),
      { fileName: 'alice.docx', mimeType: '', maxBytes: MB },
      libs,
    );
    expect(pdf.kind).toBe('pdf');
    expect(loaded).toEqual(['mammoth', 'pdfjs']);
  });

  it('passes sniffing errors through with their codes', async () => {
    expect((await refusal(makeFakeExe(), 'program.pdf')).code).toBe('unsupported-type');
    expect((await refusal(new Uint8Array(0), 'empty.txt')).code).toBe('empty-file');
  });

  it('maps each kind to its parse metric', () => {
    expect(parseMetricFor('pdf')).toBe('parse.pdf');
    expect(parseMetricFor('docx')).toBe('parse.docx');
    expect(parseMetricFor('txt')).toBe('parse.text');
    expect(parseMetricFor('md')).toBe('parse.text');
    expect(parseMetricFor('paste')).toBe('parse.text');
  });
});
