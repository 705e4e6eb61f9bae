/**
 * Dates and date ranges as resumes write them → normalised "YYYY-MM", "YYYY" or "present".
 * Handles month names ("Jan 2020", "Sept. 2019", "March '19"), numeric months ("01/2020",
 * "2020-01", "2020.01"), bare years, seasons ("Summer 2022") and open ends ("Present",
 * "Current", "now", "to date").
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const SEASON = String.raw`(?:spring|summer|fall|autumn|winter)`;
const YEAR = String.raw`(?:19|20)\d{2}`;
/** ISO dates ("2024-05-01") first, so the day is not read as the start of a range. */
const DATE = String.raw`(?:${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|${MONTH}\s*,?\s*(?:${YEAR}|['’]\d{2})|${SEASON}\s*,?\s*${YEAR}|(?:0?[1-9]|1[0-2])\s*[/.]\s*${YEAR}|${YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2]|[1-9])(?!\d)|${YEAR})`;
/**
 * Open ends. "Invalid Date" is what JavaScript prints for a missing end date, which resume
 * generators (JSON Resume themes) then render in place of "Present".
 */
const PRESENT = String.raw`(?:present|current(?:ly)?|now|today|ongoing|to\s+date|date|till\s+date|invalid\s+date)`;
/** Between the two ends of a range; plain spaces too, because some PDF fonts drop the dash glyph. */
const SEPARATOR = String.raw`(?:\s*(?:-|–|—|−|~|to|until|till|through|thru)\s*|\s+)`;

/** "Mar. 2016 – Exp. Jun. 2017": an expected end is still the end. */
const EXPECTED = String.raw`(?:exp(?:ected)?\.?\s*)?`;
/**
 * "2022-08-15 —" or "September 2025 – Curr" at the end of a line: a range whose open end was left
 * blank or clipped by the theme (a cut-off "Current" / "Present").
 */
const OPEN_END = String.raw`\s*([-–—])(?:\s*(?:pre(?:s(?:e(?:nt?)?)?)?|cur(?:r(?:e(?:nt?)?)?)?))?\s*$`;
const RANGE_TAIL = String.raw`(?:${SEPARATOR}${EXPECTED}(${DATE}|${PRESENT})|${OPEN_END})?(?![\p{L}\p{N}])`;
const RANGE_PATTERN = new RegExp(String.raw`(?<![\p{L}\p{N}])(${DATE})${RANGE_TAIL}`, 'giu');
/**
 * "BarcelonaSept 2019 – Present": a month name glued to the word before it (a theme that prints
 * the place and the date as one run with no space). Only taken where a lower-case letter meets
 * the month's capital, so "Grammar 2019" holds no "Mar 2019".
 */
const GLUED_MONTH_PATTERN = new RegExp(
  String.raw`(?<=\p{L})(${MONTH}\s*,?\s*(?:${YEAR}|['’]\d{2}))${RANGE_TAIL}`,
  'giu',
);
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

function gluedMonthMatches(text: string): RegExpExecArray[] {
  return [...text.matchAll(GLUED_MONTH_PATTERN)].filter(
    (match) => LOWER.test(text[match.index - 1] ?? '') && UPPER.test(text[match.index] ?? ''),
  );
}
/**
 * "– Sep, 2022" alone on a line: a range whose start was left blank (a JSON Resume theme printing
 * a role with an end date and no start date); the date is the end.
 */
const OPEN_START_PATTERN = new RegExp(String.raw`^\s*[-–—]\s*${EXPECTED}(${DATE})\s*$`, 'iu');
const SINCE_PATTERN = new RegExp(String.raw`\bsince\s+(${DATE})`, 'iu');
const SINGLE_DATE = new RegExp(String.raw`^(?:${DATE})$`, 'iu');
const PRESENT_ONLY = new RegExp(String.raw`^${PRESENT}$`, 'iu');

export interface DateRange {
  start?: string;
  end?: string;
  /** Offsets of the whole range inside the searched text. */
  index: number;
  length: number;
  /** True when the text held a real range (two ends, or "since"), not just one date. */
  isRange: boolean;
}

function pad(month: number): string {
  return String(month).padStart(2, '0');
}

