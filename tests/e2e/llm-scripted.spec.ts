/**
 * The AI features end to end with a scripted engine: load a model, stream improvement suggestions
 * into the UI, see the fabricated one dropped with its reason, accept the faithful one (a new
 * resume version, re-scored), get the same answer again from the AI cache, and cancel a long answer.
 *
 * This machine has no GPU and no model weights, so the test swaps in two things from the TEST side
 * only (tests/e2e/scripted-llm.ts) — the product has no code path that can select them:
 * - a fake `navigator.gpu` (page.addInitScript), read by the main-thread capability check in
 *   src/workers/host/llm-client.ts. The llm worker itself never checks the GPU (real web-llm would,
 *   inside MLCEngine.reload, but that module is replaced as well), so workers need no fake.
 * - the lazily loaded web-llm chunk (assets/web-llm-*.js, imported by the llm worker only when a
 *   model is loaded) is answered by context.route with tests/e2e/support/scripted-web-llm.js, an ES
 *   module with the same exports. Service workers are blocked so the request reaches the route
 *   (Playwright does not route requests a service worker answers from its cache).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addResumes, fixture, importItem, pasteJob, readFixtureText } from './helpers';
import { useScriptedEngine } from './scripted-llm';

const RESUME_FILE = 'resume-alice.docx';
const JOB_TITLE = 'Senior Data Engineer';
/** The scripted engine answers a job whose title has "Long answer" slowly and at length. */
const LONG_JOB_TITLE = 'Long answer Data Engineer';
const FAITHFUL_AFTER =
  'Developed Apache Spark batch jobs in Python (PySpark) that compute the daily inventory forecasts.';

test.use({ serviceWorkers: 'block' });

interface StreamSample {
  length: number;
  running: boolean;
  at: number;
}

/** Records every change of the streamed text's length (and whether Cancel was still shown). */
async function watchStream(page: Page): Promise<void> {
  await page.evaluate(() => {
    const store = window as unknown as { streamSamples: StreamSample[] };
    store.streamSamples = [];
    const panel = document.querySelector('[data-testid="improve-panel"]');
    if (!panel) throw new Error('improve panel missing');
    new MutationObserver(() => {
      const length = panel.querySelector('[data-testid="improve-stream"]')?.textContent?.length ?? 0;
      const running = panel.querySelector('[data-testid="improve-cancel"]') !== null;
      const last = store.streamSamples.at(-1);
      if (last?.length !== length || last.running !== running)
        store.streamSamples.push({ length, running, at: performance.now() });
    }).observe(panel, { subtree: true, childList: true, characterData: true });
  });
}

function streamSamples(page: Page): Promise<StreamSample[]> {
  return page.evaluate(() => (window as unknown as { streamSamples: StreamSample[] }).streamSamples);
}

function streamLength(page: Page): Promise<number> {
  return page
    .getByTestId('improve-stream')
    .textContent()
    .then((text) => text?.length ?? 0);
}

