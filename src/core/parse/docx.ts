/**
 * DOCX → ParsedDocument. The archive is validated (central directory walked to its end, local
 * headers, counts, sizes, ratios) and inflated here under the unzip budget, and mammoth gets an
 * uncompressed copy of exactly those bytes, so a zip bomb — even one whose headers lie — is
 * stopped before it can grow. mammoth is injected (MammothLike) so core never imports it, and its
 * HTML is turned into lines by docx-html.ts.
 */
import type { ParsedDocument } from '../domain';
import { ParseError } from '../errors';
import { htmlToDrafts } from './docx-html';
import { buildDocument } from './text';
import { DEFAULT_ZIP_LIMITS, inflateToStoredZip, validateZip, ZipFormatError, ZipLimitError } from './zip';

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

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

const SAVE_AS_PDF = 'Open it in Word, save it as PDF, and add that instead.';

/** ZipFormatError / ZipLimitError → the ParseError the user sees; anything else is rethrown. */
function toParseError(error: unknown, limits: DocxLimits): ParseError {
  if (error instanceof ZipLimitError) {
    const detail =
      error.limit === 'size'
        ? `This DOCX would unpack to ${megabytes(error.bytes)}, over the ${megabytes(limits.maxUnzippedBytes)} safety limit`
        : error.limit === 'lying-size'
          ? `This DOCX unpacks to more than its own headers declare (${error.message})`
          : error.limit === 'ratio'
            ? `This DOCX is compressed so much that it must be a crafted file (${error.message})`
            : `This DOCX has too many parts (${error.message})`;
    return new ParseError(
      'zip-bomb',
      `${detail}, so it was not opened (files like this can freeze the browser). ${SAVE_AS_PDF}`,
      { cause: error },
    );
  }
  if (error instanceof ZipFormatError) {
    return new ParseError(
      'corrupt-file',
      'This DOCX file is damaged and cannot be opened. Open it in Word (or LibreOffice), save it again, and add it again.',
      { cause: error },
    );
  }
  throw error;
}

function zipLimits(limits: DocxLimits) {
  return { ...DEFAULT_ZIP_LIMITS, maxUnzippedBytes: limits.maxUnzippedBytes };
}

/** Throws ParseError('zip-bomb') or ('corrupt-file') from the archive's headers alone (nothing inflated). */
export function checkDocxArchive(bytes: Uint8Array, limits: DocxLimits): void {
  try {
    validateZip(bytes, zipLimits(limits));
  } catch (error) {
    throw toParseError(error, limits);
  }
}

/** Parse a DOCX. Throws ParseError: zip-bomb or corrupt-file. */
export async function parseDocx(
  bytes: Uint8Array,
  mammoth: MammothLike,
  limits: DocxLimits,
): Promise<ParsedDocument> {
  let stored: Uint8Array;
  try {
    stored = inflateToStoredZip(bytes, zipLimits(limits));
  } catch (error) {
    throw toParseError(error, limits);
  }
  // Word's Title/Subtitle styles (often the person's name) are not headings in mammoth's map.
  const options = { styleMap: TITLE_STYLE_MAP };
  let result: MammothResult;
  try {
    // `stored` owns its whole ArrayBuffer (allocated by inflateToStoredZip), so no copy is needed.
    result = await mammoth.convertToHtml({ arrayBuffer: stored.buffer as ArrayBuffer }, options);
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
