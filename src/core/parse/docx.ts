/**
 * DOCX → ParsedDocument. The ZIP central directory is checked first (sizes only, nothing is
 * inflated) so a zip bomb is refused before mammoth unzips it; mammoth is injected (MammothLike)
 * so core never imports it, and its HTML is turned into lines by docx-html.ts.
 */
import type { ParsedDocument } from '../domain';
import { ParseError } from '../errors';
import { htmlToDrafts } from './docx-html';
import { buildDocument } from './text';
import { readZipEntries, ZipFormatError } from './zip';

export interface MammothResult {
  value: string;
  messages: { type: string; message: string }[];
}

/** The part of mammoth this parser uses (structural; the browser build takes an ArrayBuffer). */
export interface MammothLike {
  convertToHtml(
    input: { arrayBuffer: ArrayBuffer },
    options?: { styleMap?: string[] },
  ): Promise<MammothResult>;
}

/** mammoth as imported (its image converter type stays opaque to core). */
export interface MammothModuleLike<ImageConverter> {
  convertToHtml(
    input: { arrayBuffer: ArrayBuffer },
    options?: { styleMap?: string[]; convertImage?: ImageConverter },
  ): Promise<MammothResult>;
  images: { imgElement(convert: () => Promise<{ src: string }>): ImageConverter };
}

/**
 * Wrap mammoth so images become empty <img> tags: by default mammoth base64-encodes every
 * image into the HTML, which costs real time on a resume with a photo, only to be ignored.
 */
export function mammothWithoutImages<ImageConverter>(
  mammoth: MammothModuleLike<ImageConverter>,
): MammothLike {
  const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  return {
    convertToHtml: (input, options) => mammoth.convertToHtml(input, { ...options, convertImage }),
  };
}

export interface DocxLimits {
  /** Refuse archives whose entries add up to more than this when unzipped. */
  maxUnzippedBytes: number;
}

const TITLE_STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];
/** Above this overall unzip ratio an archive is treated as a bomb (Word XML is ~5–20x). */
const MAX_COMPRESSION_RATIO = 100;
/** Small archives cannot hurt whatever their ratio; a tiny repetitive XML part can exceed 100x. */
const RATIO_CHECK_FLOOR_BYTES = 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** Throws ParseError('zip-bomb') or ('corrupt-file') from the central directory alone. */
export function checkDocxArchive(bytes: Uint8Array, limits: DocxLimits): void {
  let entries;
  try {
    entries = readZipEntries(bytes);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    throw new ParseError(
      'corrupt-file',
      'This DOCX file is damaged and cannot be opened. Open it in Word (or LibreOffice), save it again, and add it again.',
      { cause: error },
    );
  }
  let unzipped = 0;
  let compressed = 0;
  for (const entry of entries) {
    unzipped += entry.uncompressedSize;
    compressed += entry.compressedSize;
  }
  const ratio = unzipped / Math.max(1, compressed);
  if (unzipped > limits.maxUnzippedBytes) {
    throw new ParseError(
      'zip-bomb',
      `This DOCX would unpack to ${megabytes(unzipped)}, over the ${megabytes(limits.maxUnzippedBytes)} safety ` +
        'limit, so it was not opened (files like this can freeze the browser). Open it in Word, save it as ' +
        'PDF, and add that instead.',
    );
  }
  if (unzipped > RATIO_CHECK_FLOOR_BYTES && ratio > MAX_COMPRESSION_RATIO) {
    throw new ParseError(
      'zip-bomb',
      `This DOCX is compressed ${Math.round(ratio)}x, which only happens with deliberately crafted files, so ` +
        'it was not opened. Save it as PDF and add that instead.',
    );
  }
}

/** Parse a DOCX. Throws ParseError: zip-bomb or corrupt-file. */
export async function parseDocx(
  bytes: Uint8Array,
  mammoth: MammothLike,
  limits: DocxLimits,
): Promise<ParsedDocument> {
  checkDocxArchive(bytes, limits);
  // Word's Title/Subtitle styles (often the person's name) are not headings in mammoth's map.
  const options = { styleMap: TITLE_STYLE_MAP };
  let result: MammothResult;
  try {
    // A copy with its own exact ArrayBuffer: `bytes` may be a view into a larger buffer.
    result = await mammoth.convertToHtml({ arrayBuffer: bytes.slice().buffer }, options);
  } catch (error) {
    throw new ParseError(
      'corrupt-file',
      'This DOCX file could not be read (it may be damaged or not a Word document). Open it in Word, save it ' +
        'again, or export it as PDF, and add it again.',
      { cause: error },
    );
  }
  const { drafts, links } = htmlToDrafts(result.value);
  const warnings = result.messages
    .filter((message) => message.type === 'error')
    .map((message) => message.message);
  if (drafts.length === 0) warnings.push('This DOCX contains no text.');
  return buildDocument('docx', drafts, { pages: 1, links, warnings });
}
