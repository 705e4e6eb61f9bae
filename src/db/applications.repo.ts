/**
 * Applications table: the job seeker's applications, one per job. Written only by the UI (track,
 * move on the board, edit details); read by the board, the table, the due list and analytics.
 * Records are plain data (core/applications/model), so the backup writes and restores them as is.
 * Deleting a job deletes its application (db/cascade.ts).
 */
import {
  createApplication,
  moveApplication,
  type Application,
  type ApplicationStatus,
  type NewApplication,
} from '../core/applications/model';
import { ShortlistError } from '../core/errors';
import type { AppDb } from './app-db';
import { withStorageErrors } from './storage-errors';

/** What a person may edit on an application (status changes go through move()). */
export type ApplicationDetails = Partial<
  Pick<
    Application,
    | 'resumeId'
    | 'company'
    | 'deadline'
    | 'contact'
    | 'salary'
    | 'postingUrl'
    | 'notes'
    | 'nextStepOn'
    | 'nextStep'
  >
>;

export class ApplicationRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  get(jobId: string): Promise<Application | undefined> {
    return this.#db.applications.get(jobId);
  }

  /** Every application, most recently changed first (the board and table page them in memory). */
  list(): Promise<Application[]> {
    return this.#db.applications.orderBy('updatedAt').reverse().toArray();
  }

  count(): Promise<number> {
    return this.#db.applications.count();
  }

  countByStatus(status: ApplicationStatus): Promise<number> {
    return this.#db.applications.where('status').equals(status).count();
  }

  /** Open and closed applications with a next step on or before `day` ("YYYY-MM-DD"). */
  dueBy(day: string): Promise<Application[]> {
    return this.#db.applications.where('nextStepOn').belowOrEqual(day).sortBy('nextStepOn');
  }

  /**
   * Tracks the job. When it is already tracked, the existing application is returned unchanged
   * (tracking twice never resets a status or a timeline).
   */
  async track(
    input: NewApplication,
    now: number = Date.now(),
  ): Promise<{ application: Application; created: boolean }> {
    const db = this.#db;
    return withStorageErrors(() =>
      db.transaction('rw', db.applications, async () => {
        const existing = await db.applications.get(input.jobId);
        if (existing) return { application: existing, created: false };
        const application = createApplication(input, now);
        await db.applications.add(application);
        return { application, created: true };
      }),
    );
  }

  /** Moves an application to a status, adding the change to its timeline. */
  async move(jobId: string, status: ApplicationStatus, now: number = Date.now()): Promise<Application> {
    const db = this.#db;
    return withStorageErrors(() =>
      db.transaction('rw', db.applications, async () => {
        const existing = await db.applications.get(jobId);
        if (!existing) throw new ShortlistError('not-found', 'This application no longer exists.');
        const moved = moveApplication(existing, status, now);
        if (moved !== existing) await db.applications.put(moved);
        return moved;
      }),
    );
  }

  /** Saves edited details. Empty strings clear a field. False when the application is gone. */
  async update(jobId: string, details: ApplicationDetails, now: number = Date.now()): Promise<boolean> {
    const db = this.#db;
    return withStorageErrors(() =>
      db.transaction('rw', db.applications, async () => {
        const existing = await db.applications.get(jobId);
        if (!existing) return false;
        const next: Application = { ...existing, updatedAt: now };
        for (const [key, value] of Object.entries(details) as [keyof ApplicationDetails, unknown][]) {
          if (value === undefined || value === '') delete next[key];
          else (next as unknown as Record<string, unknown>)[key] = value;
        }
        if (typeof next.notes !== 'string') next.notes = '';
        await db.applications.put(next);
        return true;
      }),
    );
  }

  delete(jobId: string): Promise<void> {
    return withStorageErrors(() => this.#db.applications.delete(jobId));
  }
}
