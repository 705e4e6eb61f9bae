import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SHORTLIST_CSV_COLUMNS } from '../../src/core/search/shortlist-export';
import { fixture, openApp, pasteJob, pauseBackgroundEmbedding, readFixtureText } from './helpers';

/** Written by scripts/make-corpus.ts in the global setup (200 generated resumes + 3 jobs). */
interface CorpusListing {
  resumes: { file: string; name: string; years: number; skills: string[] }[];
  jobs: { file: string; title: string; required: string[] }[];
}

function listing(): CorpusListing {
  return JSON.parse(readFileSync(fixture('corpus/corpus.json'), 'utf8')) as CorpusListing;
}

async function rankingTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('ranking-total').textContent()) ?? '';
  return Number(text.split(' ')[0]);
}

async function searchCacheHits(page: Page): Promise<number> {
  await page.getByRole('link', { name: 'Performance' }).click();
  const row = page.locator('[data-testid="cache-row"][data-cache="search"]');
  await expect(row).toBeVisible();
  return Number(await row.getByTestId('cache-hits').textContent());
}

test('rank 200 generated resumes: filter, breakdown, export, cache, delete, offline', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const corpus = listing();
  const job = corpus.jobs[0]!;
  const mustHave = job.required[0]!;
  await openApp(page);
  // This spec measures the lexical ranking and its cache; the built-in model's background vectors
  // would rescore rows under it (builtin-model.spec covers the semantic path).
  await pauseBackgroundEmbedding(page);

  // 200 resumes in one pick.
  await page
    .getByTestId('resume-input')
    .setInputFiles(corpus.resumes.map((resume) => fixture(`corpus/${resume.file}`)));
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '200', { timeout: 240_000 });
  // The list is virtual: only the rows around the viewport are in the page.
  expect(await page.getByTestId('resume-row').count()).toBeLessThan(60);
  await pasteJob(page, job.title, readFixtureText(`corpus/${job.file}`));

  // Rank them against the pasted job.
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-subject').selectOption({ label: job.title });
  await expect(page.getByTestId('ranking-total')).toHaveText('200 candidates');
  await expect(page.getByTestId('ranking-meta')).toContainText('lexical score');
  const scores = (await page.getByTestId('row-score').allTextContents()).map(Number);
  expect(scores.length).toBeGreaterThan(5);
  // Virtualised: far fewer rows in the DOM than ranked.
  expect(scores.length).toBeLessThan(60);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  // Must-have filter: only resumes that prove the skill remain.
  const listed = corpus.resumes.filter((resume) => resume.skills.includes(mustHave)).length;
  await page.getByTestId('filter-skills').fill(mustHave);
  // (The total reads 0 while a new ranking loads.)
  await expect
    .poll(async () => {
      const total = await rankingTotal(page);
      return total > 0 && total < 200;
    })
    .toBe(true);
  const filtered = await rankingTotal(page);
  expect(filtered).toBeGreaterThanOrEqual(listed);
  expect(filtered).toBeGreaterThan(0);
  await expect(page.getByTestId('row-missing').first()).not.toContainText(mustHave);

  // One breakdown, with the proving resume line highlighted, and similar candidates.
  await page.getByTestId('row-name').first().click();
  const breakdown = page.getByTestId('breakdown');
  await expect(breakdown).toBeVisible();
  const proven = breakdown
    .getByTestId('matched-skill')
    .filter({ has: page.getByTestId('skill-name').getByText(mustHave, { exact: true }) });
  await expect(proven.locator('mark')).toBeVisible();
  expect((await proven.locator('mark').textContent())?.toLowerCase()).toBe(mustHave.toLowerCase());
  await expect(breakdown.getByTestId('score-bar')).toHaveCount(8);
  await expect(breakdown).toContainText('not available');
  await expect(breakdown.getByTestId('similar').locator('li').first()).toBeVisible();

  // Star two candidates and export the shortlist as CSV.
  await page.getByTestId('star').nth(0).click();
  await page.getByTestId('star').nth(1).click();
  await expect(page.getByTestId('shortlist-count')).toHaveText('2 starred');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^shortlist-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(csv[0]).toBe(SHORTLIST_CSV_COLUMNS.join(','));
  expect(csv).toHaveLength(3);
  expect(csv[1]!.startsWith('1,')).toBe(true);

  // The same ranking again is served from the search cache: the dashboard's hit count rises.
  const hitsBefore = await searchCacheHits(page);
  await page.getByRole('link', { name: 'Ranking' }).click();
  await expect(page.getByTestId('ranking-meta')).toContainText('from cache');
  expect(await searchCacheHits(page)).toBeGreaterThan(hitsBefore);

  // Delete a ranked resume (one whose name is unique) and see it gone from the results.
  await page.getByRole('link', { name: 'Ranking' }).click();
  await expect(page.getByTestId('row-name').first()).toBeVisible();
  const names = await page.getByTestId('row-name').allTextContents();
  const victim = names.find((name) => corpus.resumes.filter((resume) => resume.name === name).length === 1)!;
  expect(victim).toBeDefined();
  await page.getByRole('link', { name: 'Library' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  const deleteVictim = page.getByRole('button', { name: `Delete resume ${victim}` });
  // Scroll the virtual list until the victim's row is rendered.
  for (let step = 0; step < 60 && (await deleteVictim.count()) === 0; step += 1) {
    await page.getByTestId('resume-list').evaluate((list) => {
      const viewport = list.parentElement;
      if (viewport) viewport.scrollTop += 400;
    });
    await page.waitForTimeout(50);
  }
  await deleteVictim.click();
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '199');
  await page.getByRole('link', { name: 'Ranking' }).click();
  await expect.poll(() => rankingTotal(page)).toBe(filtered - 1);
  await expect(page.getByTestId('row-name').filter({ hasText: victim })).toHaveCount(0);

  // Offline reload keeps everything: the library, the index (rebuilt from IndexedDB), the ranking.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-subject').selectOption({ label: job.title });
  // The URL carried the must-have filter through the reload; clearing it shows everyone.
  await expect(page.getByTestId('filter-skills')).toHaveValue(mustHave);
  await expect(page.getByTestId('ranking-total')).toHaveText(`${filtered - 1} candidates`);
  await page.getByTestId('filter-skills').fill('');
  await expect(page.getByTestId('ranking-total')).toHaveText('199 candidates');
  await expect(page.getByTestId('row-name').filter({ hasText: victim })).toHaveCount(0);
  await context.setOffline(false);
});
