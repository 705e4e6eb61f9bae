/**
 * The job seeker's workspace end to end: track applications (from Match and from a job page),
 * move them through the stages by keyboard and by drag, add a note and a next-step date, reload
 * and find everything kept, see the analytics funnel agree with the data, export → restore keeps the
 * applications; the ATS check on a
 * two-column resume and on one without an email; accepting a rule-based fix; axe on the new
 * screens in light and dark.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import {
  addResumes,
  importItem,
  openApp,
  pasteJob,
  pauseBackgroundEmbedding,
  readFixtureText,
} from './helpers';
import { expectAccessible } from './axe';

const FIRST_JOB = 'Senior Data Engineer';
const SECOND_JOB = 'Analytics Engineer';

function column(page: Page, status: string): Locator {
  return page.locator(`[data-testid="board-column"][data-status="${status}"]`);
}

function card(page: Page, status: string, title: string): Locator {
  return column(page, status).getByTestId('application-card').filter({ hasText: title });
}

/**
 * Drags with real mouse steps: Chromium starts an HTML5 drag only after the pointer has moved a
 * few pixels with the button down (locator.dragTo jumps straight to the target here).
 */
async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 15, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** BaseFont names of the fonts embedded in a PDF (with a font file, not a standard font). */
async function embeddedFonts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict)
    .filter((dict) => dict.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
    .filter((dict) => dict.has(PDFName.of('FontFile2')))
    .map((dict) => dict.get(PDFName.of('FontName'))?.toString() ?? '');
}

