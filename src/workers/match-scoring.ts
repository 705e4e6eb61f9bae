/**
 * What the match worker does for one pair, on any database (the worker passes its own; tests pass
 * fake-indexeddb): load both records and documents, use the stored vectors of `modelId` when they
 * are current (core/embed/staleness), and score with the core scorer. The Ranking breakdown, the
 * Match screen and Improve's before → after all come through here.
 */
import { vectorsAreCurrent } from '../core/embed/staleness';
import { scoreMatch, SCORER_VERSION, type SemanticInput } from '../core/score';
import type { MatchResult } from '../core/domain';
import type { DocumentRepository } from '../db/documents.repo';
import type { JobRepository } from '../db/jobs.repo';
import type { ResumeRepository } from '../db/resumes.repo';
import type { VectorRecord } from '../db/records';
import type { VectorRepository } from '../db/vectors.repo';

export interface MatchSources {
  resumes: ResumeRepository;
  jobs: JobRepository;
  documents: DocumentRepository;
  vectors: VectorRepository;
}

/** Both sides' chunk vectors for the model, when stored and computed from the current records. */
function semanticInput(
  modelId: string,
  resume: { updatedAt: number },
  job: { updatedAt: number },
  resumeVectors: VectorRecord | undefined,
  jobVectors: VectorRecord | undefined,
): SemanticInput | undefined {
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
    // Models calibrated on document vectors (core/score/semantic-calibration) read these.
    resumeDocument: resumeVectors.document,
    jobDocument: jobVectors.document,
  };
}

/** The pair's full result and the content key it was computed from; undefined when either is gone. */
export async function scoreStoredPair(
  sources: MatchSources,
  resumeId: string,
  jobId: string,
  modelId: string | undefined,
): Promise<{ result: MatchResult; key: string } | undefined> {
  // Two rounds of reads, not three: the vectors are keyed by owner, so they are read with the records.
  const [resume, job, resumeVectors, jobVectors] = await Promise.all([
    sources.resumes.get(resumeId),
    sources.jobs.get(jobId),
    modelId ? sources.vectors.get(resumeId, modelId) : undefined,
    modelId ? sources.vectors.get(jobId, modelId) : undefined,
  ]);
  if (!resume || !job) return undefined;
  const [resumeDocument, jobDocument] = await Promise.all([
    sources.documents.get(resume.documentId),
    sources.documents.get(job.documentId),
  ]);
  if (!resumeDocument || !jobDocument) return undefined;
  const semantic = modelId ? semanticInput(modelId, resume, job, resumeVectors, jobVectors) : undefined;
  const result = scoreMatch({
    resume: resumeDocument.parsed,
    profile: resume.profile,
    job: jobDocument.parsed,
    spec: job.spec,
    ...(semantic ? { semantic } : {}),
  });
  return {
    result,
    key: `${resume.updatedAt}|${job.updatedAt}|${SCORER_VERSION}|${semantic?.modelId ?? 'lexical'}`,
  };
}
