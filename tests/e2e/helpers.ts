import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'generated');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export function readFixtureText(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

/** Open the app and wait until the service worker controls it (so offline reloads work). */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Shortlist' })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

export function importItem(page: Page, fileName: string) {
  return page.locator(`[data-testid="import-item"][data-file="${fileName}"]`);
}

export async function addResumes(page: Page, files: string[]): Promise<void> {
  await page.getByTestId('resume-input').setInputFiles(files.map(fixture));
}

export async function pasteJob(page: Page, title: string, text: string): Promise<void> {
  await page.getByTestId('job-title').fill(title);
  await page.getByTestId('job-text').fill(text);
  await page.getByTestId('add-job').click();
  await expect(page.getByTestId('job-row').filter({ hasText: title })).toBeVisible();
}

/** The e2e server's origin (playwright.config.ts picks the port; E2E_PORT overrides it). */
export const E2E_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4317}`;

/**
 * Pauses the built-in model's background embedding (the app's own setting, as the Settings page's
 * Pause button stores it), for specs that measure lexical ranking and its cache: vectors arriving
 * mid-test would change the scores under them. Reloads so the app reads the setting.
 */
export async function pauseBackgroundEmbedding(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('shortlist');
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'embeddingPaused', value: true });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('settings write failed'));
        };
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Shortlist' })).toBeVisible();
}

/** How many resume and document records the app has stored (read straight from IndexedDB). */
export async function storedCounts(page: Page): Promise<{ resumes: number; documents: number }> {
  return page.evaluate(async () => {
    const open = indexedDB.open('shortlist');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const count = (table: string) =>
      new Promise<number>((resolve, reject) => {
        const request = db.transaction(table).objectStore(table).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('count failed'));
      });
    const counts = { resumes: await count('resumes'), documents: await count('documents') };
    db.close();
    return counts;
  });
}
