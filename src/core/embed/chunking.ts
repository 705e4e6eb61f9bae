/**
 * Splits a parsed resume or job into the pieces that get their own embedding vector: sections,
 * work entries, paragraphs and bullets, each as offsets into ParsedDocument.text, so a match can
 * point at (and highlight) the exact text that carries it. Plus the whole document.
 *
 * Every chunk fits the model's token limit: a piece longer than `maxChars` is cut at line
 * boundaries (or, for one very long line, at spaces). Pure: no DOM, no model.
 */
import type { DocLine, ParsedDocument, SectionSpan, WorkEntry } from '../domain';
import { findSections } from '../extract/sections';

export type ChunkKind = 'document' | 'header' | 'section' | 'work' | 'paragraph' | 'bullet';

export interface ChunkSpan {
  /** Offsets into ParsedDocument.text, end exclusive. */
  start: number;
  end: number;
  kind: ChunkKind;
}

export interface ChunkOptions {
  /** Longest chunk in characters; see maxCharsForTokens. */
  maxChars: number;
  /** At most this many chunks (the most specific are dropped last: see CHUNK_PRIORITY). */
  maxChunks?: number;
  /** Resume sections from the profile; found from headings when absent (jobs). */
  sections?: SectionSpan[];
  /** Resume work entries (their `line` starts each entry). */
  work?: WorkEntry[];
  /**
   * 'nested' (default): header, sections, work entries, paragraphs and bullets, a bullet also
   * inside its section's chunk. 'tiled': consecutive runs of lines that cover the text once, a new
   * run at every section heading, none longer than maxChars — for a model whose cost grows with
   * every token it reads and whose document vector is the mean of its chunks (the built-in model).
   */
  layout?: ChunkLayout;
  /**
   * Lines no chunk may contain (a job's tool lists: see toolListLines in extract/job-sections.ts).
   * When any is left out the whole text is not embedded as one input either, so the document
   * vector is the mean of the chunks that remain.
   */
  skipLines?: ReadonlySet<number>;
}

export type ChunkLayout = 'nested' | 'tiled';

export interface DocumentChunks {
  /** The whole text, trimmed (one span; the model truncates it past its token limit). */
  document: ChunkSpan;
  /** Whether the whole text fits in one model input (else the document vector is the chunks' mean). */
  documentFits: boolean;
  chunks: ChunkSpan[];
}

export const DEFAULT_MAX_CHUNKS = 64;

/**
 * Characters that safely fit in `maxTokens` WordPiece tokens. English prose averages about four
 * characters per token; skills lists, acronyms and numbers tokenise denser, so assume three, and
 * keep two tokens for [CLS]/[SEP].
 */
export function maxCharsForTokens(maxTokens: number): number {
  return Math.max(32, (maxTokens - 2) * 3);
}

/** Which kinds survive when a document has more than maxChunks pieces (earlier wins). */
const CHUNK_PRIORITY: readonly ChunkKind[] = ['header', 'section', 'work', 'paragraph', 'bullet'];

export function chunkDocument(parsed: ParsedDocument, options: ChunkOptions): DocumentChunks {
  const { text, lines } = parsed;
  const maxChars = Math.max(16, Math.floor(options.maxChars));
  const document = trimSpan(text, { start: 0, end: text.length, kind: 'document' });
  const sections = (options.sections ?? sectionsFromHeadings(lines)).filter(
    (section) => section.startLine <= section.endLine && section.startLine < lines.length,
  );

  const fits = document.end - document.start <= maxChars && !leavesOutText(lines, options.skipLines);
  if (options.layout === 'tiled') {
    const tiles = tileLines(lines, sections, maxChars, text, options.skipLines).filter((span) =>
      hasWords(text, span),
    );
    return {
      document,
      documentFits: fits,
      chunks: tiles.slice(0, Math.max(0, options.maxChunks ?? DEFAULT_MAX_CHUNKS)),
    };
  }

  const pieces: ChunkSpan[] = [];
  const addLines = (from: number, to: number, kind: ChunkKind): void => {
    for (const [runFrom, runTo] of keptRuns(from, to, options.skipLines))
      for (const span of splitLines(lines, runFrom, runTo, kind, maxChars, text)) pieces.push(span);
  };

  // The header (name, title, contact, often a summary) before the first section heading.
  const firstSectionLine = sections.length > 0 ? Math.min(...sections.map(headingLine)) : lines.length;
  if (firstSectionLine > 0) addLines(0, firstSectionLine - 1, 'header');

  for (const section of sections) {
    addLines(section.startLine, section.endLine, 'section');
  }

  const workRanges = workEntryRanges(options.work ?? [], sections, lines.length);
  for (const [from, to] of workRanges) addLines(from, to, 'work');

  // Inside a work entry the plain lines are its title/company/date lines: the entry chunk already
  // carries them, and alone they say little.
  const insideWork = ([from, to]: [number, number]): boolean =>
    workRanges.some(([start, end]) => from >= start && to <= end);
  for (const range of paragraphRanges(lines, sections)) {
    if (!insideWork(range)) addLines(range[0], range[1], 'paragraph');
  }
  for (const [from, to] of bulletRanges(lines)) addLines(from, to, 'bullet');

  const chunks = rank(dedupe(pieces.filter((span) => hasWords(text, span))), options.maxChunks);
  return { document, documentFits: fits, chunks };
}

