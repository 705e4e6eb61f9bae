/**
 * The Ranking screen's state: which view (recruiter: one job → every resume; job seeker: one
 * resume → every job), filters and sort, the ranked rows fetched page by page as the virtual
 * table scrolls, the subject's shortlist (stars, stages, notes: persisted per subject through
 * ShortlistRepository), bulk actions on selected rows, the open breakdown and the search box.
 * Every request is latest-wins: a newer one aborts the older, whose answer is never shown.
 *
 * The search box filters the ranked table itself. Recruiter view: the typed words go to the search
 * worker's free-text search (BM25, fused with vectors when a model is ready) and the table keeps the
 * resumes that contain them (the best SEARCH_HIT_LIMIT), still scored and sorted against the job.
 * Job-seeker view (rows are jobs, which that search does not cover): the table keeps the jobs whose
 * text holds every word.
 */
import {
  MAX_PAGE_SIZE,
  type RankFilters,
  type RankPage,
  type RankRow,
  type RankSort,
  type SearchPage,
} from '../../core/contracts/search-api';
import { downloadFile } from '../download';
import { notifier } from './notifier.svelte';
import { shortlistCsv, shortlistJson } from '../../core/search/shortlist-export';
import type {
  ShortlistChange,
  ShortlistEntry,
  ShortlistStage,
  ShortlistSubjectKind,
} from '../../core/shortlist/entry';
import type { MatchOutcome } from '../../workers/host/clients';
import { library } from './library.svelte';
import { readyModelId, services } from '../services';
import { rankingFromRoute, rankingRoute, type RankingUrlState, type RankingView } from './ranking-url';

export type { RankingView } from './ranking-url';

/** Rows per request; the worker caps pages at MAX_PAGE_SIZE anyway. */
export const RANK_PAGE_SIZE = 100;
/** Search hits asked for to filter the table (free-text search itself keeps the best 200). */
export const SEARCH_HIT_LIMIT = MAX_PAGE_SIZE;

