/**
 * Degrees and diplomas: what a job posting asks for ("BS/MS degree", "Master's in Finance",
 * "PhD", "a university degree", "High School Diploma") and what a resume's education holds.
 * Shared by the job reader (a degree a posting asks for is one of its requirements), the scorer
 * (a resume's education proves it: a higher degree proves a lower one) and the ATS keyword check.
 * Pure and occupation-neutral.
 *
 * Short forms are ambiguous ("MS Office", "BA" the business analyst, "Scrum Master", "PhD
 * students" the people a lab already has), so a level word counts only when the words around it
 * make it a degree: the word "degree" or "diploma" after it, "in …" / "of …" (a field), another
 * level beside it ("BS/MS", "MSc or MBA"), or an unmistakable spelling ("Bachelor's", "PhD").
 */
import type { DegreeLevel } from '../domain';

export const DEGREE_ORDER: readonly DegreeLevel[] = ['none', 'associate', 'bachelor', 'master', 'doctorate'];

/**
 * What a posting asks for: a level, 'any' (a degree of unstated level: "a university degree",
 * "degree in Biology") or 'none' (a school diploma).
 */
export type AskedDegree = DegreeLevel | 'any';

/** The requirement's name for each asked degree (a requirement's canonical skill). */
export const DEGREE_REQUIREMENT: Readonly<Record<AskedDegree, string>> = {
  none: 'High school diploma',
  any: 'University degree',
  associate: 'Associate degree',
  bachelor: "Bachelor's degree",
  master: "Master's degree",
  doctorate: 'Doctorate',
};

/** How high an asked degree ranks: a resume degree of at least this rank meets it. */
function askedRank(asked: AskedDegree): number {
  return asked === 'any' ? DEGREE_ORDER.indexOf('associate') : DEGREE_ORDER.indexOf(asked);
}

/** The asked degree a requirement name stands for, or undefined for any other skill. */
export function askedDegreeOf(requirement: string): AskedDegree | undefined {
  const lower = requirement.toLowerCase();
  return (Object.keys(DEGREE_REQUIREMENT) as AskedDegree[]).find(
    (asked) => DEGREE_REQUIREMENT[asked].toLowerCase() === lower,
  );
}

/**
 * The requirement names a resume degree meets, highest first: a master's degree meets
 * "Master's degree", "Bachelor's degree", "Associate degree", "University degree" and "High school
 * diploma". `held` 'none' is an education entry of unknown level (it meets the school diploma).
 */
export function degreesMetBy(held: DegreeLevel): { name: string; exact: boolean }[] {
  const rank = DEGREE_ORDER.indexOf(held);
  return (Object.keys(DEGREE_REQUIREMENT) as AskedDegree[])
    .filter((asked) => askedRank(asked) <= rank)
    .sort((a, b) => askedRank(b) - askedRank(a))
    .map((asked) => ({ name: DEGREE_REQUIREMENT[asked], exact: asked === held }));
}

/** A resume's degree wording (an education entry's study type) → its level. */
const HELD_PATTERNS: [DegreeLevel, RegExp][] = [
  ['doctorate', /\b(?:ph\.?\s?d|doctor(?:ate|al)?|d\.?phil|ed\.?d)\b/i],
  ['master', /\b(?:master|m\.?sc?|m\.?a|mba|m\.?eng|m\.?phil|mfa|mph|llm)\b/i],
  ['bachelor', /\b(?:bachelor|b\.?sc?|b\.?a|b\.?eng|b\.?tech|bba|bfa|llb|undergraduate)\b/i],
  ['associate', /\b(?:associate|a\.?a\.?s?|diploma)\b/i],
];

