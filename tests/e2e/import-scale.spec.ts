import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../src/core/corpus/generate';
import { BENCH_SEARCH_QUERIES } from '../../src/core/corpus/search-queries';
import { fixture, openApp, pasteJob, readFixtureText } from './helpers';

const SCALE_RESUMES = 2_500;

/** Generated resumes as .txt files in a folder of their own (git-ignored test output). */
function writeResumes(count: number, seed: number): string[] {
  const dir = join(import.meta.dirname, '..', '..', 'test-results', `scale-${seed}-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return generateCorpus({ resumes: count, jobs: 1, seed }).resumes.map((resume) => {
    const path = join(dir, `${resume.id}.txt`);
    writeFileSync(path, resume.text);
    return path;
  });
}

async function finished(page: Page): Promise<number> {
  return Number(await page.getByTestId('import-summary').getAttribute('data-finished'));
}

async function storedCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('resume-count').getAttribute('data-count'));
}

test('@slow 2,500 resumes in one pick: all stored, a reload mid-import offers to resume, nothing stored twice', async ({
  page,
}) => {
  test.setTimeout(30 * 60_000);
  const files = writeResumes(SCALE_RESUMES, 99);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await openApp(page);

  await page.getByTestId('resume-input').setInputFiles(files);
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-total', String(SCALE_RESUMES));
  // The whole pick is remembered (so a reload can finish it) within seconds, while files are parsed.
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-unsaved', '0', { timeout: 60_000 });
  await expect(page.getByTestId('import-saving')).toHaveCount(0);
  // Progress is n of N with a rate, and the list shows a bounded number of rows, not 2,500.
  await expect.poll(() => finished(page), { timeout: 10 * 60_000 }).toBeGreaterThanOrEqual(200);
  await expect(page.getByTestId('import-rate')).toContainText('files/s');
  expect(await page.getByTestId('import-item').count()).toBeLessThan(150);

  // Reload mid-import: the tab offers to resume the files it had not finished.
  await page.reload();
  await expect(page.getByTestId('resume-import')).toBeVisible();
  const before = await storedCount(page);
  expect(before).toBeGreaterThanOrEqual(200);
  expect(before).toBeLessThan(SCALE_RESUMES);
  await page.getByTestId('resume-import-go').click();
  await expect
    .poll(() => storedCount(page), { timeout: 25 * 60_000, intervals: [2_000] })
    .toBe(SCALE_RESUMES);
  await expect.poll(() => finished(page)).toBeGreaterThanOrEqual(SCALE_RESUMES - before);

  // Nothing stored twice, nothing left pending: after another reload there is nothing to resume.
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', String(SCALE_RESUMES));
  await expect(page.getByTestId('resume-import')).toHaveCount(0);
  expect(crashed).toBe(false);
});

test('typing ten queries reuses one search worker (stale answers are dropped, the worker is kept)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const searchWorkers: string[] = [];
  page.on('worker', (worker) => {
    if (worker.url().includes('search.worker')) searchWorkers.push(worker.url());
  });
  const corpus = JSON.parse(readFileSync(fixture('corpus/corpus.json'), 'utf8')) as {
    resumes: { file: string }[];
    jobs: { file: string; title: string }[];
  };
  const job = corpus.jobs[0]!;
  await openApp(page);
  await page
    .getByTestId('resume-input')
    .setInputFiles(corpus.resumes.slice(0, 30).map((resume) => fixture(`corpus/${resume.file}`)));
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '30', { timeout: 120_000 });
  await pasteJob(page, job.title, readFixtureText(`corpus/${job.file}`));
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-subject').selectOption({ label: job.title });
  await expect(page.getByTestId('row-score').first()).toBeVisible();

  const search = page.getByTestId('candidate-search');
  for (const query of BENCH_SEARCH_QUERIES) {
    await search.fill('');
    // Key by key, faster than answers come back: each keystroke makes the previous query stale.
    await search.pressSequentially(query, { delay: 5 });
  }
  await expect(page.getByTestId('search-results')).toBeVisible();
  expect(searchWorkers).toHaveLength(1);
});