/** One date as written → "YYYY-MM", "YYYY", "present" or undefined. */
export function normaliseDate(raw: string): string | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (PRESENT_ONLY.test(text)) return 'present';
  if (!SINGLE_DATE.test(text)) return undefined;
  const monthName = /^([a-z]+)\.?\s*,?\s*(\d{4}|['’]\d{2})$/.exec(text);
  if (monthName) {
    const word = monthName[1] ?? '';
    const yearText = monthName[2] ?? '';
    const year = /^\d{4}$/.test(yearText) ? yearText : `20${yearText.slice(1)}`;
    // A season ("Summer 2022") names no month, so it keeps year precision.
    const month = MONTHS[word.slice(0, 3)];
    return month === undefined ? year : `${year}-${pad(month)}`;
  }
  const monthFirst = /^(\d{1,2})\s*[/.]\s*(\d{4})$/.exec(text);
  if (monthFirst) return `${monthFirst[2]}-${pad(Number(monthFirst[1]))}`;
  const isoDay = /^(\d{4})-(\d{2})-\d{2}$/.exec(text);
  if (isoDay) return `${isoDay[1]}-${isoDay[2]}`;
  const yearFirst = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(text);
  if (yearFirst) return `${yearFirst[1]}-${pad(Number(yearFirst[2]))}`;
  const year = /^(\d{4})$/.exec(text);
  return year?.[1];
}

/** "https://…", "www.…" or a domain followed by a path ("github.com/x", "doi.org/10.1/2"). */
export const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+|(?<![\w@.-])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/\S*/gi;

/** Where the web addresses of a line are (their digits are no dates: "blog.example.com/2014/…"). */
function webAddressSpans(text: string): [number, number][] {
  if (!text.includes('/') && !/www\./i.test(text)) return [];
  return [...text.matchAll(WEB_ADDRESS)].map((match) => [match.index, match.index + match[0].length]);
}

/** Every date or date range in a line, in order (none inside a web address). */
export function findDateRanges(text: string): DateRange[] {
  const ranges: DateRange[] = [];
  // Every date form holds a four-digit year (19xx or 20xx), or two digits after an apostrophe.
  if (!/(?:19|20)\d\d|['’]\d\d/.test(text)) return ranges;
  const openStart = OPEN_START_PATTERN.exec(text);
  if (openStart) {
    const end = normaliseDate(openStart[1] ?? '');
    if (end) return [{ start: undefined, end, index: 0, length: text.length, isRange: true }];
  }
  const addresses = webAddressSpans(text);
  const glued = gluedMonthMatches(text);
  // A year the plain pattern found inside a glued date gives way to the whole date.
  const matches = [
    ...[...text.matchAll(RANGE_PATTERN)].filter(
      (match) =>
        !glued.some((date) => match.index >= date.index && match.index < date.index + date[0].length),
    ),
    ...glued,
  ];
  matches.sort((a, b) => a.index - b.index);
  for (const match of matches) {
    if (addresses.some(([from, to]) => match.index < to && match.index + match[0].length > from)) continue;
    const start = normaliseDate(match[1] ?? '');
    const open = match[3] !== undefined;
    const end = match[2] !== undefined ? normaliseDate(match[2]) : open ? 'present' : undefined;
    ranges.push({
      start,
      end,
      index: match.index,
      length: match[0].length,
      isRange: match[2] !== undefined || open,
    });
  }
  const since = SINCE_PATTERN.exec(text);
  if (since && ranges.length > 0) {
    const first = ranges[0];
    if (first && !first.isRange) {
      first.end = 'present';
      first.isRange = true;
      first.index = since.index;
      first.length = since[0].length;
    }
  }
  return ranges;
}

const LEADING_PRESENT = new RegExp(String.raw`^\s*${PRESENT}(?![\p{L}\p{N}])`, 'iu');

/**
 * The end of a range whose date column wrapped: a line that opens on "June 2020 –" followed by
 * other text (the entry's header) and a next line that opens on the end date ("Present Working
 * on…", "May 2020 Developed…"). Undefined when `range` is not such an open start.
 */
export function wrappedRangeEnd(
  text: string,
  range: DateRange,
  next: string | undefined,
): string | undefined {
  if (range.isRange || range.index > 0 || next === undefined) return undefined;
  if (!/^\s*[-–—]\s+\S/.test(text.slice(range.index + range.length))) return undefined;
  if (LEADING_PRESENT.test(next)) return 'present';
  const first = findDateRanges(next)[0];
  return first && first.index === 0 && !first.isRange ? first.start : undefined;
}

/** "YYYY-MM" | "YYYY" | "present" → months since year 0 (present → `now`). Years count as January. */
export function monthIndex(date: string, now: Date): number | undefined {
  if (date === 'present') return now.getUTCFullYear() * 12 + now.getUTCMonth();
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(date);
  if (!match) return undefined;
  return Number(match[1]) * 12 + (match[2] ? Number(match[2]) - 1 : 0);
}

/**
 * Total years covered by a set of ranges, overlapping periods counted once. A range ending in
 * a bare year counts to the end of that year's first month, keeping "2019–2021" at two years.
 */
export function mergedYears(ranges: { start?: string; end?: string }[], now: Date): number {
  const spans: [number, number][] = [];
  const nowIndex = now.getUTCFullYear() * 12 + now.getUTCMonth();
  for (const range of ranges) {
    if (!range.start) continue;
    const from = monthIndex(range.start, now);
    const to = monthIndex(range.end ?? range.start, now);
    if (from === undefined || to === undefined) continue;
    const clampedTo = Math.min(to, nowIndex);
    if (clampedTo < from) continue;
    spans.push([from, clampedTo === from && range.end === undefined ? from : clampedTo]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let months = 0;
  let current: [number, number] | undefined;
  for (const span of spans) {
    // Back-to-back jobs (Dec → Jan) are one continuous stretch, not two with a gap month.
    if (current && span[0] <= current[1] + 1) {
      current[1] = Math.max(current[1], span[1]);
      continue;
    }
    if (current) months += current[1] - current[0];
    current = [span[0], span[1]];
  }
  if (current) months += current[1] - current[0];
  return Math.round((months / 12) * 10) / 10;
}
