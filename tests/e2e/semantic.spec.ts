import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_ORIGIN, fixture, openApp, pasteJob, readFixtureText } from './helpers';

const TINY_MODEL = 'shortlist-tiny-embed';

interface CorpusListing {
  resumes: { file: string; name: string }[];
  jobs: { file: string; title: string }[];
}

/**
 * With the tiny test embedding model (offered only in builds made for tests), imported resumes and
 * jobs get vectors through the same path as a real model, but the score never calls them semantic:
 * the ranking and the match say a test model made that part.
 */
test('tiny test model from /models: vectors flow, labelled as a test model, never called semantic', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const external: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${E2E_ORIGIN}/`) && !/^(data|blob):/.test(url)) external.push(url);
  });
  const corpus = JSON.parse(readFileSync(fixture('corpus/corpus.json'), 'utf8')) as CorpusListing;
  const job = corpus.jobs[0]!;
  await openApp(page);

  await page.goto('/#/settings');
  await page.getByTestId('model-select').selectOption(TINY_MODEL);
  await page.getByTestId('model-load').click();
  await expect(page.getByTestId('model-id')).toHaveText(TINY_MODEL, { timeout: 60_000 });

  await page.goto('/#/library');
  const resumes = corpus.resumes.slice(0, 20);
  await page
    .getByTestId('resume-input')
    .setInputFiles(resumes.map((resume) => fixture(`corpus/${resume.file}`)));
  await expect(page.getByTestId('resume-row')).toHaveCount(20, { timeout: 120_000 });
  await pasteJob(page, job.title, readFixtureText(`corpus/${job.file}`));

  // Vectors arrive in the background; the ranking turns semantic once they are in.
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-subject').selectOption({ label: job.title });
  await expect
    .poll(
      async () => {
        await page.getByTestId('ranking-subject').selectOption({ label: job.title });
        return (await page.getByTestId('ranking-meta').textContent()) ?? '';
      },
      { timeout: 60_000 },
    )
    .toContain('test vectors, not semantic');

  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ index: 1 });
  await page.getByTestId('match-job').selectOption({ label: job.title });
  await expect(page.getByTestId('match-breakdown')).toContainText('a test model (not semantic)', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('match-breakdown')).not.toContainText('Semantic score');
  expect(external).toEqual([]);
});

/**
 * One score per pair: a correction changes the record, so its vectors go stale and are never used
 * (the shared staleness rule); the record is re-embedded in the background, and then the Match
 * screen, the Ranking table and the Ranking breakdown all show one and the same score.
 */
test('a corrected resume is re-embedded, and Match, Ranking table and breakdown agree on its score', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const corpus = JSON.parse(readFileSync(fixture('corpus/corpus.json'), 'utf8')) as CorpusListing;
  const job = corpus.jobs[0]!;
  const chosen = corpus.resumes[0]!;
  await openApp(page);
  await page.goto('/#/settings');
  await page.getByTestId('model-select').selectOption(TINY_MODEL);
  await page.getByTestId('model-load').click();
  await expect(page.getByTestId('model-id')).toHaveText(TINY_MODEL, { timeout: 60_000 });

  await page.goto('/#/library');
  await page
    .getByTestId('resume-input')
    .setInputFiles(corpus.resumes.slice(0, 6).map((resume) => fixture(`corpus/${resume.file}`)));
  await expect(page.getByTestId('resume-row')).toHaveCount(6, { timeout: 120_000 });
  await pasteJob(page, job.title, readFixtureText(`corpus/${job.file}`));

  // Correct the chosen resume (its location), which makes its stored vectors stale.
  await page.getByTestId('resume-row').filter({ hasText: chosen.file }).getByTestId('open-resume').click();
  await page.getByTestId('field-location').fill('Austin, TX');
  await page.getByTestId('save-corrections').click();
  await expect(page.getByTestId('source-location')).toHaveText('corrected');

  // Match: once re-embedded, the similarity part is back (it is "not available" while stale).
  await page.getByRole('link', { name: 'Match' }).click();
  const resumeOption = page.getByTestId('match-resume').locator('option', { hasText: chosen.file });
  await page.getByTestId('match-resume').selectOption((await resumeOption.getAttribute('value')) ?? '');
  await page.getByTestId('match-job').selectOption({ label: job.title });
  await expect
    .poll(
      async () => {
        // Choosing the job again re-scores with the vectors there are now.
        await page.getByTestId('match-job').selectOption({ index: 0 });
        await page.getByTestId('match-job').selectOption({ label: job.title });
        return (await page.getByTestId('match-breakdown').textContent()) ?? '';
      },
      { timeout: 90_000, intervals: [2000] },
    )
    .toContain('a test model (not semantic)');
  const matchScore = Number(await page.getByTestId('match-score').textContent());
  expect(matchScore).toBeGreaterThan(0);

  // Ranking: the same pair's row and its breakdown.
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-subject').selectOption({ index: 0 });
  await page.getByTestId('ranking-subject').selectOption({ label: job.title });
  await expect(page.getByTestId('ranking-meta')).toContainText('test vectors, not semantic');
  const row = page.getByTestId('ranking-row').filter({ hasText: chosen.name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('row-score')).toHaveText(String(matchScore));
  await row.getByTestId('row-name').click();
  const breakdown = page.getByTestId('breakdown');
  await expect(breakdown.getByRole('heading', { level: 2 })).toHaveText(`${chosen.name} — ${matchScore}`);
  await expect(breakdown).toContainText('a test model (not semantic)');
});
