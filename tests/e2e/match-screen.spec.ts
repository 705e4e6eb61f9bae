/**
 * The Match screen as in the tools people know: a keyword table that agrees with the score's
 * requirement list, the job text with matched and missing skills marked (with ✓ / ✗, not colour
 * alone), the resume text with its evidence marked, "Copy missing keywords" and the 75+ target.
 * Job text is untrusted: markup in it is never rendered. Formatting tags a generator printed into
 * the text (<b>) are removed when it is read; anything else (<img onerror>) shows as text.
 */
import { expect, test } from '@playwright/test';
import { openApp, pasteJob } from './helpers';

const JOB_TITLE = 'Data Analyst (markup test)';
const JOB_TEXT = [
  'Data Analyst',
  'We are hiring a data analyst to join our team.',
  'Requirements:',
  '- 3+ years of <b>Python</b> and SQL',
  '- Tableau and Excel dashboards',
  '- Communication with stakeholders <img src=x onerror="window.__pwned=1">',
  'Nice to have:',
  '- Machine learning, Kubernetes',
].join('\n');

test('keywords, marked texts, copy missing keywords and the target band', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByTestId('add-sample').click();
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '12', { timeout: 60_000 });
  await pasteJob(page, JOB_TITLE, JOB_TEXT);
  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-job').selectOption({ label: JOB_TITLE });

  // A resume that proves some of the job's skills and lacks others.
  const found = page.getByTestId('keyword-in-resume').filter({ hasText: '✓ found' });
  const lacking = page.getByTestId('keyword-in-resume').filter({ hasText: '✗ missing' });
  let chosen = false;
  for (let index = 1; index <= 12 && !chosen; index++) {
    await page.getByTestId('match-resume').selectOption({ index });
    await expect(page.getByTestId('keyword-table')).toBeVisible();
    await expect(page.getByTestId('match-job-text')).toContainText('Tableau');
    chosen = (await found.count()) > 0 && (await lacking.count()) > 0;
  }
  expect(chosen, 'a sample resume with both found and missing skills').toBe(true);

  // The table and the score's requirement list say the same: one row per requirement, same misses.
  const rows = page.getByTestId('keyword-row');
  const requirementItems = page.getByTestId('requirements').locator('li');
  await expect(rows).toHaveCount(await requirementItems.count());
  const missingInList = await page.getByTestId('missing-skill').getByTestId('skill-name').allTextContents();
  const missingInTable = await rows
    .filter({ has: page.getByTestId('keyword-in-resume').filter({ hasText: 'missing' }) })
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-skill')));
  expect(missingInTable.sort()).toEqual([...missingInList].sort());
  await expect(rows.first().getByTestId('keyword-in-job')).toContainText('✓');
  await expect(page.getByTestId('keyword-table')).toContainText(/hard skill|soft skill/);

  // The job text: skills marked found or missing, each with its glyph; markup never rendered.
  const jobText = page.getByTestId('match-job-text');
  await expect(jobText).toContainText('Python');
  await expect(jobText).toContainText('<img src=x onerror=');
  await expect(jobText.locator('b')).toHaveCount(0);
  await expect(jobText.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(jobText.getByTestId('job-hit').first()).toContainText('✓');
  await expect(jobText.getByTestId('job-miss').first()).toContainText('✗');
  const firstMissing = missingInList[0]!;
  await expect(jobText.getByTestId('job-miss').filter({ hasText: firstMissing }).first()).toBeVisible();
  // The scrolling panes are reachable by keyboard (and named).
  await expect(jobText).toHaveAttribute('tabindex', '0');
  await expect(page.getByRole('region', { name: /^Resume:/ })).toBeVisible();
  // The resume text: evidence of the matched skills marked.
  await expect(page.getByTestId('match-resume-text').locator('mark').first()).toBeVisible();

  // Copy missing keywords: to the clipboard, and said in the status line.
  await page.getByTestId('copy-missing').click();
  await expect(page.getByTestId('copy-status')).toContainText(
    `Copied ${missingInList.length} missing keyword`,
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split(', ').sort()).toEqual([...missingInList].sort());

  // The target band is explained with the score.
  const score = Number(await page.getByTestId('match-score').textContent());
  await expect(page.getByTestId('match-target')).toContainText(
    score >= 75 ? 'At or above the 75' : 'Aim for 75+',
  );
});
