/**
 * Connected screens: every ranking and match has a URL that another tab opens to the same view,
 * back/forward restore the previous screen state, and the whole path from adding a resume to its
 * page works with the keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixture, openApp, pauseBackgroundEmbedding } from './helpers';

async function addSampleLibrary(page: Page): Promise<void> {
  await page.goto('/#/library');
  await page.getByTestId('add-sample').click();
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '12', { timeout: 60_000 });
  await expect(page.getByTestId('job-row')).toHaveCount(3);
}

async function rankedNames(page: Page): Promise<string[]> {
  await expect(page.getByTestId('ranking-row').first().getByTestId('row-name')).toBeVisible();
  return page.getByTestId('row-name').allTextContents();
}

test('a Ranking URL with a job and filters opens the same rows in a new tab; back and forward restore', async ({
  page,
  context,
}) => {
  await openApp(page);
  // Lexical scores only: vectors arriving between the two tabs would reorder rows with equal years.
  await pauseBackgroundEmbedding(page);
  await addSampleLibrary(page);
  await page.getByRole('link', { name: 'Ranking' }).click();
  const subject = page.getByTestId('ranking-subject');
  await subject.selectOption({ index: 2 });
  await page.getByTestId('filter-min-years').fill('2');
  await page.getByTestId('sort-years').click();
  await expect(page).toHaveURL(/#\/ranking\/job\/[^?]+\?min=2&sort=years-desc$/);
  const url = page.url();
  const rows = await rankedNames(page);
  const total = await page.getByTestId('ranking-total').textContent();
  expect(rows.length).toBeGreaterThan(0);

  // Another tab, same URL: the same job, filters, sort and rows.
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('ranking-subject')).toHaveValue((await subject.inputValue()) || 'x');
  await expect(other.getByTestId('filter-min-years')).toHaveValue('2');
  await expect(other.getByTestId('ranking-total')).toHaveText(total ?? '');
  expect(await rankedNames(other)).toEqual(rows);
  await other.close();

  // Away to a resume page and back: the ranking comes back as it was.
  await page.getByTestId('row-name').first().click();
  await page.getByTestId('breakdown-resume-link').click();
  await expect(page).toHaveURL(/#\/resume\//);
  await expect(page.getByTestId('match-my-resume')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('filter-min-years')).toHaveValue('2');
  expect(await rankedNames(page)).toEqual(rows);
  await page.goForward();
  await expect(page).toHaveURL(/#\/resume\//);

  // A match has its own URL too, and names link to their pages.
  await page.getByTestId('match-my-resume').click();
  await expect(page).toHaveURL(/#\/match\?resume=/);
  await page.getByTestId('match-job').selectOption({ index: 1 });
  await expect(page).toHaveURL(/#\/match\/[^/?]+\/[^/?]+$/);
  const matchUrl = page.url();
  const score = await page.getByTestId('match-score').textContent();
  const again = await context.newPage();
  await again.goto(matchUrl);
  await expect(again.getByTestId('match-score')).toHaveText(score ?? '');
  await again.getByTestId('match-job-link').click();
  await expect(again).toHaveURL(/#\/job\//);
  await expect(again.getByTestId('rank-candidates')).toBeVisible();
  await again.close();
});

/** What the focused element must be: its data-testid, or its tag and text. */
type FocusTarget = { testid: string } | { tag: string; text: string };

