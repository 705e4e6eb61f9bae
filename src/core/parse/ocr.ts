/**
 * OCR words → ParsedDocument. The OCR engine (tesseract.js, in its own pooled worker) reads page
 * images into lines of words with pixel boxes; this module turns them into the same positioned
 * fragments pdf.js gives for a text PDF and hands them to the same layout path
 * (documentFromFragmentPages), so extraction does not know or care that the page was a scan.
 * Pure: no tesseract, no canvas, no DOM.
 */
import type { OcrBox, OcrLine, OcrPage, OcrWord } from '../contracts/ocr-api';
import type { OcrSummary, ParsedDocument, Profile } from '../domain';
import { ParseError } from '../errors';
import { documentFromFragmentPages, type FragmentPage } from './pdf';
import type { TextFragment } from './pdf-layout';

export type { OcrBox, OcrLine, OcrPage, OcrWord } from '../contracts/ocr-api';

/** Fewer characters than this over the whole document: OCR found no text either. */
const MIN_OCR_CHARS = 20;
/**
 * Fewer confidently read words (three or more letters) than this: what OCR returned is noise from
 * pictures, rules or grey blocks, not text.
 */
const MIN_OCR_WORDS = 5;
const WORD_CONFIDENCE_FOR_TEXT = 60;
/** Words read with less confidence than this (0..100) are dropped as speckle. */
const MIN_WORD_CONFIDENCE = 20;
/**
 * Line height (ascender top to descender bottom) as a share of the font size, for common
 * resume fonts; only ratios between lines matter, so an approximate value is enough.
 */
const LINE_BOX_PER_EM = 0.95;
/** Lines within this share of the typical line height are set in the body size. */
const BODY_SIZE_TOLERANCE = 0.15;
/** Fields read from OCR text are trusted less than the same rule on a text layer. */
const OCR_CONFIDENCE_FACTOR = 0.8;

export const OCR_WARNING = 'Read by OCR — check the fields.';

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Below this confidence (0..100) a lone mark is more likely speckle than punctuation. */
const MIN_MARK_CONFIDENCE = 60;

/**
 * Speckle and ruling lines read as words: very unsure words without two letters or digits, and
 * unsure lone marks. A confident lone dash stays: it is the "–" of a date range.
 */
