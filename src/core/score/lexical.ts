/**
 * The lexical parts of the score (no model): which job skills the resume proves (exactly, by
 * alias or implied by another skill) with the line that proves each, weighted coverage, and a
 * normalised BM25 text similarity. Combined with the other components in ./match.ts.
 *
 * Robustness rules, each covered by a test:
 * - a skill counts once however often it is written (coverage works on sets);
 * - the text part uses binary term frequency and only ever penalises length, so repeating a
 *   word cannot raise it;
 * - lines that address an AI/screening system ("ignore previous instructions...") are dropped
 *   from the resume text before scoring, so they cannot add matching words.
 */
import type { DocLine, Evidence, ParsedDocument, Profile, Requirement, SkillMention } from '../domain';
import { toolListLines } from '../extract/job-sections';
import { bm25Idf, bm25TermWeight } from '../search/bm25';
import { internTerm, tokenize } from '../search/tokenize';
import { impliedSkills, isUbiquitousSkill } from '../taxonomy';
import { degreesMetBy, heldDegreeLevel } from '../taxonomy/degrees';
import { backgroundDocumentFrequency, BACKGROUND_DOCUMENTS, RARE_TERM_FREQUENCY } from './background';

/** Typical resume length in tokens; shorter resumes are not boosted, longer ones are damped. */
const REFERENCE_LENGTH = 400;
/** Soft skills ("communication") count half: nearly every resume and job names them. */
export const SOFT_SKILL_WEIGHT = 0.5;

const INJECTION =
  /\b(?:ignore|disregard|forget)\b.{0,40}\b(?:instructions?|prompts?|rules|above|previous)\b|\b(?:rate|score|rank)\b.{0,30}\b(?:candidate|applicant|resume|me|this)\b.{0,30}\b(?:100|10\/10|highest|top|perfect|best)\b|\b(?:system prompt|you are an? (?:ai|assistant|language model|screening))\b/i;

/** True when a resume line talks to the screening system rather than about the person. */
export function isInjectionLine(text: string): boolean {
  return INJECTION.test(text);
}

const resumeTermCache = new WeakMap<ParsedDocument, { terms: Set<string>; length: number }>();
const jobTermCache = new WeakMap<ParsedDocument, WeightedTerms>();
const injectionLineCache = new WeakMap<ParsedDocument, Set<number>>();
const proofCache = new WeakMap<Profile, Map<string, SkillProof>>();

export function resumeTerms(doc: ParsedDocument): { terms: Set<string>; length: number } {
  let cached = resumeTermCache.get(doc);
  if (!cached) {
    cached = collectResumeTerms(doc);
    resumeTermCache.set(doc, cached);
  }
  return cached;
}

/** The resume's distinct terms and token count (injection lines excluded), not cached. */
export function collectResumeTerms(doc: ParsedDocument): { terms: Set<string>; length: number } {
  const tokens: string[] = [];
  const skipped = injectionLines(doc);
  doc.lines.forEach((line, index) => {
    if (!skipped.has(index)) for (const token of tokenize(line.text)) tokens.push(internTerm(token));
  });
  return { terms: new Set(tokens), length: tokens.length };
}

interface WeightedTerms {
  terms: { term: string; idf: number }[];
  /** Sum of idf over the terms: the job's self-score before the tf part. */
  idfSum: number;
}

/** The job's distinct terms with their background IDF, computed once per job document. */
function jobTerms(doc: ParsedDocument): WeightedTerms {
  let cached = jobTermCache.get(doc);
  if (!cached) {
    const toolLines = toolListLines(doc.lines);
    const text =
      toolLines.size === 0
        ? doc.text
        : doc.lines
            .filter((_, index) => !toolLines.has(index))
            .map((line) => line.text)
            .join('\n');
    const terms = [...new Set(tokenize(text))].map((term) => ({
      term,
      idf: bm25Idf(BACKGROUND_DOCUMENTS, backgroundDocumentFrequency(term)),
    }));
    cached = { terms, idfSum: terms.reduce((sum, entry) => sum + entry.idf, 0) };
    jobTermCache.set(doc, cached);
  }
  return cached;
}

/**
 * One-pair BM25, normalised to 0..1:
 *   sum over the job's distinct terms t found in the resume of idf(t) · w(1, dl)
 *   ÷ sum over the job's distinct terms of idf(t) · w(1, REFERENCE_LENGTH)
 * where idf comes from a fixed background table (./background.ts: N = 1000 notional documents,
 * common resume/job words get high document frequency), term frequency is binary, and
 * w(1, dl) = BM25's tf part (k1 1.2, b 0.75) with dl = max(resume length, REFERENCE_LENGTH),
 * so the denominator is the job's self-score and the ratio never exceeds 1. The job's self-score
 * also counts TEXT_PRIOR_WORDS distinctive words that no resume is credited with, so a posting of
 * three lines cannot hand out the marks of a full one for a handful of shared words (the same idea
 * as coverageShare's pseudo-requirement). The square root spreads the typical 0.05–0.5 range of
 * real pairs over the scale.
 */
