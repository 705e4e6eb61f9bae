import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from './helpers';

/**
 * Every record of every store (except metrics, which the app keeps writing), in a comparable form:
 * binary values become their length and a checksum.
 */
async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('shortlist');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const plain = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer
            ? new Uint8Array(value)
            : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        let sum = 0;
        for (const byte of bytes) sum = (sum * 31 + byte) >>> 0;
        return { binary: bytes.byteLength, sum };
      }
      if (Array.isArray(value)) return value.map(plain);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
      }
      return value;
    };
    const result: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames].filter((store) => store !== 'metrics')) {
      result[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve((request.result as unknown[]).map(plain));
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    }
    db.close();
    return result;
  });
}

async function rankJob(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-subject').selectOption({ label: title });
  await expect(page.getByTestId('ranking-total')).toHaveText('12 candidates');
  await expect(page.getByTestId('row-score').first()).toBeVisible();
}

async function restoreFile(page: Page, path: string): Promise<void> {
  await page.getByRole('link', { name: 'Export' }).click();
  await page.getByTestId('restore-file').setInputFiles(path);
}

test('shortlists persist per job; export → delete all → restore brings back every record and score', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  await page.getByTestId('add-sample').click();
  await expect(page.getByTestId('resume-row')).toHaveCount(12, { timeout: 120_000 });
  await expect(page.getByTestId('job-row')).toHaveCount(3);
  const titles = await page.getByTestId('job-row').locator('strong').allTextContents();
  const [jobA, jobB] = titles;
  if (!jobA || !jobB) throw new Error('sample jobs missing');

  // Job A: star two, set a stage and a note.
  await rankJob(page, jobA);
  const namesA = await page.getByTestId('row-name').allTextContents();
  await page.getByTestId('star').nth(0).click();
  await page.getByTestId('star').nth(1).click();
  await expect(page.getByTestId('shortlist-count')).toHaveText('2 starred');
  await page.getByTestId('row-stage').nth(1).selectOption('interview');
  await page.getByTestId('row-name').nth(0).click();
  await expect(page.getByTestId('breakdown')).toBeVisible();
  await page.getByTestId('row-note').fill('Strong on the must-haves; call Monday');
  await page.getByTestId('row-note').blur();
  // Job B: star one (a different list: job A's stars are not job B's).
  await rankJob(page, jobB);
  await expect(page.getByTestId('shortlist-count')).toHaveText('0 starred');
  await page.getByTestId('star').nth(2).click();
  await expect(page.getByTestId('shortlist-count')).toHaveText('1 starred');

  // Reload: all kept, per job.
  await page.reload();
  await rankJob(page, jobA);
  await expect(page.getByTestId('shortlist-count')).toHaveText('2 starred');
  const rowA = (name: string) => page.getByTestId('ranking-row').filter({ hasText: name });
  await expect(rowA(namesA[0]!).getByTestId('star')).toHaveAttribute('aria-pressed', 'true');
  await expect(rowA(namesA[1]!).getByTestId('star')).toHaveAttribute('aria-pressed', 'true');
  await expect(rowA(namesA[1]!).getByTestId('row-stage')).toHaveValue('interview');
  await rowA(namesA[0]!).getByTestId('row-name').click();
  await expect(page.getByTestId('row-note')).toHaveValue('Strong on the must-haves; call Monday');
  const scoresA = await page.getByTestId('row-score').allTextContents();
  await rankJob(page, jobB);
  await expect(page.getByTestId('shortlist-count')).toHaveText('1 starred');

  // Export everything.
  const before = await dumpDatabase(page);
  expect(before.shortlists).toHaveLength(3);
  expect(before.resumes).toHaveLength(12);
  await page.getByRole('link', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const download = await downloading;
  const backupPath = join(tmpdir(), `shortlist-e2e-backup-${Date.now()}.json`);
  await download.saveAs(backupPath);
  await expect(page.getByTestId('export-message')).toContainText('12 resumes');

  // Delete all.
  await page.getByRole('link', { name: 'Settings' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await expect(page.getByText('All data was deleted from this browser.')).toBeVisible();
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('resume-row')).toHaveCount(0);

  // A damaged and a future-version file change nothing and say why.
  const text = await import('node:fs').then((fs) => fs.readFileSync(backupPath, 'utf8'));
  const cutPath = join(tmpdir(), `shortlist-e2e-cut-${Date.now()}.json`);
  writeFileSync(cutPath, text.slice(0, Math.floor(text.length / 2)));
  await restoreFile(page, cutPath);
  await expect(page.getByTestId('restore-error')).toContainText(/damaged|incomplete/);
  const futurePath = join(tmpdir(), `shortlist-e2e-future-${Date.now()}.json`);
  writeFileSync(futurePath, text.replace(/"version":\d+/, '"version":99'));
  await restoreFile(page, futurePath);
  await expect(page.getByTestId('restore-error')).toContainText('newer version of Shortlist');
  const empty = await dumpDatabase(page);
  expect(empty.resumes).toEqual([]);
  expect(empty.shortlists).toEqual([]);

  // Restore (replace, confirmed).
  await restoreFile(page, backupPath);
  await expect(page.getByTestId('restore-counts')).toContainText('12 resumes');
  await expect(page.getByTestId('restore-counts')).toContainText('3 shortlist entries');
  await page.getByTestId('restore-replace').check();
  await page.getByTestId('restore-apply').click();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-message')).toContainText('Restored 12 resumes');

  // Record for record, and the same scores and shortlist.
  const after = await dumpDatabase(page);
  // The restore's epoch stamp (settings: libraryEpoch) is the app's bookkeeping, not the library's.
  const records = (store: string, dump: typeof after): unknown[] =>
    (dump[store] ?? []).filter(
      (record) => store !== 'settings' || (record as { key?: string }).key !== 'libraryEpoch',
    );
  for (const store of Object.keys(before))
    expect(records(store, after), store).toEqual(records(store, before));
  await rankJob(page, jobA);
  await expect(page.getByTestId('shortlist-count')).toHaveText('2 starred');
  expect(await page.getByTestId('row-score').allTextContents()).toEqual(scoresA);
});
