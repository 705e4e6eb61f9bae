/**
 * Small helpers shared by the resume extractors (contact, work, education, skills): provenance
 * records, header-line shape, date stripping, and offset → line lookup.
 */
import type { DocLine, Provenance, SectionSpan } from '../domain';
import type { DateRange } from './dates';
import { sectionHeading } from './sections';

export const DURATION = /\(?\b\d+\s*(?:years?|yrs?|months?|mos?)\b(?:\s*,?\s*\d+\s*(?:months?|mos?))?\)?/gi;

export function provenance(line: number, confidence: number): Provenance {
  return { line, confidence, source: 'heuristic' };
}

/** "Highlights", "Key achievements:": a label over an entry's bullets, never its employer or title. */
const ENTRY_LABEL =
  /^(?:key\s+)?(?:highlights|achievements|accomplishments|responsibilities|duties|tasks|contributions)\s*:?$/i;

export function isHeaderLike(line: DocLine | undefined): boolean {
  if (!line || line.bullet) return false;
  const text = line.text.trim();
  if (!text || text.length > 110 || ENTRY_LABEL.test(text)) return false;
  // A lower-case start is a sentence's continuation, unless the line is set as a header
  // ("ti&m AG", "eBay Inc." in bold).
  if (/^[\p{Ll}]/u.test(text) && !line.bold && !line.heading) return false;
  if (holdsSentenceEnd(text)) return false;
  return !/[.;]$/.test(text) || (/\b(?:inc|ltd|co|corp|llc)\.$/i.test(text) && !readsAsSentence(text));
}

/**
 * "Started in sales support. No database existed, just a": a sentence ends inside the line and
 * another begins, among many lower-case words; that is prose, never a header ("Omnious. Co., Ltd."
 * has a full stop inside too, but no lower-case words).
 */
function holdsSentenceEnd(text: string): boolean {
  return (
    /\p{Ll}{2}[.!?]\s+\p{Lu}/u.test(text) &&
    text.split(/\s+/).filter((word) => /^\p{Ll}/u.test(word)).length >= 5
  );
}

/**
 * "The company was acquired by Vignette, Corp.": a sentence that merely ends on a legal form.
 * An employer's name has few lower-case words ("Bank of America Merrill Lynch & Co.").
 */
function readsAsSentence(text: string): boolean {
  return text.split(/\s+/).filter((word) => /^\p{Ll}/u.test(word)).length >= 3;
}

/** A legal form alone on a line ("Inc.", "GmbH"): the end of an employer's name that wrapped. */
export const LEGAL_FORM_LINE =
  /^(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|ag|plc|pty\.?\s*ltd|b\.?v|s\.?a|s\.?a\.?s|s\.?r\.?l|sarl|oy|ab)\.?$/i;

export function stripDates(text: string, ranges: DateRange[]): string {
  let result = text;
  for (const range of [...ranges].sort((a, b) => b.index - a.index)) {
    result = result.slice(0, range.index) + ' ' + result.slice(range.index + range.length);
  }
  return result
    .replace(DURATION, ' ')
    .replace(/\b(?:since|from|expected(?: graduation)?|graduat(?:ed|ion)|anticipated)\s*[:：]?\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Offset in doc.text → line index (binary search over line starts). */
export function makeLineLookup(lines: DocLine[]): (offset: number) => number {
  return (offset: number): number => {
    let low = 0;
    let high = lines.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const line = lines[middle];
      if (!line) break;
      if (offset < line.start) high = middle - 1;
      else if (offset > line.end) low = middle + 1;
      else return middle;
    }
    return Math.max(0, Math.min(lines.length - 1, low));
  };
}

export function sectionLines(
  lines: DocLine[],
  sections: SectionSpan[],
  name: string,
): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  for (const section of sections.filter((candidate) => candidate.name === name)) {
    for (let index = section.startLine; index <= section.endLine; index++) {
      const line = lines[index];
      if (!line || !line.text.trim()) continue;
      const heading = sectionHeading(line);
      result.push({ text: heading?.rest ? heading.rest : line.text.trim(), line: index });
    }
  }
  return result;
}
