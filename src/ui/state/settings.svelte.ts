/** The Settings page: limits and storage. Model settings live in their own components. */
import { notifier } from './notifier.svelte';
import { services } from '../services';

const MB = 1024 * 1024;

export class SettingsState {
  maxFileMb = $state(20);
  maxUnzippedMb = $state(100);
  maxPdfPages = $state(50);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  persisted = $state<boolean | null>(null);
  message = $state<string | null>(null);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    const settings = await services.settings.getAll();
    this.maxFileMb = Math.round((settings.maxFileBytes / MB) * 10) / 10;
    this.maxUnzippedMb = Math.round(settings.maxUnzippedBytes / MB);
    this.maxPdfPages = settings.maxPdfPages;
    await this.refreshStorage();
  }

  async refreshStorage(): Promise<void> {
    if (!navigator.storage?.estimate) return;
    const estimate = await navigator.storage.estimate();
    this.usage = estimate.usage ?? null;
    this.quota = estimate.quota ?? null;
    this.persisted = navigator.storage.persisted ? await navigator.storage.persisted() : null;
  }

  async saveLimits(): Promise<void> {
    this.message = null;
    this.error = null;
    if (
      !(this.maxFileMb > 0 && this.maxFileMb <= 500) ||
      !(this.maxUnzippedMb > 0 && this.maxUnzippedMb <= 2000) ||
      !(Number.isInteger(this.maxPdfPages) && this.maxPdfPages >= 1 && this.maxPdfPages <= 1000)
    ) {
      this.error =
        'Limits must be between 0 and 500 MB (files), 0 and 2,000 MB (unzipped DOCX) and 1 and 1,000 PDF pages.';
      return;
    }
    try {
      await services.settings.set('maxFileBytes', Math.round(this.maxFileMb * MB));
      await services.settings.set('maxUnzippedBytes', Math.round(this.maxUnzippedMb * MB));
      await services.settings.set('maxPdfPages', this.maxPdfPages);
      this.message = 'Limits saved. They apply to the next files you add.';
    } catch (error) {
      this.error = notifier.report(error);
    }
  }

  async requestPersistence(): Promise<void> {
    if (!navigator.storage?.persist) {
      this.error = 'This browser cannot make storage persistent.';
      return;
    }
    const granted = await navigator.storage.persist();
    this.persisted = granted;
    this.message = granted
      ? 'Storage is now persistent: the browser will not clear it under pressure.'
      : 'The browser declined. Installing Shortlist as an app usually allows it.';
  }

  async deleteEverything(): Promise<void> {
    try {
      await services.db.transaction('rw', services.db.tables, async () => {
        await Promise.all(services.db.tables.map((table) => table.clear()));
      });
      services.matcher.cache.clear();
      this.message = 'All data was deleted from this browser.';
      await this.refreshStorage();
    } catch (error) {
      this.error = notifier.report(error);
    }
  }
}
