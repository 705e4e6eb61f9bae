/**
 * AI features in a browser without a usable GPU (Debian Chromium, --disable-gpu): the capability
 * panel says so, everything else works, and nothing of web-llm (code or weights) is fetched.
 * Streaming, cancel, accept/reject run against a scripted engine in the unit tests
 * (tests/unit/llm), because this machine can run neither WebGPU nor a real model.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addResumes, E2E_ORIGIN, fixture, importItem, openApp, pasteJob, readFixtureText } from './helpers';

const ORIGIN = E2E_ORIGIN;

test('no WebGPU: the AI panel says so, import and match still work, and web-llm is never fetched', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  const pageRequests: string[] = [];
  // The context sees the page's, its workers' and the service worker's requests.
  context.on('request', (request) => {
    requests.push(request.url());
    if (!request.serviceWorker()) pageRequests.push(request.url());
  });

  await openApp(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const capability = page.getByTestId('llm-capability');
  await expect(capability).toBeVisible();
  const level = await capability.getAttribute('data-level');
  expect(['none', 'fallback']).toContain(level);
  await expect(capability).toContainText(
    level === 'none'
      ? 'WebGPU is not available in this browser — everything else works without it.'
      : 'Only a software (fallback) WebGPU adapter is available',
  );
  // No model picker or download button is offered.
  await expect(page.getByTestId('llm-load')).toHaveCount(0);

  const manifest = JSON.parse(readFileSync(fixture('manifest.json'), 'utf8')) as {
    files: { file: string; name?: string }[];
  };
  const alice = manifest.files.find((entry) => entry.file === 'resume-alice.pdf');
  await page.getByRole('link', { name: 'Library' }).click();
  await addResumes(page, ['resume-alice.pdf']);
  await expect(importItem(page, 'resume-alice.pdf')).toHaveAttribute('data-stage', 'done');
  await pasteJob(page, 'Senior Data Engineer', readFixtureText('job-data-engineer.txt'));
  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ label: `${alice?.name ?? ''} — resume-alice.pdf` });
  await page.getByTestId('match-job').selectOption({ label: 'Senior Data Engineer' });
  await expect(page.getByTestId('match-result')).toBeVisible();
  const score = Number(await page.getByTestId('match-score').textContent());
  expect(score).toBeGreaterThan(0);
  await expect(page.getByTestId('improve-unavailable')).toBeVisible();
  await expect(page.getByTestId('improve-run')).toHaveCount(0);

  // Nothing from web-llm, MLC or a model host; nothing off this machine at all.
  const network = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(network.filter((url) => /web-llm|mlc|huggingface/i.test(url))).toEqual([]);
  expect(network.filter((url) => !url.startsWith(ORIGIN))).toEqual([]);
  // Without a usable GPU the llm worker itself is never started either (the service worker may
  // precache its small script, which does not contain web-llm).
  expect(pageRequests.filter((url) => /llm\.worker/.test(url))).toEqual([]);
});

test('the initial JavaScript holds no web-llm code: it lives in a lazy chunk of the llm worker', async ({
  page,
}) => {
  await page.goto('/');
  const initial = await page.evaluate(async () => {
    const urls = [
      ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((script) => script.src),
      ...[...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
        (link) => link.href,
      ),
    ];
    return Promise.all(urls.map(async (url) => ({ url, code: await (await fetch(url)).text() })));
  });
  expect(initial.length).toBeGreaterThan(0);
  for (const { url, code } of initial) {
    expect(code.includes('MLCEngine'), url).toBe(false);
    expect(code.includes('webllm/model'), url).toBe(false);
  }
  // The service worker does not precache web-llm either (it is fetched only when a model is loaded).
  const serviceWorker = await (await page.request.get('/sw.js')).text();
  expect(serviceWorker).not.toMatch(/web-llm-[\w-]+\.js["']\s*,\s*revision/);
  expect(serviceWorker).not.toMatch(/url:\s*"assets\/web-llm-/);
});
