import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_ORIGIN, fixture, openApp, pasteJob, readFixtureText } from './helpers';

interface CorpusListing {
  resumes: { file: string; name: string }[];
  jobs: { file: string; title: string }[];
}

const BUILTIN_LABEL = 'Built-in USE lite';

/** Ranks again (choosing the job anew), so vectors that arrived meanwhile are used. */
async function rankingMeta(page: Page, title: string): Promise<string> {
  await page.getByTestId('ranking-subject').selectOption({ index: 0 });
  await page.getByTestId('ranking-subject').selectOption({ label: title });
  return (await page.getByTestId('ranking-meta').textContent()) ?? '';
}

/**
 * The built-in model is on by default: on a fresh profile, after the first import it loads in the
 * background from this app's own origin (weights, vocabulary, TF.js wasm), embeds the library, and
 * ranking and match say it made the semantic part. After one use it works with the network off.
 */
test('built-in model: on by default, from this origin only, semantic ranking and match, then offline', async ({
  page,
  context,
}) => {
  test.setTimeout(420_000);
  const external: string[] = [];
  const modelFiles: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${E2E_ORIGIN}/`) && !/^(data|blob):/.test(url)) external.push(url);
    if (url.includes('/models/builtin/')) modelFiles.push(new URL(url).pathname);
  });
  const corpus = JSON.parse(readFileSync(fixture('corpus/corpus.json'), 'utf8')) as CorpusListing;
  const [job, secondJob] = corpus.jobs;
  await openApp(page);

  // No visit to Settings: importing is enough.
  await page.goto('/#/library');
  await page
    .getByTestId('resume-input')
    .setInputFiles(corpus.resumes.slice(0, 20).map((resume) => fixture(`corpus/${resume.file}`)));
  await expect(page.getByTestId('resume-row')).toHaveCount(20, { timeout: 180_000 });
  await pasteJob(page, job!.title, readFixtureText(`corpus/${job!.file}`));

  await page.getByRole('link', { name: 'Ranking' }).click();
  await expect
    .poll(() => rankingMeta(page, job!.title), { timeout: 240_000, intervals: [2000] })
    .toContain(`semantic score (${BUILTIN_LABEL})`);
  await page.getByTestId('row-name').first().click();
  await expect(page.getByTestId('breakdown')).toContainText(`embedding similarity by ${BUILTIN_LABEL}`);

  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ index: 1 });
  await page.getByTestId('match-job').selectOption({ label: job!.title });
  await expect(page.getByTestId('match-breakdown')).toContainText(
    `embedding similarity by ${BUILTIN_LABEL}`,
    {
      timeout: 60_000,
    },
  );

  // Settings lists it first, as built-in, with its size and licence.
  await page.goto('/#/settings');
  const firstOption = page.getByTestId('model-select').locator('option').first();
  await expect(firstOption).toContainText('Built-in, offline');
  await expect(page.getByTestId('model-builtin')).toBeVisible();
  await expect(page.getByTestId('model-licence')).toHaveText('Apache-2.0');
  await expect(page.getByTestId('model-backend')).toHaveText('wasm');
  await expect(page.getByTestId('embedded-resumes')).toHaveText('20', { timeout: 120_000 });

  expect(modelFiles).toContain('/models/builtin/use-lite-512/model.json');
  expect(modelFiles.some((path) => /\/tfjs\/tfjs-backend-wasm.*\.wasm$/.test(path))).toBe(true);
  expect(external).toEqual([]);

  // Network off: the model comes back from this browser's cache and embeds a new job.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await page.goto('/#/library');
  await pasteJob(page, secondJob!.title, readFixtureText(`corpus/${secondJob!.file}`));
  await page.getByRole('link', { name: 'Ranking' }).click();
  await expect
    .poll(() => rankingMeta(page, secondJob!.title), { timeout: 180_000, intervals: [2000] })
    .toContain(`semantic score (${BUILTIN_LABEL})`);
  await context.setOffline(false);
  expect(external).toEqual([]);
});