/** The level of a resume's degree wording ("B.Sc. Computer Science" → bachelor), or undefined. */
export function heldDegreeLevel(text: string): DegreeLevel | undefined {
  return HELD_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

export interface DegreeMention {
  asked: AskedDegree;
  /** The words as written ("BS/BA degree", "Master’s", "PhD"). */
  surface: string;
  start: number;
  end: number;
}

const APOSTROPHE = `['’\u0092]`;
/** One level word; short forms are checked for their casing after matching (see LEVEL_OF). */
const LEVEL_WORD = String.raw`(?:ph\.?\s?d\.?|doctorate|doctoral|d\.?phil|bachelor(?:${APOSTROPHE}?s)?|master(?:${APOSTROPHE}?s)?|b\.?sc\.?|m\.?sc\.?|b\.s\.?|m\.s\.?|b\.a\.|m\.a\.|bs|ba|ms|ma|mba|b\.?eng|m\.?eng|b\.?tech|m\.?tech|m\.?phil|bba|llb|llm|associate${APOSTROPHE}?s?(?=\s+degree))`;
const LEVEL_SEPARATOR = String.raw`(?:\s*(?:\/|,|&)\s*|\s+(?:and\/or|or|and|\/)\s+|\s+)`;
/** Qualifiers written before a degree that belong to its name ("university degree"). */
const DEGREE_QUALIFIER = String.raw`(?:university|college|academic|technical|engineering|undergraduate|graduate|post[- ]?graduate|higher|advanced|4[- ]year|four[- ]year|3[- ]year|three[- ]year)`;
const DEGREE_NOUN = String.raw`(?:degrees?|diplomas?|level)`;

const LEVEL_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?:${DEGREE_QUALIFIER}\s+)?${LEVEL_WORD}(?:${LEVEL_SEPARATOR}${LEVEL_WORD})*(?:\s+${DEGREE_NOUN})?(?![\p{L}\p{N}])`,
  'giu',
);
/** A level run that ends with the word "degree", "diploma" or "level". */
const NAMED_DEGREE = new RegExp(String.raw`\s${DEGREE_NOUN}$`, 'iu');
const ONE_LEVEL = new RegExp(String.raw`(?<![\p{L}\p{N}])${LEVEL_WORD}(?![\p{L}])`, 'giu');
/** A degree of unstated level: "a university degree", "degree in Chemistry", "degree or equivalent". */
const PLAIN_DEGREE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${DEGREE_QUALIFIER}\s+)?degree(?![\p{L}\p{N}])`,
  'giu',
);
const SCHOOL_DIPLOMA =
  /\b(?:[Hh]igh[- ][Ss]chool (?:[Dd]iploma|[Dd]egree|[Gg]raduate|[Ee]ducation)|HIGH SCHOOL DIPLOMA|GED)\b/g;

/** Words after a level that make it the programme or the people, not a requirement. */
const NOT_ASKED_AFTER =
  /^\s*(?:students?|programmes?|programs?|projects?|positions?|stipends?|scholarships?|fellowships?|thesis|theses|courses?|schools?|supervisors?|supervision|candidates?|regulations|defen[cs]e|level courses|certificates?|holders?)\b/i;
/** Words before "degree" that make it an amount ("a high degree of", "360 degree"). */
const AMOUNT_BEFORE =
  /(?:\b(?:high|higher|large|larger|great|greater|certain|some|significant|considerable|lesser|any|what|varying|[0-9]+)\s*|°\s*)$/i;
/** Words before a degree that make it what the post offers ("scholarship for the PhD degree"). */
const OFFERED_BEFORE =
  /\b(?:scholarships?|stipends?|fellowships?|enrol(?:l)?(?:ed|ment)?|admission|admitted|towards?|pursue|pursuing|obtain|obtaining|completing)\b[^.;]{0,12}$/i;
/** A negation shortly before ("not required to have a degree", "no degree at all"). */
const NEGATED_BEFORE = /\b(?:not|no|without|don(?:'|’)t|do not|doesn(?:'|’)t|does not|never)\b[^.;]{0,40}$/i;

