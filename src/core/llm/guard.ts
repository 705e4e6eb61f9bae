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
import type { Profile } from '../domain';
import { findSkills, impliedSkills } from '../taxonomy';
import type { SuggestionDraft } from './schemas';

export type GuardResult = { ok: true } | { ok: false; reason: string };

export interface GuardContext {
  /** The original resume text (before any accepted edit). */
  text: string;
  profile: Profile;
}

/** Precomputed facts of one original resume, so checking many suggestions stays cheap. */
export interface GuardFacts {
  lowerText: string;
  normalisedText: string;
  words: Set<string>;
  numbers: Set<string>;
  years: Set<string>;
  monthYears: Set<string>;
  degrees: Set<string>;
  skills: Set<string>;
  positions: string[];
  companies: string[];
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

const NUMBER = /\d+(?:[.,]\d+)*/g;
const YEAR = /\b(?:19|20)\d{2}\b/g;
const MONTH_YEAR =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:\d{1,2},?\s*)?((?:19|20)\d{2})\b/gi;
const DEGREE =
  /\b(Bachelor(?:'s)?|Master(?:'s)?|Ph\.?\s?D\.?|Doctorate|MBA|B\.?Sc\.?|M\.?Sc\.?|B\.?Eng\.?|M\.?Eng\.?|B\.S\.|M\.S\.|B\.A\.|M\.A\.|BSc|MSc|BS|MS|BA|MA|Associate(?:'s)? degree|Diploma)(?![\w])/g;
const INSTITUTION =
  /\b((?:[A-Z][\w'.-]*\s+){0,4}(?:University|College|Institute|Academy|Polytechnic|School)(?:\s+of(?:\s+[A-Z][\w'.-]*)+)?)/g;
const EMPLOYER_CONTEXT = /\b(?:at|for|with|joined|by)\s+((?:[A-Z][\w&.'-]*)(?:\s+(?:[A-Z][\w&.'-]*|&))*)/g;
const ORG_SUFFIX =
  /\b((?:[A-Z][\w&.'-]*\s+){1,4}(?:Inc|LLC|Ltd|GmbH|Corp|Corporation|Company|Technologies|Labs|Group|Systems|Solutions)\b\.?)/g;
const TITLE =
  /\b((?:[A-Z][a-z]+\.?\s+){0,3}(?:Engineer|Developer|Manager|Director|Architect|Scientist|Analyst|Consultant|Designer|Intern|Officer|Specialist|Administrator|Lead|President|Head)|CTO|CEO|CFO|COO|VP)\b/g;
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

function numbersIn(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((match) => match[0].replace(/,(?=\d{3}\b)/g, ''));
}

function degreeKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[.'\s]/g, '')
    .replace(/s$/, '');
}

function skillsIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of findSkills(text)) names.add(match.canonical);
  for (const match of findSkills(text, { listContext: true })) names.add(match.canonical);
  return [...names];
}

export function guardFacts(context: GuardContext): GuardFacts {
  const { text, profile } = context;
  const lowerText = text.toLowerCase();
  const skills = new Set<string>();
  const evidence = [...skillsIn(text), ...profile.skills.map((skill) => skill.name)];
  for (const name of evidence) {
    skills.add(name.toLowerCase());
    for (const implied of impliedSkills(name)) skills.add(implied.toLowerCase());
  }
  const degrees = new Set([...text.matchAll(DEGREE)].map((match) => degreeKey(match[1] ?? '')));
  for (const entry of profile.education) if (entry.studyType) degrees.add(degreeKey(entry.studyType));
  return {
    lowerText,
    normalisedText: normaliseSpace(text),
    words: new Set(lowerText.match(/[\p{L}\p{N}][\p{L}\p{N}.'-]*/gu) ?? []),
    numbers: new Set(numbersIn(text)),
    years: new Set(text.match(YEAR) ?? []),
    monthYears: new Set(
      [...text.matchAll(MONTH_YEAR)].map((match) => `${(match[1] ?? '').toLowerCase()} ${match[2] ?? ''}`),
    ),
    degrees,
    skills,
    positions: profile.work.map((entry) => entry.position.toLowerCase()).filter(Boolean),
    companies: profile.work.map((entry) => entry.company.toLowerCase()).filter(Boolean),
  };
}

function inOriginal(facts: GuardFacts, phrase: string): boolean {
  const normalised = normaliseSpace(phrase);
  return normalised.length > 0 && facts.normalisedText.includes(normalised);
}

function isSkillPhrase(phrase: string): boolean {
  const matches = findSkills(phrase, { listContext: true });
  const covered = matches.reduce((sum, match) => sum + (match.end - match.start), 0);
  return covered >= phrase.replace(/\s+/g, '').length * 0.5;
}

function newEmployer(facts: GuardFacts, after: string): string | undefined {
  const candidates = [
    ...[...after.matchAll(EMPLOYER_CONTEXT)].map((match) => match[1] ?? ''),
    ...[...after.matchAll(ORG_SUFFIX)].map((match) => match[1] ?? ''),
  ];
  for (const raw of candidates) {
    const candidate = raw.replace(/[.,;:]+$/, '').trim();
    if (!candidate || inOriginal(facts, candidate) || isSkillPhrase(candidate)) continue;
    if (facts.companies.some((company) => company.includes(candidate.toLowerCase()))) continue;
    return candidate;
  }
  return undefined;
}

function newTitle(facts: GuardFacts, after: string): string | undefined {
  for (const match of after.matchAll(TITLE)) {
    const words = (match[1] ?? '').trim().split(/\s+/);
    // The longest tail of the phrase that the resume already has ("Data Engineer" of "Senior Data Engineer").
    let known = words.length;
    while (known > 0 && !inOriginal(facts, words.slice(words.length - known).join(' '))) known -= 1;
    if (known === 0) return words.join(' ');
    const leading = words.slice(0, words.length - known);
    const added = leading.findIndex(
      (word) =>
        SENIORITY_WORDS.has(word.toLowerCase()) || !facts.words.has(word.toLowerCase().replace(/\.$/, '')),
    );
    if (added >= 0) return words.slice(added).join(' ');
  }
  return undefined;
}

function newDate(facts: GuardFacts, after: string): string | undefined {
  for (const year of after.match(YEAR) ?? []) if (!facts.years.has(year)) return year;
  for (const match of after.matchAll(MONTH_YEAR)) {
    const key = `${(match[1] ?? '').toLowerCase()} ${match[2] ?? ''}`;
    if (!facts.monthYears.has(key)) return match[0];
  }
  return undefined;
}

function newDegree(facts: GuardFacts, after: string): string | undefined {
  for (const match of after.matchAll(DEGREE)) {
    const raw = match[1] ?? '';
    if (!facts.degrees.has(degreeKey(raw))) return raw;
  }
  return undefined;
}

function newInstitution(facts: GuardFacts, after: string): string | undefined {
  for (const match of after.matchAll(INSTITUTION)) {
    const phrase = (match[1] ?? '').trim();
    if (!inOriginal(facts, phrase)) return phrase;
  }
  return undefined;
}

function newNumber(facts: GuardFacts, after: string): string | undefined {
  return numbersIn(after).find((number) => !facts.numbers.has(number));
}

function unevidencedSkill(facts: GuardFacts, after: string): string | undefined {
  return skillsIn(after).find((name) => !facts.skills.has(name.toLowerCase()));
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
  if (!inOriginal(facts, before)) return { ok: false, reason: 'quotes text that is not in the resume' };
  if (normaliseSpace(before) === normaliseSpace(after)) return { ok: false, reason: 'changes nothing' };
  const employer = newEmployer(facts, after);
  if (employer) return { ok: false, reason: `names an employer not in the resume: "${employer}"` };
  const title = newTitle(facts, after);
  if (title) return { ok: false, reason: `claims a job title not in the resume: "${title}"` };
  const date = newDate(facts, after);
  if (date) return { ok: false, reason: `adds or changes a date: "${date}" is not in the resume` };
  const degree = newDegree(facts, after);
  if (degree) return { ok: false, reason: `claims a degree not in the resume: "${degree}"` };
  const institution = newInstitution(facts, after);
  if (institution) return { ok: false, reason: `names an institution not in the resume: "${institution}"` };
  const number = newNumber(facts, after);
  if (number) return { ok: false, reason: `invents a number: "${number}" is not in the resume` };
  const skill = unevidencedSkill(facts, after);
  if (skill) return { ok: false, reason: `adds a skill the resume does not show: "${skill}"` };
  return { ok: true };
}
