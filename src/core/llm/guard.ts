/**
 * The anti-fabrication guard: a deterministic check applied to every improvement suggestion
 * before anyone sees it (and again when it is accepted). A suggestion may rephrase what the
 * resume says; it may not add an employer, job title, date, degree, institution, number or skill
 * that the original resume (its text and extracted profile) does not already contain. Taxonomy
 * aliases and implied skills count as evidence ("PostgreSQL" evidences "SQL").
 *
 * The checks are deliberately strict: a false alarm only hides one suggestion, a miss would put
 * an invented fact into someone's job application.
 */
import type { Profile, WorkEntry } from '../domain';
import { findSkills, impliedSkills } from '../taxonomy';
import { claimedNumbers } from './guard-numbers';
import { COMMON_WORDS, hasPhrase, misspelledSkill, tokenLine, wordTokens } from './guard-words';
import type { SuggestionDraft } from './schemas';

export type GuardResult = { ok: true } | { ok: false; reason: string };

export interface GuardContext {
  /** The original resume text (before any accepted edit). */
  text: string;
  profile: Profile;
}

/** Precomputed facts of one original resume, so checking many suggestions stays cheap. */
export interface GuardFacts {
  normalisedText: string;
  /** Every word token, padded and space-joined: phrase checks are whole-token ("Meta" ≠ "metadata"). */
  tokens: string;
  words: Set<string>;
  /** Quantities and years anywhere in the resume (only to word the reason). */
  numbers: Set<string>;
  years: Set<string>;
  monthYears: Set<string>;
  degrees: Set<string>;
  skills: Set<string>;
  positions: string[];
  companies: string[];
  work: WorkEntry[];
}

function normaliseSpace(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
const MONTH_YEAR =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:\d{1,2},?\s*)?((?:19|20)\d{2})\b/gi;
/** Abbreviations are case-sensitive ("MS", not "ms"); spelled-out degrees are not ("my master's degree"). */
const DEGREE =
  /(?<![\w'’])(Bachelor(?:'s)?|Master(?:'s)?|Ph\.?\s?D\.?|Doctorate|MBA|B\.?Sc\.?|M\.?Sc\.?|B\.?Eng\.?|M\.?Eng\.?|B\.S\.|M\.S\.|B\.A\.|M\.A\.|BSc|MSc|BS|MS|BA|MA|Associate(?:'s)? degree|Diploma)(?![\w])/g;