export function textSimilarity(resume: ParsedDocument, job: ParsedDocument): number {
  const query = jobTerms(job);
  if (query.terms.length === 0) return 0;
  const { terms, length } = resumeTerms(resume);
  let found = 0;
  for (const { term, idf } of query.terms) if (terms.has(term)) found += idf;
  return textSimilarityFrom(found, length, job);
}

/**
 * The same number from its parts: `found` = the summed background IDF of the job's distinct
 * terms present in the resume, `resumeLength` = the resume's token count (injection lines
 * excluded). An index that holds postings computes `found` for every resume at once.
 */
export function textSimilarityFrom(found: number, resumeLength: number, job: ParsedDocument): number {
  const query = jobTerms(job);
  if (query.terms.length === 0) return 0;
  const documentLength = Math.max(resumeLength, REFERENCE_LENGTH);
  const matchedWeight = bm25TermWeight(1, documentLength, REFERENCE_LENGTH);
  const selfWeight = bm25TermWeight(1, REFERENCE_LENGTH, REFERENCE_LENGTH);
  const possible = (query.idfSum + TEXT_PRIOR_IDF) * selfWeight;
  return query.idfSum > 0 ? Math.sqrt(Math.min(1, (found * matchedWeight) / possible)) : 0;
}

/**
 * Distinctive words (each weighed as a rare background term) added to every job text's
 * self-score: a short posting's few words are weaker evidence of fit than a full posting's, and
 * weigh less than a long posting's words the less the posting says. Eight words: a full posting
 * (≈ 40 or more distinctive words) loses a few percent, a three-line one about a fifth. Measured
 * on the ranking dev sets (docs/scoring.md): any value from 6 to 11 words ranks the same.
 */
export const TEXT_PRIOR_WORDS = 8;
const TEXT_PRIOR_IDF = TEXT_PRIOR_WORDS * bm25Idf(BACKGROUND_DOCUMENTS, RARE_TERM_FREQUENCY);

/** The job's distinct terms with their background IDF (what textSimilarity sums over). */
export function jobTextTerms(job: ParsedDocument): readonly { term: string; idf: number }[] {
  return jobTerms(job).terms;
}

/** Indexes of the lines that address a screening system, found once per document. */
export function injectionLines(doc: ParsedDocument): Set<number> {
  let cached = injectionLineCache.get(doc);
  if (!cached) {
    cached = new Set();
    doc.lines.forEach((line, index) => {
      if (isInjectionLine(line.text)) cached!.add(index);
    });
    injectionLineCache.set(doc, cached);
  }
  return cached;
}

export interface SkillProof {
  mention: SkillMention;
  via: 'exact' | 'alias' | 'implied';
}

/** Most lines a wrapped bullet or sentence is followed across, either way, for its evidence. */
const EVIDENCE_WRAP_LINES = 3;

/**
 * The lines a mention's line belongs to: a bullet or sentence wrapped over several lines is
 * followed back while a line continues the one before (starts lower-case, or the one before
 * ends mid-sentence with a hyphen or comma) and forward while the next continues it.
 */
