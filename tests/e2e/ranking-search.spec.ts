/**
 * The Ranking screen's one search box filters the ranked table (no separate results list): typed
 * words go through the search worker and the table keeps the resumes that contain them, still
 * ranked against the job; the count is announced; must-have skills show as removable chips.
 */
import { expect, test } from '@playwright/test';
import { loadSampleLibrary } from './screens';

test('typing in the search box filters the ranked rows; skills show as chips', async ({ page }) => {
  await loadSampleLibrary(page);
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('view-recruiter').click();
  await page.getByTestId('ranking-subject').selectOption({ index: 1 });
  await expect(page.getByTestId('ranking-total')).toHaveText('12 candidates');
  const everyone = await page.getByTestId('row-name').allTextContents();

  // A surname is in one sample resume: the table narrows to that person.
  const person = everyone.at(-1)!;
  const surname = person.split(' ').at(-1)!;
  const search = page.getByTestId('candidate-search');
  await search.pressSequentially(surname.toLowerCase(), { delay: 20 });
  await expect(page.getByTestId('search-results')).toContainText(`containing “${surname.toLowerCase()}”`);
  await expect(page.getByTestId('ranking-total')).not.toHaveText('12 candidates');
  const found = await page.getByTestId('row-name').allTextContents();
  expect(found).toContain(person);
  expect(found.length).toBeLessThan(everyone.length);
  // Rows are still the job's ranking: best score first.
  const scores = (await page.getByTestId('row-score').allTextContents()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  // The search is in the URL, so the filtered ranking can be shared.
  await expect(page).toHaveURL(new RegExp(`text=${surname.toLowerCase()}`));
  // The counts are a polite live region.
  await expect(page.getByTestId('ranking-total').locator('xpath=..')).toHaveAttribute('aria-live', 'polite');

  // Words no resume has: nothing, said in words.
  await search.fill('qqzxv');
  await expect(page.getByTestId('ranking-total')).toHaveText('0 candidates');
  await expect(page.getByTestId('search-results')).toContainText('0 resumes containing “qqzxv”');

  // Cleared: everyone again, and no separate results list anywhere.
  await search.fill('');
  await expect(page.getByTestId('ranking-total')).toHaveText('12 candidates');
  await expect(page.getByTestId('search-results')).toHaveCount(0);

  // Must-have skills are chips; removing one edits the filter.
  await page.getByTestId('filter-skills').fill('Python, SQL');
  const chips = page.getByTestId('skill-chips').getByRole('listitem');
  await expect(chips).toHaveCount(2);
  await page.getByRole('button', { name: 'Remove Python' }).click();
  await expect(page.getByTestId('filter-skills')).toHaveValue('SQL');
  await expect(chips).toHaveCount(1);
});
