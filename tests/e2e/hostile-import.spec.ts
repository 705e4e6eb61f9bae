import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  HIDDEN_STYLES,
  STUFFED_KEYWORDS,
  makeHugePagePdf,
  makeLocationBombText,
  makeStuffedResumePdf,
} from '../fixtures/hostile-fixtures';
import { makeLyingDocxBomb } from '../fixtures/zip-fixtures';
import { fixture, importItem, openApp, pasteJob, pauseBackgroundEmbedding } from './helpers';

/**
 * Hostile files picked together with good ones, as a recruiter importing a folder would: a DOCX
 * whose headers lie about its unpacked size, a PDF page 1e18 units wide and a resume whose
 * contact line is a 1 KB "A-A-…" run. Each hostile file ends with a clear message (refused, or
 * read with a warning); the good resumes are stored; the page never blocks for over 200 ms.
 */
test('hostile files fail or warn clearly, good ones are stored, and the UI stays responsive', async ({
  page,
}) => {
  await openApp(page);
  await page.evaluate(() => {
    const durations: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: 'longtask' });
  });

  const files = [
    {
      name: 'lying-bomb.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(makeLyingDocxBomb()),
    },
    { name: 'huge-page.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeHugePagePdf(1e18)) },
    { name: 'location-line.txt', mimeType: 'text/plain', buffer: Buffer.from(makeLocationBombText(1024)) },
    {
      name: 'resume-alice.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(fixture('resume-alice.pdf')),
    },
    {
      name: 'resume-bob.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: readFileSync(fixture('resume-bob.docx')),
    },
  ];
  await page.getByTestId('resume-input').setInputFiles(files);

  for (const file of ['resume-alice.pdf', 'resume-bob.docx', 'location-line.txt'])
    await expect(importItem(page, file)).toHaveAttribute('data-stage', 'done');
  const bomb = importItem(page, 'lying-bomb.docx');
  await expect(bomb).toHaveAttribute('data-stage', 'failed');
  await expect(bomb.getByTestId('import-error')).toHaveText(
    /^This DOCX unpacks to more than its own headers declare .*so it was not opened .*save it as PDF/,
  );
  const huge = importItem(page, 'huge-page.pdf');
  await expect(huge).toHaveAttribute('data-stage', 'done');
  await expect(huge.getByTestId('import-warning').first()).toHaveText(
    /larger than PDF allows .*may be crafted/,
  );

  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.join(', ')}`).toBeLessThan(200);
});

/**
 * A resume stuffed with keyword lines no reader sees (one per hidden-text class) next to the
 * same resume without them: both score the same on the Ranking page, and the stuffed one's row
 * says how many lines were ignored and lists them (as text) in its breakdown, as its resume page does.
 */
test('hidden lines: ignored in the score, shown on the ranking row and the resume page', async ({ page }) => {
  await openApp(page);
  await pauseBackgroundEmbedding(page);
  await page.getByTestId('resume-input').setInputFiles([
    {
      name: 'stuffed.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await makeStuffedResumePdf(HIDDEN_STYLES)),
    },
    { name: 'clean.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeStuffedResumePdf([])) },
  ]);
  for (const file of ['stuffed.pdf', 'clean.pdf'])
    await expect(importItem(page, file)).toHaveAttribute('data-stage', 'done');
  await pasteJob(
    page,
    'Senior Staff Engineer',
    [
      'Senior Staff Engineer',
      'Requirements',
      '- Kubernetes and Terraform',
      '- Go or Rust',
      '- PostgreSQL and Kafka',
    ].join('\n'),
  );

  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-subject').selectOption({ label: 'Senior Staff Engineer' });
  await expect(page.getByTestId('ranking-total')).toHaveText('2 candidates');
  const rows = page.getByTestId('ranking-row');
  await expect(rows.getByTestId('row-score')).toHaveCount(2);
  const scores = await rows.getByTestId('row-score').allTextContents();
  expect(scores[0]).toBe(scores[1]);
  const badge = page.getByTestId('row-hidden');
  await expect(badge).toHaveCount(1);
  await expect(badge).toHaveText(`⚠ ${HIDDEN_STYLES.length} hidden`);
  await expect(badge).toHaveAttribute('title', new RegExp(`^${HIDDEN_STYLES.length} hidden lines ignored`));
  await expect(badge).toHaveAccessibleName(
    new RegExp(`^${HIDDEN_STYLES.length} hidden lines ignored in .*: show them$`),
  );
  await badge.click();
  const listed = page.getByTestId('breakdown').getByTestId('breakdown-hidden-line');
  await expect(listed).toHaveCount(HIDDEN_STYLES.length);
  await expect(listed.first()).toHaveText(STUFFED_KEYWORDS);

  // Both files are Jordan Lee's; each resume page says which file it was read from.
  for (const index of [0, 1]) {
    await page.getByRole('link', { name: 'Library' }).click();
    await expect(page.getByTestId('open-resume')).toHaveCount(2);
    await page.getByTestId('open-resume').nth(index).click();
    const source = page.getByText(/Fields read from (stuffed|clean)\.pdf\./);
    await expect(source).toBeVisible();
    if ((await source.textContent())?.includes('clean.pdf')) {
      await expect(page.getByTestId('hidden-lines')).toHaveCount(0);
      continue;
    }
    await expect(page.getByTestId('hidden-lines').locator('summary')).toHaveText(
      `⚠ ${HIDDEN_STYLES.length} hidden lines ignored`,
    );
    await expect(page.getByTestId('hidden-line')).toHaveCount(HIDDEN_STYLES.length);
    await expect(page.getByTestId('hidden-line').first()).toHaveText(STUFFED_KEYWORDS);
  }
});
