/**
 * The Ranking screen's state: which view (recruiter: one job → every resume; job seeker: one
 * resume → every job), filters and sort, the ranked rows fetched page by page as the virtual
 * table scrolls, the starred shortlist and its export, the open breakdown and the search box.
 * Every request is latest-wins: a newer one aborts the older, whose answer is never shown.
 */
import type { RankFilters, RankPage, RankRow, RankSort, SearchPage } from '../../core/contracts/search-api';
import { coerceError } from '../../core/errors';
import { shortlistCsv, shortlistJson } from '../../core/search/shortlist-export';
import type { MatchOutcome } from '../../workers/host/clients';
import { library } from './library.svelte';
import { services } from '../services';

/** Rows per request; the worker caps pages at MAX_PAGE_SIZE anyway. */
export const RANK_PAGE_SIZE = 100;

export type RankingView = 'recruiter' | 'seeker';

function parseYears(text: string): number | undefined {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function download(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
  text = $state('');
  sort = $state<RankSort>({ key: 'score', direction: 'desc' });

  total = $state(0);
  /** Loaded pages: page number → rows. Replaced (not mutated) so the table re-renders. */
  pages = $state.raw<ReadonlyMap<number, RankRow[]>>(new Map());
  lastPage = $state.raw<RankPage | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  /** Starred rows, in the order they were starred. */
  shortlist = $state.raw<ReadonlyMap<string, RankRow>>(new Map());

  /** The row whose breakdown is open, its full match and similar candidates. */
  selected = $state.raw<RankRow | null>(null);
  breakdown = $state.raw<MatchOutcome | null>(null);
  breakdownError = $state<string | null>(null);
  similar = $state.raw<SearchPage | null>(null);

  query = $state('');
  searchResults = $state.raw<SearchPage | null>(null);

  #rankController: AbortController | undefined;
  #pending = new Set<number>();
  #searchController: AbortController | undefined;
  #breakdownController: AbortController | undefined;

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
    if (this.text.trim()) filters.text = this.text.trim();
    return filters;
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
    if (!this.subjectId) return;
    const controller = new AbortController();
    this.#rankController = controller;
    this.loading = true;
    try {
      // Make sure the index has every write this tab has seen before ranking.
      await services.search.refresh(controller.signal);
      await this.#loadPage(0, controller);
    } catch (error) {
      if (!controller.signal.aborted) this.error = coerceError(error).message;
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
        if (!controller.signal.aborted) this.error = coerceError(error).message;
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
      const result =
        this.view === 'recruiter'
          ? await services.search.rankJob(controller.signal, this.subjectId, this.filters(), sort, request)
          : await services.search.rankResume(
              controller.signal,
              this.subjectId,
              this.filters(),
              sort,
              request,
            );
      if (controller.signal.aborted) return;
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

  isStarred(id: string): boolean {
    return this.shortlist.has(id);
  }

  toggleStar(row: RankRow): void {
    const next = new Map(this.shortlist);
    if (next.has(row.id)) next.delete(row.id);
    else next.set(row.id, row);
    this.shortlist = next;
  }

  clearShortlist(): void {
    this.shortlist = new Map();
  }

  /** Starred rows in rank order. */
  shortlistRows(): RankRow[] {
    return [...this.shortlist.values()].sort((a, b) => a.rank - b.rank);
  }

  exportCsv(): void {
    download(`shortlist-${this.#fileStem()}.csv`, 'text/csv', shortlistCsv(this.shortlistRows()));
  }

  exportJson(): void {
    const json = shortlistJson(this.shortlistRows(), {
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
    const resume = library.resumes.find((entry) => entry.id === resumeId);
    const job = library.jobs.find((entry) => entry.id === jobId);
    try {
      if (!resume || !job) throw new Error('That resume or job is no longer in the library.');
      const [breakdown, similar] = await Promise.all([
        // The same model as the ranking, so the breakdown names who made the semantic part.
        services.matcher.score(
          controller.signal,
          resume,
          job,
          services.embedder.status.state === 'ready' ? services.embedder.status.info.modelId : undefined,
        ),
        services.search.similar(controller.signal, resumeId, { offset: 0, limit: 5 }),
      ]);
      if (controller.signal.aborted) return;
      this.breakdown = breakdown;
      this.similar = similar;
    } catch (error) {
      if (!controller.signal.aborted) this.breakdownError = coerceError(error).message;
    }
  }

  /** Search as you type: each keystroke aborts the previous request (latest wins). */
  async search(query: string): Promise<void> {
    this.query = query;
    this.#searchController?.abort();
    if (!query.trim()) {
      this.searchResults = null;
      return;
    }
    const controller = new AbortController();
    this.#searchController = controller;
    try {
      const result = await services.search.search(controller.signal, query, { offset: 0, limit: 10 });
      if (!controller.signal.aborted) this.searchResults = result;
    } catch (error) {
      if (!controller.signal.aborted) this.error = coerceError(error).message;
    }
  }
}

export const ranking = new RankingState();
