/**
 * Every screen of the app with data loaded, for the specs that check all of them (accessibility,
 * phone layout): the sample library ("Try with sample data": 12 resumes, 3 jobs) plus two tracked
 * applications, and one entry per screen that brings it to the state a person looks at.
 * Screens are reached through their URL, so this also works where the nav is a collapsed menu.
 */
import { expect, type Page } from '@playwright/test';
import { openApp } from './helpers';

export interface ScreenVisit {
  name: string;
  /** Brings the page to the screen, data shown (a pair chosen, a breakdown open…). */
  open(page: Page): Promise<void>;
}

async function goHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    location.hash = target;
  }, hash);
}

/** Chooses the first real option of a <select> (index 0 is the "Choose…" placeholder). */
async function chooseFirst(page: Page, testId: string, index = 1): Promise<void> {
  const select = page.getByTestId(testId);
  await expect(select.locator('option').nth(index)).toBeAttached();
  await select.selectOption({ index });
}

/** Sample library in, two applications tracked from Match (Applications and Analytics show data). */
export async function loadSampleLibrary(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('add-sample').click();
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '12', { timeout: 60_000 });
  await expect(page.getByTestId('job-row')).toHaveCount(3);
  await goHash(page, '#/match');
  for (const index of [1, 2]) {
    await chooseFirst(page, 'match-resume', index);
    await chooseFirst(page, 'match-job', index);
    await expect(page.getByTestId('match-score')).toBeVisible();
    await page.getByTestId('track-button').click();
    await expect(page.getByTestId('tracked-link')).toBeVisible();
  }
}

async function openRanking(page: Page, view: 'recruiter' | 'seeker'): Promise<void> {
  await goHash(page, '#/ranking');
  await page.getByTestId(`view-${view}`).click();
  await chooseFirst(page, 'ranking-subject');
  await page.getByTestId('row-name').first().click();
  await expect(page.getByTestId('breakdown').getByTestId('requirements')).toBeVisible();
}

export const SCREENS: readonly ScreenVisit[] = [
  {
    name: 'library',
    async open(page) {
      await goHash(page, '#/library');
      await expect(page.getByTestId('resume-row').first()).toBeVisible();
    },
  },
  {
    name: 'resume',
    async open(page) {
      await goHash(page, '#/library');
      await page.getByTestId('open-resume').first().click();
      await expect(page.getByTestId('match-my-resume')).toBeVisible();
    },
  },
  {
    name: 'job',
    async open(page) {
      await goHash(page, '#/library');
      await page.getByTestId('open-job').first().click();
      await expect(page.getByTestId('rank-candidates')).toBeVisible();
    },
  },
  {
    name: 'match',
    async open(page) {
      await goHash(page, '#/match');
      await chooseFirst(page, 'match-resume');
      await chooseFirst(page, 'match-job');
      await expect(page.getByTestId('match-score')).toBeVisible();
      await expect(page.getByTestId('keyword-table')).toBeVisible();
    },
  },
  { name: 'ranking-recruiter', open: (page) => openRanking(page, 'recruiter') },
  { name: 'ranking-seeker', open: (page) => openRanking(page, 'seeker') },
  {
    name: 'applications',
    async open(page) {
      await goHash(page, '#/applications');
      await expect(page.getByTestId('application-card').first()).toBeVisible();
    },
  },
  {
    name: 'analytics',
    async open(page) {
      await goHash(page, '#/analytics');
      await expect(page.locator('svg[role="img"]').first()).toBeVisible();
    },
  },
  {
    name: 'ats',
    async open(page) {
      await goHash(page, '#/ats');
      await chooseFirst(page, 'ats-resume');
      await chooseFirst(page, 'ats-job');
      await expect(page.getByTestId('ats-score')).toBeVisible();
    },
  },
  {
    name: 'performance',
    async open(page) {
      await goHash(page, '#/performance');
      await expect(page.getByTestId('metric-trend').first()).toBeVisible();
    },
  },
  {
    name: 'settings',
    async open(page) {
      await goHash(page, '#/settings');
      await expect(page.getByTestId('save-limits')).toBeVisible();
    },
  },
  {
    name: 'export',
    async open(page) {
      await goHash(page, '#/export');
      await expect(page.getByTestId('restore-pick')).toBeVisible();
    },
  },
];
