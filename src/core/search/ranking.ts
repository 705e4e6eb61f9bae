/**
 * Ranking: one job against every resume (recruiter) or one resume against every job (job
 * seeker), scored with the one scorer (scoreSummary for the order, scoreMatch for the rows shown)
 * over a LibraryIndex. Pure core: SearchService caches the ordered ids these return.
 */
import {
  ROW_HIDDEN_LINE_CHARS,
  ROW_HIDDEN_LINES,
  type RankRow,
  type RowEvidence,
} from '../contracts/search-api';
import type { MatchResult, Profile, RequirementResult } from '../domain';
import {
  jobTextTerms,
  prepareJob,
  prepareResume,
  scoreSummary,
  textSimilarityFrom,
  type ScoreInput,
  type SemanticInput,
  type ScoreSummary,
} from '../score';
import { expectedYears } from '../score/components';
import { passesFilters, type RankFilters, type RankSort } from './filters';
import type { JobEntry, LibraryIndex, ResumeEntry } from './library-index';
import { tokenize } from './tokenize';

/** What a ranking reads: the index, and the embedding model whose vectors take part (if any). */
export interface RankScope {
  index: LibraryIndex;
  modelId: string | undefined;
}

/** The value a row is sorted by. */
function sortKey(
  sort: RankSort,
  name: string,
  summary: ScoreSummary,
  years: number,
  location: string | undefined,
): number | string {
  switch (sort.key) {
    case 'score':
      return summary.rawScore;
    case 'name':
      return name.toLowerCase();
    case 'years':
      return years;
    case 'location':
      return (location ?? '').toLowerCase();
    default:
      return summary.components[sort.key] ?? -1;
  }
}

/**
 * Candidates collected while a ranking is computed, in parallel arrays rather than one object
 * each: ranking 10,000 resumes then leaves almost nothing for the garbage collector.
 */
class SortBuffer {
  readonly ids: string[] = [];
  readonly names: string[] = [];
  readonly raw: number[] = [];
  readonly keys: (number | string)[] = [];

  push(id: string, name: string, rawScore: number, key: number | string): void {
    this.ids.push(id);
    this.names.push(name);
    this.raw.push(rawScore);
    this.keys.push(key);
  }

  /** Orders by the sort key; ties: better score first, then name, then id (never insertion order). */
  sortedIds(sort: RankSort): string[] {
    const { ids, names, raw, keys } = this;
    const sign = sort.direction === 'asc' ? 1 : -1;
    const order = Uint32Array.from(ids.keys());
    order.sort((x, y) => {
      const left = keys[x]!;
      const right = keys[y]!;
      if (left !== right) return sign * (left < right ? -1 : 1);
      if (raw[x] !== raw[y]) return raw[y]! - raw[x]!;
      if (names[x] !== names[y]) return names[x]! < names[y]! ? -1 : 1;
      return ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0;
    });
    return Array.from(order, (index) => ids[index]!);
  }
}

/** Placeholder until the first resume is set on a reused ScoreInput. */
const EMPTY_PROFILE: Profile = {
  basics: { profiles: [] },
  work: [],
  education: [],
  skills: [],
  projects: [],
  certificates: [],
  languages: [],
  sections: [],
  totalYears: 0,
  provenance: {},
  confidence: 0,
  warnings: [],
};

/** The years a job expects (0 when it says nothing). */
export function jobYears(job: JobEntry): number {
  return expectedYears(job.spec) ?? 0;
}

/** Where a job is: "Remote" and/or its place. */
export function jobPlace(job: JobEntry): string | undefined {
  const place = [job.spec.remote ? 'Remote' : '', job.spec.location ?? ''].filter(Boolean).join(' · ');
  return place || undefined;
}

function rowEvidence(requirements: RequirementResult[]): RowEvidence | undefined {
  for (const requirement of requirements) {
    const evidence = requirement.evidence;
    if (!requirement.matched || !evidence) continue;
    const lineStart = evidence.lineStart ?? evidence.start;
    return {
      skill: requirement.skill,
      text: evidence.text,
      from: Math.max(0, evidence.start - lineStart),
      to: Math.max(0, evidence.end - lineStart),
    };
  }
  return undefined;
}

/**
 * The pair's vectors for the semantic component: both sides' chunks and, for models calibrated on
 * document vectors, both document vectors (the same numbers the Match screen reads from storage).
 */
function semanticPair(
  modelId: string,
  model: NonNullable<ReturnType<RankScope['index']['model']>>,
  resumeChunks: Float32Array,
  jobChunks: Float32Array,
  resumeId: string,
  jobId: string,
): SemanticInput {
  const semantic: SemanticInput = { modelId, dims: model.dims, resumeChunks, jobChunks };
  const resumeDocument = model.documents.resume.get(resumeId);
  const jobDocument = model.documents.job.get(jobId);
  if (resumeDocument) semantic.resumeDocument = resumeDocument;
  if (jobDocument) semantic.jobDocument = jobDocument;
  return semantic;
}

export function pairInput(
  scope: RankScope,
  resume: ResumeEntry,
  job: JobEntry,
  evidence: boolean,
): ScoreInput {
  const input: ScoreInput = {
    resume: resume.document,
    profile: resume.profile,
    job: job.document,
    spec: job.spec,
    evidence,
  };
  const model = scope.modelId ? scope.index.model(scope.modelId) : undefined;
  const resumeChunks = model?.chunks.get(resume.id);
  const jobChunks = model?.chunks.get(job.id);
  if (model && scope.modelId && resumeChunks && jobChunks) {
    input.semantic = semanticPair(scope.modelId, model, resumeChunks, jobChunks, resume.id, job.id);
  }
  return input;
}

