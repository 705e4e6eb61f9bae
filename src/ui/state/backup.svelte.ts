/**
 * The Export page's state: downloading a backup (streamed, see src/db/backup.ts) and restoring
 * one. Restore is read → preview → (confirm, for replace) → write: reading validates the whole file
 * and converts it without writing anything, so the person sees the counts — and any problem —
 * before the library changes; replacing asks once more because it deletes what is there now.
 */
import { notifier } from './notifier.svelte';
import type { BundleCounts } from '../../core/export/bundle';
import {
  applyRestore,
  exportBackup,
  readBackup,
  type BackupProgress,
  type PreparedRestore,
  type RestoreMode,
} from '../../db/backup';
import type { AppDb } from '../../db/app-db';

export type RestoreStep = 'idle' | 'reading' | 'preview' | 'confirm' | 'writing' | 'done';

export interface BackupDeps {
  db: AppDb;
  appVersion: string;
  /** Hands the finished file to the person (a download link in the browser). */
  save: (blob: Blob, fileName: string) => void;
  /** Called after a restore wrote, so caches and indexes can catch up. */
  afterRestore?: () => Promise<void> | void;
  /** Times the restore's resume writes, per 1,000 resumes (the db.bulkInsert metric). */
  recordBulkInsert?: (msPer1000: number) => void;
}

/** "3 resumes, 1 job, …" for the collections that have records. */
export function describeCounts(counts: BundleCounts): string {
  const names: [keyof BundleCounts, string, string][] = [
    ['resumes', 'resume', 'resumes'],
    ['jobs', 'job', 'jobs'],
    ['documents', 'file', 'files'],
    ['matches', 'score', 'scores'],
    ['vectors', 'embedding', 'embeddings'],
    ['shortlists', 'shortlist entry', 'shortlist entries'],
    ['suggestions', 'AI suggestion', 'AI suggestions'],
    ['applications', 'application', 'applications'],
    ['settings', 'setting', 'settings'],
    ['metrics', 'metric', 'metrics'],
  ];
  const parts = names
    .filter(([key]) => counts[key] > 0)
    .map(([key, one, many]) => `${counts[key]} ${counts[key] === 1 ? one : many}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export class BackupState {
  exporting = $state(false);
  exportMessage = $state<string | null>(null);
  exportError = $state<string | null>(null);

  step = $state<RestoreStep>('idle');
  fileName = $state('');
  mode = $state<RestoreMode>('merge');
  /** 0..1 while reading or writing. */
  progress = $state(0);
  preview = $state.raw<PreparedRestore | null>(null);
  restoreError = $state<string | null>(null);
  restoreMessage = $state<string | null>(null);

  readonly #deps: BackupDeps;
  #controller: AbortController | undefined;

  constructor(deps: BackupDeps) {
    this.#deps = deps;
  }

  async download(): Promise<void> {
    this.exporting = true;
    this.exportError = null;
    this.exportMessage = null;
    try {
      const { blob, counts } = await exportBackup(this.#deps.db, { appVersion: this.#deps.appVersion });
      this.#deps.save(blob, `shortlist-export-${new Date().toISOString().slice(0, 10)}.json`);
      this.exportMessage = `Exported ${describeCounts(counts)}.`;
    } catch (error) {
      this.exportError = notifier.report(error);
    } finally {
      this.exporting = false;
    }
  }

  /** Reads and checks a picked file; nothing is written. */
  async choose(file: Blob & { name?: string }): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.fileName = file.name ?? 'backup';
    this.preview = null;
    this.restoreError = null;
    this.restoreMessage = null;
    this.progress = 0;
    this.step = 'reading';
    try {
      const prepared = await readBackup(file, {
        signal: controller.signal,
        onProgress: (progress) => this.#onProgress(progress),
      });
      if (controller.signal.aborted) return;
      this.preview = prepared;
      this.step = 'preview';
    } catch (error) {
      if (controller.signal.aborted) return;
      this.restoreError = notifier.report(error);
      this.step = 'idle';
    }
  }

  /** Restore pressed: merge writes now; replace first asks to confirm. */
  async restore(): Promise<void> {
    if (this.step !== 'preview') return;
    if (this.mode === 'replace') {
      this.step = 'confirm';
      return;
    }
    await this.#write();
  }

  async confirmReplace(): Promise<void> {
    if (this.step === 'confirm') await this.#write();
  }

  cancel(): void {
    this.#controller?.abort();
    this.preview = null;
    this.progress = 0;
    this.step = 'idle';
  }

  async #write(): Promise<void> {
    const prepared = this.preview;
    if (!prepared) return;
    this.step = 'writing';
    this.progress = 0;
    try {
      const counts = await applyRestore(this.#deps.db, prepared, {
        mode: this.mode,
        onProgress: (progress) => this.#onProgress(progress),
        onResumesWritten: (msPer1000) => this.#deps.recordBulkInsert?.(msPer1000),
      });
      await this.#deps.afterRestore?.();
      this.restoreMessage = `Restored ${describeCounts(counts)} (${this.mode === 'replace' ? 'replaced the library' : 'merged into the library'}).`;
      this.preview = null;
      this.step = 'done';
    } catch (error) {
      this.restoreError = notifier.report(error);
      this.step = 'preview';
    }
  }

  #onProgress(progress: BackupProgress): void {
    this.progress = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
  }
}
