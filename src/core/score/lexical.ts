/**
 * Lexical resume ↔ job scoring (no model): weighted coverage of the job's required and
 * preferred skills plus a normalised BM25 text similarity. Every requirement gets a result with
 * the resume line that proves it. Pure and deterministic: the same inputs always give the same
 * number, and the version string changes whenever the formula does (stored matches are keyed
 * by it).
 *
 * Robustness rules, each covered by a test:
 * - a skill counts once however often it is written (coverage works on sets);
 * - the text part uses binary term frequency and only ever penalises length, so repeating a
 *   word cannot raise it;
 * - lines that address an AI/screening system ("ignore previous instructions...") are dropped
 *   from the resume text before scoring, so they cannot add matching words.
 */
import type {
  DocLine,
  Evidence,
  JobSpec,
  MatchBand,
  MatchComponents,
  MatchResult,
  ParsedDocument,
  Profile,
  Requirement,
  RequirementResult,
  SkillMention,
} from '../domain';
import { bm25Idf, bm25TermWeight } from '../search/bm25';
import { tokenize } from '../search/tokenize';
import { impliedSkills } from '../taxonomy';
import { backgroundDocumentFrequency, BACKGROUND_DOCUMENTS } from './background';

export const SCORER_VERSION = 'lexical-1.0.0';

/** Default weights (sum to 1). A job with no required (or preferred) skills moves that weight to text. */
export const LEXICAL_WEIGHTS: Readonly<MatchComponents> = {
  requiredSkills: 0.55,
  preferredSkills: 0.15,
  text: 0.3,
};

/** Typical resume length in tokens; shorter resumes are not boosted, longer ones are damped. */
const REFERENCE_LENGTH = 400;
/** Soft skills ("communication") count half: nearly every resume claims them. */
const SOFT_SKILL_WEIGHT = 0.5;

const INJECTION =
  /\b(?:ignore|disregard|forget)\b.{0,40}\b(?:instructions?|prompts?|rules|above|previous)\b|\b(?:rate|score|rank)\b.{0,30}\b(?:candidate|applicant|resume|me|this)\b.{0,30}\b(?:100|10\/10|highest|top|perfect|best)\b|\b(?:system prompt|you are an? (?:ai|assistant|language model|screening))\b/i;

export interface ScoreInput {
  resume: ParsedDocument;
  profile: Profile;
  job: ParsedDocument;
  spec: JobSpec;
}

/** True when a resume line talks to the screening system rather than about the person. */
export function isInjectionLine(text: string): boolean {
  return INJECTION.test(text);
}

const resumeTermCache = new WeakMap<ParsedDocument, { terms: Set<string>; length: number }>();
const jobTermCache = new WeakMap<ParsedDocument, string[]>();

function resumeTerms(doc: ParsedDocument): { terms: Set<string>; length: number } {
  let cached = resumeTermCache.get(doc);
  if (!cached) {
    const tokens: string[] = [];
    for (const line of doc.lines) {
      if (!isInjectionLine(line.text)) tokens.push(...tokenize(line.text));
    }
    cached = { terms: new Set(tokens), length: tokens.length };
    resumeTermCache.set(doc, cached);
  }
  return cached;
}

