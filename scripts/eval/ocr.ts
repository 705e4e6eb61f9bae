/**
 * OCR eval: generated scans (tests/fixtures/scan-fixtures.ts) of generated text PDFs, read back
 * with the app's own OCR path in Node (pdf.js render → tesseract.js → documentFromOcr →
 * extractResume). Scores, per scan and overall:
 * - character error rate: edit distance between the OCR text and the text PDF's text (both
 *   through the same parser; whitespace collapsed, dash variants made one) with each read line
 *   compared to the reference line it belongs to, so a column or table read in another order is
 *   no error but every wrong, missing or extra character is (lineAlignedDistance), divided by the
 *   reference length; the plain reading-order distance is reported beside it;
 * - fields: the scanned copy's name and email equal the text PDF's, and the share of the text
 *   PDF's work entries (company and title, normalised) that the scan also yields.
 * Needs no eval data: everything is generated, so it runs on a clean checkout.
 */
import { parseDocument } from '../../src/core/parse';
import { documentFromOcr } from '../../src/core/parse/ocr';
import { extractResume } from '../../src/core/extract/resume';
import type { Profile } from '../../src/core/domain';
import { nodeParseLibs } from '../lib/node-parse-libs';
import { createNodeOcr, ocrPdf } from '../lib/node-ocr';
import {
  ALICE,
  BOB,
  CHLOE,
  DARIA,
  INGRID,
  makeResumePdf,
  type PdfLayout,
  type ResumeSpec,
} from '../../tests/fixtures/resume-fixtures';
import { makeScannedCopy, type ScanOptions } from '../../tests/fixtures/scan-fixtures';
import { normaliseText } from './text-normalise';

interface ScanCase {
  label: string;
  spec: ResumeSpec;
  layout: PdfLayout;
  scan: ScanOptions;
}

/** Different people, layouts, resolutions, angles and noise, so no one setting is tuned for. */
export const SCAN_CASES: ScanCase[] = [
  {
    label: 'alice one-column 200dpi +0.8°',
    spec: ALICE,
    layout: 'one-column',
    scan: { dpi: 200, angle: 0.8, speckle: 0.0015, grain: 18, seed: 1 },
  },
  {
    label: 'alice two-column 300dpi -1.2°',
    spec: ALICE,
    layout: 'two-column',
    scan: { dpi: 300, angle: -1.2, speckle: 0.001, grain: 24, seed: 2 },
  },
  {
    label: 'bob sidebar 200dpi -0.5°',
    spec: BOB,
    layout: 'sidebar',
    scan: { dpi: 200, angle: -0.5, speckle: 0.002, grain: 16, seed: 3 },
  },
  {
    label: 'daria one-column 150dpi +1.5°',
    spec: DARIA,
    layout: 'one-column',
    scan: { dpi: 150, angle: 1.5, speckle: 0.001, grain: 12, seed: 4 },
  },
  {
    label: 'ingrid linkedin 250dpi +0.4°',
    spec: INGRID,
    layout: 'linkedin',
    scan: { dpi: 250, angle: 0.4, speckle: 0.0015, grain: 20, seed: 5 },
  },
  {
    label: 'chloe table 200dpi -0.9°',
    spec: CHLOE,
    layout: 'table',
    scan: { dpi: 200, angle: -0.9, speckle: 0.001, grain: 16, seed: 6 },
  },
];

/** Pages are read back at this resolution, as the browser's OCR worker does. */
export const OCR_RENDER_DPI = 200;

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = charA === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/**
 * Edit distance of `needle` against the best-matching substring of `haystack` (semi-global: the
 * haystack's ends are free), so a fragment of a line ("2018 to now") matches it at no cost.
 */