/** Presses Tab until `target` has focus (at most `limit` presses): how a keyboard user gets there. */
async function tabTo(page: Page, target: FocusTarget, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((wanted) => {
      const element = document.activeElement;
      if (!element) return false;
      if ('testid' in wanted) return element.getAttribute('data-testid') === wanted.testid;
      return element.tagName === wanted.tag && element.textContent?.trim() === wanted.text;
    }, target);
    if (found) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

test('keyboard only: add a resume, open Ranking, arrows, breakdown, star, follow the link', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await addSampleLibrary(page);
  await page.goto('/#/library');
  await page.locator('body').click({ position: { x: 1, y: 1 } });

  // The picker, from the keyboard: Tab to the button, Enter opens the file chooser.
  await tabTo(page, { tag: 'BUTTON', text: 'Choose resume files…' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(fixture('resume-alice.docx'));
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '13', { timeout: 60_000 });

  // Ranking, from the main navigation.
  await tabTo(page, { tag: 'A', text: 'Ranking' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ranking-row').first().getByTestId('row-name')).toBeVisible();

  // Into the table: one tab stop for the rows, arrows move between them.
  await tabTo(page, { testid: 'ranking-row' });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focused = page.locator('[data-testid="ranking-row"]:focus');
  await expect(focused).toHaveAttribute('data-row-index', '2');
  const outline = await focused.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.screenshot({ path: testInfo.outputPath('keyboard-row-focus.png') });
  const name = (await focused.getByTestId('row-name').textContent()) ?? '';

  // Enter opens the breakdown and takes focus there.
  await page.keyboard.press('Enter');
  const breakdown = page.getByTestId('breakdown');
  await expect(breakdown.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(breakdown.getByRole('heading', { level: 2 })).toContainText(name);
  await expect(page.locator('[data-testid="ranking-row"][aria-selected="true"]')).toHaveAttribute(
    'data-row-index',
    '2',
  );

  // Star from the breakdown, then follow its link to the resume page.
  await tabTo(page, { testid: 'breakdown-star' });
  await page.keyboard.press('Enter');
  await expect(breakdown.getByTestId('breakdown-star')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('shortlist-count')).toHaveText('1 starred');
  await tabTo(page, { testid: 'breakdown-resume-link' });
  await page.screenshot({ path: testInfo.outputPath('keyboard-link-focus.png') });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/resume\//);
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();

  // Space on a row stars it too (back in the table).
  await page.goBack();
  await tabTo(page, { testid: 'ranking-row' });
  await page.keyboard.press('Space');
  await expect(page.getByTestId('shortlist-count')).toHaveText(/[12] starred/);
});

test('job-seeker ranking with 50 jobs whose titles are 120 characters long: no row overlaps another', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  await pauseBackgroundEmbedding(page);
  await page.goto('/#/library');
  await page.getByTestId('resume-input').setInputFiles(fixture('resume-alice.docx'));
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '1', { timeout: 60_000 });
  const words = 'Senior Principal Staff Data Platform Engineering Lead for Distributed Streaming Analytics';
  for (let index = 0; index < 50; index += 1) {
    const title = `${index + 1} ${words} and Machine Learning Infrastructure Operations Team`
      .padEnd(120, ' X')
      .slice(0, 120);
    await page.getByTestId('job-title').fill(title);
    await page.getByTestId('job-text').fill(`${title}\n\nRequirements\n- Python and SQL\n- Apache Airflow`);
    await page.getByTestId('add-job').click();
  }
  await expect(page.getByTestId('job-row')).toHaveCount(50, { timeout: 120_000 });

  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('view-seeker').click();
  await expect(page.getByTestId('ranking-total')).toHaveText('50 jobs');
  const rows = page.getByTestId('ranking-row');
  await expect(rows.first().getByTestId('row-name')).toBeVisible();
  const boxes = await rows.evaluateAll((elements) =>
    elements.map((element) => {
      const row = element.getBoundingClientRect();
      const cells = [...element.querySelectorAll('[role="cell"]')].map((cell) =>
        cell.getBoundingClientRect(),
      );
      return {
        top: row.top,
        bottom: row.bottom,
        cellsInside: cells.every((cell) => cell.top >= row.top - 0.5 && cell.bottom <= row.bottom + 0.5),
      };
    }),
  );
  expect(boxes.length).toBeGreaterThan(5);
  const sorted = [...boxes].sort((a, b) => a.top - b.top);
  for (const [index, box] of sorted.entries()) {
    expect(box.cellsInside, `row ${index}: a cell spills out of its row`).toBe(true);
    const next = sorted[index + 1];
    if (next) expect(box.bottom, `row ${index} overlaps the next`).toBeLessThanOrEqual(next.top + 0.5);
  }
  await expect(page.locator('[role="columnheader"]', { hasText: 'Years asked' })).toBeVisible();
});
