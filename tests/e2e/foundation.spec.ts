import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { validateBundle } from '../../src/core/export/bundle';
import { addResumes, fixture, importItem, openApp, pasteJob, readFixtureText } from './helpers';

interface FixtureManifest {
  files: { file: string; name?: string }[];
  matches: { resume: string; job: string; matchedSkills: string[]; missingSkills: string[] }[];
}

/** The generated fixtures and what they should produce (written by scripts/make-fixtures.ts). */
function manifest() {
  const data = JSON.parse(readFileSync(fixture('manifest.json'), 'utf8')) as FixtureManifest;
  const file = (name: string) => {
    const entry = data.files.find((f) => f.file === name);
    if (!entry) throw new Error(`fixture ${name} missing from manifest`);
    return { file: entry.file, name: entry.name ?? '' };
  };
  const match = data.matches.find(
    (m) => m.resume === 'resume-alice.pdf' && m.job === 'job-data-engineer.txt',
  )!;
  return {
    alice: file('resume-alice.pdf'),
    bob: file('resume-bob.docx'),
    job: {
      file: 'job-data-engineer.txt',
      title: 'Senior Data Engineer',
      matchedForAlice: match.matchedSkills,
      missingForAlice: match.missingSkills,
    },
  };
}

test('import PDF + DOCX resumes, paste a job, match, see metrics, export, then work offline', async ({
  page,
  context,
}) => {
  const { job, alice, bob } = manifest();
  await openApp(page);

  await addResumes(page, [alice.file, bob.file]);
  await expect(importItem(page, alice.file)).toHaveAttribute('data-stage', 'done');
  await expect(importItem(page, bob.file)).toHaveAttribute('data-stage', 'done');
  await expect(page.getByTestId('resume-row')).toHaveCount(2);
  await expect(page.getByTestId('resume-list')).toContainText(alice.name);
  await expect(page.getByTestId('resume-list')).toContainText(bob.name);

  await pasteJob(page, job.title, readFixtureText(job.file));

  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ label: `${alice.name} — ${alice.file}` });
  await page.getByTestId('match-job').selectOption({ label: job.title });
  const result = page.getByTestId('match-result');
  await expect(result).toBeVisible();
  const score = Number(await page.getByTestId('match-score').textContent());
  expect(score).toBeGreaterThan(0);
  expect(score).toBeLessThanOrEqual(100);

  const skills = async (kind: 'matched-skill' | 'missing-skill') =>
    new Set(await page.getByTestId(kind).getByTestId('skill-name').allTextContents());
  await expect.poll(() => skills('matched-skill')).toEqual(new Set(job.matchedForAlice));
  await expect.poll(() => skills('missing-skill')).toEqual(new Set(job.missingForAlice));
  // Evidence: a matched requirement shows the resume line that proves it, highlighted.
  await expect(page.getByTestId('matched-skill').first().locator('mark')).toBeVisible();

  await page.getByRole('link', { name: 'Performance' }).click();
  for (const name of ['parse.pdf', 'parse.docx', 'extract.resume', 'match.score']) {
    const row = page.locator(`[data-testid="metric-row"][data-metric="${name}"]`);
    await expect(row).toBeVisible();
    await expect
      .poll(async () => Number(await row.getByTestId('metric-count').textContent()), { message: name })
      .toBeGreaterThan(0);
  }

  await page.getByRole('link', { name: 'Export' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const download = await downloadPromise;
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    resumes: { name: string }[];
  };
  expect(validateBundle(exported)).toEqual({ ok: true });
  expect(exported.resumes.map((r) => r.name).sort()).toEqual([alice.name, bob.name].sort());

  // Offline: the service worker serves the app shell; IndexedDB still holds the library.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('resume-row')).toHaveCount(2);
  await page.getByRole('link', { name: 'Match' }).click();
  await expect(page.getByTestId('match-score')).toHaveText(String(score));
  await context.setOffline(false);
});

test('bad files fail one by one with a clear reason; the rest of the batch is stored', async ({ page }) => {
  const { alice } = manifest();
  await openApp(page);
  await addResumes(page, ['corrupt.pdf', 'empty.txt', 'program.pdf', alice.file]);

  await expect(importItem(page, alice.file)).toHaveAttribute('data-stage', 'done');
  const reasons: Record<string, RegExp> = {
    'corrupt.pdf': /damaged|corrupt|could not be read/i,
    'empty.txt': /empty/i,
    'program.pdf': /named .pdf, but its content is a Windows program/i,
  };
  for (const [file, reason] of Object.entries(reasons)) {
    const item = importItem(page, file);
    await expect(item).toHaveAttribute('data-stage', 'failed');
    await expect(item.getByTestId('import-error')).toHaveText(reason);
  }
  await expect(page.getByTestId('resume-row')).toHaveCount(1);
  await expect(page.getByTestId('resume-list')).toContainText(alice.name);
});
