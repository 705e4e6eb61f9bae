/**
 * The ATS check's AI fixes with the scripted engine (tests/e2e/scripted-llm.ts): for a resume and a
 * job, ONE combined call (counted on the Performance page) brings the suggestions; the rewrite that
 * invents a number ("40 TB" where the resume says 2 TB) is dropped by the anti-fabrication guard,
 * with its reason shown; the faithful rewrite is offered as before → after and, accepted, becomes a
 * new version that the page checks again. axe on the ATS screen with the AI fixes, light and dark.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './axe';
import { addResumes, fixture, importItem, pasteJob, readFixtureText } from './helpers';
import { useScriptedEngine } from './scripted-llm';

const RESUME_FILE = 'resume-alice.docx';
const JOB_TITLE = 'Senior Data Engineer';
const FAITHFUL_BEFORE = 'Developed Spark jobs in Python (PySpark) to compute daily inventory forecasts.';
const FAITHFUL_AFTER =
  'Developed Apache Spark batch jobs in Python (PySpark) that compute the daily inventory forecasts.';

test.use({ serviceWorkers: 'block' });

test('ATS AI fixes: one combined call, a fabricated number dropped with its reason, a fix accepted as a new version', async ({
  page,
  context,
}) => {
  await useScriptedEngine(context, page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Shortlist' })).toBeVisible();

  // Load the (scripted) model in Settings.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByTestId('llm-load').click();
  await expect(page.getByTestId('llm-settings')).toContainText('Loaded: Qwen2.5 1.5B (q4f16_1)');

  const manifest = JSON.parse(readFileSync(fixture('manifest.json'), 'utf8')) as {
    files: { file: string; name?: string }[];
  };
  const aliceName = manifest.files.find((entry) => entry.file === RESUME_FILE)?.name ?? '';
  expect(aliceName).not.toBe('');
  await page.getByRole('link', { name: 'Library' }).click();
  await addResumes(page, [RESUME_FILE]);
  await expect(importItem(page, RESUME_FILE)).toHaveAttribute('data-stage', 'done');
  await pasteJob(page, JOB_TITLE, readFixtureText('job-data-engineer.txt'));

  // ATS check of the resume: without a job the page says what AI fixes need.
  await page.getByRole('link', { name: 'ATS check' }).click();
  await page.getByTestId('ats-resume').selectOption({ label: `${aliceName} — ${RESUME_FILE}` });
  await expect(page.getByTestId('ats-score')).toBeVisible();
  await expect(page.getByTestId('ats-ai-needs-job')).toBeVisible();
  await page.getByTestId('ats-job').selectOption({ label: JOB_TITLE });
  const scoreBefore = Number(await page.getByTestId('ats-score').textContent());

  // One combined call: the suggestions and the guard's verdicts.
  const run = page.getByTestId('improve-run');
  await run.click();
  await expect(page.getByTestId('improve-message')).toHaveText('1 suggestion; 1 dropped by the fact check.', {
    timeout: 30_000,
  });
  const suggestion = page.getByTestId('suggestion');
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion.getByTestId('suggestion-before')).toHaveText(FAITHFUL_BEFORE);
  await expect(suggestion.getByTestId('suggestion-after')).toHaveText(FAITHFUL_AFTER);
  const dropped = page.getByTestId('suggestions-dropped');
  await expect(dropped).toContainText('1 suggestion dropped by the fact check');
  await dropped.locator('summary').click();
  await expect(dropped).toContainText('invents a number: "40" is not in the resume');
  await expect(dropped).toContainText('40 TB of events per day');

  await expectAccessible(page);

  // Accept: a new version, which the page checks (the original stays).
  await suggestion.getByTestId('suggestion-accept').click();
  await expect(page.getByTestId('ats-message')).toHaveText('AI fix applied: saved as version 2.');
  await expect(page.getByTestId('ats-resume').locator('option:checked')).toHaveText(
    `${aliceName} — ${RESUME_FILE} (v2)`,
  );
  await expect(page.getByTestId('ats-score-change')).toHaveText(`(was ${scoreBefore})`);
  await expect(page.getByTestId('source-text')).toContainText(FAITHFUL_AFTER);
  await expect(page.getByTestId('source-text')).not.toContainText(FAITHFUL_BEFORE);
  await expect(
    page.getByTestId('ats-resume').locator('option', { hasText: new RegExp(`— ${RESUME_FILE}$`) }),
  ).toHaveCount(1);

  // Counted: exactly one generation for this resume (llm.improve), no other model call, and the
  // guard checked two suggestions and failed one.
  await page.getByRole('link', { name: 'Performance' }).click();
  const metric = (name: string) => page.locator(`[data-testid="metric-row"][data-metric="${name}"]`);
  await expect(metric('llm.improve').getByTestId('metric-count')).toHaveText('1');
  await expect(metric('llm.extract').getByTestId('metric-count')).toHaveText('0');
  await expect(metric('llm.guard').getByTestId('metric-count')).toHaveText('2');
  await expect(metric('llm.guard').getByTestId('metric-errors')).toHaveText('1');
});
