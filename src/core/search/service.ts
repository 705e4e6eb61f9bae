/**
 * Queries over a LibraryIndex with a result cache in front (pure core; the search worker and the
 * Node bench both use this class). Every answer is computed in full once (every candidate
 * scored, filtered and sorted), stored in the one LRU cache under the normalised request, and
 * served page by page from there. The cache's version is the index's data version, so any add,
 * update or delete empties it; concurrent identical requests share one computation.
 */
import { LruCache, cacheKey } from '../cache';
import type {
  PageRequest,
  QueryVector,
  RankPage,
  RankRow,
  RowEvidence,
  SearchHit,
  SearchPage,
} from '../contracts/search-api';
import { MAX_PAGE_SIZE } from '../contracts/search-api';
import type { MatchResult, Profile, RequirementResult } from '../domain';
import {
  jobTextTerms,
  prepareJob,
  prepareResume,
  scoreMatch,
  scoreSummary,
  textSimilarityFrom,
  type ScoreInput,
  type ScoreSummary,
} from '../score';
import { expectedYears } from '../score/components';
import { DEFAULT_SORT, normaliseFilters, passesFilters, type RankFilters, type RankSort } from './filters';
import { reciprocalRankFusion } from './fusion';
import type { JobEntry, LibraryIndex, ResumeEntry } from './library-index';
import { tokenize } from './tokenize';
import { topK } from './vector-store';

/** Rough size of one cached row (an id reference, or a small hit object). */
const ENTRY_BYTES = 64;

/** How many hits each half of hybrid search contributes before fusion. */
const FUSION_DEPTH = 200;

/** A cached hit: just enough to rebuild the full SearchHit for the page shown. */
interface HitEntry {
  id: string;
  score: number;
  textRank?: number;
  vectorRank?: number;
}

interface CachedHits {
  hits: HitEntry[];
  mode: SearchPage['mode'];
  /** Query words, for the snippets added to the hits of the page shown. */
  words?: string[];
}

/** A ranking is cached as its ordered ids; the rows of a page are rebuilt from the index. */
type CachedValue = string[] | CachedHits;

export interface SearchServiceOptions {
  cacheEntries?: number;
  cacheBytes?: number;
  ttlMs?: number;
  /** Injected clock (tests). */
  now?: () => number;
}

/** Clamps a page request to 0 ≤ offset and 1 ≤ limit ≤ MAX_PAGE_SIZE. */
export function clampPage(page: PageRequest): PageRequest {
  const offset = Math.max(0, Math.floor(Number.isFinite(page.offset) ? page.offset : 0));
  const limit = Math.max(
    1,
    Math.min(MAX_PAGE_SIZE, Math.floor(Number.isFinite(page.limit) ? page.limit : 50)),
  );
  return { offset, limit };
}

/** Lower-case, single-spaced, trimmed: "  Python   DJANGO" and "python django" are one query. */
export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
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
function jobYears(job: JobEntry): number {
  return expectedYears(job.spec) ?? 0;
}

