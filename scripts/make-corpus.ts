/**
 * Writes generated resumes (src/core/corpus, seed 2026) as .txt files to
 * tests/fixtures/generated/corpus/ (git-ignored), plus corpus.json listing each file with the
 * person's name, years and skills. Deterministic. Used by the ranking end-to-end test.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../src/core/corpus/generate';

const OUTPUT_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'tests',
  'fixtures',
  'generated',
  'corpus',
);
const COUNT = Number(process.argv[2] ?? 200);

async function main(): Promise<void> {
  await rm(OUTPUT_DIR, { recursive: true, force: true });
  await mkdir(OUTPUT_DIR, { recursive: true });
  const { resumes, jobs } = generateCorpus({ resumes: COUNT, jobs: 3, seed: 2026 });
  for (const resume of resumes) await writeFile(join(OUTPUT_DIR, `${resume.id}.txt`), resume.text);
  for (const job of jobs) await writeFile(join(OUTPUT_DIR, `${job.id}.job.txt`), job.text);
  const listing = {
    resumes: resumes.map(({ id, name, years, skills, field }) => ({
      file: `${id}.txt`,
      name,
      years,
      skills,
      field,
    })),
    jobs: jobs.map(({ id, title, required, field }) => ({ file: `${id}.job.txt`, title, required, field })),
  };
  await writeFile(join(OUTPUT_DIR, 'corpus.json'), `${JSON.stringify(listing, null, 2)}\n`);
  console.log(`wrote ${resumes.length} generated resumes and ${jobs.length} jobs to ${OUTPUT_DIR}`);
}

await main();
