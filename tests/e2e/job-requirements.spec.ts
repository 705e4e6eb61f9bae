/**
 * Issue 9 through the UI: a pasted posting's sections decide what is required (an "Optional
 * Skills" block is nice-to-have; the company blurb and a benefits paragraph naming "sales
 * incentives" give nothing), the Match breakdown's percentages are the ✓ share of the rows beside
 * them, and the must-have filter "Kafka" keeps a resume that lists "Apache Kafka".
 */
import { expect, test, type Page } from '@playwright/test';
import { importItem, openApp, pasteJob, pauseBackgroundEmbedding } from './helpers';

const JOB_TITLE = 'Senior Data Engineer';
const JOB_TEXT = `About us
Northwind Analytics helps grocery chains read their sales. Founded in 2015, we serve 300 stores.
Requirements
- 5+ years of Python
- Strong SQL
- Production experience with Kafka
Optional Skills:
React Native, Redux, GraphQL
Benefits
Competitive salary with sales incentives, equity and a yearly learning budget.`;

const WITH_KAFKA = {
  name: 'kafka-resume.txt',
  person: 'Priya Natarajan',
  text: `Priya Natarajan
priya.natarajan@example.org
Experience
Data Engineer, Streamline Freight   2018 - Present
- Built streaming pipelines on Apache Kafka in Python
- Modelled the warehouse tables in SQL
Skills
Apache Kafka, Python, SQL, Airflow`,
};

const WITHOUT_KAFKA = {
  name: 'no-kafka-resume.txt',
  person: 'Tomas Berg',
  text: `Tomas Berg
tomas.berg@example.org
Experience
Analyst, Harbor Retail   2019 - Present
- Built weekly sales dashboards in Tableau
- Wrote SQL for the finance team
Skills
SQL, Tableau, Excel`,
};

async function chips(page: Page, testid: string): Promise<string[]> {
  return page.getByTestId(testid).locator('.chip').allTextContents();
}

test('optional skills are nice-to-have, benefits give nothing; breakdown shares match the rows; "Kafka" finds "Apache Kafka"', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  // Lexical scores only: the background model would rescore rows under the assertions.
  await pauseBackgroundEmbedding(page);
  await page.getByTestId('resume-input').setInputFiles(
    [WITH_KAFKA, WITHOUT_KAFKA].map((resume) => ({
      name: resume.name,
      mimeType: 'text/plain',
      buffer: Buffer.from(resume.text),
    })),
  );
  await expect(importItem(page, WITH_KAFKA.name)).toHaveAttribute('data-stage', 'done');
  await expect(importItem(page, WITHOUT_KAFKA.name)).toHaveAttribute('data-stage', 'done');
  await pasteJob(page, JOB_TITLE, JOB_TEXT);

  // The job's chips: the requirement list is required, the optional block nice-to-have, and
  // neither the company blurb nor the benefits paragraph adds anything ("sales incentives").
  await page.getByTestId('job-row').filter({ hasText: JOB_TITLE }).getByTestId('open-job').click();
  await expect(page.getByTestId('required-skills')).toBeVisible();
  const required = await chips(page, 'required-skills');
  const preferred = await chips(page, 'preferred-skills');
  expect(required).toEqual(expect.arrayContaining(['Python', 'SQL', 'Apache Kafka']));
  expect(preferred).toEqual(expect.arrayContaining(['React Native', 'Redux', 'GraphQL']));
  for (const skill of ['React Native', 'Redux', 'GraphQL']) expect(required).not.toContain(skill);
  for (const skill of [...required, ...preferred]) expect(skill.toLowerCase()).not.toContain('sales');

  // The Match breakdown: each skill bar's percentage is the ✓ share of the rows of its kind.
  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByTestId('match-job').selectOption({ label: JOB_TITLE });
  await page.getByTestId('match-resume').selectOption({ label: `${WITH_KAFKA.person} — ${WITH_KAFKA.name}` });
  await expect(page.getByTestId('match-result')).toBeVisible();
  const rowsOf = async (importance: string) => {
    const rows = page.getByTestId('requirements').locator('li').filter({ hasText: importance });
    const marks = await rows.locator('.mark').allTextContents();
    return { total: marks.length, matched: marks.filter((mark) => mark === '✓').length };
  };
  const bars = page.getByTestId('score-bar');
  for (const [label, importance] of [
    ['Required skills', 'required'],
    ['Nice-to-have skills', 'nice to have'],
  ] as const) {
    const bar = bars.filter({ hasText: label });
    const { total, matched } = await rowsOf(importance);
    expect(total).toBeGreaterThan(0);
    // The rows' count, and when the score's value differs from the share, the reason.
    await expect(bar.getByTestId('score-bar-rows')).toHaveText(new RegExp(`^${matched} of ${total} ✓`));
    await expect(bar.getByTestId('score-bar-value')).toHaveText(`${Math.round((100 * matched) / total)}%`);
  }

  // Ranking: the must-have filter "Kafka" keeps the resume that lists "Apache Kafka", only it.
  await page.getByRole('link', { name: 'Ranking' }).click();
  await page.getByTestId('ranking-subject').selectOption({ label: JOB_TITLE });
  await expect(page.getByTestId('ranking-total')).toHaveText('2 candidates');
  await page.getByTestId('filter-skills').fill('Kafka');
  await expect(page.getByTestId('ranking-total')).toHaveText('1 candidates');
  await expect(page.getByTestId('row-name')).toHaveText([WITH_KAFKA.person]);
});
