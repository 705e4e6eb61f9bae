/**
 * npm run screenshots — every screen at desktop size (1366×900) in light and dark and at phone
 * size (390×844) in light, written to docs/screenshots/<screen>-<size>-<scheme>.png (stable
 * names, so a rerun replaces the pictures the README links to), plus docs/screenshots/README.md
 * showing them. (Phone pictures in dark would add weight to the repository and little news.)
 *
 * Builds the app as users get it (no test models), serves it with vite preview, and drives
 * Debian Chromium through the real UI: "Try with sample data" in the Library, two applications
 * tracked from Match so the job seeker's screens have something to show, then each screen in
 * the state a person would look at (a pair chosen on Match, a job and a breakdown on Ranking,
 * a resume on the ATS check). Viewport pictures, not full pages, at a device scale of 1.
 *
 * Options (env): SCREENSHOTS_PORT (default 4321), CHROMIUM_PATH (/usr/bin/chromium).
 * Flags: --no-build (serve the existing dist/), --only=library,match (a subset of screens).
 */
import { servePreview } from './lib/preview-server';
import type { ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { format, resolveConfig } from 'prettier';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 4321);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const args = process.argv.slice(2);
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .filter(Boolean);

interface Variant {
  size: 'desktop' | 'phone';
  scheme: 'light' | 'dark';
  width: number;
  height: number;
}

const VARIANTS: readonly Variant[] = [
  { size: 'desktop', scheme: 'light', width: 1366, height: 900 },
  { size: 'desktop', scheme: 'dark', width: 1366, height: 900 },
  { size: 'phone', scheme: 'light', width: 390, height: 844 },
];
const DESKTOP = VARIANTS[0]!;

interface Screen {
  name: string;
  title: string;
  /** Brings the page to the state the picture shows (always run at desktop size). */
  open(page: Page): Promise<void>;
  /** After each change of size: bring what the picture is about into view. */
  settle?(page: Page): Promise<void>;
}

async function nav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}

/** Chooses the first real option of a <select> (index 0 is the "Choose…" placeholder). */
async function chooseFirst(page: Page, testId: string): Promise<void> {
  const select = page.getByTestId(testId);
  await expect(select.locator('option').nth(1)).toBeAttached();
  await select.selectOption({ index: 1 });
}

const SCREENS: readonly Screen[] = [
  {
    name: 'library',
    title: 'Library',
    async open(page) {
      await nav(page, 'Library');
      await expect(page.getByTestId('resume-row').first()).toBeVisible();
    },
  },
  {
    name: 'resume',
    title: 'A resume page',
    async open(page) {
      await nav(page, 'Library');
      await page.getByTestId('open-resume').first().click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    },
  },
  {
    name: 'job',
    title: 'A job page',
    async open(page) {
      await nav(page, 'Library');
      await page.getByTestId('open-job').first().click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    },
  },
  {
    name: 'match',
    title: 'Match, with a pair chosen',
    async open(page) {
      await nav(page, 'Match');
      await chooseFirst(page, 'match-resume');
      await chooseFirst(page, 'match-job');
      await expect(page.getByTestId('match-score')).toBeVisible();
    },
  },
  {
    name: 'ranking',
    title: 'Ranking, with a job and a breakdown open',
    async open(page) {
      await nav(page, 'Ranking');
      await chooseFirst(page, 'ranking-subject');
      await page.getByTestId('row-name').first().click();
      await expect(page.getByTestId('breakdown')).toBeVisible();
    },
    async settle(page) {
      // Below the table (or anywhere not near the top of the view), its start is scrolled to the top.
      await page.getByTestId('breakdown').evaluate((element) => {
        const top = element.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight * 0.6) element.scrollIntoView({ block: 'start' });
      });
    },
  },
  {
    name: 'applications',
    title: 'Applications',
    async open(page) {
      await nav(page, 'Applications');
      await expect(page.getByTestId('application-card').first()).toBeVisible();
    },
  },
  {
    name: 'analytics',
    title: 'Analytics',
    async open(page) {
      await nav(page, 'Analytics');
      await expect(page.locator('svg[role="img"]').first()).toBeVisible();
    },
  },
  {
    name: 'ats',
    title: 'ATS check, with a resume and a job',
    async open(page) {
      await nav(page, 'ATS check');
      await chooseFirst(page, 'ats-resume');
      await chooseFirst(page, 'ats-job');
      await expect(page.getByTestId('ats-score')).toBeVisible();
    },
  },
  {
    name: 'performance',
    title: 'Performance',
    async open(page) {
      await nav(page, 'Performance');
      await expect(page.getByTestId('metric-trend').first()).toBeVisible();
    },
  },
  {
    name: 'settings',
    title: 'Settings',
    async open(page) {
      await nav(page, 'Settings');
    },
  },
  {
    name: 'export',
    title: 'Export and restore',
    async open(page) {
      await nav(page, 'Export');
    },
  },
];

