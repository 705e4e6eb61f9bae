import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import { sniffType } from '../../../src/core/parse/sniff';
import {
  ALICE,
  makeFakeExe,
  makeResumeDocx,
  makeResumePdf,
  makeNoisePng,
} from '../../fixtures/resume-fixtures';
import { makeZip } from '../../fixtures/zip-fixtures';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function sniffError(bytes: Uint8Array, fileName: string): ParseError {
  try {
    sniffType(bytes, fileName, '');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error(`expected ${fileName} to be refused`);
}

describe('sniffType', () => {
  it('recognises a PDF by its header, whatever the name', async () => {
    const pdf = await makeResumePdf(ALICE, 'one-column');
    expect(sniffType(pdf, 'resume.pdf', 'application/pdf')).toBe('pdf');
    expect(sniffType(pdf, 'resume.txt', 'text/plain')).toBe('pdf');
  });

  it('recognises a DOCX from the zip central directory', async () => {
    const docx = await makeResumeDocx(ALICE);
    expect(sniffType(docx, 'resume.docx', '')).toBe('docx');
    expect(sniffType(docx, 'resume.zip', 'application/zip')).toBe('docx');
  });

  it('tells text from Markdown by extension only', () => {
    expect(sniffType(text('Senior Data Engineer\nPython, SQL'), 'job.txt', 'text/plain')).toBe('txt');
    expect(sniffType(text('# Alice\n- Python'), 'resume.md', '')).toBe('md');
    expect(sniffType(text('# Alice'), 'resume.markdown', '')).toBe('md');
    expect(sniffType(text('Zoë Ångström — Göteborg'), 'notes', '')).toBe('txt');
  });

  it('refuses empty and blank files with empty-file', () => {
    expect(sniffError(new Uint8Array(0), 'empty.txt').code).toBe('empty-file');
    expect(sniffError(text(' \n\t \r\n'), 'blank.txt').code).toBe('empty-file');
  });

  it('says a renamed program is not a PDF', () => {
    const error = sniffError(makeFakeExe(), 'program.pdf');
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toContain('named .pdf');
    expect(error.message).toContain('Windows program');
    expect(error.message).toContain('PDF, DOCX, TXT, Markdown');
  });

  it('names images and other zips instead of guessing from the extension', () => {
    expect(sniffError(makeNoisePng(4, 4, 1), 'photo.pdf').message).toContain('PNG image');
    const spreadsheet = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    expect(sniffError(spreadsheet, 'resume.docx').message).toContain('Excel');
    const plainZip = makeZip([{ name: 'notes.txt', data: 'hello' }]);
    expect(sniffError(plainZip, 'resume.docx').message).toContain('ZIP archive');
  });

  it('calls a truncated zip damaged rather than unsupported', async () => {
    const docx = await makeResumeDocx(ALICE);
    expect(sniffError(docx.slice(0, docx.length - 200), 'resume.docx').code).toBe('corrupt-file');
  });

  it('refuses binary data but reads old Latin-1 text', () => {
    const binary = new Uint8Array([0x01, 0x02, 0xfe, 0x00, 0x41, 0x42, 0x03]);
    expect(sniffError(binary, 'mystery.txt').code).toBe('unsupported-type');
    const noisy = new Uint8Array(64).map((_, index) => 0x80 + index);
    expect(sniffError(noisy, 'noise.txt').code).toBe('unsupported-type');
    // Windows-1252 bytes (é = 0xE9): not valid UTF-8, but clearly text.
    const sentence = 'Café chain looking for a data engineer with Python and SQL. Send your résumé.';
    const latin1 = Uint8Array.from(sentence, (char) => char.charCodeAt(0));
    expect(sniffType(latin1, 'job.txt', '')).toBe('txt');
  });
});
