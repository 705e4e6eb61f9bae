/**
 * axe-core on every screen, with data loaded, in the light and the dark colour scheme: no serious
 * or critical violation anywhere. All screens are checked before the verdict, so one run lists
 * every violation (screen, scheme, rule, elements) rather than stopping at the first.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { SCREENS, loadSampleLibrary } from './screens';

test('every screen, light and dark, with data: no serious or critical axe violation', async ({ page }) => {
  test.setTimeout(300_000);
  await loadSampleLibrary(page);
  const found: Record<string, string[]> = {};
  for (const screen of SCREENS) {
    await page.emulateMedia({ colorScheme: 'light' });
    await screen.open(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[`${screen.name} (${scheme})`] = violations;
    }
  }
  expect(found).toEqual({});
});