function jobTerms(doc: ParsedDocument): string[] {
  let cached = jobTermCache.get(doc);
  if (!cached) {
    cached = [...new Set(tokenize(doc.text))];
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
 * so the denominator is the job's self-score and the ratio never exceeds 1. The square root
 * spreads the typical 0.05–0.5 range of real pairs over the scale.
 */
export function textSimilarity(resume: ParsedDocument, job: ParsedDocument): number {
  const queryTerms = jobTerms(job);
  if (queryTerms.length === 0) return 0;
  const { terms, length } = resumeTerms(resume);
  const documentLength = Math.max(length, REFERENCE_LENGTH);
  const matchedWeight = bm25TermWeight(1, documentLength, REFERENCE_LENGTH);
  const selfWeight = bm25TermWeight(1, REFERENCE_LENGTH, REFERENCE_LENGTH);
  let found = 0;
  let possible = 0;
  for (const term of queryTerms) {
    const idf = bm25Idf(BACKGROUND_DOCUMENTS, backgroundDocumentFrequency(term));
    possible += idf * selfWeight;
    if (terms.has(term)) found += idf * matchedWeight;
  }
  return possible > 0 ? Math.sqrt(Math.min(1, found / possible)) : 0;
}

interface SkillProof {
  mention: SkillMention;
  via: 'exact' | 'alias' | 'implied';
}

function evidenceFor(resume: ParsedDocument, mention: SkillMention): Evidence | undefined {
  const line: DocLine | undefined = resume.lines[mention.line];
  if (!line) return undefined;
  const position = line.text.toLowerCase().indexOf(mention.surface.toLowerCase());
  if (position < 0) return { line: mention.line, start: line.start, end: line.end, text: line.text };
  return {
    line: mention.line,
    start: line.start + position,
    end: line.start + position + mention.surface.length,
    text: line.text,
  };
}

/** Canonical (lower-case) skill → how the resume proves it: directly, or implied by another skill. */
function skillProofs(profile: Profile): Map<string, SkillProof> {
  const proofs = new Map<string, SkillProof>();
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
  return proofs;
}

function requirementWeight(requirement: Requirement): number {
  return requirement.kind === 'soft' ? SOFT_SKILL_WEIGHT : 1;
}

function coverage(results: RequirementResult[], requirements: Requirement[]): number {
  if (requirements.length === 0) return 1;
  let total = 0;
  let matched = 0;
  requirements.forEach((requirement, index) => {
    const weight = requirementWeight(requirement);
    total += weight;
    if (results[index]?.matched) matched += weight;
  });
  return total > 0 ? matched / total : 1;
}

export function bandFor(score: number): MatchBand {
  if (score >= 75) return 'strong';
  if (score >= 55) return 'good';
  if (score >= 35) return 'partial';
  return 'weak';
}

function effectiveWeights(spec: JobSpec): MatchComponents {
  const weights = { ...LEXICAL_WEIGHTS };
  if (spec.required.length === 0) {
    weights.text += weights.requiredSkills;
    weights.requiredSkills = 0;
  }
  if (spec.preferred.length === 0) {
    weights.text += weights.preferredSkills;
    weights.preferredSkills = 0;
  }
  return weights;
}

/** Scores one resume against one job. */
export function scoreMatch(input: ScoreInput): MatchResult {
  const { resume, profile, job, spec } = input;
  const proofs = skillProofs(profile);
  const judge = (requirement: Requirement, importance: 'required' | 'preferred'): RequirementResult => {
    const proof = proofs.get(requirement.skill.toLowerCase());
    if (!proof) return { skill: requirement.skill, importance, matched: false };
    return {
      skill: requirement.skill,
      importance,
      matched: true,
      via: proof.via,
      evidence: evidenceFor(resume, proof.mention),
    };
  };
  const requiredResults = spec.required.map((requirement) => judge(requirement, 'required'));
  const preferredResults = spec.preferred.map((requirement) => judge(requirement, 'preferred'));
  const components: MatchComponents = {
    requiredSkills: coverage(requiredResults, spec.required),
    preferredSkills: coverage(preferredResults, spec.preferred),
    text: textSimilarity(resume, job),
  };
  const weights = effectiveWeights(spec);
  const raw =
    weights.requiredSkills * components.requiredSkills +
    weights.preferredSkills * components.preferredSkills +
    weights.text * components.text;
  const score = Math.max(0, Math.min(100, Math.round(raw * 100)));
  const requirements = [...requiredResults, ...preferredResults];
  return {
    score,
    band: bandFor(score),
    mode: 'lexical',
    components,
    weights,
    requirements,
    matchedSkills: requirements.filter((result) => result.matched).map((result) => result.skill),
    missingSkills: requirements.filter((result) => !result.matched).map((result) => result.skill),
  };
}
