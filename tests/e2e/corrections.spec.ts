import { expect, test } from '@playwright/test';
import { addResumes, importItem, openApp, pasteJob, readFixtureText } from './helpers';

/**
 * A person corrects what was read from their resume: the fix is stored, shown in the library and
 * used for matching (a skill they add now counts for a job that requires it).
 */
test('correcting the name and adding a skill updates the library and the match', async ({ page }) => {
  await openApp(page);
  await addResumes(page, ['resume-alice.pdf']);
  await expect(importItem(page, 'resume-alice.pdf')).toHaveAttribute('data-stage', 'done');
  await pasteJob(page, 'Senior Data Engineer', readFixtureText('job-data-engineer.txt'));

  // Before the correction the job's required Apache Kafka is missing from Alice's resume.
  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ label: 'Alice Martin — resume-alice.pdf' });
  await page.getByTestId('match-job').selectOption({ label: 'Senior Data Engineer' });
  const kafka = (kind: 'matched-skill' | 'missing-skill') =>
    page
      .getByTestId(kind)
      .filter({ has: page.getByTestId('skill-name').getByText('Apache Kafka', { exact: true }) });
  await expect(kafka('missing-skill')).toHaveCount(1);
  // Compare like with like: the built-in model loads in the background after the first import, and
  // a semantic score is not comparable with a lexical one. Wait for the semantic score first.
  const semanticScore = async (): Promise<number> => {
    await expect
      .poll(
        async () => {
          await page.getByTestId('match-job').selectOption({ index: 0 });
          await page.getByTestId('match-job').selectOption({ label: 'Senior Data Engineer' });
          return (await page.getByTestId('score-mode').textContent()) ?? '';
        },
        { timeout: 120_000, intervals: [1500] },
      )
      .toContain('Semantic score');
    return Number(await page.getByTestId('match-score').textContent());
  };
  const before = await semanticScore();

  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('open-resume').filter({ hasText: 'Alice Martin' }).click();
  const name = page.getByTestId('field-name');
  await expect(name).toHaveValue('Alice Martin');
  await expect(page.getByTestId('field-email')).toHaveValue('alice.martin@example.com');
  await name.fill('Alice B. Martin');
  await page.getByTestId('skills-add').fill('Kafka');
  await page.getByTestId('skills-add').press('Enter');
  await expect(page.getByTestId('skills')).toContainText('Kafka');
  await page.getByTestId('save-corrections').click();
  await expect(page.getByText(/^Saved\. Your corrections are used for every match/)).toBeVisible();
  // The alias is stored under its canonical name once the worker has applied the correction.
  await expect(page.getByTestId('skills')).toContainText('Apache Kafka');

  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('resume-list')).toContainText('Alice B. Martin');
  await expect(page.getByTestId('resume-row')).toHaveCount(1);

  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-resume').selectOption({ label: 'Alice B. Martin — resume-alice.pdf' });
  await page.getByTestId('match-job').selectOption({ label: 'Senior Data Engineer' });
  await expect(kafka('matched-skill')).toHaveCount(1);
  await expect(kafka('missing-skill')).toHaveCount(0);
  // The corrected record is embedded again (its old vectors are stale), then scored semantically.
  expect(await semanticScore()).toBeGreaterThan(before);

  // The correction survives a reload (it is stored, not just shown).
  await page.reload();
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('open-resume').filter({ hasText: 'Alice B. Martin' }).click();
  await expect(page.getByTestId('field-name')).toHaveValue('Alice B. Martin');
  await expect(page.getByTestId('skills')).toContainText('Apache Kafka');
});