/** Where a job is: "Remote" and/or its place. */
function jobPlace(job: JobEntry): string | undefined {
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

export class SearchService {
  readonly index: LibraryIndex;
  readonly cache: LruCache<string, CachedValue>;
  /** The embedding model whose vectors take part in scores and search (none: lexical only). */
  #modelId: string | undefined;

  constructor(index: LibraryIndex, options: SearchServiceOptions = {}) {
    this.index = index;
    this.cache = new LruCache<string, CachedValue>({
      name: 'search',
      maxEntries: options.cacheEntries ?? 200,
      ttlMs: options.ttlMs ?? 10 * 60_000,
      // A ranking of 10,000 resumes is a few megabytes; bound the whole cache, not just the count.
      maxBytes: options.cacheBytes ?? 64 * 1024 * 1024,
      sizeOf: (value) => (Array.isArray(value) ? value.length : value.hits.length) * ENTRY_BYTES,
      ...(options.now ? { now: options.now } : {}),
      version: index.version,
    });
  }

  get modelId(): string | undefined {
    return this.#modelId;
  }

  /** Chooses the embedding model used for semantic scores and vector search. */
  setModel(modelId: string | undefined): void {
    if (modelId === this.#modelId) return;
    this.#modelId = modelId;
    this.cache.clear();
  }

  /** One job against every resume (recruiter view). */
  async rankJob(
    jobId: string,
    filters: RankFilters = {},
    sort: RankSort = DEFAULT_SORT,
    page: PageRequest = { offset: 0, limit: 50 },
  ): Promise<RankPage> {
    const started = performance.now();
    const normal = normaliseFilters(filters);
    const key = cacheKey('rankJob', jobId, normal, sort, this.#modelId ?? '');
    const { value, fromCache } = await this.#cached(key, () => this.#rankJob(jobId, normal, sort));
    const job = this.index.jobs.get(jobId);
    return this.#page(value as string[], page, fromCache, started, (id, rank) => {
      const resume = this.index.resumes.get(id);
      if (!job || !resume) return undefined;
      const result = scoreMatch(this.#pairInput(resume, job, true));
      return this.#row(id, resume.name, rank, result, resume.years, resume.location);
    });
  }

  /** One resume against every job (job-seeker view). */
  async rankResume(
    resumeId: string,
    filters: RankFilters = {},
    sort: RankSort = DEFAULT_SORT,
    page: PageRequest = { offset: 0, limit: 50 },
  ): Promise<RankPage> {
    const started = performance.now();
    const normal = normaliseFilters(filters);
    const key = cacheKey('rankResume', resumeId, normal, sort, this.#modelId ?? '');
    const { value, fromCache } = await this.#cached(key, () => this.#rankResume(resumeId, normal, sort));
    const resume = this.index.resumes.get(resumeId);
    return this.#page(value as string[], page, fromCache, started, (id, rank) => {
      const job = this.index.jobs.get(id);
      if (!job || !resume) return undefined;
      const result = scoreMatch(this.#pairInput(resume, job, true));
      return this.#row(id, job.title, rank, result, jobYears(job), jobPlace(job));
    });
  }

  /** One page of a ranked id list; rows (with evidence) are scored only for the page shown. */
  #page(
    ids: string[],
    page: PageRequest,
    fromCache: boolean,
    started: number,
    rowFor: (id: string, rank: number) => RankRow | undefined,
  ): RankPage {
    const { offset, limit } = clampPage(page);
    const rows = ids
      .slice(offset, offset + limit)
      .flatMap((id, index) => rowFor(id, offset + index + 1) ?? []);
    return {
      rows,
      total: ids.length,
      offset,
      version: this.index.version,
      fromCache,
      elapsedMs: performance.now() - started,
    };
  }

  /**
   * Free-text candidate search: BM25 over the resumes, fused by reciprocal rank with a vector
   * search when a query vector of the active model is given.
   */
  async search(
    query: string,
    page: PageRequest = { offset: 0, limit: 20 },
    vector?: QueryVector,
  ): Promise<SearchPage> {
    const started = performance.now();
    const normal = normaliseQuery(query);
    const useVector =
      vector !== undefined && vector.modelId === this.#modelId && this.index.model(vector.modelId);
    const key = cacheKey('search', normal, useVector ? vector.modelId : '');
    const { value, fromCache } = await this.#cached(key, () =>
      this.#search(normal, useVector ? vector : undefined),
    );
    return this.#hitPage(value as CachedHits, page, fromCache, started);
  }

  /** Resumes proving the given skills (all or any), most skills first, then by years. */
  async skills(
    skills: string[],
    mode: 'all' | 'any' = 'all',
    page: PageRequest = { offset: 0, limit: 20 },
  ): Promise<SearchPage> {
    const started = performance.now();
    const wanted = [...new Set(skills.map((skill) => skill.trim().toLowerCase()).filter(Boolean))].sort();
    const key = cacheKey('skills', wanted, mode);
    const { value, fromCache } = await this.#cached(key, () => {
      const counts = new Map<string, number>();
      for (const skill of wanted) {
        for (const id of this.index.resumesWithSkill(skill)) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const hits: (HitEntry & { years: number })[] = [];
      for (const [id, count] of counts) {
        if (mode === 'all' && count < wanted.length) continue;
        const resume = this.index.resumes.get(id);
        if (resume) hits.push({ id, score: count / Math.max(1, wanted.length), years: resume.years });
      }
      hits.sort((a, b) => b.score - a.score || b.years - a.years || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return Promise.resolve({ hits, mode: 'text' } satisfies CachedHits);
    });
    return this.#hitPage(value as CachedHits, page, fromCache, started);
  }

  /**
   * Candidates like a chosen one: nearest document vectors of the active model when the resume
   * has one, else the resumes whose text best matches its most distinctive words.
   */
  async similar(resumeId: string, page: PageRequest = { offset: 0, limit: 10 }): Promise<SearchPage> {
    const started = performance.now();
    const key = cacheKey('similar', resumeId, this.#modelId ?? '');
    const { value, fromCache } = await this.#cached(key, () => Promise.resolve(this.#similar(resumeId)));
    return this.#hitPage(value as CachedHits, page, fromCache, started);
  }

  #cached(
    key: string,
    compute: () => Promise<CachedValue>,
  ): Promise<{ value: CachedValue; fromCache: boolean }> {
    this.cache.setVersion(this.index.version);
    let computed = false;
    return this.cache
      .getOrCompute(key, () => {
        computed = true;
        return compute();
      })
      .then((value) => ({ value, fromCache: !computed }));
  }

  #pairInput(resume: ResumeEntry, job: JobEntry, evidence: boolean): ScoreInput {
    const input: ScoreInput = {
      resume: resume.document,
      profile: resume.profile,
      job: job.document,
      spec: job.spec,
      evidence,
    };
    const model = this.#modelId ? this.index.model(this.#modelId) : undefined;
    const resumeChunks = model?.chunks.get(resume.id);
    const jobChunks = model?.chunks.get(job.id);
    if (model && this.#modelId && resumeChunks && jobChunks) {
      input.semantic = { modelId: this.#modelId, dims: model.dims, resumeChunks, jobChunks };
    }
    return input;
  }

  #rankJob(jobId: string, filters: RankFilters, sort: RankSort): Promise<string[]> {
    const job = this.index.jobs.get(jobId);
    if (!job) return Promise.resolve([]);
    const textMatches = filters.text ? this.index.resumesWithAllWords(filters.text) : undefined;
    // The text component for every resume at once, from the postings (same sum, same formula).
    const text = this.index.text;
    const found = text.presenceSums(jobTextTerms(job.document));
    const items = new SortBuffer();
    const model = this.#modelId ? this.index.model(this.#modelId) : undefined;
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
    for (const resume of this.index.resumes.values()) {
      if (textMatches && !textMatches.has(resume.id)) continue;
      if (!passesFilters(resume, filters)) continue;
      input.resume = resume.document;
      input.profile = resume.profile;
      input.preparedResume = resume.prepared ??= prepareResume(resume.document, resume.profile);
      if (model && this.#modelId && jobChunks) {
        // Assign, never delete: deleting a property would turn the reused object into a slow one.
        const resumeChunks = model.chunks.get(resume.id);
        input.semantic = resumeChunks
          ? { modelId: this.#modelId, dims: model.dims, resumeChunks, jobChunks }
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
    return Promise.resolve(items.sortedIds(sort));
  }

  #rankResume(resumeId: string, filters: RankFilters, sort: RankSort): Promise<string[]> {
    const resume = this.index.resumes.get(resumeId);
    if (!resume) return Promise.resolve([]);
    const items = new SortBuffer();
    const words = filters.text ? tokenize(filters.text) : [];
    for (const job of this.index.jobs.values()) {
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
      const summary = scoreSummary(this.#pairInput(resume, job, false));
      items.push(job.id, job.title, summary.rawScore, sortKey(sort, job.title, summary, years, place));
    }
    return Promise.resolve(items.sortedIds(sort));
  }

  #row(
    id: string,
    name: string,
    rank: number,
    result: MatchResult,
    years: number,
    location: string | undefined,
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
    };
  }

  /** The first resume line holding a query word (found only for the hits of a page). */
  #snippet(resume: ResumeEntry, words: readonly string[]): string | undefined {
    if (words.length === 0) return undefined;
    for (const line of resume.document.lines) {
      const lower = line.text.toLowerCase();
      if (words.some((word) => lower.includes(word))) return line.text;
    }
    return undefined;
  }

  #search(query: string, vector: QueryVector | undefined): Promise<CachedHits> {
    const words = tokenize(query);
    const textHits = words.length > 0 ? this.index.text.search(words, FUSION_DEPTH) : [];
    const model = vector ? this.index.model(vector.modelId) : undefined;
    const vectorHits = vector && model ? model.documents.resume.search(vector.vector, FUSION_DEPTH) : [];
    if (vectorHits.length === 0) {
      const hits = textHits.map((hit, index) => ({ id: hit.id, score: hit.score, textRank: index + 1 }));
      return Promise.resolve({ hits, mode: 'text', words });
    }
    const fused = reciprocalRankFusion([textHits.map((hit) => hit.id), vectorHits.map((hit) => hit.id)]);
    const hits = fused.map((entry) => {
      const [textRank, vectorRank] = entry.ranks;
      return {
        id: entry.id,
        score: entry.score,
        ...(textRank !== undefined ? { textRank } : {}),
        ...(vectorRank !== undefined ? { vectorRank } : {}),
      };
    });
    return Promise.resolve({ hits, mode: 'hybrid', words });
  }

  #similar(resumeId: string): CachedHits {
    const resume = this.index.resumes.get(resumeId);
    if (!resume) return { hits: [], mode: 'text' };
    const model = this.#modelId ? this.index.model(this.#modelId) : undefined;
    const vector = model?.documents.resume.get(resumeId);
    if (model && vector) {
      const query = Float32Array.from(vector);
      const hits = model.documents.resume
        .search(query, FUSION_DEPTH, (id) => id !== resumeId)
        .map((hit, index) => ({ id: hit.id, score: hit.score, vectorRank: index + 1 }));
      return { hits, mode: 'hybrid' };
    }
    // No vectors: "more like this" — the resume's 25 most distinctive words as a BM25 query.
    const words = topK(
      this.index.text.termsOf(resumeId).map((term) => ({ term, score: this.index.text.idf(term) })),
      25,
    ).map((entry) => entry.term);
    const hits = this.index.text
      .search(words, FUSION_DEPTH, (id) => id !== resumeId)
      .map((hit, index) => ({ id: hit.id, score: hit.score, textRank: index + 1 }));
    return { hits, mode: 'text' };
  }

  /** The full hits of one page (built only for the rows shown; plain assignments, no spreads). */
  #pageHits(value: CachedHits, offset: number, limit: number): SearchHit[] {
    const hits: SearchHit[] = [];
    const entries = value.hits.slice(offset, offset + limit);
    for (const [index, entry] of entries.entries()) {
      const resume = this.index.resumes.get(entry.id);
      if (!resume) continue;
      const hit: SearchHit = {
        id: entry.id,
        rank: offset + index + 1,
        name: resume.name,
        score: entry.score,
        years: resume.years,
        skills: resume.listedSkills.slice(0, 8),
      };
      if (resume.location) hit.location = resume.location;
      if (entry.textRank !== undefined) hit.textRank = entry.textRank;
      if (entry.vectorRank !== undefined) hit.vectorRank = entry.vectorRank;
      const snippet = value.words ? this.#snippet(resume, value.words) : undefined;
      if (snippet) hit.snippet = snippet;
      hits.push(hit);
    }
    return hits;
  }

  #hitPage(value: CachedHits, page: PageRequest, fromCache: boolean, started: number): SearchPage {
    const { offset, limit } = clampPage(page);
    return {
      hits: this.#pageHits(value, offset, limit),
      total: value.hits.length,
      offset,
      version: this.index.version,
      fromCache,
      elapsedMs: performance.now() - started,
      mode: value.mode,
    };
  }
}