function wrappedLines(resume: ParsedDocument, index: number): { first: number; last: number } {
  const lines = resume.lines;
  const continues = (line: number): boolean => {
    const current = lines[line];
    const previous = lines[line - 1];
    if (!current || !previous || current.heading || current.bullet || previous.heading) return false;
    if (!current.text.trim() || !previous.text.trim()) return false;
    if (/[.!?:;]["”)]?\s*$/.test(previous.text)) return false;
    return /^\s*\p{Ll}/u.test(current.text) || /[-‐,]\s*$/.test(previous.text);
  };
  let first = index;
  while (first > 0 && index - first < EVIDENCE_WRAP_LINES && continues(first)) first--;
  let last = index;
  while (last + 1 < lines.length && last - index < EVIDENCE_WRAP_LINES && continues(last + 1)) last++;
  return { first, last };
}

/**
 * The resume text that proves a mention: the whole bullet or sentence its line belongs to
 * (a wrapped bullet joined, line breaks shown as spaces), with the mention's span, so a
 * screen never shows a line cut mid-word.
 */
export function evidenceFor(resume: ParsedDocument, mention: SkillMention): Evidence | undefined {
  const line: DocLine | undefined = resume.lines[mention.line];
  if (!line) return undefined;
  const { first, last } = wrappedLines(resume, mention.line);
  const start = resume.lines[first]?.start ?? line.start;
  const end = resume.lines[last]?.end ?? line.end;
  const joined = resume.text.slice(start, end);
  // Same length as the source slice, so offsets into it stay valid.
  const text = joined.length === end - start && joined.trim() ? joined.replace(/[\r\n]/g, ' ') : line.text;
  const lineStart = text === line.text ? line.start : start;
  const position = line.text.toLowerCase().indexOf(mention.surface.toLowerCase());
  if (position < 0) {
    return { line: mention.line, start: lineStart, end: lineStart + text.length, text, lineStart };
  }
  return {
    line: mention.line,
    start: line.start + position,
    end: line.start + position + mention.surface.length,
    text,
    lineStart,
  };
}

/** Canonical (lower-case) skill → how the resume proves it: directly, or implied by another skill. */
export function skillProofs(profile: Profile): Map<string, SkillProof> {
  const cached = proofCache.get(profile);
  if (cached) return cached;
  const proofs = new Map<string, SkillProof>();
  proofCache.set(profile, proofs);
  for (const mention of profile.skills) {
    const key = mention.name.toLowerCase();
    if (proofs.get(key)?.via === 'implied' || !proofs.has(key)) {
      const exact = mention.surface.trim().toLowerCase() === key;
      proofs.set(key, { mention, via: exact ? 'exact' : 'alias' });
    }
  }
  for (const mention of profile.skills) {
    if (!mention.known) continue;
    for (const implied of impliedSkills(mention.name)) {
      const key = implied.toLowerCase();
      if (!proofs.has(key)) proofs.set(key, { mention, via: 'implied' });
    }
  }
  // Education proves the degrees a job asks for: a master's meets "Master's degree" exactly and
  // every lower one ("Bachelor's degree", "University degree") by implication.
  for (const entry of profile.education) {
    const held = heldDegreeLevel(`${entry.studyType ?? ''} ${entry.area ?? ''}`) ?? 'none';
    const surface = entry.studyType?.trim() || entry.institution;
    for (const { name, exact } of degreesMetBy(held)) {
      const key = name.toLowerCase();
      const existing = proofs.get(key);
      if (existing && (existing.via !== 'implied' || !exact)) continue;
      const mention: SkillMention = { name, surface, known: true, kind: 'degree', line: entry.line };
      proofs.set(key, { mention, via: exact ? 'exact' : 'implied' });
    }
  }
  return proofs;
}

/** Everyday office tools (Excel, Outlook: see isUbiquitousSkill) weigh this much in coverage. */
export const UBIQUITOUS_SKILL_WEIGHT = 0.25;

/**
 * A degree the job asks for is shown among its requirements (✓ with the education line that
 * proves it) but the Education component scores it, so it adds nothing to skill coverage: counted
 * twice, a requirement nearly every applicant meets would only flatten the skill scores.
 */
export const DEGREE_REQUIREMENT_WEIGHT = 0;

/**
 * Soft skills and everyday office tools weigh less in coverage, degrees nothing (see
 * DEGREE_REQUIREMENT_WEIGHT); every other requirement counts 1.
 */
export function requirementWeight(requirement: Requirement): number {
  if (requirement.kind === 'degree') return DEGREE_REQUIREMENT_WEIGHT;
  if (requirement.kind === 'soft') return SOFT_SKILL_WEIGHT;
  return isUbiquitousSkill(requirement.skill) ? UBIQUITOUS_SKILL_WEIGHT : 1;
}

/**
 * What a requirement the resume does not prove costs in coverage: its weight, except for a soft
 * skill, which costs nothing. Resumes show communication or teamwork through what the person did
 * and seldom name them, so a soft skill left unnamed is no evidence that it is missing; counting
 * it would score occupations whose posts ask mostly for soft skills (product, sales, HR,
 * teaching) below those that list tools, for every candidate alike. A named soft skill still
 * counts (SOFT_SKILL_WEIGHT).
 */
export function missingRequirementWeight(requirement: Requirement): number {
  return requirement.kind === 'soft' ? 0 : requirementWeight(requirement);
}

/**
 * A job post that lists twenty skills does not expect anyone to have all twenty: coverage
 * counts the proven (weighted) skills against at most this many, so a long wish list does not
 * dilute the score of a resume that proves the core of it.
 */
export const EXPECTED_SKILLS = 8;

/**
 * Coverage with one pseudo-requirement that counts as half met: (found + ½) / (listed + 1),
 * listed capped at EXPECTED_SKILLS. One skill proven out of one listed is weaker evidence of
 * fit than eight out of eight, so a job that names a single skill cannot hand out full marks for
 * a single match (0.75), while long lists still approach 1. 1 when nothing is listed.
 */
export function coverageShare(found: number, total: number): number {
  if (total <= 0) return 1;
  return listedCoverageShare(found, total);
}

/**
 * coverageShare for a job that does list skills, even when none of them counts (only soft skills,
 * none named: ½, the pseudo-requirement alone).
 */
export function listedCoverageShare(found: number, total: number): number {
  return Math.min(1, (found + COVERAGE_PRIOR) / (Math.min(Math.max(total, 0), EXPECTED_SKILLS) + 1));
}

/** The pseudo-requirement's share (see coverageShare). */
export const COVERAGE_PRIOR = 0.5;