test('scripted engine: load, stream suggestions, guard drops a fabrication, accept, cache hit, cancel', async ({
  page,
  context,
  baseURL,
}) => {
  // The app's own server on this machine (E2E_ORIGIN, see playwright.config.ts).
  const origin = new URL(baseURL ?? '').origin;
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const servedScripted = await useScriptedEngine(context, page);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Shortlist' })).toBeVisible();

  // Settings: the capability panel offers models, the recommended one preselected.
  await page.getByRole('link', { name: 'Settings' }).click();
  const capability = page.getByTestId('llm-capability');
  await expect(capability).toHaveAttribute('data-level', 'full');
  await expect(capability).toContainText('Your browser can run: Qwen2.5 1.5B (q4f16_1');
  await expect(capability).toContainText('shader-f16');
  const picker = page.getByTestId('llm-model');
  await expect(picker).toHaveValue('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
  expect(await picker.locator('option').count()).toBeGreaterThan(1);
  expect(servedScripted).toEqual([]); // nothing of web-llm before a model is loaded

  // Load the default model: progress is shown, then it is ready.
  await page.getByTestId('llm-load').click();
  await expect(page.getByRole('progressbar', { name: 'Model download' })).toBeVisible();
  await expect(page.getByTestId('llm-settings')).toContainText('scripted test engine');
  await expect(page.getByTestId('llm-settings')).toContainText('Loaded: Qwen2.5 1.5B (q4f16_1)');
  await expect(page.getByRole('progressbar', { name: 'Model download' })).toHaveCount(0);
  expect(servedScripted.length).toBeGreaterThan(0);

  // A resume and two jobs (the second one gets the long, slow answer).
  const manifest = JSON.parse(readFileSync(fixture('manifest.json'), 'utf8')) as {
    files: { file: string; name?: string }[];
  };
  const aliceName = manifest.files.find((entry) => entry.file === RESUME_FILE)?.name ?? '';
  expect(aliceName).not.toBe('');
  await page.getByRole('link', { name: 'Library' }).click();
  await addResumes(page, [RESUME_FILE]);
  await expect(importItem(page, RESUME_FILE)).toHaveAttribute('data-stage', 'done');
  const jobText = readFixtureText('job-data-engineer.txt');
  await pasteJob(page, JOB_TITLE, jobText);
  await pasteJob(page, LONG_JOB_TITLE, jobText);

  // Match → Improve.
  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ label: `${aliceName} — ${RESUME_FILE}` });
  await page.getByTestId('match-job').selectOption({ label: JOB_TITLE });
  await expect(page.getByTestId('match-result')).toBeVisible();
  const scoreBefore = Number(await page.getByTestId('match-score').textContent());
  expect(scoreBefore).toBeGreaterThan(0);
  const run = page.getByTestId('improve-run');
  await expect(run).toBeVisible();

  await watchStream(page);
  await run.click();
  await expect(page.getByTestId('improve-cancel')).toBeVisible();
  await expect(run).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('improve-message')).toHaveText('1 suggestion; 1 dropped by the fact check.');

  // Tokens arrived progressively: many growing lengths while the answer was still being written.
  const samples = await streamSamples(page);
  const finalLength = await streamLength(page);
  expect(finalLength).toBeGreaterThan(100);
  const duringRun = samples.filter((sample) => sample.running && sample.length > 0);
  expect(duringRun.length).toBeGreaterThan(10);
  for (let index = 1; index < duringRun.length; index += 1)
    expect(duringRun[index]!.length).toBeGreaterThan(duringRun[index - 1]!.length);
  expect(duringRun[0]!.length).toBeLessThan(finalLength / 4);
  expect(duringRun.at(-1)!.at - duringRun[0]!.at).toBeGreaterThan(500);

  // The faithful rewrite is offered; the fabricated one (an invented "40 TB") is dropped, with why.
  const suggestion = page.getByTestId('suggestion');
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion.getByTestId('suggestion-before')).toContainText('Developed Spark jobs in Python');
  await expect(suggestion.getByTestId('suggestion-after')).toHaveText(FAITHFUL_AFTER);
  await expect(suggestion.getByTestId('suggestion-accept')).toBeEnabled();
  await expect(suggestion.getByTestId('suggestion-reject')).toBeEnabled();
  const dropped = page.getByTestId('suggestions-dropped');
  await expect(dropped).toContainText('1 suggestion dropped by the fact check');
  await dropped.locator('summary').click();
  await expect(dropped).toContainText('invents a number: "40" is not in the resume');
  await expect(dropped).toContainText('40 TB of events per day');

  // Accept: a new version is saved and scored; the original stays.
  await suggestion.getByTestId('suggestion-accept').click();
  const scoreLine = page.getByTestId('improve-score');
  await expect(scoreLine).toContainText(`Score ${scoreBefore} → `);
  await expect(scoreLine).toContainText(`${RESUME_FILE} (v2)`);
  await expect(scoreLine).toContainText('The original resume is unchanged.');
  const scoreAfter = Number(/→ (\d+)/.exec((await scoreLine.textContent()) ?? '')?.[1]);
  expect(scoreAfter).toBeGreaterThan(0);
  await expect(page.getByTestId('suggestion')).toHaveCount(0);

  // Same pair again: served from the AI cache (the engine is not asked again), same verdicts.
  await run.click();
  await expect(page.getByTestId('improve-message')).toHaveText(
    '1 suggestion; 1 dropped by the fact check (from the cache).',
  );
  await expect(page.getByTestId('suggestion')).toHaveCount(1);
  expect(await streamLength(page)).toBe(finalLength);

  // A long answer for the other job: Cancel stops the stream and the panel returns to idle.
  await page.getByTestId('match-job').selectOption({ label: LONG_JOB_TITLE });
  await expect(page.getByTestId('match-result')).toBeVisible();
  await expect(run).toBeVisible();
  await run.click();
  const cancel = page.getByTestId('improve-cancel');
  await expect(cancel).toBeVisible();
  await expect.poll(() => streamLength(page), { timeout: 20_000 }).toBeGreaterThan(80);
  const beforeCancel = await streamLength(page);
  await cancel.click();
  await expect(run).toBeVisible();
  await expect(page.getByTestId('improve-panel').getByRole('alert')).toHaveText('Cancelled.');
  const stoppedAt = await streamLength(page);
  expect(stoppedAt).toBeGreaterThanOrEqual(beforeCancel);
  await page.waitForTimeout(1500);
  expect(await streamLength(page)).toBe(stoppedAt);
  // Well short of the scripted answer (60 repeats of both suggestions), so it really stopped.
  expect(stoppedAt).toBeLessThan(finalLength * 10);

  // The library holds the original and the new version.
  await page.getByRole('link', { name: 'Library' }).click();
  const resumes = page.getByTestId('resume-list');
  await expect(page.getByTestId('resume-row')).toHaveCount(2);
  await expect(resumes).toContainText(`${RESUME_FILE} (v2)`);
  await expect(page.getByTestId('resume-row').filter({ hasNotText: '(v2)' })).toContainText(RESUME_FILE);

  // The engine really stopped (not just the UI): the next AI job shares the one-at-a-time queue,
  // so a Refine of the original resume would wait minutes behind a generation still running.
  await page.getByTestId('resume-row').filter({ hasNotText: '(v2)' }).getByTestId('open-resume').click();
  const refinePanel = page.getByTestId('refine-panel');
  await refinePanel.getByTestId('refine-run').click();
  await expect(refinePanel.locator('p[role="status"]')).toContainText(/fields? refined|Nothing to change/, {
    timeout: 10_000,
  });
  await expect(refinePanel.getByRole('alert')).toHaveCount(0);

  // The dashboard counts the one real generation (the cache hit and the cancelled run add none).
  await page.getByRole('link', { name: 'Performance' }).click();
  for (const name of ['llm.improve', 'llm.improve.firstToken']) {
    const row = page.locator(`[data-testid="metric-row"][data-metric="${name}"]`);
    await expect(row.getByTestId('metric-count'), name).toHaveText('1');
  }

  // Nothing left this machine: every request went to the app's own origin.
  const network = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(network.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
  expect(network.filter((url) => /huggingface|mlc\.ai|github/i.test(url))).toEqual([]);
});

