/**
 * Decides what a file really is from its bytes, not its name: people rename files, and a
 * program renamed `.pdf` must be refused with a message that says what it looks like. The file
 * name only chooses between plain text and Markdown, which share the same bytes.
 */
import type { SourceKind } from '../domain';
import { ParseError } from '../errors';
import { looksLikeZip, readZipEntries, ZipFormatError } from './zip';

const SUPPORTED = 'Supported formats: PDF, DOCX, TXT, Markdown, JSON Resume.';
/** Real PDFs may carry a few junk bytes before the header; readers accept it within 1 KB. */
const PDF_HEADER_WINDOW = 1024;
/** Share of plain ASCII bytes needed to read non-UTF-8 bytes as Windows-1252 text. */
const LEGACY_TEXT_MIN_ASCII = 0.9;

interface Signature {
  bytes: number[];
  description: string;
}

/** Formats people commonly pick by mistake, so the message can name them. */
const KNOWN_SIGNATURES: Signature[] = [
  { bytes: [0x4d, 0x5a], description: 'a Windows program (EXE/DLL)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], description: 'a Linux program (ELF)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], description: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], description: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], description: 'a GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], description: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], description: 'a TIFF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], description: 'a media file (RIFF: WebP, WAV or AVI)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], description: 'an old Word/Excel 97–2003 file (.doc/.xls)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], description: 'an RTF document' },
  { bytes: [0x25, 0x21, 0x50, 0x53], description: 'a PostScript file' },
  { bytes: [0x1f, 0x8b], description: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], description: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], description: 'a 7-Zip archive' },
];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((value, index) => bytes[at + index] === value);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 4, PDF_HEADER_WINDOW);
  for (let index = 0; index <= end; index++) {
    // "%PDF"
    if (bytes[index] === 0x25 && startsWith(bytes, [0x50, 0x44, 0x46], index + 1)) return true;
  }
  return false;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** "It is named .pdf, but ..." makes a renamed file obvious to the person who renamed it. */
function namedAs(fileName: string): string {
  const extension = extensionOf(fileName);
  return extension ? `“${fileName}” is named .${extension}, but its content is` : `“${fileName}” is`;
}

function describeZip(bytes: Uint8Array): { kind: 'docx' } | { description: string } {
  const names = new Set(readZipEntries(bytes).map((entry) => entry.name));
  if (names.has('word/document.xml')) return { kind: 'docx' };
  if (names.has('xl/workbook.xml')) return { description: 'an Excel spreadsheet (.xlsx)' };
  if (names.has('ppt/presentation.xml')) return { description: 'a PowerPoint presentation (.pptx)' };
  if (names.has('content.xml') && names.has('mimetype')) return { description: 'an OpenDocument file' };
  return { description: 'a ZIP archive' };
}

export type TextEncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * How to decode bytes that look like text, or undefined for binary. UTF-16 needs its byte-order
 * mark (Windows Notepad writes one); bytes that are not valid UTF-8 but mostly ASCII are old
 * Windows/Latin-1 text, still common for pasted-and-saved job descriptions.
 */
export function textEncodingOf(bytes: Uint8Array): TextEncodingLabel | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  let controls = 0;
  let ascii = 0;
  for (const byte of bytes) {
    if (byte === 0) return undefined;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++;
    else if (byte < 0x80) ascii++;
  }
  // Control characters other than tab, newline, form feed and carriage return mean binary.
  if (controls > Math.max(2, bytes.length / 1000)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return ascii >= bytes.length * LEGACY_TEXT_MIN_ASCII ? 'windows-1252' : undefined;
  }
}

/**
 * What kind of document these bytes are. Throws ParseError('empty-file') for no bytes and
 * ParseError('unsupported-type') for anything that is not PDF, DOCX or UTF-8 text.
 */
export function sniffType(bytes: Uint8Array, fileName: string, mimeType: string): SourceKind {
  if (isBlank(bytes)) {
    throw new ParseError('empty-file', `“${fileName}” is empty. Choose the file again, or a different one.`);
  }
  if (hasPdfHeader(bytes)) return 'pdf';
  if (looksLikeZip(bytes)) {
    let zip: ReturnType<typeof describeZip>;
    try {
      zip = describeZip(bytes);
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      throw new ParseError(
        'corrupt-file',
        `${namedAs(fileName)} a damaged ZIP/DOCX archive that cannot be opened. ` +
          'Save the document again (or export it as PDF) and add it again.',
        { cause: error },
      );
    }
    if ('kind' in zip) return zip.kind;
    throw new ParseError('unsupported-type', `${namedAs(fileName)} ${zip.description}. ${SUPPORTED}`);
  }
  const known = KNOWN_SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  if (known)
    throw new ParseError('unsupported-type', `${namedAs(fileName)} ${known.description}. ${SUPPORTED}`);
  if (textEncodingOf(bytes)) {
    const extension = extensionOf(fileName);
    if (looksLikeJson(bytes, extension, mimeType)) return 'json';
    const markdown = extension === 'md' || extension === 'markdown' || mimeType === 'text/markdown';
    return markdown ? 'md' : 'txt';
  }
  throw new ParseError(
    'unsupported-type',
    `${namedAs(fileName)} binary data of an unknown format, not a document we can read. ${SUPPORTED}`,
  );
}

/** How far into a text file to look for JSON Resume / backup keys when the name does not say JSON. */
const JSON_KEY_WINDOW = 4096;

/**
 * A `.json` name or type, or text that opens with `{` and names a JSON Resume or Shortlist
 * backup key near the start (a renamed file). Whether it is valid is decided when it is read.
 */
function looksLikeJson(bytes: Uint8Array, extension: string, mimeType: string): boolean {
  if (extension === 'json' || mimeType === 'application/json') return true;
  const head = new TextDecoder()
    .decode(bytes.subarray(0, JSON_KEY_WINDOW))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{') && /"(?:basics|\$schema|format)"\s*:/.test(head);
}

/** No bytes, or only spaces and line breaks: nothing to read either way. */
function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09);
}
