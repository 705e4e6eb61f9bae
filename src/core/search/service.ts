/**
 * Queries over a LibraryIndex with a result cache in front (pure core; the search worker and the
 * Node bench both use this class). Every answer is computed in full once (every candidate
 * scored, filtered and sorted), stored in the one LRU cache under the normalised request, and
 * served page by page from there. The cache's version is the index's data version, so any add,
 * update or delete empties it; concurrent identical requests share one computation.
 *
 * The work itself lives along its seams: ranking.ts (one job vs every resume and back),
 * retrieval.ts (free text, skills, similar candidates) and pages.ts (the page shown).
 */
import { LruCache, cacheKey } from '../cache';
import type { PageRequest, QueryVector, RankPage, RankRow, SearchPage } from '../contracts/search-api';
import type { MatchResult } from '../domain';
import { matchContentKey, scoreMatch } from '../score';
import { DEFAULT_SORT, normaliseFilters, type RankFilters, type RankSort } from './filters';
import type { LibraryIndex } from './library-index';
import { hitPage, normaliseQuery, rankPage, type CachedHits } from './pages';
import { jobPlace, jobYears, pairInput, rankJobIds, rankResumeIds, rankRow, type RankScope } from './ranking';
import { searchHits, similarHits, skillHits } from './retrieval';

export { clampPage, normaliseQuery } from './pages';

/** Rough size of one cached row (an id reference, or a small hit object). */
const ENTRY_BYTES = 64;

/** A ranking is cached as its ordered ids; the rows of a page are rebuilt from the index. */
type CachedValue = string[] | CachedHits;

export interface SearchServiceOptions {
  cacheEntries?: number;
  cacheBytes?: number;
  ttlMs?: number;
  /** Injected clock (tests). */
  now?: () => number;
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
  rankJob(
    jobId: string,
    filters: RankFilters = {},
    sort: RankSort = DEFAULT_SORT,
    page: PageRequest = { offset: 0, limit: 50 },
  ): Promise<RankPage> {
    const job = this.index.jobs.get(jobId);
    return this.#ranked('rankJob', jobId, filters, sort, page, rankJobIds, (scope, id, rank) => {
      const resume = this.index.resumes.get(id);
      if (!job || !resume) return undefined;
      const result = scoreMatch(pairInput(scope, resume, job, true));
      return rankRow(
        id,
        resume.name,
        rank,
        result,
        resume.years,
        resume.location,
        resume.document.hiddenLines,
      );
    });
  }

  /** One resume against every job (job-seeker view). */
  rankResume(
    resumeId: string,
    filters: RankFilters = {},
    sort: RankSort = DEFAULT_SORT,
    page: PageRequest = { offset: 0, limit: 50 },
  ): Promise<RankPage> {
    const resume = this.index.resumes.get(resumeId);
    return this.#ranked('rankResume', resumeId, filters, sort, page, rankResumeIds, (scope, id, rank) => {
      const job = this.index.jobs.get(id);
      if (!job || !resume) return undefined;
      const result = scoreMatch(pairInput(scope, resume, job, true));
      return rankRow(id, job.title, rank, result, jobYears(job), jobPlace(job), job.document.hiddenLines);
    });
  }

  /**
   * One pair's full result from the index, as the match worker would score it from the stored
   * records (tests/unit/search/table-breakdown.test.ts holds the two equal). Undefined when the
   * index cannot answer for certain: either record is missing or indexed at another `updatedAt`
   * than the caller holds, or `modelId` is not the model whose vectors the index follows
   * (`setModel`) or has none in it yet. The caller makes sure the index is in step with the
   * database: a resume whose vectors the index lacks is then scored lexically, as the match worker
   * does when none are stored.
   */
  scorePair(
    resumeRef: { id: string; updatedAt: number },
    jobRef: { id: string; updatedAt: number },
    modelId: string | undefined,
  ): { result: MatchResult; key: string } | undefined {
    const resume = this.index.resumes.get(resumeRef.id);
    const job = this.index.jobs.get(jobRef.id);
    if (resume?.updatedAt !== resumeRef.updatedAt || job?.updatedAt !== jobRef.updatedAt) return undefined;
    if (modelId && (modelId !== this.#modelId || !this.index.model(modelId))) return undefined;
    const input = pairInput({ index: this.index, modelId }, resume, job, true);
    return {
      result: scoreMatch(input),
      key: matchContentKey(resume.updatedAt, job.updatedAt, input.semantic?.modelId),
    };
  }

  /** A ranking's ids from the cache (or computed once), then the rows of the page shown. */
  async #ranked(
    kind: 'rankJob' | 'rankResume',
    subjectId: string,
    filters: RankFilters,
    sort: RankSort,
    page: PageRequest,
    rankIds: (scope: RankScope, subjectId: string, filters: RankFilters, sort: RankSort) => string[],
    rowFor: (scope: RankScope, id: string, rank: number) => RankRow | undefined,
  ): Promise<RankPage> {
    const started = performance.now();
    const normal = normaliseFilters(filters);
    const key = cacheKey(kind, subjectId, normal, sort, this.#modelId ?? '');
    const scope = this.#scope();
    const { value, fromCache } = await this.#cached(key, () => rankIds(scope, subjectId, normal, sort));
    return rankPage(
      value as string[],
      page,
      { version: this.index.version, fromCache, started },
      (id, rank) => rowFor(scope, id, rank),
    );
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
      searchHits(this.index, normal, useVector ? vector : undefined),
    );
    return hitPage(this.index, value as CachedHits, page, { fromCache, started });
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
    const { value, fromCache } = await this.#cached(key, () => skillHits(this.index, wanted, mode));
    return hitPage(this.index, value as CachedHits, page, { fromCache, started });
  }

  /**
   * Candidates like a chosen one: nearest document vectors of the active model when the resume
   * has one, else the resumes whose text best matches its most distinctive words.
   */
  async similar(resumeId: string, page: PageRequest = { offset: 0, limit: 10 }): Promise<SearchPage> {
    const started = performance.now();
    const key = cacheKey('similar', resumeId, this.#modelId ?? '');
    const { value, fromCache } = await this.#cached(key, () =>
      similarHits(this.index, this.#modelId, resumeId),
    );
    return hitPage(this.index, value as CachedHits, page, { fromCache, started });
  }

  #scope(): RankScope {
    return { index: this.index, modelId: this.#modelId };
  }

  #cached(key: string, compute: () => CachedValue): Promise<{ value: CachedValue; fromCache: boolean }> {
    this.cache.setVersion(this.index.version);
    let computed = false;
    return this.cache
      .getOrCompute(key, () => {
        computed = true;
        return Promise.resolve(compute());
      })
      .then((value) => ({ value, fromCache: !computed }));
  }
}
