/**
 * Work entries of a resume's experience sections: each entry is anchored on a date range, its
 * header (company, title, place) read from the short lines around the date, and its highlights
 * from the lines below up to the next entry's header.
 */
import type { DocLine, Provenance, SectionSpan, WorkEntry } from '../domain';
import { findDateRanges, wrappedRangeEnd, type DateRange } from './dates';
import { DURATION, isHeaderLike, LEGAL_FORM_LINE, provenance, stripDates } from './resume-lines';
import {
  cleanPart,
  companyScore,
  isCityStateCode,
  isLocationPart,
  splitHeaderParts,
  splitTrailingPlace,
  titleScore,
} from './text-clues';

export const EMPLOYMENT_WORDS =
  /^(?:full[- ]time|part[- ]time|contract|internship|freelance|self[- ]employed|temporary|remote|hybrid|on[- ]site)$/i;

const SELF_EMPLOYED = /^(?:freelance|freelancer|self[- ]employed)$/i;

/** Points a line must sit right of the date line to count as indented (a highlight). */
const INDENT_PT = 8;

interface Anchor {
  line: number;
  range: DateRange;
}

/** Company and title from the header parts of one entry. */
function assignRoles(parts: string[]): { company: string; position: string; location?: string } {
  let location: string | undefined;
  const kept: string[] = [];
  for (const part of parts) {
    if (isLocationPart(part)) location ??= part;
    else if (!EMPLOYMENT_WORDS.test(part)) kept.push(part);
  }
  if (kept.length === 0) return { company: '', position: '', location };
  if (kept.length === 1) {
    const only = kept[0] ?? '';
    // "Software Engineer at Self-employed", "Freelance" over a title: the way of working stands
    // where the employer would, and is kept as one when nothing else names an employer.
    const own = parts.find((part) => SELF_EMPLOYED.test(part));
    return titleScore(only) > companyScore(only)
      ? { company: own ?? '', position: only, location }
      : { company: only, position: '', location };
  }
  let titleIndex = 0;
  let bestScore = -Infinity;
  kept.forEach((part, index) => {
    const score = titleScore(part) - companyScore(part);
    if (score > bestScore) {
      bestScore = score;
      titleIndex = index;
    }
  });
  let companyIndex = titleIndex === 0 ? 1 : 0;
  let bestCompany = -Infinity;
  kept.forEach((part, index) => {
    if (index === titleIndex) return;
    const score = companyScore(part) - titleScore(part);
    if (score > bestCompany) {
      bestCompany = score;
      companyIndex = index;
    }
  });
  // "Director, Medical Affairs, Acme Inc.": what stands between the title and the employer after
  // it is the title's own qualifier (team, department), not a third role.
  const position =
    titleIndex < companyIndex ? kept.slice(titleIndex, companyIndex).join(', ') : (kept[titleIndex] ?? '');
  return { company: kept[companyIndex] ?? '', position, location };
}

/** "3 years 7 months", "(1 year)", "11 mos": how long, on a line of its own (LinkedIn groups). */
export function isDurationLine(text: string): boolean {
  return /^\(?\s*\d+\s*(?:years?|yrs?|months?|mos?)(?:\s*,?\s*\d+\s*(?:months?|mos?))?\s*\)?$/i.test(
    text.trim(),
  );
}

/** A short parenthesised note at the end of a line removed ("Austin, TX (originally)" → "Austin, TX"). */
function withoutTrailingNote(text: string): string {
  if (!text.endsWith(')')) return text;
  const open = text.lastIndexOf('(');
  const note = text.slice(open + 1, -1);
  if (open < 0 || note.length < 1 || note.length > 30 || note.includes('(') || note.includes(')'))
    return text;
  return text.slice(0, open).trimEnd();
}

/**
 * A role's place on a line of its own: "Oslo, Norway", "Berlin, Berlin, Germany", "San
 * Francisco Bay Area", "Greater Seattle Area", "Remote". Never a company or a title.
 */
export function isRoleLocation(text: string): boolean {
  const value = text.trim();
  // "Austin, TX (originally)", "San Francisco, CA; New York, NY": places with a note, or several.
  // (Read in code: the patterns for these backtracked on long runs of spaces.)
  const withoutNote = withoutTrailingNote(value);
  if (withoutNote !== value && withoutNote && isRoleLocation(withoutNote)) return true;
  const places = withoutNote.split(';').map((place) => place.trim());
  if (places.length > 1) return places.every((place) => place !== '' && isRoleLocation(place));
  const capitalised = /^[\p{Lu}][\p{L}.'’-]*(?:\s[\p{Lu}][\p{L}.'’-]*)*\s?$/u;
  const pieces = value.split(/(?:(?<!\s)\s+)?,\s*/);
  if (
    pieces.length === 3 &&
    titleScore(value) === 0 &&
    companyScore(value) === 0 &&
    pieces.every((piece) => capitalised.test(piece) && piece.split(' ').length <= 3)
  )
    return isLocationPart(`${pieces[1]}, ${pieces[2]}`) || isLocationPart(`${pieces[0]}, ${pieces[2]}`);
  // "Acme Inc. Seoul, S.Korea" is an employer followed by its place, not a place.
  if (splitTrailingPlace(value)) return false;
  if (isLocationPart(value)) return true;
  if (titleScore(value) > 0 || companyScore(value) > 0) return false;
  if (isCityStateCode(value)) return true;
  const area =
    /^(?:Greater\s+)?(.(?:.*?(?<!\s))??)\s+(?:Bay\s+)?(?:Area|Metropolitan(?:\s+Area)?|Metro(?:plex)?|Region)$/u.exec(
      value,
    );
  return Boolean(area && capitalised.test(area[1] ?? '') && value.split(/\s+/).length <= 6);
}