const DEGREE_WORDS =
  /(?<![\w'’])(bachelor(?:['’]s|s)?|master(?:['’]s|s)?(?=\s+(?:degree|of|in)\b)|masters|master['’]s|ph\.?\s?d|doctorate|doctoral degree|mba|associate(?:['’]s)? degree)(?![\w])/gi;
const INSTITUTION =
  /(?<![\w'.-])((?:[\p{L}][\w'.-]*\s){0,4}(?:university|college|institute|academy|polytechnic|school)(?:\sof(?:\s[\p{L}][\w'.-]*){1,3})?)(?![\w])/giu;
const EMPLOYER_CONTEXT = /\b(?:at|for|with|joined|by)\s((?:[A-Z][\w&.'-]*)(?:\s(?:[A-Z][\w&.'-]*|&)){0,5})/g;
/** Lower-case employers after the words that introduce one ("at google", "joined acme"). */
const EMPLOYER_LOWER = /\b(?:at|joined|worked for|working for)\s([a-z][\w&'-]*)/gi;
const ORG_SUFFIX =
  /(?<![\w&.'-])((?:[A-Z][\w&.'-]*\s){1,4}(?:Inc|LLC|Ltd|GmbH|Corp|Corporation|Company|Technologies|Labs|Group|Systems|Solutions)\b\.?)/g;
const TITLE_HEADS =
  'Engineer|Developer|Manager|Director|Architect|Scientist|Analyst|Consultant|Designer|Intern|Officer|Specialist|Administrator|Lead|President|Head';
const TITLE = new RegExp(
  String.raw`(?<![\w.])((?:[A-Z][a-z]+\.?\s){0,3}(?:${TITLE_HEADS})|CTO|CEO|CFO|COO|VP)\b`,
  'g',
);
/** Lower-case titles where a sentence claims one: "as principal architect", "promoted to lead". */
const TITLE_CLAIM = new RegExp(
  String.raw`\b(?:as|promoted to|became|hired as|role of|position of)\s(?:an?\s|the\s)?((?:[a-z]+\s){0,3}(?:${TITLE_HEADS.toLowerCase()}|cto|ceo|cfo|coo|vp))\b`,
  'gi',
);
const CAPITALISED = /(?<![\p{L}\p{N}'’.-])\p{Lu}[\p{L}\p{N}'’-]*/gu;
const SENIORITY_WORDS = new Set([
  'senior',
  'sr',
  'sr.',
  'junior',
  'jr',
  'jr.',
  'lead',
  'principal',
  'staff',
  'chief',
  'head',
  'associate',
  'vice',
  'executive',
  'director',
]);

function degreeKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[.'’\s]/g, '')
    .replace(/degree$/, '')
    .replace(/s$/, '');
}

function skillsIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of findSkills(text)) names.add(match.canonical);
  for (const match of findSkills(text, { listContext: true })) names.add(match.canonical);
  return [...names];
}

function degreesIn(text: string): string[] {
  return [...text.matchAll(DEGREE), ...text.matchAll(DEGREE_WORDS)].map((match) => match[1] ?? '');
}

export function guardFacts(context: GuardContext): GuardFacts {
  const { text, profile } = context;
  const skills = new Set<string>();
  const evidence = [...skillsIn(text), ...profile.skills.map((skill) => skill.name)];
  for (const name of evidence) {
    skills.add(name.toLowerCase());
    for (const implied of impliedSkills(name)) skills.add(implied.toLowerCase());
  }
  const degrees = new Set(degreesIn(text).map(degreeKey));
  for (const entry of profile.education) if (entry.studyType) degrees.add(degreeKey(entry.studyType));
  const claimed = claimedNumbers(text);
  return {
    normalisedText: normaliseSpace(text),
    tokens: tokenLine(text),
    words: new Set(wordTokens(text)),
    numbers: new Set(claimed.map((number) => number.value)),
    years: new Set(text.match(YEAR) ?? []),
    monthYears: new Set(
      [...text.matchAll(MONTH_YEAR)].map((match) => `${(match[1] ?? '').toLowerCase()} ${match[2] ?? ''}`),
    ),
    degrees,
    skills,
    positions: profile.work.map((entry) => entry.position.toLowerCase()).filter(Boolean),
    companies: profile.work.map((entry) => entry.company).filter(Boolean),
    work: profile.work,
  };
}

function inOriginal(facts: GuardFacts, phrase: string): boolean {
  return hasPhrase(facts.tokens, phrase);
}

function isSkillPhrase(phrase: string): boolean {
  const matches = findSkills(phrase, { listContext: true });
  const covered = matches.reduce((sum, match) => sum + (match.end - match.start), 0);
  return covered >= phrase.replace(/\s+/g, '').length * 0.5;
}

function isKnownCompany(facts: GuardFacts, candidate: string): boolean {
  return facts.companies.some((company) => hasPhrase(tokenLine(company), candidate));
}

function newEmployer(facts: GuardFacts, after: string): string | undefined {
  const candidates = [
    ...[...after.matchAll(EMPLOYER_CONTEXT)].map((match) => match[1] ?? ''),
    ...[...after.matchAll(ORG_SUFFIX)].map((match) => match[1] ?? ''),
  ];
  for (const raw of candidates) {
    const candidate = raw.replace(/(?<![.,;:])[.,;:]+$/, '').trim();
    if (!candidate || inOriginal(facts, candidate) || isSkillPhrase(candidate)) continue;
    if (isKnownCompany(facts, candidate)) continue;
    if (wordTokens(candidate).every((word) => COMMON_WORDS.has(word))) continue;
    return candidate;
  }
  for (const match of after.matchAll(EMPLOYER_LOWER)) {
    const word = (match[1] ?? '').toLowerCase();
    // "at google": an employer even when a product of the same name is a known skill.
    if (COMMON_WORDS.has(word) || facts.words.has(word)) continue;
    return match[1];
  }
  return undefined;
}

function addedTitle(facts: GuardFacts, phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/);
  // The longest tail of the phrase that the resume already has ("Data Engineer" of "Senior Data Engineer").
  let known = words.length;
  while (known > 0 && !inOriginal(facts, words.slice(words.length - known).join(' '))) known -= 1;
  if (known === 0) return words.join(' ');
  const leading = words.slice(0, words.length - known);
  const added = leading.findIndex(
    (word) =>
      SENIORITY_WORDS.has(word.toLowerCase()) || !facts.words.has(word.toLowerCase().replace(/\.$/, '')),
  );
  return added >= 0 ? words.slice(added).join(' ') : undefined;
}

function newTitle(facts: GuardFacts, after: string): string | undefined {
  for (const match of [...after.matchAll(TITLE), ...after.matchAll(TITLE_CLAIM)]) {
    const title = addedTitle(facts, match[1] ?? '');
    if (title) return title;
  }
  return undefined;
}

/** The original bullet plus, when it belongs to one, its work entry: where a number may come from. */
interface Scope {
  quantities: Set<string>;
  years: Set<string>;
}

function entryText(entry: WorkEntry): string {
  return [entry.position, entry.company, entry.location ?? '', ...entry.highlights].join('\n');
}

function scopeOf(facts: GuardFacts, before: string): Scope {
  const quoted = tokenLine(before);
  const entry = facts.work.find((candidate) => {
    const line = tokenLine(entryText(candidate));
    return (
      hasPhrase(line, before) ||
      candidate.highlights.some(
        (highlight) => wordTokens(highlight).length > 0 && hasPhrase(quoted, highlight),
      )
    );
  });
  const text = entry ? `${before}\n${entryText(entry)}` : before;
  const claimed = claimedNumbers(text);
  const years = new Set(claimed.filter((number) => number.year).map((number) => number.value));
  for (const date of [entry?.startDate, entry?.endDate]) {
    const year = /^\d{4}/.exec(date ?? '')?.[0];
    if (year) years.add(year);
  }
  return {
    quantities: new Set(claimed.filter((number) => !number.year).map((number) => number.value)),
    years,
  };
}

function newDate(facts: GuardFacts, scope: Scope, after: string): string | undefined {
  for (const number of claimedNumbers(after)) {
    if (!number.year) continue;
    if (!facts.years.has(number.value)) return `"${number.value}" is not in the resume`;
    if (!scope.years.has(number.value)) return `"${number.value}" is not in this bullet or its work entry`;
  }
  for (const match of after.matchAll(MONTH_YEAR)) {
    const key = `${(match[1] ?? '').toLowerCase()} ${match[2] ?? ''}`;
    if (!facts.monthYears.has(key)) return `"${match[0]}" is not in the resume`;
  }
  return undefined;
}

function newDegree(facts: GuardFacts, after: string): string | undefined {
  return degreesIn(after).find((raw) => !facts.degrees.has(degreeKey(raw)));
}

function newInstitution(facts: GuardFacts, after: string): string | undefined {
  for (const match of after.matchAll(INSTITUTION)) {
    const words = (match[1] ?? '').trim().split(/\s+/);
    // "at the university" names nothing; "Lakeside University" must be in the resume as written.
    while (words.length > 1 && COMMON_WORDS.has((words[0] ?? '').toLowerCase())) words.shift();
    const phrase = words.join(' ');
    if (words.length > 1 && !inOriginal(facts, phrase)) return phrase;
  }
  return undefined;
}

function newNumber(facts: GuardFacts, scope: Scope, after: string): string | undefined {
  for (const number of claimedNumbers(after)) {
    if (number.year || scope.quantities.has(number.value)) continue;
    if (!facts.numbers.has(number.value)) return `"${number.text}" is not in the resume`;
    return `"${number.text}" is not in this bullet or its work entry`;
  }
  return undefined;
}

function unevidencedSkill(facts: GuardFacts, after: string): string | undefined {
  return skillsIn(after).find((name) => !facts.skills.has(name.toLowerCase()));
}

/** A capitalised word the resume never uses, away from the start of a sentence: a new name. */
function unknownName(facts: GuardFacts, after: string): string | undefined {
  for (const match of after.matchAll(CAPITALISED)) {
    const word = match[0].replace(/['’]s$/, '');
    const lower = word.toLowerCase();
    const before = after.slice(0, match.index).trimEnd();
    if (before === '' || /[.!?:;•(\-–—"]$/.test(before)) continue;
    if (lower.length < 2 || facts.words.has(lower) || COMMON_WORDS.has(lower)) continue;
    if (findSkills(word).length > 0) continue;
    return word;
  }
  return undefined;
}

function misspelling(facts: GuardFacts, after: string): string | undefined {
  for (const word of wordTokens(after)) {
    if (facts.words.has(word)) continue;
    const skill = misspelledSkill(word);
    if (skill) return `"${word}" (looks like ${skill})`;
  }
  return undefined;
}

/**
 * Checks one suggestion against the original resume. `facts` may be passed to reuse the
 * precomputed facts of the same resume across many suggestions.
 */
export function guardSuggestion(
  suggestion: Pick<SuggestionDraft, 'kind' | 'before' | 'after'>,
  context: GuardContext,
  facts: GuardFacts = guardFacts(context),
): GuardResult {
  const { before, after } = suggestion;
  if (!facts.normalisedText.includes(normaliseSpace(before)) || normaliseSpace(before) === '')
    return { ok: false, reason: 'quotes text that is not in the resume' };
  if (normaliseSpace(before) === normaliseSpace(after)) return { ok: false, reason: 'changes nothing' };
  const scope = scopeOf(facts, before);
  const employer = newEmployer(facts, after);
  if (employer) return { ok: false, reason: `names an employer not in the resume: "${employer}"` };
  const title = newTitle(facts, after);
  if (title) return { ok: false, reason: `claims a job title not in the resume: "${title}"` };
  const date = newDate(facts, scope, after);
  if (date) return { ok: false, reason: `adds or changes a date: ${date}` };
  const degree = newDegree(facts, after);
  if (degree) return { ok: false, reason: `claims a degree not in the resume: "${degree}"` };
  const institution = newInstitution(facts, after);
  if (institution) return { ok: false, reason: `names an institution not in the resume: "${institution}"` };
  const number = newNumber(facts, scope, after);
  if (number) return { ok: false, reason: `invents a number: ${number}` };
  const skill = unevidencedSkill(facts, after);
  if (skill) return { ok: false, reason: `adds a skill the resume does not show: "${skill}"` };
  const name = unknownName(facts, after);
  if (name) return { ok: false, reason: `names something not in the resume: "${name}"` };
  const misspelt = misspelling(facts, after);
  if (misspelt) return { ok: false, reason: `misspells a skill: ${misspelt}` };
  return { ok: true };
}
