/**
 * The library as the UI sees it: resumes and jobs, kept live from IndexedDB (Dexie liveQuery sees
 * writes made by the workers too). Read-only here; writes go through repositories.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { JobRecord, ResumeRecord } from '../../db/records';
import { services } from '../services';

export class LibraryState {
  resumes = $state.raw<ResumeRecord[]>([]);
  jobs = $state.raw<JobRecord[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  #subscriptions: Subscription[] = [];

  start(): void {
    if (this.#subscriptions.length > 0) return;
    const onError = (error: unknown) => {
      this.error = `Could not read the library from browser storage: ${String(error)}`;
    };
    this.#subscriptions.push(
      liveQuery(() => services.resumes.list()).subscribe({
        next: (resumes) => {
          this.resumes = resumes;
          this.loaded = true;
        },
        error: onError,
      }),
      liveQuery(() => services.jobs.list()).subscribe({
        next: (jobs) => {
          this.jobs = jobs;
        },
        error: onError,
      }),
    );
  }

  stop(): void {
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#subscriptions = [];
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