/**
 * A one-line header too long for its column wraps its last words onto the next line, set in the
 * same style ("Practice Lead (Collaboration, Portal), Acme Southern" / "Power").
 */
/** Words and marks a name or title never ends on: a line ending on one was cut by its column. */
const DANGLING_END = /(?:^|\s)(?:of|and|for|at|the|in|on|to|with|de|du|der|und)$|[&,–-]$/i;

function wrapsOnto(first: DocLine | undefined, next: DocLine | undefined): boolean {
  if (!first || !next || first.fontSize <= 0 || first.page !== next.page) return false;
  if (closesParenthesisOf(first, next)) return true;
  // A short first line wraps too when the next one continues it in lower case in the same weight
  // ("Full-stack JavaScript web" / "application developer", both bold).
  const continues =
    /^\p{Ll}/u.test(next.text.trim()) && first.bold === next.bold && !/[.,;:]$/.test(first.text.trim());
  // A line that ends on a word or mark that cannot end a name ("…, University of" / "North
  // Carolina at Chapel Hill") is continued by the next, however long.
  const dangling = DANGLING_END.test(first.text.trim());
  return (
    (first.text.trim().length >= 50 || continues || dangling) &&
    (next.text.trim().length <= 25 || dangling) &&
    Math.abs(first.fontSize - next.fontSize) < 0.3 &&
    Math.abs(first.x - next.x) <= 2 &&
    next.y > first.y &&
    next.y - first.y <= first.fontSize * 1.6 &&
    findDateRanges(next.text).length === 0
  );
}

/**
 * "ti&m AG, Zurich, Switzerland" right above a date line, set plain: an employer whose name starts
 * in lower case, followed by its place, and no sentence's continuation (that would not end on a
 * place, or would end on a full stop).
 */
function lowerCaseEmployer(line: DocLine): boolean {
  const text = line.text.trim();
  return (
    !line.bullet &&
    /^\p{Ll}/u.test(text) &&
    text.length <= 60 &&
    !/[.;:]$/.test(text) &&
    splitTrailingPlace(text) !== undefined
  );
}

/** More "(" than ")": a parenthesis left open at the end of the line. */
function leavesParenthesisOpen(text: string): boolean {
  return (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
}

/**
 * "Associate Director, Medical Information (Acquired" / "by Harbor Pharma, Inc.)": a header line
 * whose parenthesis is closed on the next line, set in the same style right under it, wraps onto
 * it, however long either is and though the next starts in lower case.
 */
function closesParenthesisOf(first: DocLine | undefined, next: DocLine | undefined): boolean {
  if (!first || !next || first.fontSize <= 0 || first.page !== next.page || next.bullet) return false;
  const text = next.text.trim();
  return (
    isHeaderLike(first) &&
    leavesParenthesisOpen(first.text) &&
    /^[^()]*\)/.test(text) &&
    // A sentence's end closes prose, not a header ("… (and a catastrophe was avoided).").
    !/[.;]$/.test(text) &&
    text.length <= 80 &&
    Math.abs(first.fontSize - next.fontSize) < 0.3 &&
    first.bold === next.bold &&
    Math.abs(first.x - next.x) <= 2 &&
    next.y > first.y &&
    next.y - first.y <= first.fontSize * 1.6 &&
    findDateRanges(text).length === 0
  );
}

/**
 * "Interviewed by Wired Magazine September 2001 Issue": one date inside a sentence dates an
 * achievement, not a role.
 */
function inSentence(text: string, range: DateRange): boolean {
  const before = text.slice(0, range.index).trim();
  const after = text.slice(range.index + range.length).trim();
  const words = `${before} ${after}`.trim().split(/\s+/).filter(Boolean).length;
  return words > 6 && /\p{L}/u.test(before) && (/\p{L}/u.test(after) || /\.$/.test(text.trim()));
}

/**
 * "Open-sourced after I left the company, in" / "2016.": a lone date closing a sentence that
 * wrapped onto its line (the line above ends on a lower-case word or a comma) is the end of a
 * highlight, not a date line.
 */
function endsWrappedSentence(line: DocLine, range: DateRange, previous: DocLine | undefined): boolean {
  if (range.isRange || !previous || previous.page !== line.page) return false;
  const rest = line.text.slice(range.index + range.length).trim();
  return (
    !line.text.slice(0, range.index).trim() &&
    /^[.!?;)]+$/.test(rest) &&
    /(?:\p{Ll}|,)$/u.test(previous.text.trim())
  );
}