function serve(): Promise<ChildProcess> {
  return servePreview({ root: ROOT, port: PORT, build: !args.includes('--no-build') });
}

/** Sample data in, two applications tracked (Applications and Analytics then have content). */
async function loadSampleData(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/`);
  await expect(page.getByRole('heading', { name: 'Shortlist' })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.getByTestId('add-sample').click();
  await expect(page.getByTestId('remove-sample')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('resume-count')).toHaveAttribute('data-count', '12', { timeout: 60_000 });
  await nav(page, 'Match');
  for (const index of [1, 2]) {
    await page.getByTestId('match-resume').selectOption({ index });
    await page.getByTestId('match-job').selectOption({ index });
    await expect(page.getByTestId('match-score')).toBeVisible();
    await page.getByTestId('track-button').click();
    await expect(page.getByTestId('tracked-link')).toBeVisible();
  }
  await nav(page, 'Library');
  // The finished import rows and the "ready to work offline" note are not what the Library looks like.
  await page.getByRole('button', { name: 'Clear finished' }).click();
  const offline = page.getByRole('status').filter({ hasText: 'ready to work offline' });
  if (await offline.isVisible()) await offline.getByRole('button', { name: 'OK' }).click();
}

async function shoot(page: Page, screen: Screen): Promise<string[]> {
  const written: string[] = [];
  await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
  await page.emulateMedia({ colorScheme: 'light' });
  await screen.open(page);
  for (const variant of VARIANTS) {
    await page.setViewportSize({ width: variant.width, height: variant.height });
    await page.emulateMedia({ colorScheme: variant.scheme, reducedMotion: 'reduce' });
    // Let virtual lists and charts measure the new size.
    await page.waitForTimeout(400);
    await screen.settle?.(page);
    const file = `${screen.name}-${variant.size}-${variant.scheme}.png`;
    await page.screenshot({ path: join(OUT, file), animations: 'disabled', caret: 'hide' });
    written.push(file);
  }
  return written;
}

function gallery(screens: readonly Screen[]): string {
  const rows = screens.map((screen) => {
    const cells = VARIANTS.map((variant) => {
      const file = `${screen.name}-${variant.size}-${variant.scheme}.png`;
      return `<img src="${file}" alt="${screen.title}, ${variant.size}, ${variant.scheme}" width="${variant.size === 'desktop' ? 320 : 120}">`;
    });
    return `| ${screen.title} | ${cells.join(' | ')} |`;
  });
  return [
    '# Screenshots',
    '',
    'Every screen with sample data: desktop size (1366×900) in light and dark, phone size (390×844) in light.',
    'Written by `npm run screenshots` (scripts/screenshots.ts); rerun it after a visible change.',
    '',
    `| screen | ${VARIANTS.map((variant) => `${variant.size} ${variant.scheme}`).join(' | ')} |`,
    `| --- | ${VARIANTS.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
      deviceScaleFactor: 1,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await loadSampleData(page);
    const chosen = only ? SCREENS.filter((screen) => only.includes(screen.name)) : SCREENS;
    for (const screen of chosen) {
      const files = await shoot(page, screen);
      console.log(`${screen.name}: ${files.join(', ')}`);
    }
    await context.close();
    if (!only) {
      const path = join(OUT, 'README.md');
      const options = { ...(await resolveConfig(path)), filepath: path };
      await writeFile(path, await format(gallery(SCREENS), options));
    }
  } finally {
    await browser.close();
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      // It already exited (e.g. another server was on the port and answered for it).
    }
  }
}

await main();