function parseYears(text: string): number | undefined {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function download(fileName: string, type: string, text: string): void {
  downloadFile(fileName, text, type);
}

export class RankingState {
  view = $state<RankingView>('recruiter');
  /** The job id (recruiter) or resume id (seeker) everything is ranked against. */
  subjectId = $state('');
  mustHave = $state('');
  mustHaveMode = $state<'all' | 'any'>('all');
  minYears = $state('');
  maxYears = $state('');
  location = $state('');
  /** The search box (in the URL as `text`). */
  text = $state('');
  sort = $state<RankSort>({ key: 'score', direction: 'desc' });

  total = $state(0);
  /** Loaded pages: page number → rows. Replaced (not mutated) so the table re-renders. */
  pages = $state.raw<ReadonlyMap<number, RankRow[]>>(new Map());
  lastPage = $state.raw<RankPage | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  /** The subject's shortlist entries (stored), by candidate id. */
  entries = $state.raw<ReadonlyMap<string, ShortlistEntry>>(new Map());
  /** Candidate ids ticked for a bulk action. */
  selection = $state.raw<ReadonlySet<string>>(new Set());
  starredCount = $derived([...this.entries.values()].filter((entry) => entry.starred).length);

  /** The row whose breakdown is open, its full match and similar candidates. */
  selected = $state.raw<RankRow | null>(null);
  breakdown = $state.raw<MatchOutcome | null>(null);
  breakdownError = $state<string | null>(null);
  similar = $state.raw<SearchPage | null>(null);

  /**
   * The search behind the table's rows (recruiter view, words typed): which resumes contain the
   * words. Null when the box is empty or in the job-seeker view.
   */
  searchHits = $state.raw<SearchPage | null>(null);
  /** The search box's words that the rows shown were filtered by ('' when none). */
  searchedFor = $state('');

  #rankController: AbortController | undefined;
  #pending = new Set<number>();
  #breakdownController: AbortController | undefined;
  /** The filters the current ranking was asked with (the search hits' ids included). */
  #activeFilters: RankFilters = {};
  /** Rows seen on any loaded page of the current subject, for exporting starred rows. */
  #rowsSeen = new Map<string, RankRow>();
  /** The subject whose entries are loaded (entries are reloaded when it changes). */
  #entriesFor = '';

  filters(): RankFilters {
    const mustHave = this.mustHave
      .split(',')
      .map((skill) => skill.trim())
      .filter(Boolean);
    const filters: RankFilters = {};
    if (mustHave.length > 0) {
      filters.mustHave = mustHave;
      filters.mustHaveMode = this.mustHaveMode;
    }
    const minYears = parseYears(this.minYears);
    const maxYears = parseYears(this.maxYears);
    if (minYears !== undefined) filters.minYears = minYears;
    if (maxYears !== undefined) filters.maxYears = maxYears;
    if (this.location.trim()) filters.location = this.location.trim();
    // Recruiter view: the search box filters through the search worker's hits (see reload).
    if (this.view === 'seeker' && this.text.trim()) filters.text = this.text.trim();
    return filters;
  }

  /** What the URL carries (view, subject, filters, sort), so the ranking can be shared and restored. */
  urlState(): RankingUrlState {
    return {
      view: this.view,
      subjectId: this.subjectId,
      mustHave: this.mustHave,
      mustHaveMode: this.mustHaveMode,
      minYears: this.minYears,
      maxYears: this.maxYears,
      location: this.location,
      text: this.text,
      sort: { ...this.sort },
    };
  }

  route(): { segments: string[]; params: Record<string, string> } {
    return rankingRoute(this.urlState());
  }

  /**
   * Takes the state a ranking URL names (a link opened in a new tab, back/forward). Only values that
   * differ are assigned, so following the URL the screen itself just wrote changes nothing.
   */
  applyRoute(segments: readonly string[], params: Readonly<Record<string, string>>): void {
    const next = rankingFromRoute(segments, params);
    if (!next) return;
    if (this.view !== next.view) {
      this.view = next.view;
      this.clearSelection();
    }
    this.subjectId = next.subjectId;
    this.mustHave = next.mustHave;
    this.mustHaveMode = next.mustHaveMode;
    this.minYears = next.minYears;
    this.maxYears = next.maxYears;
    this.location = next.location;
    this.text = next.text;
    if (this.sort.key !== next.sort.key || this.sort.direction !== next.sort.direction) this.sort = next.sort;
  }

  /** Name of what the rows are ranked against. */
  subjectName(): string {
    if (this.view === 'recruiter') return library.jobs.find((job) => job.id === this.subjectId)?.title ?? '';
    return library.resumes.find((resume) => resume.id === this.subjectId)?.name ?? '';
  }

  /** Starts over from the first page (new subject, filters, sort, or data changed). */
  async reload(): Promise<void> {
    this.#rankController?.abort();
    this.#pending.clear();
    this.pages = new Map();
    this.total = 0;
    this.lastPage = null;
    this.error = null;
    this.#rowsSeen = new Map();
    const query = this.view === 'recruiter' ? this.text.trim() : '';
    this.#activeFilters = this.filters();
    if (!query) this.searchHits = null;
    this.searchedFor = this.text.trim();
    if (!this.subjectId) {
      this.entries = new Map();
      this.#entriesFor = '';
      return;
    }
    const controller = new AbortController();
    this.#rankController = controller;
    this.loading = true;
    try {
      await this.#loadEntries(controller.signal);
      // Make sure the index has every write this tab has seen before ranking.
      await services.search.refresh(controller.signal);
      if (query) {
        // Typed words → the search worker → the resumes that contain them → only those rows.
        const found = await services.search.search(controller.signal, query, {
          offset: 0,
          limit: SEARCH_HIT_LIMIT,
        });
        if (controller.signal.aborted) return;
        this.searchHits = found;
        // Vector hits alone would keep every resume (the nearest 200 always exist): the table keeps
        // the resumes that contain the words.
        const ids = found.hits.filter((hit) => hit.textRank !== undefined).map((hit) => hit.id);
        this.#activeFilters = { ...this.#activeFilters, ids };
      }
      await this.#loadPage(0, controller);
    } catch (error) {
      if (!controller.signal.aborted) this.error = notifier.report(error);
    } finally {
      if (!controller.signal.aborted) this.loading = false;
    }
  }

  /** Fetches the pages that hold rows first..last (what the virtual table is about to show). */
  ensureRows(first: number, last: number): void {
    const controller = this.#rankController;
    if (!controller || !this.subjectId || this.total === 0) return;
    const lastRow = Math.min(last, this.total - 1);
    for (
      let page = Math.floor(Math.max(0, first) / RANK_PAGE_SIZE);
      page * RANK_PAGE_SIZE <= lastRow;
      page++
    ) {
      if (this.pages.has(page) || this.#pending.has(page)) continue;
      this.#loadPage(page, controller).catch((error: unknown) => {
        if (!controller.signal.aborted) this.error = notifier.report(error);
      });
    }
  }

  rowAt(index: number): RankRow | undefined {
    return this.pages.get(Math.floor(index / RANK_PAGE_SIZE))?.[index % RANK_PAGE_SIZE];
  }

  async #loadPage(page: number, controller: AbortController): Promise<void> {
    this.#pending.add(page);
    try {
      const request = { offset: page * RANK_PAGE_SIZE, limit: RANK_PAGE_SIZE };
      // State proxies cannot cross to a worker: send plain copies.
      const sort = $state.snapshot(this.sort);
      const filters = this.#activeFilters;
      const result =
        this.view === 'recruiter'
          ? await services.search.rankJob(controller.signal, this.subjectId, filters, sort, request)
          : await services.search.rankResume(controller.signal, this.subjectId, filters, sort, request);
      if (controller.signal.aborted) return;
      for (const row of result.rows) this.#rowsSeen.set(row.id, row);
      const pages = new Map(this.pages);
      pages.set(page, result.rows);
      this.pages = pages;
      this.total = result.total;
      this.lastPage = result;
    } finally {
      this.#pending.delete(page);
    }
  }

  sortBy(key: RankSort['key']): void {
    const direction =
      this.sort.key === key
        ? this.sort.direction === 'desc'
          ? 'asc'
          : 'desc'
        : key === 'name'
          ? 'asc'
          : 'desc';
    this.sort = { key, direction };
  }

  /** What the subject is: a job (recruiter view) or a resume (job-seeker view). */
  subjectKind(): ShortlistSubjectKind {
    return this.view === 'recruiter' ? 'job' : 'resume';
  }

  async #loadEntries(signal: AbortSignal): Promise<void> {
    const subjectId = this.subjectId;
    if (this.#entriesFor !== subjectId) {
      this.entries = new Map();
      this.selection = new Set();
    }
    const stored = await services.shortlists.forSubject(subjectId);
    if (signal.aborted || subjectId !== this.subjectId) return;
    this.entries = new Map(stored.map((entry) => [entry.candidateId, entry]));
    this.#entriesFor = subjectId;
  }

  isStarred(id: string): boolean {
    return this.entries.get(id)?.starred ?? false;
  }

  stageOf(id: string): ShortlistStage {
    return this.entries.get(id)?.stage ?? 'new';
  }

  noteOf(id: string): string {
    return this.entries.get(id)?.note ?? '';
  }

  /** Stores one change for some candidates of the current subject and shows the result. */
  async change(candidateIds: readonly string[], change: ShortlistChange): Promise<void> {
    const subjectId = this.subjectId;
    if (!subjectId || candidateIds.length === 0) return;
    try {
      const stored = await services.shortlists.update(this.subjectKind(), subjectId, candidateIds, change);
      if (subjectId !== this.subjectId) return;
      const next = new Map(this.entries);
      for (const entry of stored) next.set(entry.candidateId, entry);
      this.entries = next;
    } catch (error) {
      this.error = notifier.report(error);
    }
  }

  toggleStar(row: RankRow): Promise<void> {
    return this.change([row.id], { starred: !this.isStarred(row.id) });
  }

  async clearShortlist(): Promise<void> {
    const subjectId = this.subjectId;
    if (!subjectId) return;
    try {
      await services.shortlists.unstarAll(this.subjectKind(), subjectId);
      const stored = await services.shortlists.forSubject(subjectId);
      if (subjectId === this.subjectId)
        this.entries = new Map(stored.map((entry) => [entry.candidateId, entry]));
    } catch (error) {
      this.error = notifier.report(error);
    }
  }

  isSelected(id: string): boolean {
    return this.selection.has(id);
  }

  toggleSelected(id: string): void {
    const next = new Set(this.selection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selection = next;
  }

  clearSelection(): void {
    this.selection = new Set();
  }

  starSelected(): Promise<void> {
    return this.change([...this.selection], { starred: true });
  }

  stageSelected(stage: ShortlistStage): Promise<void> {
    return this.change([...this.selection], { stage });
  }

  /**
   * Rows for some candidate ids in rank order. Rows not on a loaded page are found by reading
   * further pages (an export is rare and explicit; scrolling never does this).
   */
  async rowsFor(ids: ReadonlySet<string>): Promise<RankRow[]> {
    const controller = this.#rankController;
    let page = 0;
    while (
      controller &&
      !controller.signal.aborted &&
      [...ids].some((id) => !this.#rowsSeen.has(id)) &&
      page * RANK_PAGE_SIZE < this.total
    ) {
      if (!this.pages.has(page)) await this.#loadPage(page, controller);
      page += 1;
    }
    return [...ids]
      .map((id) => this.#rowsSeen.get(id))
      .filter((row): row is RankRow => row !== undefined)
      .sort((a, b) => a.rank - b.rank);
  }

  /** Starred rows in rank order. */
  shortlistRows(): Promise<RankRow[]> {
    const starred = [...this.entries.values()]
      .filter((entry) => entry.starred)
      .map((entry) => entry.candidateId);
    return this.rowsFor(new Set(starred));
  }

  async exportSelectedCsv(): Promise<void> {
    const rows = await this.rowsFor(this.selection);
    download(`selected-${this.#fileStem()}.csv`, 'text/csv', shortlistCsv(rows));
  }

  async exportCsv(): Promise<void> {
    download(`shortlist-${this.#fileStem()}.csv`, 'text/csv', shortlistCsv(await this.shortlistRows()));
  }

  async exportJson(): Promise<void> {
    const json = shortlistJson(await this.shortlistRows(), {
      view: this.view,
      subject: { id: this.subjectId, name: this.subjectName() },
      exportedAt: new Date(),
    });
    download(`shortlist-${this.#fileStem()}.json`, 'application/json', `${JSON.stringify(json, null, 2)}\n`);
  }

  #fileStem(): string {
    const name = this.subjectName()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return `${name || 'ranking'}-${new Date().toISOString().slice(0, 10)}`;
  }

  /** Opens the full breakdown of one row (scored by the match worker) and its similar candidates. */
  async open(row: RankRow | null): Promise<void> {
    this.#breakdownController?.abort();
    this.selected = row;
    this.breakdown = null;
    this.breakdownError = null;
    this.similar = null;
    if (!row) return;
    const controller = new AbortController();
    this.#breakdownController = controller;
    const resumeId = this.view === 'recruiter' ? row.id : this.subjectId;
    const jobId = this.view === 'recruiter' ? this.subjectId : row.id;
    const job = library.jobs.find((entry) => entry.id === jobId);
    try {
      // One record, read when a row is opened (the library is never held whole here).
      const resume = await services.resumes.get(resumeId);
      if (controller.signal.aborted) return;
      if (!resume || !job) throw new Error('That resume or job is no longer in the library.');
      const [breakdown, similar] = await Promise.all([
        // The same scorer and model as the table (semantic when a model is ready), so the
        // breakdown names who made the semantic part.
        services.matcher.score(controller.signal, resume, job, readyModelId()),
        services.search.similar(controller.signal, resumeId, { offset: 0, limit: 5 }),
      ]);
      if (controller.signal.aborted) return;
      this.breakdown = breakdown;
      this.similar = similar;
    } catch (error) {
      if (!controller.signal.aborted) this.breakdownError = notifier.report(error);
    }
  }
}

export const ranking = new RankingState();