export function rankJobIds(scope: RankScope, jobId: string, filters: RankFilters, sort: RankSort): string[] {
  const job = scope.index.jobs.get(jobId);
  if (!job) return [];
  const textMatches = filters.text ? scope.index.resumesWithAllWords(filters.text) : undefined;
  const only = filters.ids ? new Set(filters.ids) : undefined;
  // The text component for every resume at once, from the postings (same sum, same formula).
  const text = scope.index.text;
  const found = text.presenceSums(jobTextTerms(job.document));
  const items = new SortBuffer();
  const model = scope.modelId ? scope.index.model(scope.modelId) : undefined;
  const jobChunks = model?.chunks.get(job.id);
  // One input object reused for every resume: ranking 10,000 allocates as little as it can.
  const input: ScoreInput = {
    resume: job.document,
    profile: EMPTY_PROFILE,
    job: job.document,
    spec: job.spec,
    evidence: false,
    preparedJob: prepareJob(job.spec),
  };
  for (const resume of scope.index.resumes.values()) {
    if (textMatches && !textMatches.has(resume.id)) continue;
    if (only && !only.has(resume.id)) continue;
    if (!passesFilters(resume, filters)) continue;
    input.resume = resume.document;
    input.profile = resume.profile;
    input.preparedResume = resume.prepared ??= prepareResume(resume.document, resume.profile);
    if (model && scope.modelId && jobChunks) {
      // Assign, never delete: deleting a property would turn the reused object into a slow one.
      const resumeChunks = model.chunks.get(resume.id);
      input.semantic = resumeChunks
        ? semanticPair(scope.modelId, model, resumeChunks, jobChunks, resume.id, job.id)
        : undefined;
    }
    input.textSimilarity = textSimilarityFrom(
      found[text.slotFor(resume.id)] ?? 0,
      text.lengthOf(resume.id),
      job.document,
    );
    const summary = scoreSummary(input);
    items.push(
      resume.id,
      resume.name,
      summary.rawScore,
      sortKey(sort, resume.name, summary, resume.years, resume.location),
    );
  }
  return items.sortedIds(sort);
}

export function rankResumeIds(
  scope: RankScope,
  resumeId: string,
  filters: RankFilters,
  sort: RankSort,
): string[] {
  const resume = scope.index.resumes.get(resumeId);
  if (!resume) return [];
  const items = new SortBuffer();
  const words = filters.text ? tokenize(filters.text) : [];
  const only = filters.ids ? new Set(filters.ids) : undefined;
  for (const job of scope.index.jobs.values()) {
    if (only && !only.has(job.id)) continue;
    // For jobs the filters read the job's side: its skills, expected years, place and text.
    const wanted = filters.mustHave ?? [];
    if (wanted.length > 0) {
      const jobSkills = new Set(
        [...job.spec.required, ...job.spec.preferred].map((r) => r.skill.toLowerCase()),
      );
      const has = (skill: string) => jobSkills.has(skill);
      if (filters.mustHaveMode === 'any' ? !wanted.some(has) : !wanted.every(has)) continue;
    }
    const years = jobYears(job);
    if (filters.minYears !== undefined && years < filters.minYears) continue;
    if (filters.maxYears !== undefined && years > filters.maxYears) continue;
    const place = jobPlace(job);
    if (filters.location && !(place ?? '').toLowerCase().includes(filters.location)) continue;
    if (words.length > 0) {
      const jobWords = new Set(tokenize(job.document.text));
      if (!words.every((word) => jobWords.has(word))) continue;
    }
    const summary = scoreSummary(pairInput(scope, resume, job, false));
    items.push(job.id, job.title, summary.rawScore, sortKey(sort, job.title, summary, years, place));
  }
  return items.sortedIds(sort);
}

export function rankRow(
  id: string,
  name: string,
  rank: number,
  result: MatchResult,
  years: number,
  location: string | undefined,
  hiddenLines: readonly string[] = [],
): RankRow {
  const evidence = rowEvidence(result.requirements);
  return {
    id,
    rank,
    name,
    score: result.score,
    rawScore: result.rawScore ?? result.score / 100,
    mode: result.mode,
    ...(result.semanticModel ? { semanticModel: result.semanticModel } : {}),
    components: result.components,
    weights: result.weights,
    years,
    ...(location ? { location } : {}),
    ...(evidence ? { topEvidence: evidence } : {}),
    missing: result.requirements
      .filter((requirement) => requirement.importance === 'required' && !requirement.matched)
      .map((requirement) => requirement.skill),
    matchedCount: result.matchedSkills.length,
    requirementCount: result.requirements.length,
    // Only the page's rows carry these, from the document the index already holds.
    ...(hiddenLines.length > 0
      ? {
          hiddenLineCount: hiddenLines.length,
          hiddenLines: hiddenLines
            .slice(0, ROW_HIDDEN_LINES)
            .map((line) =>
              line.length > ROW_HIDDEN_LINE_CHARS ? `${line.slice(0, ROW_HIDDEN_LINE_CHARS - 1)}…` : line,
            ),
        }
      : {}),
  };
}
