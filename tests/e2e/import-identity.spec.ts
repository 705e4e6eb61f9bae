import { expect, test } from '@playwright/test';
import { addResumes, importItem, openApp } from './helpers';

test('a resume without a name is listed by its file name, marked "name not found"', async ({ page }) => {
  await openApp(page);
  await addResumes(page, ['layout-nameless.pdf']);
  await expect(importItem(page, 'layout-nameless.pdf')).toHaveAttribute('data-stage', 'done');
  const row = page.getByTestId('resume-row');
  await expect(row).toContainText('layout-nameless.pdf');
  await expect(row.getByTestId('name-not-found')).toHaveText('(file name — name not found)');
  await row.getByTestId('open-resume').click();
  await expect(page.getByTestId('name-not-found')).toContainText('Name not found in this file');
});

test('the same file added twice is stored once, and the second import says why', async ({ page }) => {
  await openApp(page);
  await addResumes(page, ['layout-job-board.docx']);
  await expect(importItem(page, 'layout-job-board.docx')).toHaveAttribute('data-stage', 'done');
  await addResumes(page, ['layout-job-board.docx']);
  const failed = page.locator('[data-testid="import-item"][data-stage="failed"]');
  await expect(failed.getByTestId('import-error')).toHaveText(
    /“layout-job-board\.docx” is already in your library: it is the same file, so it was not added again\./,
  );
  await expect(page.getByTestId('resume-row')).toHaveCount(1);
  await expect(page.getByTestId('resume-list')).toContainText('Priya Navalkar');
});
