import { expect, test, type Page } from '@playwright/test';
import { addResumes, E2E_ORIGIN, importItem, openApp } from './helpers';

const ORIGIN = E2E_ORIGIN;
const TINY_MODEL = 'shortlist-tiny-embed';

/** Every request that leaves this origin (data: and blob: URLs stay in the page). */
function watchExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${ORIGIN}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      external.push(url);
  });
  return external;
}

async function openModelSettings(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await expect(page.getByTestId('model-settings')).toBeVisible();
}

test('load the self-hosted tiny model, embed an imported resume, keep it after a reload, all offline', async ({
  page,
}) => {
  const external = watchExternalRequests(page);
  await openApp(page);
  await openModelSettings(page);

  const status = page.getByTestId('model-status');
  // The built-in model is on by default: Settings brings it up first.
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 180_000 });
  // The tiny model is offered because this build is made for tests and the server hosts it.
  await expect(page.getByTestId('model-select').locator(`option[value="${TINY_MODEL}"]`)).toHaveCount(1);
  await page.getByTestId('model-select').selectOption(TINY_MODEL);
  await expect(page.getByTestId('model-available')).toContainText('this server');
  await page.getByTestId('model-load').click();

  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('model-id')).toHaveText(TINY_MODEL);
  await expect(page.getByTestId('model-dims')).toHaveText('64');
  // Headless Chromium with --disable-gpu has no real WebGPU adapter: the wasm backend is used.
  await expect(page.getByTestId('model-backend')).toHaveText('wasm');
  await expect(page.getByTestId('model-source')).toHaveText('this server');
  await expect(page.getByTestId('embedded-resumes')).toHaveText('0');

  // Import a resume: it is embedded in the background once stored.
  await page.goto('/#/');
  await addResumes(page, ['resume-alice.pdf']);
  await expect(importItem(page, 'resume-alice.pdf')).toHaveAttribute('data-stage', 'done');
  await openModelSettings(page);
  await expect(page.getByTestId('embedded-resumes')).toHaveText('1');
  await page.getByRole('link', { name: 'Performance' }).click();
  const metric = page.locator('[data-testid="metric-row"][data-metric="embed.document"]');
  await expect
    .poll(async () => Number(await metric.getByTestId('metric-count').textContent()), {
      message: 'embed.document',
    })
    .toBe(1);

  // After a reload the chosen model is restored from local files, and the vectors are still there.
  await page.reload();
  await openModelSettings(page);
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('model-id')).toHaveText(TINY_MODEL);
  await expect(page.getByTestId('embedded-resumes')).toHaveText('1');

  // The ONNX runtime and the model came from this origin only.
  expect(external).toEqual([]);
});

test('a model this server does not host asks for consent before any download', async ({ page }) => {
  const external = watchExternalRequests(page);
  await openApp(page);
  await openModelSettings(page);
  await expect(page.getByTestId('model-status')).toHaveAttribute('data-state', 'ready', { timeout: 180_000 });
  await page.getByTestId('model-select').selectOption('Xenova/all-MiniLM-L6-v2');
  await expect(page.getByTestId('model-available')).toContainText('Not on this server');
  await expect(page.getByTestId('model-load')).toBeDisabled();
  await page.getByTestId('model-download').click();
  const consent = page.getByTestId('model-consent');
  await expect(consent).toContainText('23.7 MB');
  await consent.getByRole('button', { name: 'Not now' }).click();
  await expect(consent).toHaveCount(0);
  // Nothing was downloaded: the built-in model (on by default) is the only one loaded, if any.
  await expect(page.getByTestId('model-status')).not.toHaveAttribute('data-state', 'loading', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('model-status')).not.toContainText('all-MiniLM');
  expect(external).toEqual([]);
});