/** A visual line this long that ends mid-sentence ran into the column's edge and wrapped. */
const WRAPPED_LINE_CHARS = 60;
/** How far back a wrapped bullet's first line is looked for. */
const MAX_BULLET_LINES = 4;

/**
 * "• Developed proposals … leading to >" / "$22M in funding from the National Institutes of
 * Health and the National Science" / "Foundation, 2016–2025": the last line of a bullet that
 * wrapped, not an entry dated 2016–2025. True when the lines above it, in the same size and at
 * the same left edge, lead back to a bullet, and the one right above is that bullet's own wrapped
 * continuation and ran into the column's edge mid-sentence. PDF lines only (a DOCX or text line is a whole paragraph, which never wraps).
 */
function continuesWrappedBullet(lines: DocLine[], index: number): boolean {
  const line = lines[index];
  if (!line || line.bullet || line.fontSize <= 0) return false;
  const sameBlock = (other: DocLine | undefined): other is DocLine =>
    other !== undefined &&
    other.page === line.page &&
    Math.abs(other.fontSize - line.fontSize) < 0.25 &&
    Math.abs(other.x - line.x) <= 1;
  const above = lines[index - 1];
  // The line above continues a bullet itself: a bullet that fits on one line ("• Raised $18M")
  // followed by the next role's header in the same style is the common layout, not a wrap.
  if (!sameBlock(above) || above.bullet) return false;
  const aboveText = above.text.trim();
  if (aboveText.length < WRAPPED_LINE_CHARS || /[.!?:;]$/.test(aboveText)) return false;
  for (let back = index - 1; back >= Math.max(0, index - MAX_BULLET_LINES); back--) {
    const candidate = lines[back];
    if (!sameBlock(candidate)) return false;
    if (candidate.bullet) return true;
  }
  return false;
}

/**
 * "Apr. 2015: Built a dashboard for a client", indented under a role: a dated event inside the
 * entry (a freelancer's log of assignments), not a role of its own. A date that leads a line and
 * is followed by a colon opens such an event when the line sits right of the role's date line.
 */
function datedEvent(line: DocLine, range: DateRange, previousAnchor: DocLine | undefined): boolean {
  if (!previousAnchor || range.index > 0) return false;
  if (!/^\s*[:：]\s*\p{L}/u.test(line.text.slice(range.index + range.length))) return false;
  return line.x > previousAnchor.x + INDENT_PT;
}

/**
 * "A product-based startup building tools used by millions": the employer's one-line
 * description, set smaller than the role header, is a sentence and never a header.
 */
function descriptionLine(line: DocLine, anchorLine: DocLine): boolean {
  const words = line.text.trim().split(/\s+/);
  const lower = words.filter((word) => /^\p{Ll}/u.test(word)).length;
  return (
    words.length >= 8 &&
    lower >= words.length * 0.5 &&
    line.fontSize > 0 &&
    line.fontSize < anchorLine.fontSize - 0.5
  );
}

/**
 * "… please see the notes under the Lindqvist" / "Routing entry", then a gap, then the next entry's header: a short
 * line set tight under a line of prose that has not ended its sentence, with more space below it
 * than above, is the end of that paragraph, never a header line (PDF only: DOCX lines carry no
 * positions to compare).
 */
function endsParagraph(lines: DocLine[], index: number): boolean {
  const line = lines[index];
  const prose = lines[index - 1];
  const below = lines[index + 1];
  if (!line || !prose || !below || line.fontSize <= 0) return false;
  if (prose.page !== line.page || below.page !== line.page || prose.bullet) return false;
  const text = prose.text.trim();
  const lowerWords = text.split(/\s+/).filter((word) => /^\p{Ll}/u.test(word)).length;
  const leading = line.y - prose.y;
  return (
    text.length >= 50 &&
    lowerWords >= 5 &&
    !/[.!?;:]$/.test(text) &&
    Math.abs(prose.fontSize - line.fontSize) < 0.3 &&
    prose.bold === line.bold &&
    Math.abs(prose.x - line.x) <= 2 &&
    leading > 0 &&
    leading <= line.fontSize * 1.4 &&
    below.y - line.y >= leading * 1.8
  );
}

/**
 * "... Employee Resource Group Lead [2015-2016]. Volunteer ...": a range in brackets inside prose
 * dates one item of a paragraph, not a role.
 */
function citedInProse(text: string, range: DateRange): boolean {
  const before = text.slice(0, range.index);
  const after = text.slice(range.index + range.length);
  if (!/[[(]\s*$/.test(before) || !/^\s*[\])]/.test(after)) return false;
  const words = text.trim().split(/\s+/).length;
  return inSentence(text, range) && (/^\s*[\])]\s*[.,;]/.test(after) || words > 10);
}

/**
 * A header of two lines, one naming a title and the other none: the layout has already split
 * the roles, so neither line is cut at its dashes or commas ("Fullstack Engineer - PHP/Go" under
 * "Acme Labs", "Chrome for Android - Software Intern" under "Google"); only a trailing place
 * comes off ("ti&m AG, Zurich, Switzerland").
 */
