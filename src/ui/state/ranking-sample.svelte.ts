/**
 * "Try with sample data": adds a few generated resumes and jobs (src/core/corpus, the same
 * generator the benchmarks and end-to-end tests use) through the normal import path, and
 * removes them again in one click. Sample records carry `sample: true` (set at import); a person's
 * own file is never removed, whatever its name. The sample always includes jobs, and the few jobs
 * are what tells whether it is there (no resume profile is read for that).
 */
import { services } from '../services';
import { importQueue } from './imports.svelte';
import { library } from './library.svelte';

/** Only for the names shown in the library; removal goes by the record's flag. */
export const SAMPLE_PREFIX = 'sample-';
const SAMPLE_RESUMES = 12;
const SAMPLE_JOBS = 3;

export function hasSampleData(): boolean {
  return library.jobs.some((job) => job.sample === true);
}

export async function addSampleData(): Promise<void> {
  // The generator is loaded on demand: it is not part of the initial page.
  const { generateCorpus } = await import('../../core/corpus/generate');
  const corpus = generateCorpus({ resumes: SAMPLE_RESUMES, jobs: SAMPLE_JOBS, seed: 2026 });
  await Promise.all([
    ...corpus.jobs.map((job) =>
      importQueue.addText(job.text, 'job', `${SAMPLE_PREFIX}${job.id}.txt`, { sample: true }),
    ),
    ...corpus.resumes.map((resume) =>
      importQueue.addText(resume.text, 'resume', `${SAMPLE_PREFIX}${resume.id}.txt`, { sample: true }),
    ),
  ]);
}

export async function removeSampleData(): Promise<void> {
  const resumes = (await services.resumes.sampleIds()).map((id) => ({ id }));
  const jobs = library.jobs.filter((job) => job.sample === true);
  for (const resume of resumes) await library.deleteResume(resume.id);
  for (const job of jobs) await library.deleteJob(job.id);
}
