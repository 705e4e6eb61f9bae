/**
 * Match worker: scores a stored resume against a stored job with the core scorer and stores the
 * result (matches table). Reads: resumes, jobs, documents. Writes: matches.
 * Scoring runs here, never on the UI thread.
 */
import * as Comlink from 'comlink';
import type { MatchApi, ScoredMatch } from '../core/contracts/match-api';
import { ShortlistError, toErrorInfo } from '../core/errors';
import { scoreMatch, SCORER_VERSION } from '../core/score';
import { findSkills } from '../core/taxonomy';
import { AppDb } from '../db/app-db';
import { DocumentRepository } from '../db/documents.repo';
import { JobRepository } from '../db/jobs.repo';
import { MatchRepository } from '../db/matches.repo';
import { ResumeRepository } from '../db/resumes.repo';
import { VectorRepository } from '../db/vectors.repo';
import type { SemanticInput } from '../core/score';
import { vectorsAreCurrent } from '../core/embed/staleness';

// Build the skills index while the worker is idle, so the first score doesn't pay for it.
setTimeout(() => findSkills('warm up'), 0);

const db = new AppDb();
const resumes = new ResumeRepository(db);
const jobs = new JobRepository(db);
const documents = new DocumentRepository(db);
const matches = new MatchRepository(db);
const vectors = new VectorRepository(db);

/** Both sides' chunk vectors for the model, when stored and computed from the current records. */
async function loadSemantic(
  modelId: string | undefined,
  resume: { id: string; updatedAt: number },
  job: { id: string; updatedAt: number },
): Promise<SemanticInput | undefined> {
  if (!modelId) return undefined;
  const [resumeVectors, jobVectors] = await Promise.all([
    vectors.get(resume.id, modelId),
    vectors.get(job.id, modelId),
  ]);
  if (!resumeVectors || !jobVectors) return undefined;
  if (!vectorsAreCurrent(resumeVectors, resume) || !vectorsAreCurrent(jobVectors, job)) return undefined;
  if (
    resumeVectors.dims !== jobVectors.dims ||
    resumeVectors.chunks.length === 0 ||
    jobVectors.chunks.length === 0
  )
    return undefined;
  return {
    modelId,
    dims: resumeVectors.dims,
    resumeChunks: resumeVectors.chunks,
    jobChunks: jobVectors.chunks,
  };
}

async function loadInputs(resumeId: string, jobId: string) {
  const [resume, job] = await Promise.all([resumes.get(resumeId), jobs.get(jobId)]);
  if (!resume || !job) return undefined;
  const [resumeDocument, jobDocument] = await Promise.all([
    documents.get(resume.documentId),
    documents.get(job.documentId),
  ]);
  if (!resumeDocument || !jobDocument) return undefined;
  return { resume, job, resumeDocument, jobDocument };
}

const matchWorker = {
  async scorePair(resumeId, jobId, modelId) {
    try {
      const loaded = await loadInputs(resumeId, jobId);
      if (!loaded) {
        throw new ShortlistError('not-found', 'That resume or job is no longer in the library.');
      }
      const semantic = await loadSemantic(modelId, loaded.resume, loaded.job);
      const start = performance.now();
      const result = scoreMatch({
        resume: loaded.resumeDocument.parsed,
        profile: loaded.resume.profile,
        job: loaded.jobDocument.parsed,
        spec: loaded.job.spec,
        ...(semantic ? { semantic } : {}),
      });
      const scoreMs = performance.now() - start;
      await matches.upsert({
        resumeId,
        jobId,
        result,
        key: `${loaded.resume.updatedAt}|${loaded.job.updatedAt}|${SCORER_VERSION}|${semantic?.modelId ?? 'lexical'}`,
        createdAt: Date.now(),
      });
      const value: ScoredMatch = { resumeId, jobId, result, scoreMs };
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  },
} satisfies MatchApi;

Comlink.expose(matchWorker);