function twoLineRoles(
  texts: { text: string; allowAt: boolean }[],
): { company: string; position: string; location?: string } | undefined {
  let candidates = texts
    .map(({ text }) => cleanPart(text))
    .filter((text) => text && !isLocationPart(text) && !isRoleLocation(text) && !isDurationLine(text));
  // "Acme Payments" / "Vila do Conde" / "Fullstack Engineer - Go": of three lines, one naming a
  // title, the plain name that follows the employer is its city (no gazetteer knows every city).
  let cityLine: string | undefined;
  const titled = candidates.filter((text) => titleScore(text) > 0);
  if (candidates.length === 3 && titled.length === 1) {
    const [employer, city] = candidates.filter((text) => titleScore(text) === 0);
    if (
      employer &&
      city &&
      candidates.indexOf(city) === candidates.indexOf(employer) + 1 &&
      readsAsCity(city)
    ) {
      cityLine = city;
      candidates = candidates.filter((text) => text !== city);
    }
  }
  if (candidates.length !== 2 || texts.some(({ text, allowAt }) => phraseRoles(text, allowAt, false)))
    return undefined;
  const lean = (text: string) => titleScore(text) - companyScore(text);
  const [first = '', second = ''] = candidates;
  const [title, other] = lean(first) >= lean(second) ? [first, second] : [second, first];
  const pieces = splitHeaderParts(other);
  const named = pieces.filter((piece) => !isLocationPart(piece));
  const employer =
    named.length === 1 && pieces.length > 1
      ? { head: named[0] ?? '', place: pieces.find((piece) => isLocationPart(piece)) ?? '' }
      : splitTrailingPlace(other);
  const company = employer?.head ?? other;
  // "Acme Seoul, S.Korea &" / "LA, U.S.A": places joined by "&" did not come apart cleanly.
  if (/(?:[&/+,]|\band)\s*$/i.test(company)) return undefined;
  if (titleScore(title) === 0 || titleScore(company) >= titleScore(title) || EMPLOYMENT_WORDS.test(company))
    return undefined;
  const titlePlace = splitTrailingPlace(title);
  return {
    company,
    position: titlePlace?.head ?? title,
    location: employer?.place || titlePlace?.place || cityLine,
  };
}

/** "Vila do Conde", "Paris", "Palo Alto": up to four capitalised words, short particles between. */
function readsAsCity(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    words.length <= 4 &&
    companyScore(text) === 0 &&
    /^\p{Lu}/u.test(words[0] ?? '') &&
    words.every(
      (word) =>
        /^\p{Lu}[\p{L}.'’-]*$/u.test(word) ||
        /^(?:de|da|do|del|di|du|la|le|el|am|an|upon|on|sur)$/.test(word),
    )
  );
}

interface LineStyle {
  fontSize: number;
  bold: boolean;
}

const styleOf = (line: DocLine): LineStyle => ({ fontSize: line.fontSize, bold: line.bold });
const sameStyle = (a: LineStyle, b: LineStyle): boolean =>
  a.fontSize > 0 && Math.abs(a.fontSize - b.fontSize) < 0.3 && a.bold === b.bold;

/** A line that is only a web address (the employer's site under its name). */
export function isUrlLine(text: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+\/\S*$/i.test(text.trim());
}

/**
 * "Title at Company", "Title @ Company" and "Company as Title" name both roles in one phrase; the
 * side that reads as a job title (title lexicon) decides which is which.
 */
function phraseRoles(text: string, allowAt: boolean, oneLine = true): string[] | undefined {
  const at = allowAt ? /^(.*?\S)\s+(?:at|@)\s+(.+)$/i.exec(text) : null;
  if (at && titleScore(at[1] ?? '') > 0) {
    // "Software Developer, Centre for Soil Research at Alder Farm": on one line, a last comma piece
    // before "at" that reads as an organisation more than a title starts the employer.
    const organisation = /^(.+),\s*([^,]+)$/.exec(at[1] ?? '');
    if (
      oneLine &&
      organisation &&
      titleScore(organisation[1] ?? '') > 0 &&
      companyScore(organisation[2] ?? '') > titleScore(organisation[2] ?? '')
    )
      return [cleanPart(organisation[1] ?? ''), cleanPart(`${organisation[2] ?? ''} at ${at[2] ?? ''}`)];
    return [cleanPart(at[1] ?? ''), ...splitHeaderParts(at[2] ?? '')];
  }
  // "Chrome for Android - Software Intern, Google": on one line, a last comma piece that is no
  // title and no place is the employer; everything before it is the title, dashes and all.
  const last = /^(.+),\s*([^,]+)$/.exec(text);
  if (
    oneLine &&
    last &&
    !/\s[|•·]\s/.test(text) &&
    titleScore(last[1] ?? '') > 0 &&
    titleScore(last[2] ?? '') === 0 &&
    !isLocationPart(last[2] ?? '') &&
    !isLocationPart(`${(last[1] ?? '').split(/[\s,]+/).pop() ?? ''}, ${last[2] ?? ''}`) &&
    !/^(?:inc|llc|ltd|co|corp|gmbh|plc|s\.?a)\.?$/i.test((last[2] ?? '').trim())
  )
    return [cleanPart(last[1] ?? ''), cleanPart(last[2] ?? '')];
  const as = /^(.(?:.*?(?<!\s))??)\s+as\s+(?:an?\s+)?(.+)$/i.exec(text);
  if (as && titleScore(as[2] ?? '') > 0 && titleScore(as[1] ?? '') <= titleScore(as[2] ?? ''))
    return [...splitHeaderParts(as[1] ?? ''), cleanPart(as[2] ?? '')];
  return undefined;
}

