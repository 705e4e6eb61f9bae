/**
 * Seeker worker: the job seeker's tools on a stored resume — the ATS check (with rule fixes).
 * Reads: resumes, jobs, documents. Writes nothing: results are cached by the host client.
 * Stateless, so a cancel may terminate it (the pool respawns on the next call).
 */
import * as Comlink from 'comlink';
import { checkResume, ruleFixes, type AtsInput } from '../core/ats';
import type { AtsCheckResult, SeekerApi } from '../core/contracts/seeker-api';
import { ShortlistError, toErrorInfo } from '../core/errors';
import { AppDb } from '../db/app-db';
import { DocumentRepository } from '../db/documents.repo';
import { JobRepository } from '../db/jobs.repo';
import { ResumeRepository } from '../db/resumes.repo';

const db = new AppDb();
const resumes = new ResumeRepository(db);
const jobs = new JobRepository(db);
const documents = new DocumentRepository(db);

async function loadInput(resumeId: string, jobId: string | undefined): Promise<AtsInput> {
  const resume = await resumes.get(resumeId);
  const document = resume ? await documents.get(resume.documentId) : undefined;
  if (!resume || !document) throw new ShortlistError('not-found', 'That resume is no longer in the library.');
  let job: AtsInput['job'];
  if (jobId) {
    const record = await jobs.get(jobId);
    const jobDocument = record ? await documents.get(record.documentId) : undefined;
    if (!record || !jobDocument)
      throw new ShortlistError('not-found', 'That job is no longer in the library.');
    job = { spec: record.spec, text: jobDocument.parsed.text };
  }
  return {
    document: document.parsed,
    profile: resume.profile,
    file: { kind: document.kind, size: document.size, fileName: document.fileName },
    ...(job ? { job } : {}),
  };
}

const seekerWorker = {
  async atsCheck(resumeId, jobId) {
    try {
      const input = await loadInput(resumeId, jobId);
      const start = performance.now();
      const report = checkResume(input);
      const fixes = ruleFixes(input, report);
      const checkMs = performance.now() - start;
      const value: AtsCheckResult = { resumeId, ...(jobId ? { jobId } : {}), report, fixes, checkMs };
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  },
} satisfies SeekerApi;

Comlink.expose(seekerWorker);