export function fragmentDistance(needle: string, haystack: string): number {
  let previous = new Array<number>(haystack.length + 1).fill(0);
  let current = new Array<number>(haystack.length + 1).fill(0);
  for (let i = 1; i <= needle.length; i++) {
    current[0] = i;
    const char = needle.charCodeAt(i - 1);
    for (let j = 1; j <= haystack.length; j++) {
      const cost = char === haystack.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}

/** A read line further than this (edits per character) from every reference line is extra text. */
const LINE_MATCH_LIMIT = 0.5;
/** A read line this close to a whole reference line (edits per character of the longer) is that line. */
const WHOLE_LINE_LIMIT = 0.34;

/** Added to a reference line's score once it has received a read line. */
const REPEAT_PENALTY = 0.05;

function bestLine(
  lines: string[],
  score: (line: string, index: number) => number,
): { index: number; score: number } {
  let best = { index: -1, score: Infinity };
  lines.forEach((line, index) => {
    const value = score(line, index);
    if (value < best.score) best = { index, score: value };
  });
  return best;
}

/**
 * Character errors without the reading order: a scan's columns, a sidebar or a table's date
 * column may be read in another order than the text PDF's layer lists them, which is no
 * recognition error. Each read line goes to the reference line it fits best as a fragment; the
 * lines a reference line receives are joined in reading order and compared with it in full
 * (every substitution, insertion and deletion counts); a reference line that receives none counts
 * as deleted, a read line that fits none (speckle read as words, a border read as "|||") as
 * inserted. Lines are compared after `collapse`.
 */
export function lineAlignedDistance(reference: string, hypothesis: string): number {
  const lines = (text: string) =>
    text
      .split('\n')
      .map(collapse)
      .filter((line) => line.length > 0);
  const wanted = lines(reference);
  const read = lines(hypothesis);
  const received = wanted.map((): string[] => []);
  let extra = 0;
  for (const line of read) {
    // A whole line that reads as a reference line belongs there; otherwise the line it fits in
    // as a fragment (a table's date cell read apart from its entry).
    // A reference line that already received a line weighs a little more, so a line written
    // twice ("Göteborg, Sweden" under a job and in the contact block) is matched twice.
    const taken = (index: number) => (received[index]!.length > 0 ? REPEAT_PENALTY : 0);
    const whole = bestLine(
      wanted,
      (target, index) => levenshtein(line, target) / Math.max(line.length, target.length) + taken(index),
    );
    const part = bestLine(
      wanted,
      (target, index) => fragmentDistance(line, target) / line.length + taken(index),
    );
    const chosen = whole.score <= WHOLE_LINE_LIMIT ? whole : part;
    if (chosen.index < 0 || chosen.score > LINE_MATCH_LIMIT) extra += line.length;
    else received[chosen.index]!.push(line);
  }
  return wanted.reduce((sum, target, index) => sum + levenshtein(target, received[index]!.join(' ')), extra);
}

/** Whitespace collapsed and dash variants (-, –, —) made one: a scan cannot tell them apart. */
const collapse = (text: string): string =>
  text
    .replace(/[‐‑–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

function workKey(entry: Profile['work'][number]): string {
  return `${normaliseText(entry.company)}|${normaliseText(entry.position)}`;
}

export interface OcrCaseReport {
  label: string;
  pages: number;
  cer: number;
  /** Levenshtein over the whole text in reading order (penalises a different column order). */
  cer_in_reading_order: number;
  name: boolean;
  email: boolean;
  work: { expected: number; found: number };
  ocrMs: number;
  confidence: number;
}

export interface OcrEvalReport {
  cases: number;
  cer: number;
  cer_in_reading_order: number;
  name: number;
  email: number;
  work_recall: number;
  per_case: OcrCaseReport[];
}

export async function runOcrEval(): Promise<OcrEvalReport> {
  const worker = await createNodeOcr();
  const perCase: OcrCaseReport[] = [];
  let distance = 0;
  /** The same texts compared in reading order (the earlier measure), reported beside it. */
  let orderedDistance = 0;
  let referenceChars = 0;
  try {
    for (const item of SCAN_CASES) {
      const textPdf = await makeResumePdf(item.spec, item.layout);
      const truth = await parseDocument(
        textPdf.slice(),
        { fileName: 'truth.pdf', mimeType: 'application/pdf', maxBytes: 50_000_000 },
        nodeParseLibs,
      );
      const scanned = await makeScannedCopy(textPdf, item.scan);
      const started = performance.now();
      const pages = await ocrPdf(worker, scanned, OCR_RENDER_DPI);
      const ocrMs = performance.now() - started;
      const read = documentFromOcr(pages);
      const reference = collapse(truth.text);
      const hypothesis = collapse(read.text);
      const caseDistance = lineAlignedDistance(truth.text, read.text);
      const ordered = levenshtein(reference, hypothesis);
      distance += caseDistance;
      orderedDistance += ordered;
      referenceChars += reference.length;
      const expected = extractResume(truth);
      const actual = extractResume(read);
      const actualWork = new Set(actual.work.map(workKey));
      perCase.push({
        label: item.label,
        pages: read.pages,
        cer: caseDistance / Math.max(1, reference.length),
        cer_in_reading_order: ordered / Math.max(1, reference.length),
        name: normaliseText(expected.basics.name) === normaliseText(actual.basics.name),
        email: (expected.basics.email ?? '').toLowerCase() === (actual.basics.email ?? '').toLowerCase(),
        work: {
          expected: expected.work.length,
          found: expected.work.filter((entry) => actualWork.has(workKey(entry))).length,
        },
        ocrMs: Math.round(ocrMs),
        confidence: read.ocr?.confidence ?? 0,
      });
    }
  } finally {
    await worker.terminate();
  }
  const share = (hits: number) => hits / Math.max(1, perCase.length);
  const workExpected = perCase.reduce((sum, row) => sum + row.work.expected, 0);
  const workFound = perCase.reduce((sum, row) => sum + row.work.found, 0);
  return {
    cases: perCase.length,
    cer: distance / Math.max(1, referenceChars),
    cer_in_reading_order: orderedDistance / Math.max(1, referenceChars),
    name: share(perCase.filter((row) => row.name).length),
    email: share(perCase.filter((row) => row.email).length),
    work_recall: workExpected === 0 ? 1 : workFound / workExpected,
    per_case: perCase,
  };
}
