import { expect, test, type Page } from '@playwright/test';
import { addResumes, importItem, openApp, storedCounts } from './helpers';

/**
 * Every kind of bad file the issue names, added as a person would (the file picker), each with the
 * message it must show; good files in the same batch are stored; nothing is invented from a
 * scanned page; a document that is not a resume is kept but flagged.
 */

/** The message each bad file must show: what happened, and what to do next. */
const REFUSED: Record<string, RegExp> = {
  'encrypted.pdf': /^This PDF is password-protected, so it cannot be read\. .*add that copy\.$/,
  'scanned.pdf':
    /^No text found — this looks like a scanned document, and reading the page images \(OCR\) found no text either, so nothing was added\./,
  'corrupt.pdf': /^This PDF is damaged and cannot be read\. .*add it again\.$/,
  'empty.txt': /^“empty\.txt” is empty\. Choose the file again, or a different one\.$/,
  'program.pdf': /^“program\.pdf” is named \.pdf, but its content is a Windows program/,
  'zip-bomb.docx':
    /^This DOCX would unpack to 120 MB, over the 100 MB safety limit, so it was not opened .*save it as PDF/,
};

async function expectRefused(page: Page, file: string, message: RegExp): Promise<void> {
  const item = importItem(page, file);
  await expect(item).toHaveAttribute('data-stage', 'failed');
  await expect(item.getByTestId('import-error')).toHaveText(message);
}

test('each bad file says what went wrong; the good files of the same batch are stored', async ({ page }) => {
  await openApp(page);
  const good = ['resume-alice.pdf', 'resume-bob.docx', 'resume-chloe-table.pdf'];
  await addResumes(page, [...Object.keys(REFUSED), 'recipe.pdf', ...good]);

  for (const file of good) await expect(importItem(page, file)).toHaveAttribute('data-stage', 'done');
  for (const [file, message] of Object.entries(REFUSED)) await expectRefused(page, file, message);

  // Not a resume: stored (the person may know better), with a warning on its row.
  const recipe = importItem(page, 'recipe.pdf');
  await expect(recipe).toHaveAttribute('data-stage', 'done');
  await expect(recipe.getByTestId('import-warning')).toHaveText(/^⚠ This doesn't look like a resume/);
  for (const file of good) await expect(importItem(page, file).getByTestId('import-warning')).toHaveCount(0);

  await expect(page.getByText(`${Object.keys(REFUSED).length} file(s) could not be added`)).toBeVisible();
  await expect(page.getByTestId('resume-row')).toHaveCount(good.length + 1);
  const list = page.getByTestId('resume-list');
  for (const name of ['Alice Martin', 'Zoë Ångström', 'Chloé Lefèvre'])
    await expect(list).toContainText(name);
});

test('a scanned PDF creates no resume and no profile content', async ({ page }) => {
  await openApp(page);
  await addResumes(page, ['scanned.pdf']);
  await expectRefused(page, 'scanned.pdf', REFUSED['scanned.pdf']!);
  await expect(page.getByTestId('resume-row')).toHaveCount(0);
  // Nothing was written behind the message either: no resume or document record exists.
  const stored = await storedCounts(page);
  expect(stored).toEqual({ resumes: 0, documents: 0 });
});

test('Settings shows the 20 MB limit; a lower limit refuses a larger file with a clear message', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const limit = page.getByTestId('max-file-mb');
  await expect(limit).toHaveValue('20');
  await limit.fill('0.5');
  await page.getByTestId('save-limits').click();
  await expect(page.getByText('Limits saved. They apply to the next files you add.')).toBeVisible();

  await page.getByRole('link', { name: 'Library' }).click();
  await addResumes(page, ['large.pdf', 'resume-alice.pdf']);
  await expectRefused(
    page,
    'large.pdf',
    /^“large\.pdf” is 1 MB, which is over the 0\.5 MB limit set in Settings, so it was not added\. .*raise the limit in Settings/,
  );
  await expect(importItem(page, 'resume-alice.pdf')).toHaveAttribute('data-stage', 'done');
  await expect(page.getByTestId('resume-row')).toHaveCount(1);

  // The setting is kept across a reload.
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('max-file-mb')).toHaveValue('0.5');
});