test('track applications, move them by keyboard and by drag, notes and next step survive a reload', async ({
  page,
}) => {
  await openApp(page);
  // Scores are compared across screens: no background vectors may rescore the pair mid-test.
  await pauseBackgroundEmbedding(page);
  await addResumes(page, ['resume-alice.pdf']);
  await expect(importItem(page, 'resume-alice.pdf')).toHaveAttribute('data-stage', 'done');
  await pasteJob(page, FIRST_JOB, readFixtureText('job-data-engineer.txt'));
  await pasteJob(page, SECOND_JOB, readFixtureText('job-data-engineer.txt').replace(FIRST_JOB, SECOND_JOB));

  // From a match: the application keeps the resume and the score.
  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ label: 'Alice Martin — resume-alice.pdf' });
  await page.getByTestId('match-job').selectOption({ label: FIRST_JOB });
  const score = Number(await page.getByTestId('match-score').textContent());
  await page.getByTestId('track-button').click();
  await expect(page.getByTestId('tracked-link')).toHaveText('Tracked: Saved');

  // From a job page.
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('open-job').filter({ hasText: SECOND_JOB }).click();
  await page.getByTestId('track-button').click();
  await expect(page.getByTestId('tracked-link')).toHaveText('Tracked: Saved');

  await page.getByRole('link', { name: 'Applications' }).click();
  await expect(column(page, 'saved').getByTestId('application-card')).toHaveCount(2);
  await expect(card(page, 'saved', FIRST_JOB)).toContainText(`score ${score}`);

  // Keyboard: four stages, one arrow press each; the focus follows the card.
  await card(page, 'saved', FIRST_JOB).focus();
  for (const status of ['applied', 'screening', 'interview', 'offer']) {
    await page.keyboard.press('ArrowRight');
    await expect(card(page, status, FIRST_JOB)).toBeFocused();
  }
  await expect(page.getByTestId('board-announcement')).toHaveText(`${FIRST_JOB} moved to Offer.`);

  // Drag and drop: four stages.
  let from = 'saved';
  for (const status of ['applied', 'screening', 'interview', 'rejected']) {
    await column(page, status).scrollIntoViewIfNeeded();
    await drag(page, card(page, from, SECOND_JOB), column(page, status));
    await expect(card(page, status, SECOND_JOB)).toBeVisible();
    from = status;
  }

  // A note and a next-step date, saved; the due list shows it.
  await card(page, 'offer', FIRST_JOB).click();
  const detail = page.getByTestId('application-detail');
  await detail.getByTestId('detail-notes').fill('Offer call with the hiring manager went well.');
  await detail.getByTestId('detail-next-date').fill(today());
  await detail.getByTestId('detail-next-step').fill('Reply to the offer');
  await detail.getByTestId('detail-save').click();
  await expect(detail.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByTestId('due-item').filter({ hasText: FIRST_JOB })).toHaveAttribute(
    'data-when',
    'today',
  );

  await expectAccessible(page);

  await page.reload();
  await expect(card(page, 'offer', FIRST_JOB)).toBeVisible();
  await expect(card(page, 'rejected', SECOND_JOB)).toBeVisible();
  await expect(page.getByTestId('due-item').filter({ hasText: FIRST_JOB })).toContainText(
    'Reply to the offer',
  );
  await card(page, 'offer', FIRST_JOB).click();
  await expect(detail.getByTestId('detail-notes')).toHaveValue(
    'Offer call with the hiring manager went well.',
  );
  await expect(detail.getByTestId('detail-next-date')).toHaveValue(today());
  await expect(detail.getByTestId('timeline').locator('li')).toHaveCount(5);

  // The table view: search and filter.
  await page.getByTestId('view-table').click();
  await expect(page.getByTestId('application-row')).toHaveCount(2);
  await page.getByTestId('applications-status-filter').selectOption('offer');
  await expect(page.getByTestId('application-row')).toHaveCount(1);
  await expect(page.getByTestId('application-row')).toContainText(FIRST_JOB);
  await expectAccessible(page);

  // Analytics: the funnel's table holds exactly the data (both passed saved/applied/screening/
  // interview; one is at offer now, one was rejected).
  await page.getByRole('link', { name: 'Analytics' }).click();
  const expected: Record<string, [number, number]> = {
    saved: [0, 2],
    applied: [0, 2],
    screening: [0, 2],
    interview: [0, 2],
    offer: [1, 1],
    accepted: [0, 0],
    rejected: [1, 1],
    withdrawn: [0, 0],
  };
  for (const [status, [now, reached]] of Object.entries(expected)) {
    const row = page.getByTestId('funnel-table').locator(`tr[data-status="${status}"]`);
    await expect(row.getByTestId('funnel-now')).toHaveText(String(now));
    await expect(row.getByTestId('funnel-reached')).toHaveText(String(reached));
  }
  await expect(page.getByTestId('response-rate')).toHaveText('100%');
  await expect(page.getByTestId('funnel-chart')).toHaveAttribute('role', 'img');
  await expectAccessible(page);

  // Export → delete all → restore: the applications come back as they were.
  const applicationsBefore = await readApplications(page);
  expect(applicationsBefore).toHaveLength(2);
  await page.getByRole('link', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const backupPath = join(tmpdir(), `shortlist-e2e-applications-${Date.now()}.json`);
  await download.saveAs(backupPath);
  await page.getByRole('link', { name: 'Settings' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await expect(page.getByText('All data was deleted from this browser.')).toBeVisible();
  expect(await readApplications(page)).toEqual([]);
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await page.getByTestId('restore-file').setInputFiles(backupPath);
  await expect(page.getByTestId('restore-counts')).toContainText('2 applications');
  await page.getByTestId('restore-replace').check();
  await page.getByTestId('restore-apply').click();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-message')).toContainText('Restored');
  expect(await readApplications(page)).toEqual(applicationsBefore);
  await page.getByRole('link', { name: 'Applications' }).click();
  await page.getByTestId('view-board').click();
  await expect(card(page, 'offer', FIRST_JOB)).toBeVisible();
  await expect(card(page, 'rejected', SECOND_JOB)).toBeVisible();
});

/** Every stored application, sorted by job id (the records as IndexedDB holds them). */
function readApplications(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('shortlist');
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('applications').objectStore('applications').getAll();
          read.onsuccess = () => {
            db.close();
            resolve(read.result as unknown[]);
          };
          read.onerror = () => reject(read.error ?? new Error('read failed'));
        };
      }),
  );
}

