/**
 * What the Match screen shows beside the score, from one match result (plain TS, unit-tested):
 * the keyword table (each skill the job asks for: how often the job names it, whether the resume
 * proves it, hard or soft), the missing keywords to copy, and the job and resume texts cut into
 * segments with the skills marked. Texts are untrusted: the screen renders segments as text nodes.
 */
import type { JobSpec, MatchResult, Requirement } from '../core/domain';

/** What these read of a match: its requirement rows (✓ / ✗ and the resume's evidence). */
type Checked = Pick<MatchResult, 'requirements'>;

/** The score to aim for: the floor of the "strong" band (checked against bandFor in a unit test). */
export const TARGET_SCORE = 75;

export type SkillMark = 'matched' | 'missing';

export interface KeywordRow {
  skill: string;
  importance: 'required' | 'preferred';
  /** How often the job's text names it (as the job writes it, or by its canonical name); at least 1. */
  inJob: number;
  /** The resume proves it (the scorer's verdict, the same as the score's). */
  inResume: boolean;
  kind: 'hard' | 'soft';
}

export interface Segment {
  text: string;
  /** Set on a marked span: the requirement it is, and whether the resume has it. */
  mark?: SkillMark;
  skill?: string;
}

interface Span {
  start: number;
  end: number;
  mark: SkillMark;
  skill: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive occurrences of any of `terms` ("C++" and "Node.js" included). */
function occurrences(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const wanted = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))];
  if (wanted.length === 0) return [];
  // Longest first, so "Machine Learning" wins over "Learning" at the same place.
  wanted.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(pattern)) {
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The job's requirements (required first), one per skill. */
function requirementsOf(spec: JobSpec): { requirement: Requirement; importance: KeywordRow['importance'] }[] {
  const seen = new Set<string>();
  const list: { requirement: Requirement; importance: KeywordRow['importance'] }[] = [];
  for (const [importance, requirements] of [
    ['required', spec.required],
    ['preferred', spec.preferred],
  ] as const) {
    for (const requirement of requirements) {
      if (seen.has(requirement.skill)) continue;
      seen.add(requirement.skill);
      list.push({ requirement, importance });
    }
  }
  return list;
}

export function keywordRows(result: Checked, spec: JobSpec, jobText: string): KeywordRow[] {
  const proven = new Map(result.requirements.map((requirement) => [requirement.skill, requirement.matched]));
  return requirementsOf(spec).map(({ requirement, importance }) => ({
    skill: requirement.skill,
    importance,
    inJob: Math.max(1, occurrences(jobText, [requirement.surface, requirement.skill]).length),
    inResume: proven.get(requirement.skill) ?? false,
    kind: requirement.kind === 'soft' ? 'soft' : 'hard',
  }));
}

/** The skills the resume does not prove, required first, as the result orders them. */
export function missingKeywords(result: Checked): string[] {
  return result.requirements
    .filter((requirement) => !requirement.matched)
    .map((requirement) => requirement.skill);
}

/** Cuts `text` into plain and marked segments; overlapping spans keep the one that starts first. */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const ordered = [...spans]
    .filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Segment[] = [];
  let at = 0;
  for (const span of ordered) {
    if (span.start < at) continue;
    if (span.start > at) result.push({ text: text.slice(at, span.start) });
    result.push({ text: text.slice(span.start, span.end), mark: span.mark, skill: span.skill });
    at = span.end;
  }
  if (at < text.length) result.push({ text: text.slice(at) });
  return result;
}

/** The job's text with every requirement it names marked: matched (the resume proves it) or missing. */
export function jobSegments(result: Checked, spec: JobSpec, jobText: string): Segment[] {
  const proven = new Map(result.requirements.map((requirement) => [requirement.skill, requirement.matched]));
  const spans: Span[] = [];
  for (const { requirement } of requirementsOf(spec)) {
    const mark: SkillMark = proven.get(requirement.skill) ? 'matched' : 'missing';
    for (const found of occurrences(jobText, [requirement.surface, requirement.skill])) {
      spans.push({ ...found, mark, skill: requirement.skill });
    }
  }
  return segments(jobText, spans);
}

/** The resume's text with the evidence of every matched requirement marked. */
export function resumeSegments(result: Checked, resumeText: string): Segment[] {
  const spans: Span[] = [];
  for (const requirement of result.requirements) {
    const evidence = requirement.evidence;
    // Offsets into the document's text (segments drops any that fall outside it).
    if (!requirement.matched || !evidence) continue;
    spans.push({ start: evidence.start, end: evidence.end, mark: 'matched', skill: requirement.skill });
  }
  return segments(resumeText, spans);
}