test('refined fields survive a later correction (layers: file < AI < you)', async ({ page, context }) => {
  await useScriptedEngine(context, page);
  await page.goto('/#/settings');
  await page.getByTestId('llm-load').click();
  await expect(page.getByTestId('llm-settings')).toContainText('Loaded: Qwen2.5 1.5B (q4f16_1)');

  // The employer is named only in the summary: the file's layout gives no Experience entry, the
  // (scripted) model reads one from the text, grounded in it.
  const text = [
    'Alice Martin',
    'alice.martin@example.com | +1 415 555 0134 | San Francisco, CA',
    '',
    'Summary',
    'Senior Data Engineer at Northwind Analytics since 2020, building Python and SQL pipelines.',
    '',
    'Skills',
    'Python, SQL, Apache Airflow',
  ].join('\n');
  await page.getByRole('link', { name: 'Library' }).click();
  await page
    .getByTestId('resume-input')
    .setInputFiles({ name: 'summary-only.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(importItem(page, 'summary-only.txt')).toHaveAttribute('data-stage', 'done');
  await page.getByTestId('resume-row').first().getByTestId('open-resume').click();
  const experience = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Experience' }) });
  await expect(experience.locator('legend')).toHaveText('Experience (0)');

  // Refine: the work entry arrives, marked as coming from the AI layer.
  const refinePanel = page.getByTestId('refine-panel');
  await refinePanel.getByTestId('refine-run').click();
  await expect(refinePanel.locator('p[role="status"]')).toContainText(/refined/, { timeout: 20_000 });
  await expect(experience.locator('legend')).toHaveText('Experience (1)');
  await expect(experience.getByLabel('Company')).toHaveValue('Northwind Analytics');
  await expect(page.getByTestId('field-sources')).toContainText('refined by AI');

  // Correct another field and save: the correction re-reads the file, and the refined entry stays.
  await page.getByTestId('field-location').fill('Oakland, CA');
  await page.getByTestId('save-corrections').click();
  await expect(page.getByTestId('field-sources')).toContainText('corrected by you');
  await expect(page.getByTestId('field-sources')).toContainText('refined by AI');
  await expect(experience.locator('legend')).toHaveText('Experience (1)');
  await expect(experience.getByLabel('Company')).toHaveValue('Northwind Analytics');
  await expect(page.getByTestId('source-location')).toHaveText('corrected');

  // And after a reload (stored, not just on screen).
  await page.reload();
  await expect(experience.locator('legend')).toHaveText('Experience (1)');
  await expect(experience.getByLabel('Company')).toHaveValue('Northwind Analytics');
  await expect(page.getByTestId('field-location')).toHaveValue('Oakland, CA');
});