function keepWord(word: OcrWord): boolean {
  const text = word.text.trim();
  if (text === '') return false;
  if (word.confidence < MIN_WORD_CONFIDENCE && !/[\p{L}\p{N}]{2}/u.test(text)) return false;
  // Table borders and column rules read as strokes; a written "|" separator is lost with them,
  // which costs nothing: the words either side stay apart.
  if (/^[|!Il[\]]{1,3}$/u.test(text) && word.confidence < 95) return false;
  if (/^\|+$/u.test(text)) return false;
  return !(word.confidence < MIN_MARK_CONFIDENCE && /^[|_~=^`'".,:;—–-]{1,2}$/u.test(text));
}

/** Below this confidence a short word is as likely a grey cell, a border or speckle as text. */
const WEAK_WORD_CONFIDENCE = 30;
/** Longest word (characters) that counts as weak; real headings read unsure ("SUMMARY") are longer. */
const WEAK_WORD_LENGTH = 4;

/**
 * The words of a line worth keeping: keepWord's, and on a line that is mostly weak words (short
 * and unsure: a shaded table cell or a rule read as "Ss Ee SN ce", "dC ses BE Se") without them.
 * Such a line keeps only its longer or surer words; a line of confident text keeps every word,
 * even an unsure short one.
 */
function keptWords(line: OcrLine): OcrWord[] {
  const words = line.words.filter(keepWord);
  const weak = (word: OcrWord) =>
    word.confidence < WEAK_WORD_CONFIDENCE && word.text.trim().length <= WEAK_WORD_LENGTH;
  const weakCount = words.filter(weak).length;
  return weakCount * 2 >= words.length ? words.filter((word) => !weak(word)) : words;
}

/** Height of a line box: the taller of its words' boxes is closer to ascender→descender. */
function lineHeight(line: OcrLine): number {
  const heights = line.words.map((word) => word.box.y1 - word.box.y0);
  return Math.max(line.box.y1 - line.box.y0, ...heights);
}

/** Words further apart than this many line heights are in different columns or cells. */
const RUN_GAP_LINE_HEIGHTS = 1.5;
/** How OCR commonly reads a round bullet glyph that starts a line. */
const MISREAD_BULLET = /^[«»©°¢•·*+]$/u;
/** Letters that reach below the baseline, so their box bottom is not the baseline. */
const DESCENDER = /[gjpqy,;()[\]{}|]/u;

/**
 * OCR engines sometimes read two columns side by side as one long line; split such a line where
 * the gap between words is wider than any word space, so each column keeps its own runs.
 */
function splitRuns(words: OcrWord[], height: number): OcrWord[][] {
  const sorted = [...words].sort((a, b) => a.box.x0 - b.box.x0);
  const runs: OcrWord[][] = [];
  let previous: OcrWord | undefined;
  for (const word of sorted) {
    const run = runs[runs.length - 1];
    if (run && previous && word.box.x0 - previous.box.x1 <= height * RUN_GAP_LINE_HEIGHTS) run.push(word);
    else runs.push([word]);
    previous = word;
  }
  return runs;
}

/** Baseline of a run from its own words: box bottoms of words without descenders. */
function runBaseline(run: OcrWord[], height: number): number {
  const flat = run.filter((word) => !DESCENDER.test(word.text)).map((word) => word.box.y1);
  if (flat.length > 0) return median(flat);
  return median(run.map((word) => word.box.y1)) - height * 0.2;
}

/**
 * Fragments in PDF points. The words of a run share one baseline (its words' boxes differ by
 * descenders and noise, which would split the line), and lines close to the typical height share
 * one font size, so the body size and headings come out as they would from the text layer.
 * Pages are read deskewed (the engine rotates them straight first), so boxes are upright.
 */
function fragmentsOf(page: OcrPage, typicalHeight: number): TextFragment[] {
  const points = 72 / page.dpi;
  const fragments: TextFragment[] = [];
  for (const line of page.lines) {
    const words = keptWords(line);
    if (words.length === 0) continue;
    const height = lineHeight(line);
    const sameAsBody = Math.abs(height - typicalHeight) <= typicalHeight * BODY_SIZE_TOLERANCE;
    const fontSize =
      Math.round(((sameAsBody ? typicalHeight : height) * points * 2) / LINE_BOX_PER_EM) / 2 || 1;
    for (const run of splitRuns(words, height)) {
      const baseline = runBaseline(run, height) * points;
      for (const [index, word] of run.entries()) {
        const text = word.text.trim();
        fragments.push({
          text: index === 0 && run.length > 1 && MISREAD_BULLET.test(text) ? '•' : text,
          x: word.box.x0 * points,
          baseline,
          width: Math.max(0, word.box.x1 - word.box.x0) * points,
          fontSize,
          bold: false,
        });
      }
    }
  }
  return fragments;
}

function summarise(pages: OcrPage[]): OcrSummary & { chars: number } {
  let weighted = 0;
  let chars = 0;
  for (const page of pages) {
    for (const line of page.lines) {
      for (const word of keptWords(line)) {
        const length = word.text.trim().length;
        chars += length;
        weighted += (Math.max(0, Math.min(100, word.confidence)) / 100) * length;
      }
    }
  }
  return { pages: pages.length, confidence: chars > 0 ? weighted / chars : 0, chars };
}

/**
 * Pages read by OCR → ParsedDocument (kind 'pdf', with `ocr` set).
 * Throws ParseError('no-text-layer') when OCR found no text either, so nothing is stored.
 */
export function documentFromOcr(pages: OcrPage[]): ParsedDocument {
  const summary = summarise(pages);
  const confidentWords = pages
    .flatMap((page) => page.lines.flatMap((line) => line.words))
    .filter((word) => word.confidence >= WORD_CONFIDENCE_FOR_TEXT && /\p{L}{3}/u.test(word.text)).length;
  if (summary.chars < MIN_OCR_CHARS || confidentWords < MIN_OCR_WORDS) {
    throw new ParseError(
      'no-text-layer',
      'No text found — this looks like a scanned document, and reading the page images (OCR) found no ' +
        'text either, so nothing was added. Add a sharper scan, a PDF saved from Word or Google Docs, or ' +
        'the DOCX itself.',
    );
  }
  const typicalHeight = median(
    pages.flatMap((page) => page.lines.filter((line) => keptWords(line).length > 0).map(lineHeight)),
  );
  const fragmentPages: FragmentPage[] = pages.map((page) => ({
    page: page.page,
    height: (page.height * 72) / page.dpi,
    fragments: fragmentsOf(page, typicalHeight),
  }));
  const document = documentFromFragmentPages(fragmentPages);
  const ocr: OcrSummary = { pages: summary.pages, confidence: Math.round(summary.confidence * 1000) / 1000 };
  return { ...document, ocr };
}

/**
 * Marks every extracted field of an OCR'd document as coming from OCR, with its confidence
 * lowered by the engine's own confidence, and adds the "read by OCR — check the fields" warning
 * the import row and the resume page show.
 */
export function markOcrProvenance(profile: Profile, ocr: OcrSummary): Profile {
  const factor = OCR_CONFIDENCE_FACTOR * Math.max(0.5, Math.min(1, ocr.confidence));
  const provenance: Profile['provenance'] = {};
  for (const [path, entry] of Object.entries(profile.provenance)) {
    provenance[path] =
      entry.source === 'heuristic'
        ? { ...entry, source: 'ocr', confidence: Math.round(entry.confidence * factor * 100) / 100 }
        : entry;
  }
  return {
    ...profile,
    provenance,
    confidence: Math.round(profile.confidence * factor * 100) / 100,
    warnings: [OCR_WARNING, ...profile.warnings],
  };
}

/** The part of tesseract.js' recognize() result this adapter reads (structural: core imports no tesseract). */
export interface TesseractPageLike {
  blocks:
    | {
        paragraphs: {
          lines: {
            bbox: OcrBox;
            words: { text: string; confidence: number; bbox: OcrBox }[];
          }[];
        }[];
      }[]
    | null;
}

/** tesseract.js blocks → one OcrPage (plain data that crosses the worker boundary). */
export function ocrPageFromTesseract(
  data: TesseractPageLike,
  page: { page: number; width: number; height: number; dpi: number },
): OcrPage {
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const box = { x0: line.bbox.x0, y0: line.bbox.y0, x1: line.bbox.x1, y1: line.bbox.y1 };
        lines.push({
          box,
          words: line.words.map((word) => ({
            text: word.text,
            confidence: word.confidence,
            box: { x0: word.bbox.x0, y0: word.bbox.y0, x1: word.bbox.x1, y1: word.bbox.y1 },
          })),
        });
      }
    }
  }
  return { ...page, lines };
}

/**
 * RGBA pixels → an 8-bit greyscale PNM (P5) image. The OCR engine reads it without a decoder
 * pass, where a PNG would be compressed here and decompressed again inside the engine; OCR only
 * needs grey levels anyway.
 */
export function rgbaToPnm(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const image = new Uint8Array(header.length + width * height);
  image.set(header);
  let target = header.length;
  for (let offset = 0; offset < width * height * 4; offset += 4) {
    const alpha = (rgba[offset + 3] ?? 255) / 255;
    // Rec. 601 luma over white paper (transparent areas are paper).
    const grey =
      0.299 * (rgba[offset] ?? 0) + 0.587 * (rgba[offset + 1] ?? 0) + 0.114 * (rgba[offset + 2] ?? 0);
    image[target++] = Math.round(grey * alpha + 255 * (1 - alpha));
  }
  return image;
}