function headerParts(text: string, allowAt = true): string[] {
  return phraseRoles(text, allowAt) ?? splitHeaderParts(text);
}

/**
 * One line of a header that spans several lines: the layout already puts company, title and
 * place on lines of their own, so commas inside a line do not separate roles ("Director, Network
 * & Telecom" is one title). Strong separators (" | ", " — ") and a trailing place still split.
 */
function lineUnits(text: string, allowAt: boolean): string[] {
  const phrase = phraseRoles(text, allowAt, false);
  if (phrase) return phrase;
  const units: string[] = [];
  for (const piece of text.split(/(?<!\s)\s+[|•·–—]\s+|(?<!\s)\s+-\s+|(?:(?<!\s)\s+)?[|•·]\s*|\t/)) {
    const part = cleanPart(piece);
    if (!part) continue;
    // Only a title keeps its commas; anything else splits as a one-line header would.
    if (titleScore(part) === 0 || isLocationPart(part)) {
      units.push(...splitHeaderParts(part));
      continue;
    }
    const place = splitTrailingPlace(part);
    if (place) units.push(place.head, place.place);
    else units.push(part);
  }
  return units;
}

export function extractWork(
  lines: DocLine[],
  section: SectionSpan,
  provenanceOut: Record<string, Provenance>,
  offset: number,
): WorkEntry[] {
  const anchors: Anchor[] = [];
  /** Lines that open on the end date of the range above them (see wrappedRangeEnd). */
  const wrappedEnds = new Set<number>();
  for (let index = section.startLine; index <= section.endLine; index++) {
    const line = lines[index];
    if (!line || wrappedEnds.has(index)) continue;
    const ranges = findDateRanges(line.text);
    let range =
      ranges.find((candidate) => candidate.isRange && !citedInProse(line.text, candidate)) ??
      (line.bullet || !ranges[0] || inSentence(line.text, ranges[0]) ? undefined : ranges[0]);
    // "June 2020 – Developer, Acme" over "Present Built…": a date column wrapped in two.
    const wrappedEnd = range && wrappedRangeEnd(line.text, range, lines[index + 1]?.text);
    if (range && wrappedEnd) {
      range = { ...range, end: wrappedEnd, isRange: true };
      wrappedEnds.add(index + 1);
    }
    if (range && endsWrappedSentence(line, range, lines[index - 1])) range = undefined;
    if (range && continuesWrappedBullet(lines, index)) range = undefined;
    if (range && !datedEvent(line, range, lines[anchors[anchors.length - 1]?.line ?? -1]))
      anchors.push({ line: index, range });
  }
  if (anchors.length === 0) return undatedEntries(lines, section, provenanceOut, offset);
  const claimed = new Set<number>();
  const entries: WorkEntry[] = [];
  // Does this section put each entry's header above its date? Judged on the first entry: a
  // header-like line right before its date, after the section start.
  const firstAnchor = anchors[0]?.line ?? section.startLine;
  const headersAbove =
    firstAnchor > section.startLine &&
    isHeaderLike(lines[firstAnchor - 1]) &&
    findDateRanges(lines[firstAnchor - 1]?.text ?? '').length === 0;
  // Or does the section open on a date line of its own, the entry's header lines below it
  // ("Sept 2007 - Oct 2010" / "Researcher" / "Acme Labs")? Then what stands above a later date
  // is the previous entry's text, never this entry's header.
  const firstDateLine = lines[firstAnchor];
  const datesFirst =
    firstAnchor === section.startLine &&
    firstDateLine !== undefined &&
    !cleanPart(stripDates(firstDateLine.text, findDateRanges(firstDateLine.text))) &&
    isHeaderLike(lines[firstAnchor + 1]) &&
    findDateRanges(lines[firstAnchor + 1]?.text ?? '').length === 0;
  let previousCompany = '';
  let previousMultiLine = false;
  // How the previous entry set its title and its employer, when each had a line of its own.
  let previousStyles: { title: LineStyle; company: LineStyle } | undefined;
  // Each entry whose title and employer had lines of their own, with those lines' styles.
  const styled: StyledEntry[] = [];
  anchors.forEach((anchor, anchorIndex) => {
    const anchorLine = lines[anchor.line];
    if (!anchorLine) return;
    const parts: string[] = [];
    const headerLines: number[] = [];
    let remainder = cleanPart(stripDates(anchorLine.text, findDateRanges(anchorLine.text)));
    // "Manager at Acme Holdings, Aug 2003 - Mar 2009" over "Inc.": the employer named on the date
    // line wrapped its legal form onto the next line.
    const wrappedForm = lines[anchor.line + 1];
    if (remainder && wrappedForm && !wrappedForm.bullet && LEGAL_FORM_LINE.test(wrappedForm.text.trim())) {
      remainder = `${remainder}, ${wrappedForm.text.trim()}`;
      claimed.add(anchor.line + 1);
    }
    const previousAnchor = anchors[anchorIndex - 1]?.line ?? section.startLine - 1;
    // Header lines above the date: up to three short, non-bullet lines.
    const above: number[] = [];
    for (let index = anchor.line - 1; index > previousAnchor && above.length < 3 && !datesFirst; index--) {
      if (claimed.has(index)) break;
      const line = lines[index];
      if (line && (isUrlLine(line.text) || isDurationLine(line.text))) {
        claimed.add(index);
        continue;
      }
      // The previous role's place ("San Francisco Bay Area") ends this entry's header.
      // A bold "Employer, City, Country" over a plain date line is this entry's header.
      if (!line || (isRoleLocation(line.text) && !(line.bold && !anchorLine.bold))) break;
      // A line indented past the date line is the previous entry's highlight, drawn without a
      // bullet glyph (theme PDFs), never a header.
      if (line.fontSize > 0 && anchorLine.fontSize > 0 && line.x > anchorLine.x + INDENT_PT) break;
      if (
        (!isHeaderLike(line) &&
          !closesParenthesisOf(lines[index - 1], line) &&
          !(index === anchor.line - 1 && lowerCaseEmployer(line))) ||
        descriptionLine(line, anchorLine)
      )
        break;
      // A header set in bold ends at the first plain line above it (the previous entry's text).
      const styled = (candidate: DocLine | undefined) => Boolean(candidate?.bold || candidate?.heading);
      if (!styled(line) && above.some((collected) => styled(lines[collected]))) break;
      if (line && findDateRanges(line.text).length > 0) break;
      if (endsParagraph(lines, index)) break;
      above.unshift(index);
    }
    // The text of each header line, to re-split once it is known whether there are several.
    const headerTexts: { text: string; allowAt: boolean }[] = [];
    for (const [position, index] of above.entries()) {
      if (position > 0 && wrapsOnto(lines[above[position - 1]!], lines[index])) continue;
      const wrapped = above[position + 1];
      const text =
        wrapped !== undefined && wrapsOnto(lines[index], lines[wrapped])
          ? `${lines[index]?.text ?? ''} ${lines[wrapped]?.text ?? ''}`
          : (lines[index]?.text ?? '');
      parts.push(...headerParts(text));
      headerTexts.push({ text, allowAt: true });
      headerLines.push(index);
      claimed.add(index);
    }
    // "Title at Company" only when no separate company line was found above.
    if (!anchorLine.bullet && remainder) {
      parts.push(...headerParts(remainder, above.length === 0));
      headerTexts.push({ text: remainder, allowAt: above.length === 0 });
    }
    claimed.add(anchor.line);
    const nextAnchor = anchors[anchorIndex + 1]?.line ?? section.endLine + 1;
    let bodyStart = anchor.line + 1;
    const meaningful = (): number =>
      parts.filter((part) => !isLocationPart(part) && !EMPLOYMENT_WORDS.test(part)).length;
    const hasTitle = (): boolean => parts.some((part) => titleScore(part) > companyScore(part));
    // Date-first layouts put the title and company below the date; others put the title below
    // a "Company, Place  Dates" line.
    let belowLimit = anchor.line + 2;
    let placeBelow: string | undefined;
    for (let index = anchor.line + 1; index < nextAnchor && index <= belowLimit; index++) {
      const line = lines[index];
      if (claimed.has(index) || (line && (isUrlLine(line.text) || isDurationLine(line.text)))) {
        claimed.add(index);
        bodyStart = index + 1;
        belowLimit++;
        continue;
      }
      if (line && !line.bullet && isRoleLocation(line.text)) {
        placeBelow ??= line.text.trim();
        claimed.add(index);
        bodyStart = index + 1;
        // "Title / Dates / Place" (the header above the date): the place closes the header, and
        // what follows is the entry's text, however short its first line.
        if (above.length > 0) break;
        continue;
      }
      if (!isHeaderLike(line) || !line || line.text.length > 80 || descriptionLine(line, anchorLine)) break;
      // Below a date line of its own, each header line is one role whatever its commas
      // ("PhD, Researcher in Social Networking" / "Acme Labs"): lines are counted, not parts.
      const found = datesFirst && !remainder ? headerTexts.length : meaningful();
      if (found >= 2 && (hasTitle() || titleScore(line.text) === 0)) break;
      // Where headers sit above their dates, a header line just before the next date is that
      // entry's (LinkedIn: Company / Title / Date, Title / Date under one company).
      if (headersAbove && above.length > 0 && anchorIndex + 1 < anchors.length && nextAnchor - index <= 2)
        break;
      // A title wrapped onto the next line below the date is one header line too.
      const next = lines[index + 1];
      const wraps = index + 1 < nextAnchor && wrapsOnto(line, next);
      const joined = wraps ? `${line.text} ${next?.text ?? ''}` : line.text;
      const cleaned = stripDates(joined, findDateRanges(joined));
      parts.push(...headerParts(cleaned));
      headerTexts.push({ text: cleaned, allowAt: true });
      headerLines.push(index);
      claimed.add(index);
      if (wraps) {
        claimed.add(index + 1);
        index++;
        belowLimit++;
      }
      bodyStart = index + 1;
    }
    // A lone title line under a company whose roles had the company on a line of its own
    // (LinkedIn groups): the comma is part of the title ("Manager, Fleet Planning").
    const loneTitle =
      headerTexts.length === 1 &&
      previousMultiLine &&
      previousCompany !== '' &&
      titleScore(headerTexts[0]?.text ?? '') > 0 &&
      // An acronym, a parenthesis or a domain after the last comma names an organisation.
      !/\(|\b[A-Z]{2,}\b|\.\w/.test(/,([^,]*)$/.exec(headerTexts[0]?.text ?? '')?.[1] ?? '') &&
      !phraseRoles(headerTexts[0]?.text ?? '', headerTexts[0]?.allowAt ?? true, false);
    const units = loneTitle
      ? lineUnits(headerTexts[0]?.text ?? '', false)
      : headerTexts.length > 1
        ? headerTexts.flatMap(({ text, allowAt }) => lineUnits(text, allowAt))
        : parts;
    // A lone header line set like the previous entry's title line, where that entry's employer
    // had a line in another style (roles grouped under one company): the whole line is the title
    // ("Technical Lead - Compute Integrations Team"), the employer carries down.
    const loneLine = headerLines.length === 1 ? lines[headerLines[0] ?? -1] : undefined;
    const styledAsTitle =
      headerTexts.length === 1 &&
      loneLine !== undefined &&
      previousStyles !== undefined &&
      previousCompany !== '' &&
      sameStyle(styleOf(loneLine), previousStyles.title) &&
      !sameStyle(previousStyles.title, previousStyles.company);
    const roles = styledAsTitle
      ? { company: previousCompany, position: cleanPart(headerTexts[0]?.text ?? '') }
      : (!loneTitle && twoLineRoles(headerTexts)) ||
        assignRoles(units.filter((unit) => unit && !isDurationLine(unit)));
    roles.location ??= placeBelow;
    if (!roles.company && roles.position && previousCompany) roles.company = previousCompany;
    if (!roles.company && !roles.position) return;
    const highlights: string[] = [];
    if (anchorLine.bullet) {
      const text = stripDates(anchorLine.text, [anchor.range]);
      if (text) highlights.push(text);
    }
    const nextHeaderStart = Math.min(
      nextAnchor,
      ...findNextHeaderStart(lines, anchors, anchorIndex + 1, section),
    );
    // Left edge of the bullet glyph of the highlight being read: a PDF line indented past it is the
    // bullet's wrapped continuation even when it starts with a capital ("TypeScript.").
    let bulletX: number | undefined;
    for (let index = bodyStart; index < nextHeaderStart && index <= section.endLine; index++) {
      const line = lines[index];
      if (!line || claimed.has(index) || !line.text.trim()) continue;
      const text = line.text.replace(DURATION, ' ').trim();
      if (!text) continue;
      const wrapped = bulletX !== undefined && line.x > bulletX + 1;
      if (!line.bullet && highlights.length > 0 && (wrapped || /^[\p{Ll}]/u.test(text))) {
        highlights[highlights.length - 1] += ` ${text}`;
      } else if (!isLocationPart(text)) {
        highlights.push(text);
        bulletX = line.bullet && line.x > 0 ? line.x : undefined;
      } else if (!line.bullet && highlights.length === 0) {
        // A place on its own line under the title ("Oslo, Norway"), as LinkedIn and many templates write.
        roles.location ??= text;
      }
    }
    const entryIndex = offset + entries.length;
    const firstHeader = headerLines[0] ?? anchor.line;
    entries.push({
      company: roles.company,
      position: roles.position,
      location: roles.location,
      startDate: anchor.range.start,
      endDate: anchor.range.end ?? (anchor.range.isRange ? undefined : anchor.range.start),
      highlights,
      line: firstHeader,
    });
    const confidence = roles.company && roles.position ? 0.8 : 0.5;
    provenanceOut[`work.${entryIndex}.company`] = provenance(firstHeader, confidence);
    provenanceOut[`work.${entryIndex}.position`] = provenance(firstHeader, confidence);
    provenanceOut[`work.${entryIndex}.startDate`] = provenance(anchor.line, 0.9);
    previousCompany = roles.company;
    previousMultiLine = headerTexts.length > 1 || (loneTitle && previousMultiLine);
    // The line each was read from (the first line of one that wrapped onto the next).
    const lineOf = (text: string): number | undefined => {
      const own = (index: number) => lines[index]?.text.trim() ?? '';
      return (
        headerLines.find((index) => own(index) === text) ??
        headerLines.find((index) => own(index) !== '' && text.startsWith(`${own(index)} `))
      );
    };
    const titleLine = lineOf(roles.position);
    const companyLine = lineOf(roles.company);
    if (styledAsTitle) {
      // The group goes on: same styles.
    } else if (
      titleLine !== undefined &&
      companyLine !== undefined &&
      lines[titleLine] &&
      lines[companyLine]
    ) {
      previousStyles = { title: styleOf(lines[titleLine]), company: styleOf(lines[companyLine]) };
      styled.push({ entry: entries[entries.length - 1]!, ...previousStyles });
    } else {
      previousStyles = undefined;
    }
  });
  swapByStyleConsensus(styled);
  swapByEmployerConsensus(entries);
  return entries;
}

/**
 * A section with no dates at all (a theme that clips its right-aligned dates off the page, or a
 * resume that never gives them): each bold header line opens an entry, read with the plain
 * header line under it ("Acme AG, Zurich" / "Lead Engineer").
 */
function undatedEntries(
  lines: DocLine[],
  section: SectionSpan,
  provenanceOut: Record<string, Provenance>,
  offset: number,
): WorkEntry[] {
  const entries: WorkEntry[] = [];
  const styled = (line: DocLine | undefined) => Boolean(line && (line.bold || line.heading) && !line.bullet);
  for (let index = section.startLine; index <= section.endLine; index++) {
    const line = lines[index];
    if (!line || !styled(line) || !isHeaderLike(line) || line.text.length > 80) continue;
    if (styled(lines[index - 1]) && index > section.startLine) continue;
    const next = lines[index + 1];
    const units = splitHeaderParts(line.text);
    const title =
      next && index + 1 <= section.endLine && !styled(next) && isHeaderLike(next) && next.text.length <= 80
        ? cleanPart(next.text)
        : undefined;
    // The layout names the roles: a bold line with no title word over a title is the employer,
    // whole ("Acme Health - A Globex Company"), less its place.
    const roles =
      title && titleScore(title) > 0 && titleScore(line.text) === 0
        ? {
            company: units.filter((unit) => !isLocationPart(unit)).join(' - '),
            position: title,
            location: units.find((unit) => isLocationPart(unit)),
          }
        : assignRoles(title ? [...units, title] : units);
    if (!roles.company || !roles.position) continue;
    const entryIndex = offset + entries.length;
    entries.push({
      company: roles.company,
      position: roles.position,
      location: roles.location,
      highlights: [],
      line: index,
    });
    provenanceOut[`work.${entryIndex}.company`] = provenance(index, 0.5);
    provenanceOut[`work.${entryIndex}.position`] = provenance(index + 1, 0.5);
  }
  return entries;
}

interface StyledEntry {
  entry: WorkEntry;
  title: LineStyle;
  company: LineStyle;
}

/**
 * "Oakland Athletics" (12 pt) over "Game Day Ticket Services Agent" (11.5 pt), where the words
 * alone lean the wrong way ("Services", "Athletics"): a section sets every employer in one style
 * and every title in another, so an entry read with the two styles the other way round from the
 * rest of its section (at least two agreeing, twice as many as disagree) was read the wrong way
 * round.
 */
function swapByStyleConsensus(styled: StyledEntry[]): void {
  const distinct = styled.filter(({ title, company }) => !sameStyle(title, company));
  for (const reference of distinct) {
    const agree = distinct.filter(
      (other) => sameStyle(other.title, reference.title) && sameStyle(other.company, reference.company),
    );
    const reversed = distinct.filter(
      (other) => sameStyle(other.title, reference.company) && sameStyle(other.company, reference.title),
    );
    if (agree.length < 2 || reversed.length === 0 || agree.length < 2 * reversed.length) continue;
    for (const { entry } of reversed) [entry.company, entry.position] = [entry.position, entry.company];
    return;
  }
}

/**
 * "Enterprise Mobile Architecture, Acme Power" where "Architecture" is no title word: when an
 * entry's title is what the other entries of the section name as their employer (and its own
 * employer is no one's), the two were read the wrong way round.
 */
function swapByEmployerConsensus(entries: WorkEntry[]): void {
  const key = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const employers = new Map<string, number>();
  for (const entry of entries) {
    const company = key(entry.company);
    if (company) employers.set(company, (employers.get(company) ?? 0) + 1);
  }
  for (const entry of entries) {
    const position = key(entry.position);
    if (!position || (employers.get(position) ?? 0) < 1 || (employers.get(key(entry.company)) ?? 0) > 1)
      continue;
    [entry.company, entry.position] = [entry.position, entry.company];
  }
}

/** Where the header block of the next entry begins (so its title lines are not our highlights). */
function findNextHeaderStart(
  lines: DocLine[],
  anchors: Anchor[],
  nextIndex: number,
  section: SectionSpan,
): number[] {
  const next = anchors[nextIndex];
  if (!next) return [section.endLine + 1];
  let start = next.line;
  for (let index = next.line - 1; index >= 0 && start - index <= 3; index--) {
    const line = lines[index];
    if (!isHeaderLike(line) || (line && findDateRanges(line.text).length > 0)) break;
    start = index;
  }
  return [start];
}