/**
 * Sections of a document without a profile (a job): the resume section finder first; when it knows
 * none of the headings ("Responsibilities", "What you'll do"), any layout heading or a short line
 * that introduces the text below it (after a blank line, or ending with ':').
 */
function sectionsFromHeadings(lines: DocLine[]): SectionSpan[] {
  const known = findSections(lines);
  if (known.length > 0) return known;
  const sections: SectionSpan[] = [];
  lines.forEach((line, index) => {
    const text = line.text.trim();
    const next = lines[index + 1];
    const previous = lines[index - 1];
    const introducesText = next !== undefined && next.text.trim() !== '';
    const short = text.length > 0 && text.length <= 50 && !/[.;,]$/.test(text) && !line.bullet;
    const standsAlone = index === 0 || previous?.text.trim() === '' || text.endsWith(':');
    if (!(line.heading || (short && introducesText && standsAlone))) return;
    const last = sections[sections.length - 1];
    if (last) last.endLine = index - 1;
    sections.push({ name: 'section', heading: text, startLine: index + 1, endLine: lines.length - 1 });
  });
  return sections;
}

/** The heading line of a section (the line before its body, or the body's first line when inline). */
function headingLine(section: SectionSpan): number {
  return Math.max(0, section.startLine - 1);
}

/** Each work entry runs from its line to just before the next entry or the end of its section. */
function workEntryRanges(work: WorkEntry[], sections: SectionSpan[], lineCount: number): [number, number][] {
  const starts = work
    .map((entry) => entry.line)
    .filter((line) => line >= 0 && line < lineCount)
    .sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  starts.forEach((start, index) => {
    const section = sections.find((candidate) => start >= candidate.startLine && start <= candidate.endLine);
    const sectionEnd = section ? section.endLine : lineCount - 1;
    const next = starts[index + 1];
    const end = next !== undefined && next > start ? Math.min(next - 1, sectionEnd) : sectionEnd;
    if (end >= start) ranges.push([start, end]);
  });
  return ranges;
}

/**
 * Runs of plain (non-bullet, non-empty) lines separated by blank lines, inside sections with more
 * than one such run: job descriptions are often prose paragraphs rather than bullets.
 */
function paragraphRanges(lines: DocLine[], sections: SectionSpan[]): [number, number][] {
  const ranges: [number, number][] = [];
  const regions: [number, number][] =
    sections.length > 0 ? sections.map((s) => [s.startLine, s.endLine]) : [[0, lines.length - 1]];
  for (const [from, to] of regions) {
    const runs: [number, number][] = [];
    let runStart = -1;
    for (let index = from; index <= to + 1; index++) {
      const line = index <= to ? lines[index] : undefined;
      const plain = line !== undefined && line.text.trim() !== '' && !line.bullet && !line.heading;
      if (plain && runStart < 0) runStart = index;
      if (!plain && runStart >= 0) {
        runs.push([runStart, index - 1]);
        runStart = -1;
      }
    }
    if (runs.length > 1) ranges.push(...runs);
  }
  return ranges;
}

/** A bullet plus its wrapped continuation lines (the next lines starting in lower case). */
function bulletRanges(lines: DocLine[]): [number, number][] {
  const ranges: [number, number][] = [];
  lines.forEach((line, index) => {
    if (!line.bullet) return;
    let end = index;
    for (let next = index + 1; next < lines.length; next++) {
      const candidate = lines[next];
      if (!candidate || candidate.bullet || candidate.heading || !/^\p{Ll}/u.test(candidate.text.trim()))
        break;
      end = next;
    }
    ranges.push([index, end]);
  });
  return ranges;
}

/**
 * The text as consecutive runs of lines (the 'tiled' layout): the header before the first section,
 * then each section from its heading line, every run cut to at most maxChars. A run shorter than a
 * third of maxChars (a heading alone, a one-line section) joins its neighbour when both fit in one,
 * so no model input is spent on a lone heading. Every line with text is in exactly one run, so the
 * mean of the runs' vectors covers the whole document once.
 */
