/**
 * The search worker's typed contract: ranking (one job against every resume, one resume against
 * every job), hybrid free-text search (BM25 + vectors, fused), skills search and "similar
 * candidates", over an in-memory index the worker keeps in step with the database. Every call
 * answers an Outcome; pages are capped at MAX_PAGE_SIZE rows.
 */
import type { CacheStats } from '../cache';
import type { MatchComponents, MatchResult } from '../domain';
import type { RankFilters, RankSort } from '../search/filters';
import type { Outcome } from './outcome';
import type { KeyedScore, StoredRef } from './match-api';

export type { RankFilters, RankSort, SortKey } from '../search/filters';

/** The hard upper bound on rows per page, whatever the caller asks for. */
export const MAX_PAGE_SIZE = 500;

export interface PageRequest {
  offset: number;
  limit: number;
}

/** The span of resume text that proves the row's most important matched requirement. */
export interface RowEvidence {
  skill: string;
  /** The whole line (untrusted text: render as text). */
  text: string;
  /** The matched span as offsets into `text`. */
  from: number;
  to: number;
}

/** One ranked candidate (recruiter view) or one ranked job (job-seeker view). */
export interface RankRow {
  /** Resume id in rankJob, job id in rankResume. */
  id: string;
  /** 1-based position in the full ordered list. */
  rank: number;
  /** Person's name (or file name) for resumes, title for jobs. */
  name: string;
  score: number;
  rawScore: number;
  mode: 'lexical' | 'semantic';
  /** The embedding model behind the semantic component, when there is one (see MatchResult). */
  semanticModel?: MatchResult['semanticModel'];
  components: MatchComponents;
  weights: MatchComponents;
  /** Resume's years of experience (rankJob) or the job's expected years (rankResume). */
  years: number;
  location?: string;
  topEvidence?: RowEvidence;
  /** Required skills that are missing, most important first. */
  missing: string[];
  matchedCount: number;
  requirementCount: number;
  /**
   * Lines of the row's document drawn so that no reader sees them (invisible, white on white,
   * tiny…), left out of every score: how many, and the first ROW_HIDDEN_LINES of them (each cut
   * to ROW_HIDDEN_LINE_CHARS; untrusted text: render as text). Absent when there are none.
   */
  hiddenLineCount?: number;
  hiddenLines?: string[];
}

/** Hidden lines a ranking row carries at most (the resume page lists them all). */
export const ROW_HIDDEN_LINES = 20;
/** Characters of each hidden line a ranking row carries at most. */
export const ROW_HIDDEN_LINE_CHARS = 200;

export interface RankPage {
  rows: RankRow[];
  /** Rows in the whole filtered list. */
  total: number;
  offset: number;
  /** The index's data version the page was computed at. */
  version: number;
  fromCache: boolean;
  /** Time the worker spent answering (ranking + paging). */
  elapsedMs: number;
  /** The worker's search cache after answering (for the performance dashboard). */
  cache?: CacheStats;
}

export interface SearchHit {
  id: string;
  rank: number;
  name: string;
  score: number;
  /** 1-based rank in the BM25 list and in the vector list (absent when not in it). */
  textRank?: number;
  vectorRank?: number;
  years: number;
  location?: string;
  /** The first resume line containing a query word (untrusted text). */
  snippet?: string;
  skills: string[];
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  offset: number;
  version: number;
  fromCache: boolean;
  elapsedMs: number;
  /** 'hybrid' when vectors took part, else 'text'. */
  mode: 'hybrid' | 'text';
  cache?: CacheStats;
}

/** A query embedding from the embed worker, for the vector half of hybrid search. */
export interface QueryVector {
  modelId: string;
  vector: Float32Array;
}

export interface SearchStatus {
  resumes: number;
  jobs: number;
  version: number;
  /** Models with vectors in the index, and how many resumes have them. */
  models: { modelId: string; dims: number; resumes: number }[];
  cache: CacheStats;
  ready: boolean;
}

export interface SearchApi {
  /** Loads everything from the database (first call) and reports the index. */
  status(): Promise<Outcome<SearchStatus>>;
  /** Re-reads changed records now (the worker also watches the database by itself). */
  refresh(): Promise<Outcome<SearchStatus>>;
  rankJob(jobId: string, filters: RankFilters, sort: RankSort, page: PageRequest): Promise<Outcome<RankPage>>;
  rankResume(
    resumeId: string,
    filters: RankFilters,
    sort: RankSort,
    page: PageRequest,
  ): Promise<Outcome<RankPage>>;
  search(query: string, page: PageRequest, vector?: QueryVector): Promise<Outcome<SearchPage>>;
  /**
   * One pair scored from the index, with no database read: the result the match worker computes
   * from the stored records. Answered only while the index is loaded, in step with the database
   * (no pass running or due) and holds both records at the caller's `updatedAt` and, with
   * `modelId`, that model's vectors; otherwise null, and the caller asks the match worker.
   */
  scorePair(resume: StoredRef, job: StoredRef, modelId?: string): Promise<Outcome<KeyedScore | null>>;
  skills(skills: string[], mode: 'all' | 'any', page: PageRequest): Promise<Outcome<SearchPage>>;
  similar(resumeId: string, page: PageRequest): Promise<Outcome<SearchPage>>;
}
