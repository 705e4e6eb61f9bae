import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addResumes, E2E_ORIGIN, importItem, openApp, readFixtureText, storedCounts } from './helpers';

/** Every request the page and its workers make, so a test can prove none left the app origin. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (request) => urls.push(request.url()));
  return urls;
}

const offOrigin = (urls: string[]) =>
  urls.filter((url) => !url.startsWith(E2E_ORIGIN) && !url.startsWith('blob:') && !url.startsWith('data:'));

test('a scanned PDF picked in the Library is read by OCR, from the app origin only', async ({ page }) => {
  test.setTimeout(300_000);
  const requests = recordRequests(page);
  // Anything that tries to leave the origin (a CDN for the OCR engine) fails loudly.
  await page.context().route(
    (url) => !url.href.startsWith(E2E_ORIGIN),
    (route) => route.abort(),
  );
  await openApp(page);
  await addResumes(page, ['resume-alice-scanned.pdf']);
  const item = importItem(page, 'resume-alice-scanned.pdf');
  await expect(item).toHaveAttribute('data-stage', 'ocr', { timeout: 60_000 });
  await expect(item).toHaveAttribute('data-stage', 'done', { timeout: 240_000 });
  await expect(item.getByTestId('import-warning')).toContainText('Read by OCR — check the fields');
  await expect(page.getByTestId('resume-list')).toContainText('Alice Martin');
  expect(offOrigin(requests)).toEqual([]);
  // The engine files came from the app itself.
  expect(requests.some((url) => url.startsWith(`${E2E_ORIGIN}/ocr/lang/eng.traineddata`))).toBe(true);

  await page.getByTestId('resume-row').filter({ hasText: 'Alice Martin' }).getByRole('link').first().click();
  await expect(page.getByText('Read by OCR — check the fields')).toBeVisible();
  await expect(page.getByTestId('field-email')).toHaveValue('alice.martin@example.com');
});

test('a JSON Resume is imported as is and exported back with basics, work, education and skills', async ({
  page,
}) => {
  await openApp(page);
  await addResumes(page, ['resume-bob.json', 'resume-daria-legacy.json']);
  await expect(importItem(page, 'resume-bob.json')).toHaveAttribute('data-stage', 'done');
  await expect(importItem(page, 'resume-daria-legacy.json')).toHaveAttribute('data-stage', 'done');
  const source = JSON.parse(readFixtureText('resume-bob.json')) as {
    basics: { name: string; email: string; phone: string; label: string };
    work: { name: string; position: string; startDate?: string; endDate?: string }[];
    education: { institution: string; studyType: string }[];
    skills: { keywords: string[] }[];
  };
  await expect(page.getByTestId('resume-list')).toContainText(source.basics.name);

  await page
    .getByTestId('resume-row')
    .filter({ hasText: source.basics.name })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByTestId('field-email')).toHaveValue(source.basics.email);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json-resume').click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as typeof source;
  const place = (location: Record<string, string> = {}) =>
    [location.address, location.city, location.region, location.countryCode].filter(Boolean).join(', ');
  const { location: sourceLocation, ...sourceBasics } = source.basics as typeof source.basics & {
    location?: Record<string, string>;
  };
  const { location: exportedLocation, ...exportedBasics } = exported.basics as typeof source.basics & {
    location?: Record<string, string>;
  };
  expect(exportedBasics).toEqual(sourceBasics);
  expect(place(exportedLocation)).toBe(place(sourceLocation));
  expect(
    exported.work.map(({ name, position, startDate, endDate }) => ({ name, position, startDate, endDate })),
  ).toEqual(
    source.work.map(({ name, position, startDate, endDate }) => ({ name, position, startDate, endDate })),
  );
  expect(exported.education.map((entry) => entry.institution)).toEqual(
    source.education.map((entry) => entry.institution),
  );
  const exportedSkills = (exported.skills as unknown as { name: string }[]).map((skill) =>
    skill.name.toLowerCase(),
  );
  for (const skill of source.skills[0]!.keywords) expect(exportedSkills).toContain(skill.toLowerCase());
});

test('a malformed JSON file and a Shortlist backup are refused and nothing is stored', async ({ page }) => {
  await openApp(page);
  await addResumes(page, ['malformed.json', 'shortlist-backup.json']);
  const malformed = importItem(page, 'malformed.json');
  await expect(malformed).toHaveAttribute('data-stage', 'failed');
  await expect(malformed.getByTestId('import-error')).toContainText('is not valid JSON');
  const backup = importItem(page, 'shortlist-backup.json');
  await expect(backup).toHaveAttribute('data-stage', 'failed');
  await expect(backup.getByTestId('import-error')).toContainText('use Export → Restore');
  await expect(page.getByTestId('resume-row')).toHaveCount(0);
  expect(await storedCounts(page)).toEqual({ resumes: 0, documents: 0 });
});