function tileLines(
  lines: DocLine[],
  sections: SectionSpan[],
  maxChars: number,
  text: string,
  skipLines: ReadonlySet<number> = new Set(),
): ChunkSpan[] {
  const headings = new Set(sections.map(headingLine));
  const starts = [...new Set([0, ...headings])].filter((line) => line < lines.length).sort((a, b) => a - b);
  /** Runs, each marked when a left-out line lies between it and the run before (no merging). */
  const runs: { span: ChunkSpan; afterGap: boolean }[] = [];
  let gap = false;
  starts.forEach((from, index) => {
    const to = (starts[index + 1] ?? lines.length) - 1;
    const kind: ChunkKind = headings.has(from) ? 'section' : 'header';
    let previousEnd = from - 1;
    for (const [runFrom, runTo] of keptRuns(from, to, skipLines)) {
      if (runFrom > previousEnd + 1) gap = true;
      for (const span of splitLines(lines, runFrom, runTo, kind, maxChars, text)) {
        runs.push({ span, afterGap: gap });
        gap = false;
      }
      previousEnd = runTo;
    }
    if (previousEnd < to) gap = true;
  });
  const short = (span: ChunkSpan) => span.end - span.start < maxChars / 3;
  const tiles: ChunkSpan[] = [];
  for (const { span: run, afterGap } of runs) {
    const previous = tiles[tiles.length - 1];
    if (previous && !afterGap && (short(previous) || short(run)) && run.end - previous.start <= maxChars)
      previous.end = run.end;
    else tiles.push({ ...run });
  }
  return tiles;
}

/** Lines from..to as runs without a left-out line (the whole range when none is left out). */
function keptRuns(from: number, to: number, skipLines: ReadonlySet<number> | undefined): [number, number][] {
  if (!skipLines || skipLines.size === 0) return [[from, to]];
  const runs: [number, number][] = [];
  let runFrom = from;
  for (let line = from; line <= to + 1; line++) {
    if (line <= to && !skipLines.has(line)) continue;
    if (line - 1 >= runFrom) runs.push([runFrom, line - 1]);
    runFrom = line + 1;
  }
  return runs;
}

/** Whether any left-out line holds text (see ChunkOptions.skipLines). */
function leavesOutText(lines: DocLine[], skipLines: ReadonlySet<number> | undefined): boolean {
  if (!skipLines || skipLines.size === 0) return false;
  return lines.some((line, index) => skipLines.has(index) && line.text.trim() !== '');
}

/** Lines from..to as spans no longer than maxChars, cut between lines (or inside one long line). */
function splitLines(
  lines: DocLine[],
  from: number,
  to: number,
  kind: ChunkKind,
  maxChars: number,
  text: string,
): ChunkSpan[] {
  const spans: ChunkSpan[] = [];
  let current: ChunkSpan | undefined;
  const flush = (): void => {
    if (current) spans.push(current);
    current = undefined;
  };
  for (let index = Math.max(0, from); index <= Math.min(to, lines.length - 1); index++) {
    const line = lines[index];
    if (!line || line.end <= line.start) continue;
    if (line.end - line.start > maxChars) {
      flush();
      spans.push(...splitLongSpan(text, line.start, line.end, kind, maxChars));
      continue;
    }
    if (current && line.end - current.start > maxChars) flush();
    if (current) current.end = line.end;
    else current = { start: line.start, end: line.end, kind };
  }
  flush();
  return spans.map((span) => trimSpan(text, span)).filter((span) => span.end > span.start);
}

/** Cuts one long line at the last space before each maxChars boundary. */
function splitLongSpan(
  text: string,
  start: number,
  end: number,
  kind: ChunkKind,
  maxChars: number,
): ChunkSpan[] {
  const spans: ChunkSpan[] = [];
  let cursor = start;
  while (cursor < end) {
    let stop = Math.min(end, cursor + maxChars);
    if (stop < end) {
      const space = text.lastIndexOf(' ', stop);
      if (space > cursor + maxChars / 2) stop = space;
    }
    spans.push({ start: cursor, end: stop, kind });
    cursor = stop;
    while (cursor < end && /\s/.test(text[cursor] ?? '')) cursor++;
  }
  return spans;
}

function trimSpan(text: string, span: ChunkSpan): ChunkSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end, kind: span.kind };
}

/** At least three letters or digits: a lone bullet glyph or date is not worth a vector. */
function hasWords(text: string, span: ChunkSpan): boolean {
  return (text.slice(span.start, span.end).match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 3;
}

/** The same span found twice (a one-line work entry that is also a bullet) keeps its first kind. */
function dedupe(spans: ChunkSpan[]): ChunkSpan[] {
  const seen = new Set<string>();
  return spans.filter((span) => {
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Keeps the highest-priority chunks when over the limit, then returns them in text order. */
function rank(spans: ChunkSpan[], maxChunks = DEFAULT_MAX_CHUNKS): ChunkSpan[] {
  const priority = (kind: ChunkKind): number => CHUNK_PRIORITY.indexOf(kind);
  const kept =
    spans.length <= maxChunks
      ? spans
      : [...spans]
          .map((span, order) => ({ span, order }))
          .sort((a, b) => priority(a.span.kind) - priority(b.span.kind) || a.order - b.order)
          .slice(0, Math.max(0, maxChunks))
          .map(({ span }) => span);
  return [...kept].sort((a, b) => a.start - b.start || b.end - a.end);
}