test('ATS check: columns and missing email reported with their lines; a rule fix makes a better version', async ({
  page,
}) => {
  await openApp(page);
  // Scores are compared across screens: no background vectors may rescore the pair mid-test.
  await pauseBackgroundEmbedding(page);
  await addResumes(page, ['resume-alice.pdf']);
  await expect(importItem(page, 'resume-alice.pdf')).toHaveAttribute('data-stage', 'done');
  // A resume without an email, generated here.
  const noEmail = [
    'Sam Rivera',
    '+1 303 555 0142 · Denver, CO',
    '',
    'EXPERIENCE',
    'Backend Engineer, Example Corp Jan 2021 – Present',
    '- Built billing services in Go that process 3 million invoices a month.',
    '',
    'EDUCATION',
    'State University, B.S. Computer Science, 2016 – 2020',
    '',
    'SKILLS',
    'Go, PostgreSQL, Docker',
  ].join('\n');
  await page
    .getByTestId('resume-input')
    .setInputFiles([{ name: 'sam-no-email.txt', mimeType: 'text/plain', buffer: Buffer.from(noEmail) }]);
  await expect(importItem(page, 'sam-no-email.txt')).toHaveAttribute('data-stage', 'done');

  await page.getByRole('link', { name: 'ATS check' }).click();
  await page.getByTestId('ats-resume').selectOption({ label: 'Sam Rivera — sam-no-email.txt' });
  await expect(
    page.locator('[data-testid="ats-finding"][data-rule="contact-email-missing"]'),
  ).toHaveAttribute('data-severity', 'critical');

  await page.getByTestId('ats-resume').selectOption({ label: 'Alice Martin — resume-alice.pdf' });
  const columns = page.locator('[data-testid="ats-finding"][data-rule="layout-columns"]');
  await expect(columns).toBeVisible();
  await expect(page.locator('[data-testid="ats-finding"][data-rule="contact-email-missing"]')).toHaveCount(0);
  await columns.getByTestId('ats-show-lines').click();
  const marked = page.getByTestId('source-text').locator('.marked');
  await expect(marked.filter({ hasText: /^SKILLS$/ })).toHaveCount(1);
  await expect(marked.filter({ hasText: 'Snowflake' })).toHaveCount(1);
  await expect(marked.filter({ hasText: 'Northwind Analytics' })).toHaveCount(0);

  await expectAccessible(page);

  // Accept the pronoun fix: a new version, checked again, with a higher score.
  const before = Number(await page.getByTestId('ats-score').textContent());
  const fix = page.locator('[data-testid="ats-fix"][data-rule="first-person"]');
  await expect(fix).toContainText('Design reliable warehouse models');
  await fix.getByTestId('ats-fix-accept').click();
  await expect(page.getByTestId('ats-message')).toContainText('saved as version 2');
  await expect(page.getByTestId('ats-resume').locator('option:checked')).toHaveText(
    /resume-alice\.pdf \(v2\)/,
  );
  await expect(page.getByTestId('ats-score-change')).toHaveText(`(was ${before})`);
  await expect
    .poll(async () => Number(await page.getByTestId('ats-score').textContent()))
    .toBeGreaterThan(before);
  await expect(page.locator('[data-testid="ats-finding"][data-rule="first-person"]')).toHaveCount(0);
  // Templates and export: the new version as a PDF, rendered in the worker; the second time
  // from the render cache.
  const exportPanel = page.getByTestId('resume-export');
  await exportPanel.getByLabel('Modern').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportPanel.getByTestId('export-pdf').click(),
  ]);
  expect(download.suggestedFilename()).toBe('Alice-Martin-modern.pdf');
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // The shipped font is embedded (a TrueType subset), fetched from this origin.
  expect(await embeddedFonts(bytes)).toEqual(expect.arrayContaining([expect.stringMatching(/IBMPlexSans/)]));
  await Promise.all([page.waitForEvent('download'), exportPanel.getByTestId('export-pdf').click()]);
  await expect(exportPanel.getByTestId('export-message')).toContainText('from the cache');
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    exportPanel.getByTestId('export-docx').click(),
  ]);
  expect(docx.suggestedFilename()).toBe('Alice-Martin-modern.docx');

  // The Performance page: the render cache's hit rate and the timings, counted (their goals are
  // checked by npm run bench on many samples; one cold render in a busy browser says little).
  await page.getByRole('link', { name: 'Performance' }).click();
  const renderCache = page.locator('[data-testid="cache-row"][data-cache="render"]');
  await expect(renderCache.getByTestId('cache-hits')).toHaveText('1');
  await expect(renderCache).toContainText('%');
  for (const name of ['render.pdf', 'render.docx']) {
    const row = page.locator(`[data-testid="metric-row"][data-metric="${name}"]`);
    await expect(row.getByTestId('metric-count'), name).toHaveText('1');
  }
  const checks = page.locator('[data-testid="metric-row"][data-metric="ats.check"]');
  await expect(checks.getByTestId('metric-count')).not.toHaveText('0');
  await page.getByRole('link', { name: 'ATS check' }).click();

  // The original is unchanged and still listed.
  await expect(
    page.getByTestId('ats-resume').locator('option', { hasText: /^Alice Martin — resume-alice\.pdf$/ }),
  ).toHaveCount(1);
});
