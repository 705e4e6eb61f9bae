/**
 * The Performance page as a person reads it: plain names before metric ids, the goal in words,
 * a trend line per operation and a histogram with its numbers on click, pools and caches as
 * cards that fit the page, storage as a bar, and axe-core clean in light and dark. Also the
 * import list's levels: a PDF with a running header gets an information note, not a warning.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import {
  addResumes,
  importItem,
  openApp,
  pasteJob,
  pauseBackgroundEmbedding,
  readFixtureText,
} from './helpers';

test('the Performance page reads in words, charts every operation accessibly and passes axe', async ({
  page,
}) => {
  await openApp(page);
  await pauseBackgroundEmbedding(page);

  // A PDF with a running header and "Page N" footers: leaving them out is a note, not a warning.
  await addResumes(page, ['large.pdf', 'resume-alice.pdf']);
  const large = importItem(page, 'large.pdf');
  await expect(large).toHaveAttribute('data-stage', 'done', { timeout: 60_000 });
  await expect(large.getByTestId('import-note')).toHaveText(/Left out \d+ lines repeated on every page/);
  await expect(large.getByTestId('import-note')).not.toContainText('⚠');
  await expect(large.getByTestId('import-warning')).toHaveCount(0);
  await expect(importItem(page, 'resume-alice.pdf')).toHaveAttribute('data-stage', 'done');
  await pasteJob(page, 'Senior Data Engineer', readFixtureText('job-data-engineer.txt'));
  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ index: 1 });
  await page.getByTestId('match-job').selectOption({ index: 1 });
  await expect(page.getByTestId('match-score')).toBeVisible();

  await page.getByRole('link', { name: 'Performance' }).click();
  const pdf = page.locator('[data-testid="metric-row"][data-metric="parse.pdf"]');
  await expect(pdf.getByTestId('metric-count')).toHaveText('2');
  // The plain name comes first, the metric id second; the goal is said in words.
  await expect(pdf.getByRole('heading', { level: 3 })).toHaveText('Read the text of a PDF');
  await expect(pdf.locator('code')).toHaveText('parse.pdf');
  await expect(pdf).toContainText('Goal: 95 of every 100 runs take 300 ms or less.');
  // Its trend line is a named picture.
  const trend = pdf.getByTestId('metric-trend');
  await expect(trend).toHaveAttribute('role', 'img');
  await expect(trend.locator('title')).toHaveText('Read the text of a PDF: time of the last 2 runs');
  await expect(trend.locator('desc')).toContainText('Last 2 runs, oldest first');

  // A click opens the histogram, its table of counts and every number.
  await pdf.getByTestId('metric-details').locator('summary').click();
  await expect(pdf.getByTestId('metric-histogram')).toBeVisible();
  await expect(pdf.getByTestId('metric-histogram').locator('title')).toContainText(
    'how long the last 2 runs',
  );
  await expect(pdf).toContainText('Why this goal:');
  const counted = await pdf.locator('figure table tbody td').allTextContents();
  expect(counted.map(Number).reduce((sum, count) => sum + count, 0)).toBe(2);

  // Operations not run yet are folded away but still listed with their goal.
  await expect(page.locator('[data-testid="metric-row"][data-metric="db.bulkInsert"]')).toBeHidden();
  await expect(page.locator('[data-testid="metric-row"][data-metric="db.bulkInsert"] h3')).toHaveText(
    'Store 1,000 resumes at once',
  );

  // Pools and caches are cards inside the page (nothing cut off at the right edge); storage is a bar.
  await expect(page.getByTestId('pool-card')).not.toHaveCount(0);
  await expect(page.locator('[data-testid="pool-card"][data-pool="parse"] h3')).toContainText(
    'Reading files',
  );
  await expect(page.locator('[data-testid="cache-row"][data-cache="match"]')).toBeVisible();
  await expect(page.getByTestId('storage-bar')).toHaveAttribute('role', 'img');
  await expect(page.getByTestId('storage-persisted')).toBeVisible();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const card of await page.locator('[data-testid="pool-card"], [data-testid="cache-row"]').all()) {
      const box = await card.boundingBox();
      expect(box && box.x + box.width, 'a card inside the viewport').toBeLessThanOrEqual(width);
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  await expectAccessible(page);
});
