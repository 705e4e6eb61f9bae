/**
 * The job seeker's applications as the Applications and Analytics pages see them: kept live from
 * IndexedDB, grouped by status for the board, filtered and sorted for the table, and the due
 * list of next steps. Writes go through the repository.
 */
import { liveQuery, type Subscription } from 'dexie';
import {
  APPLICATION_STATUSES,
  dayOf,
  dueList,
  queryApplications,
  type Application,
  type ApplicationSortKey,
  type ApplicationStatus,
} from '../../core/applications/model';
import { notifier } from './notifier.svelte';
import type { ApplicationDetails } from '../../db/applications.repo';
import { services } from '../services';

export class ApplicationsState {
  all = $state.raw<Application[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  search = $state('');
  statusFilter = $state<ApplicationStatus | ''>('');
  sort = $state<ApplicationSortKey>('updatedAt');
  descending = $state(true);
  /** Changes once a minute so "due today" follows the clock. */
  today = $state(dayOf(Date.now()));

  columns = $derived(
    APPLICATION_STATUSES.map((status) => ({
      status,
      items: this.all.filter((application) => application.status === status),
    })),
  );
  rows = $derived(
    queryApplications(this.all, {
      search: this.search,
      statuses: this.statusFilter ? [this.statusFilter] : [],
      sort: this.sort,
      descending: this.descending,
    }),
  );
  due = $derived(dueList(this.all, this.today));

  #subscription: Subscription | null = null;
  #clock: ReturnType<typeof setInterval> | null = null;

  start(): void {
    if (this.#subscription) return;
    this.#subscription = liveQuery(() => services.applications.list()).subscribe({
      next: (applications) => {
        this.all = applications;
        this.loaded = true;
      },
      error: (reason: unknown) => {
        this.error = notifier.report(reason, 'Could not read applications from browser storage');
      },
    });
    this.#clock = setInterval(() => (this.today = dayOf(Date.now())), 60_000);
  }

  stop(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    if (this.#clock) clearInterval(this.#clock);
    this.#clock = null;
  }

  find(jobId: string): Application | undefined {
    return this.all.find((application) => application.jobId === jobId);
  }

  async move(jobId: string, status: ApplicationStatus): Promise<boolean> {
    this.error = null;
    try {
      await services.applications.move(jobId, status);
      return true;
    } catch (reason) {
      this.error = notifier.report(reason);
      return false;
    }
  }

  async save(jobId: string, details: ApplicationDetails): Promise<boolean> {
    this.error = null;
    try {
      return await services.applications.update(jobId, details);
    } catch (reason) {
      this.error = notifier.report(reason);
      return false;
    }
  }

  async remove(jobId: string): Promise<void> {
    this.error = null;
    try {
      await services.applications.delete(jobId);
    } catch (reason) {
      this.error = notifier.report(reason);
    }
  }

  toggleSort(key: ApplicationSortKey): void {
    if (this.sort === key) this.descending = !this.descending;
    else {
      this.sort = key;
      this.descending = key === 'updatedAt' || key === 'matchScore';
    }
  }
}

export const applications = new ApplicationsState();
