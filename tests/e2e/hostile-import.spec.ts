import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { makeHugePagePdf, makeLocationBombText } from '../fixtures/hostile-fixtures';
import { makeLyingDocxBomb } from '../fixtures/zip-fixtures';
import { fixture, importItem, openApp } from './helpers';

/**
 * Hostile files picked together with good ones, as a recruiter importing a folder would: a DOCX
 * whose headers lie about its unpacked size, a PDF page 1e18 units wide and a resume whose
 * contact line is a 1 KB "A-A-…" run. Each hostile file ends with a clear message (refused, or
 * read with a warning); the good resumes are stored; the page never blocks for over 200 ms.
 */
test('hostile files fail or warn clearly, good ones are stored, and the UI stays responsive', async ({
  page,
}) => {
  await openApp(page);
  await page.evaluate(() => {
    const durations: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: 'longtask' });
  });

  const files = [
    {
      name: 'lying-bomb.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(makeLyingDocxBomb()),
    },
    { name: 'huge-page.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeHugePagePdf(1e18)) },
    { name: 'location-line.txt', mimeType: 'text/plain', buffer: Buffer.from(makeLocationBombText(1024)) },
    {
      name: 'resume-alice.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(fixture('resume-alice.pdf')),
    },
    {
      name: 'resume-bob.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: readFileSync(fixture('resume-bob.docx')),
    },
  ];
  await page.getByTestId('resume-input').setInputFiles(files);

  for (const file of ['resume-alice.pdf', 'resume-bob.docx', 'location-line.txt'])
    await expect(importItem(page, file)).toHaveAttribute('data-stage', 'done');
  const bomb = importItem(page, 'lying-bomb.docx');
  await expect(bomb).toHaveAttribute('data-stage', 'failed');
  await expect(bomb.getByTestId('import-error')).toHaveText(
    /^This DOCX unpacks to more than its own headers declare .*so it was not opened .*save it as PDF/,
  );
  const huge = importItem(page, 'huge-page.pdf');
  await expect(huge).toHaveAttribute('data-stage', 'done');
  await expect(huge.getByTestId('import-warning').first()).toHaveText(
    /larger than PDF allows .*may be crafted/,
  );

  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.join(', ')}`).toBeLessThan(200);
});
