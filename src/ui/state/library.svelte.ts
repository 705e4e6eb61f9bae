/**
 * The library as the UI sees it, kept live from IndexedDB (Dexie liveQuery sees writes made by
 * the workers too) but never whole: the main thread holds pages, not the library.
 * - `resumeCount` comes from count() (and `resumeStamp` from indexes, to notice edits);
 * - `resumeRows` is the page of list rows (id, name, file, skills count, years) the Library's
 *   virtual list is showing, read through an index (`setResumeWindow`) and re-read when the
 *   stamp moves (at most once a second during an import);
 * - `resumes` is (id, name) of every resume, read from the name index without the records, and
 *   only while a screen with a resume picker watches it (`watchResumes`);
 * - `jobs` are the job records (a library holds tens of jobs, not thousands of them).
 * Detail screens load the one record they show. Read-only here; writes go through repositories.
 */
import { notifier } from './notifier.svelte';
import { Dexie, liveQuery, type Subscription } from 'dexie';
import type { JobRecord } from '../../db/records';
import type { ResumeName, ResumeOrder, ResumeRow } from '../../db/resumes.repo';
import { services } from '../services';

/** A watched list of names changes at most this often while an import writes many resumes. */
const NAMES_THROTTLE_MS = 500;
/** The resume count and stamp are re-read at most this often while resumes are being written. */
const STAMP_THROTTLE_MS = 250;
/** The Library's visible rows are re-read at most this often while resumes are being written. */
const WINDOW_REFRESH_MS = 1_000;

/**
 * Calls `onChange` now and after writes to the resumes table (this page, a worker or another tab),
 * at most every STAMP_THROTTLE_MS (the last write is always followed by a call). Unsubscribable.
 */
function watchResumeWrites(onChange: () => void): Subscription {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCall = -Infinity;
  const call = (): void => {
    timer = undefined;
    lastCall = performance.now();
    onChange();
  };
  const listener = (parts: Record<string, unknown>): void => {
    if (timer !== undefined || !Object.keys(parts).some((key) => /\/resumes\//.test(key))) return;
    timer = setTimeout(call, Math.max(0, lastCall + STAMP_THROTTLE_MS - performance.now()));
  };
  Dexie.on('storagemutated', listener);
  call();
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    unsubscribe() {
      closed = true;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(listener);
    },
  };
}

export class LibraryState {
  resumeCount = $state(0);
  /** Moves whenever any resume is added, edited or deleted (for screens that must refresh). */
  resumeStamp = $state('');
  resumeRows = $state.raw<ResumeRow[]>([]);
  /** Offset of `resumeRows[0]` in the ordered list. */
  resumeRowsOffset = $state(0);
  resumeOrder = $state<ResumeOrder>('recent');
  resumes = $state.raw<ResumeName[]>([]);
  jobs = $state.raw<JobRecord[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  #subscriptions: Subscription[] = [];
  #window: { offset: number; limit: number; order: ResumeOrder } | undefined;
  #windowKey = '';
  #windowReadAt = -Infinity;
  #windowTimer: ReturnType<typeof setTimeout> | undefined;
  #names: Subscription | undefined;
  #nameWatchers = 0;
  #namesTimer: ReturnType<typeof setTimeout> | undefined;
  #latestNames: ResumeName[] | undefined;

  readonly #onError = (error: unknown): void => {
    this.error = notifier.report(error, 'Could not read the library from browser storage');
  };

  start(): void {
    if (this.#subscriptions.length > 0) return;
    this.#subscriptions.push(
      // Not a live query: during an import that would re-read the stamp on every write (measured:
      // ~2 ms of page time per imported file). Writes from any worker or tab are seen through
      // Dexie's storagemutated event and read at most every STAMP_THROTTLE_MS.
      watchResumeWrites(() => void this.#readStamp()),
      liveQuery(() => services.jobs.list()).subscribe({
        next: (jobs) => {
          this.jobs = jobs;
        },
        error: this.#onError,
      }),
    );
  }

  async #readStamp(): Promise<void> {
    try {
      const stamp = await services.resumes.stamp();
      this.resumeStamp = stamp;
      this.resumeCount = Number(stamp.split('|')[0]);
      this.loaded = true;
      this.#stampChanged();
    } catch (error) {
      this.#onError(error);
    }
  }

  stop(): void {
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#subscriptions = [];
    clearTimeout(this.#windowTimer);
    this.#windowTimer = undefined;
    this.#window = undefined;
    this.#windowKey = '';
  }

  /**
   * Keeps `resumeRows` current for rows [offset, offset + limit) of the list in `order`. Not a live
   * query on the page itself: that would re-read the page's records on every write of an import.
   * The cheap stamp (count + latest update, from indexes) triggers a re-read, at most once per
   * WINDOW_REFRESH_MS.
   */
  setResumeWindow(offset: number, limit: number, order: ResumeOrder = this.resumeOrder): void {
    const key = `${order}|${offset}|${limit}`;
    if (key === this.#windowKey) return;
    this.#windowKey = key;
    this.resumeOrder = order;
    this.#window = { offset, limit, order };
    void this.#readWindow();
  }

  async #readWindow(): Promise<void> {
    const window = this.#window;
    if (!window) return;
    const key = this.#windowKey;
    this.#windowReadAt = performance.now();
    try {
      const rows = await services.resumes.page(window.order, window.offset, window.limit);
      if (key !== this.#windowKey) return; // the list scrolled on meanwhile
      this.resumeRows = rows;
      this.resumeRowsOffset = window.offset;
    } catch (error) {
      this.#onError(error);
    }
  }

  #stampChanged(): void {
    if (!this.#window || this.#windowTimer !== undefined) return;
    const wait = Math.max(0, this.#windowReadAt + WINDOW_REFRESH_MS - performance.now());
    this.#windowTimer = setTimeout(() => {
      this.#windowTimer = undefined;
      void this.#readWindow();
    }, wait);
  }

  /** Keeps `resumes` (id, name) live while a picker is on screen. Returns the unwatch function. */
  watchResumes(): () => void {
    this.#nameWatchers += 1;
    this.#names ??= liveQuery(() => services.resumes.names()).subscribe({
      next: (names) => this.#setNames(names),
      error: this.#onError,
    });
    return () => {
      this.#nameWatchers -= 1;
      if (this.#nameWatchers > 0) return;
      this.#names?.unsubscribe();
      this.#names = undefined;
      clearTimeout(this.#namesTimer);
      this.#namesTimer = undefined;
    };
  }

  #setNames(names: ResumeName[]): void {
    // The first answer is shown at once; later ones at most every NAMES_THROTTLE_MS.
    if (this.resumes.length === 0 || names.length === 0) {
      this.resumes = names;
      return;
    }
    this.#latestNames = names;
    this.#namesTimer ??= setTimeout(() => {
      this.#namesTimer = undefined;
      if (this.#latestNames) this.resumes = this.#latestNames;
      this.#latestNames = undefined;
    }, NAMES_THROTTLE_MS);
  }

  async deleteResume(id: string): Promise<void> {
    await services.resumes.delete(id);
    services.matcher.forget(id);
  }

  async deleteJob(id: string): Promise<void> {
    await services.jobs.delete(id);
    services.matcher.forget(id);
  }
}

export const library = new LibraryState();
