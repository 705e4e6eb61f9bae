import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

const TINY_MODEL = 'shortlist-tiny-embed';
const PRECACHE_GOAL_BYTES = 3_000_000;

/** Every cache of this origin: name → [url, bytes][] (bytes from the stored bodies). */
async function cacheContents(page: Page): Promise<Record<string, [string, number][]>> {
  return page.evaluate(async () => {
    const out: Record<string, [string, number][]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const entries: [string, number][] = [];
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        entries.push([new URL(request.url).pathname, response ? (await response.blob()).size : 0]);
      }
      out[name] = entries;
    }
    return out;
  });
}

async function openModelSettings(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await expect(page.getByTestId('model-settings')).toBeVisible();
}

test('install light: the precache is the shell and parse path; the embedding runtime used once loads offline', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  const installed = await cacheContents(page);
  const precacheName = Object.keys(installed).find((name) => name.includes('precache'));
  expect(precacheName).toBeDefined();
  const precache = installed[precacheName ?? ''] ?? [];
  const precacheBytes = precache.reduce((sum, [, bytes]) => sum + bytes, 0);
  expect(precacheBytes).toBeLessThanOrEqual(PRECACHE_GOAL_BYTES);
  // The parse path is there; the optional runtimes are not.
  expect(precache.some(([path]) => /parse\.worker-.*\.js$/.test(path))).toBe(true);
  expect(precache.some(([path]) => /\.wasm$|transformers|web-llm|llm\.worker/.test(path))).toBe(false);

  // First use, online: load the tiny model; the ONNX runtime and embedding code get cached.
  await openModelSettings(page);
  await page.getByTestId('model-select').selectOption(TINY_MODEL);
  await page.getByTestId('model-load').click();
  const status = page.getByTestId('model-status');
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('model-id')).toHaveText(TINY_MODEL);
  await expect
    .poll(async () => (await cacheContents(page))['shortlist-runtimes']?.map(([path]) => path) ?? [])
    .toEqual(expect.arrayContaining([expect.stringMatching(/\.wasm$/)]));

  // Settings says what is cached and how big it is.
  await page.reload();
  await expect(page.locator('[data-testid="cached-group"][data-cache="shortlist-runtimes"]')).toBeVisible();
  await expect(page.getByTestId('cached-total')).toContainText('MB');

  // Offline: the runtime used once still loads, and the model with it.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await openModelSettings(page);
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('model-id')).toHaveText(TINY_MODEL);
  await context.setOffline(false);
});
