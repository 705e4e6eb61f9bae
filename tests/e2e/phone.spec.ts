/**
 * A phone (390×844): no screen scrolls sideways with data loaded, the nav is a menu button that
 * reaches every destination, and Match's score bars stay wide enough to read (≥ 120 px).
 */
import { expect, test, type Page } from '@playwright/test';
import { SCREENS, loadSampleLibrary } from './screens';

test.use({ viewport: { width: 390, height: 844 } });

const NAV_LABELS: [label: string, screen: string][] = [
  ['Library', 'library'],
  ['Match', 'match'],
  ['Ranking', 'ranking'],
  ['Applications', 'applications'],
  ['Analytics', 'analytics'],
  ['ATS check', 'ats'],
  ['Performance', 'performance'],
  ['Export', 'export'],
  ['Settings', 'settings'],
];

/** The page's width and the widest element that pokes out past the viewport (for the message). */
async function widths(page: Page): Promise<{ scrollWidth: number; innerWidth: number; widest: string }> {
  return page.evaluate(() => {
    let widest = '';
    let right = window.innerWidth;
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > right + 0.5) {
        right = box.right;
        const id = element.getAttribute('data-testid');
        widest = `${element.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} → ${Math.round(box.right)}px`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest };
  });
}

test('at 390×844 no screen scrolls sideways, the menu reaches every screen, Match bars are readable', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await loadSampleLibrary(page);

  const tooWide: Record<string, string> = {};
  for (const screen of SCREENS) {
    await screen.open(page);
    const measured = await widths(page);
    if (measured.scrollWidth > measured.innerWidth) {
      tooWide[screen.name] = `${measured.scrollWidth}px wide (${measured.widest})`;
    }
    if (screen.name === 'match') {
      const bars = await page.getByTestId('score-bar').getByRole('meter').all();
      expect(bars.length).toBeGreaterThan(0);
      for (const bar of bars) {
        expect.soft((await bar.boundingBox())?.width ?? 0, 'a Match score bar').toBeGreaterThanOrEqual(120);
      }
    }
  }
  expect(tooWide).toEqual({});

  // The nav is one menu button; every destination is one tap away through it.
  const menu = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [label, screen] of NAV_LABELS) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const link = nav.getByRole('link', { name: label, exact: true });
    const box = await link.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, `${label} inside the screen`).toBe(true);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/${screen}`));
    await expect(link).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    const measured = await widths(page);
    expect(measured.scrollWidth, `${label}: ${measured.widest}`).toBeLessThanOrEqual(measured.innerWidth);
  }
});
