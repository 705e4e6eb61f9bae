import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXED_WORKER_PATHS, cspFor, workerContext } from '../../scripts/lib/csp-headers';
import { openApp } from './helpers';

/**
 * The CSP travels as a response header (a <meta> tag does not reach workers): on the document
 * and on every worker script of the build, each with its own connect-src; and a worker under
 * that header cannot reach another origin.
 */
const ASSETS = join(import.meta.dirname, '..', '..', 'dist', 'assets');

test('the document and every worker script carry their CSP header', async ({ request }) => {
  const root = await request.get('/');
  expect(root.headers()['content-security-policy']).toBe(cspFor('document'));
  expect(cspFor('document')).toContain("connect-src 'self' blob: data:");

  const workers = readdirSync(ASSETS).filter((file) => workerContext(`/assets/${file}`));
  const kinds = new Set(workers.map((file) => workerContext(`/assets/${file}`)));
  expect([...kinds].sort()).toEqual(['embed', 'llm', 'match', 'ocr', 'parse', 'search', 'seeker']);
  // Every worker bundle, tesseract's engine worker under /ocr/ and the service worker.
  const paths = [...workers.map((file) => `/assets/${file}`), ...FIXED_WORKER_PATHS];
  expect(paths).toEqual(expect.arrayContaining(['/ocr/worker.min.js', '/sw.js']));
  for (const path of paths) {
    const context = workerContext(path) ?? 'document';
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-security-policy'], path).toBe(cspFor(context));
  }
  expect(cspFor('parse')).not.toContain('https:');
  expect(cspFor('embed')).toContain('https://huggingface.co');
});

test("a worker under the parse worker's header cannot fetch another origin", async ({ page }) => {
  await openApp(page);
  const parseWorker = readdirSync(ASSETS).find((file) => workerContext(`/assets/${file}`) === 'parse');
  expect(parseWorker).toBeDefined();
  // The probe replaces the worker's body but keeps the response headers the server really sent.
  // Another origin, answered by the test itself so the control run can reach it; every request
  // that gets past the browser's CSP check lands in this log.
  const otherOrigin = 'http://elsewhere.test';
  const reachedOtherOrigin: string[] = [];
  await page.route(`${otherOrigin}/**`, async (route) => {
    reachedOtherOrigin.push(route.request().url());
    await route.fulfill({ status: 200, body: 'ok' });
  });
  // The worker reports the CSP violation it sees (the browser's own record of the block).
  const probe = [
    "let violation = 'none';",
    "self.addEventListener('securitypolicyviolation', (event) => { violation = event.effectiveDirective; });",
    `fetch('${otherOrigin}/favicon.svg', { mode: 'no-cors' }).then(`,
    "  () => postMessage('reached'),",
    "  () => setTimeout(() => postMessage('blocked by ' + violation), 200),",
    ');',
  ].join('\n');
  let withHeaders = true;
  await page.route(
    (url) => url.pathname === `/assets/${parseWorker}`,
    async (route) => {
      const response = await route.fetch();
      const headers: Record<string, string> = { ...response.headers(), 'content-type': 'text/javascript' };
      if (!withHeaders) delete headers['content-security-policy'];
      await route.fulfill({ status: 200, headers, body: probe });
    },
  );
  const run = (): Promise<string> =>
    page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const worker = new Worker(url, { type: 'module' });
          worker.onmessage = (event: MessageEvent<string>) => resolve(event.data);
          setTimeout(() => resolve('timeout'), 10_000);
        }),
      `/assets/${parseWorker}?probe=${Math.random()}`,
    );
  expect(await run()).toBe('blocked by connect-src');
  expect(reachedOtherOrigin).toEqual([]);
  // Control: the same worker without the header does reach the other origin.
  withHeaders = false;
  expect(await run()).toBe('reached');
  expect(reachedOtherOrigin).toHaveLength(1);
});
