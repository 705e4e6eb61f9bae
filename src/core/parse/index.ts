/**
 * Parsing entry point: bytes of any supported file → ParsedDocument. Checks the size, sniffs the
 * real type from the bytes, then loads only the library that type needs (pdfjs or mammoth are
 * passed in as lazy loaders, so core imports neither and a text file loads neither).
 */
import type { ParsedDocument, SourceKind } from '../domain';
import { ParseError } from '../errors';
import { parseDocx, type MammothLike } from './docx';
import { parsePdf, type PdfJsLike } from './pdf';
import { sniffType, textEncodingOf } from './sniff';
import { parseText } from './text';
import { profileFromJsonResume, readJsonResume } from '../export/json-resume';

export { sniffType } from './sniff';
export { parsePdf, type PdfJsLike, type PdfParseOptions } from './pdf';
export {
  parseDocx,
  checkDocxArchive,
  mammothWithoutImages,
  type MammothLike,
  type MammothModuleLike,
  type DocxLimits,
} from './docx';
export { parseText, buildDocument, type LineDraft } from './text';
export {
  documentNotices,
  headerFooterNote,
  isHeaderFooterNotice,
  removedHeaderFooter,
  type DocumentNotices,
  type StoredNotices,
} from './notices';

export interface ParseLibraries {
  loadPdfjs(): Promise<PdfJsLike>;
  loadMammoth(): Promise<MammothLike>;
}

export interface ParseFileInfo {
  fileName: string;
  mimeType: string;
  /** Files larger than this are refused before anything is read. */
  maxBytes: number;
  /** DOCX archives that would unzip to more than this are refused. Default: 10 × maxBytes. */
  maxUnzippedBytes?: number;
  /** PDF pages read at most (default DEFAULT_MAX_PDF_PAGES). */
  maxPdfPages?: number;
}

export type ParseMetric = 'parse.pdf' | 'parse.docx' | 'parse.text';

/** Which metric a parse of this kind is recorded under (see TARGETS.md). */
export function parseMetricFor(kind: SourceKind): ParseMetric {
  if (kind === 'pdf') return 'parse.pdf';
  if (kind === 'docx') return 'parse.docx';
  return 'parse.text';
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} MB`;
}

function decodeText(bytes: Uint8Array): string {
  // The sniffer accepted these bytes as text, so an encoding was found.
  return new TextDecoder(textEncodingOf(bytes) ?? 'utf-8').decode(bytes);
}

/** Throws the "file-too-large" ParseError when `size` is over the limit (checked before reading a file). */
export function refuseOversized(size: number, file: Pick<ParseFileInfo, 'fileName' | 'maxBytes'>): void {
  if (size <= file.maxBytes) return;
  throw new ParseError(
    'file-too-large',
    `“${file.fileName}” is ${megabytes(size)}, which is over the ${megabytes(file.maxBytes)} limit ` +
      'set in Settings, so it was not added. Save a smaller copy (for example without large pictures), ' +
      'or raise the limit in Settings, then add it again.',
  );
}

/** Parse one file. Throws ParseError with a code and a message written for the user. */
export async function parseDocument(
  bytes: Uint8Array,
  file: ParseFileInfo,
  libs: ParseLibraries,
): Promise<ParsedDocument> {
  refuseOversized(bytes.length, file);
  const kind = sniffType(bytes, file.fileName, file.mimeType);
  switch (kind) {
    case 'pdf':
      return parsePdf(bytes, await libs.loadPdfjs(), { maxPages: file.maxPdfPages });
    case 'docx':
      return parseDocx(bytes, await libs.loadMammoth(), {
        maxUnzippedBytes: file.maxUnzippedBytes ?? file.maxBytes * 10,
      });
    case 'json':
      return profileFromJsonResume(readJsonResume(decodeText(bytes), file.fileName)).document;
    case 'txt':
    case 'md':
    case 'paste':
      return parseText(decodeText(bytes), kind === 'md' ? 'md' : 'txt');
  }
}