/** The level of one matched level word, or undefined when its casing makes it something else. */
function levelOf(word: string): DegreeLevel | undefined {
  const bare = word.replace(/[.\s'’\u0092]/g, '').toLowerCase();
  // Two-letter forms count only in capitals (or dotted): "MS", "B.A.", not "ms" or "Ma".
  if (/^(?:bs|ba|ms|ma)$/.test(bare) && !/^[A-Z.]+$/.test(word.replace(/\s/g, ''))) return undefined;
  if (/^(?:phd|doctorate|doctoral|dphil)$/.test(bare)) return 'doctorate';
  if (/^(?:masters?|msc|ms|ma|mba|meng|mtech|mphil|llm)$/.test(bare)) return 'master';
  if (/^(?:bachelors?|bsc|bs|ba|beng|btech|bba|llb)$/.test(bare)) return 'bachelor';
  if (/^associates?$/.test(bare)) return 'associate';
  return undefined;
}

/** Cheap test before the full patterns: a text without any of these names no degree. */
const DEGREE_HINT =
  /degree|diploma|bachelor|master|doctor|ph\.?\s?d|\b[BM]\.?[SA]\b|\b[BM]\.?(?:sc|eng|tech|phil)|mba|bba|llb|llm|GED|high[- ]school/i;

/** Level words that name a degree on their own ("PhD", "Bachelor's", "MSc"). */
const UNMISTAKABLE =
  /^(?:ph\.?\s?d\.?|doctorate|d\.?phil|bachelor(?:['’\u0092]?s)?|master['’\u0092]s|m\.?sc\.?|b\.?sc\.?|mba|b\.s\.|m\.s\.)$/i;

/**
 * The degrees a text asks for, in order. "BS/MS degree" is one mention of the lower level (either
 * meets it); "Master of Science", "PhD in Law", "MSc or MBA" count; "MS Office", "Scrum Master",
 * "PhD students" and "a high degree of autonomy" do not.
 */
export function findDegrees(text: string): DegreeMention[] {
  if (!DEGREE_HINT.test(text)) return [];
  const mentions: DegreeMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([from, to]) => start < to && end > from);
  for (const match of text.matchAll(LEVEL_RUN)) {
    const surface = match[0];
    const start = match.index;
    const end = start + surface.length;
    const levels: DegreeLevel[] = [];
    let unmistakable = false;
    for (const word of surface.matchAll(ONE_LEVEL)) {
      const level = levelOf(word[0]);
      if (level) levels.push(level);
      if (UNMISTAKABLE.test(word[0])) unmistakable = true;
    }
    if (levels.length === 0) continue;
    // A level that is not asked for ("the PhD degree" a scholarship funds) hides its "degree" too.
    taken.push([start, end]);
    const after = text.slice(end, end + 30);
    const before = text.slice(Math.max(0, start - 50), start);
    const named = NAMED_DEGREE.test(surface);
    const field = /^\s+(?:in|of)\s+\S|^\s+or\s+(?:higher|above|equivalent)\b/i.test(after);
    if (!named && !field && levels.length < 2 && !unmistakable) continue;
    if (NOT_ASKED_AFTER.test(after) || NEGATED_BEFORE.test(before) || OFFERED_BEFORE.test(before)) continue;
    if (/\bscrum\s*$/i.test(before) && levels.every((level) => level === 'master')) continue;
    const lowest = levels.reduce((low, level) =>
      DEGREE_ORDER.indexOf(level) < DEGREE_ORDER.indexOf(low) ? level : low,
    );
    mentions.push({ asked: lowest, surface, start, end });
  }
  for (const match of text.matchAll(PLAIN_DEGREE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(start, end)) continue;
    const after = text.slice(end, end + 30);
    const before = text.slice(Math.max(0, start - 50), start);
    const qualified = match[0].includes(' ');
    if (!qualified && AMOUNT_BEFORE.test(before)) continue;
    if (/^\s+of\b/i.test(after) || NOT_ASKED_AFTER.test(after)) continue;
    if (NEGATED_BEFORE.test(before) || OFFERED_BEFORE.test(before)) continue;
    mentions.push({ asked: 'any', surface: match[0], start, end });
    taken.push([start, end]);
  }
  for (const match of text.matchAll(SCHOOL_DIPLOMA)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(start, end) || NEGATED_BEFORE.test(text.slice(Math.max(0, start - 50), start))) continue;
    mentions.push({ asked: 'none', surface: match[0], start, end });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** True when `text` (a resume) shows a degree that meets the asked one. */
export function textMeetsDegree(text: string, requirement: string): boolean {
  const asked = askedDegreeOf(requirement);
  if (asked === undefined) return false;
  return findDegrees(text).some((mention) => {
    const held = mention.asked === 'any' ? 'associate' : mention.asked;
    return DEGREE_ORDER.indexOf(held) >= askedRank(asked);
  });
}
