/**
 * Manners a person relies on without seeing them: import progress and ranking counts spoken by
 * polite live regions, no motion when the system asks for none, and a visible focus ring on every
 * control the Tab key reaches.
 */
import { expect, test, type Page } from '@playwright/test';
import { addResumes, openApp } from './helpers';

/** Tabs through `presses` stops and returns the ones whose focus is not drawn. */
async function unseenFocus(page: Page, presses: number): Promise<string[]> {
  const unseen: string[] = [];
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const drawn =
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
        style.boxShadow !== 'none';
      const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
      return { drawn, name };
    });
    if (focus && !focus.drawn) unseen.push(focus.name);
  }
  return unseen;
}

test('import progress and ranking counts are announced; reduced motion; focus always visible', async ({
  page,
}) => {
  await openApp(page);
  const announcement = page.getByTestId('import-announcement');
  await expect(announcement).toHaveAttribute('aria-live', 'polite');
  await addResumes(page, ['resume-alice.docx', 'resume-bob.pdf']);
  await expect(announcement).toHaveText('Import finished: 2 of 2 files added.', { timeout: 60_000 });

  await page.getByTestId('add-sample').click();
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '14', { timeout: 60_000 });
  await expect(page.getByTestId('job-row')).toHaveCount(3);
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('view-recruiter').click();
  await page.getByTestId('ranking-subject').selectOption({ index: 1 });
  const counts = page.locator('[aria-live="polite"]').filter({ has: page.getByTestId('ranking-total') });
  await expect(counts).toContainText('14 candidates');
  await page.getByTestId('filter-min-years').fill('50');
  await expect(counts).toContainText('0 candidates');
  await page.getByTestId('filter-min-years').fill('');

  // Reduced motion: whatever an element asks for, no transition or animation runs.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const durations = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.transition = 'opacity 2s';
    probe.style.animation = 'spin 3s infinite';
    document.body.append(probe);
    const style = getComputedStyle(probe);
    const result = { transition: style.transitionDuration, animation: style.animationDuration };
    probe.remove();
    return result;
  });
  expect(Number.parseFloat(durations.transition)).toBeLessThan(0.001);
  expect(Number.parseFloat(durations.animation)).toBeLessThan(0.001);

  // Focus is drawn on every stop: the Ranking screen (filters, sort heads, rows) and the Library.
  await page.getByRole('link', { name: 'Ranking' }).focus();
  expect(await unseenFocus(page, 40)).toEqual([]);
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: 'Library' }).focus();
  expect(await unseenFocus(page, 25)).toEqual([]);
});
