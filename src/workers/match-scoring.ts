/**
 * What the match worker does for one pair, on any database (the worker passes its own; tests pass
 * fake-indexeddb): load both records and documents, use the stored vectors of `modelId` when they
 * are current (core/embed/staleness), and score with the core scorer. The Ranking breakdown, the
 * Match screen and Improve's before → after all come through here.
 *
 * Speed (match.score is timed as a person waits for it): the caller names each side by id, the
 * `updatedAt` it holds and its document id, so everything is read in one round of one read-only
 * transaction. A job is usually scored against many resumes in a row, so the last few jobs' sides
 * (record, document, current vectors) are kept and used while the caller's `updatedAt` matches.
 */
import { vectorsAreCurrent } from '../core/embed/staleness';
import { matchContentKey, scoreMatch, type SemanticInput } from '../core/score';
import type { MatchResult } from '../core/domain';
import type { StoredRef } from '../core/contracts/match-api';
import type { AppDb } from '../db/app-db';
import type { DocumentRepository } from '../db/documents.repo';
import type { JobRepository } from '../db/jobs.repo';
import type { ResumeRepository } from '../db/resumes.repo';
import type { DocumentRecord, JobRecord, ResumeRecord, VectorRecord } from '../db/records';
import type { VectorRepository } from '../db/vectors.repo';

export interface MatchSources {
  /** The database the repositories read, so one transaction can span them. */
  db: AppDb;
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

interface StoredSide<R> {
  record: R;
  document: DocumentRecord;
}

interface CachedJob extends StoredSide<JobRecord> {
  /** Current vectors per model id, once read (a model's vectors that are not there yet are re-read). */
  vectors: Map<string, VectorRecord>;
}

/** How many jobs' sides are kept: a person compares a few jobs, not hundreds. */
const CACHED_JOBS = 8;

/**
 * Reads pairs for scoring. One per worker: it keeps the last few jobs read (see the file comment);
 * an entry is used only while the caller's `updatedAt` and document id match it, so an edited job
 * is read again.
 */
export class PairReader {
  readonly #sources: MatchSources;
  readonly #jobs = new Map<string, CachedJob>();

  constructor(sources: MatchSources) {
    this.#sources = sources;
  }

  /** Both sides and the vectors of `modelId`; undefined when either record or document is gone. */
  async read(
    resumeRef: StoredRef,
    jobRef: StoredRef,
    modelId: string | undefined,
  ): Promise<
    | {
        resume: StoredSide<ResumeRecord>;
        job: StoredSide<JobRecord>;
        resumeVectors?: VectorRecord;
        jobVectors?: VectorRecord;
      }
    | undefined
  > {
    const { db, resumes, jobs, documents, vectors } = this.#sources;
    const cached = this.#cachedJob(jobRef);
    const cachedVectors = modelId ? cached?.vectors.get(modelId) : undefined;
    // One round, one transaction: the resume, its document and vectors, and whatever of the job
    // is not kept.
    const read = await db.transaction('r', [db.resumes, db.jobs, db.documents, db.vectors], () =>
      Promise.all([
        resumes.get(resumeRef.id),
        documents.get(resumeRef.documentId),
        modelId ? vectors.get(resumeRef.id, modelId) : undefined,
        cached ? cached.record : jobs.get(jobRef.id),
        cached ? cached.document : documents.get(jobRef.documentId),
        modelId && !cachedVectors ? vectors.get(jobRef.id, modelId) : cachedVectors,
      ]),
    );
    const [resume, , resumeVectors, job, , jobVectors] = read;
    if (!resume || !job) return undefined;
    // A caller holding an older record may name a document the record no longer has.
    const resumeDocument =
      read[1]?.id === resume.documentId ? read[1] : await documents.get(resume.documentId);
    const jobDocument = read[4]?.id === job.documentId ? read[4] : await documents.get(job.documentId);
    if (!resumeDocument || !jobDocument) return undefined;
    if (!cached) this.#keepJob({ record: job, document: jobDocument, vectors: new Map() });
    if (modelId && jobVectors && vectorsAreCurrent(jobVectors, job))
      this.#jobs.get(job.id)?.vectors.set(modelId, jobVectors);
    return {
      resume: { record: resume, document: resumeDocument },
      job: { record: job, document: jobDocument },
      ...(resumeVectors ? { resumeVectors } : {}),
      ...(jobVectors ? { jobVectors } : {}),
    };
  }

  /** Reads and keeps a job's side ahead of its first pair (no-op when kept already). */
  async prepareJob(jobRef: StoredRef): Promise<void> {
    if (this.#cachedJob(jobRef)) return;
    const { db, jobs, documents } = this.#sources;
    const [job, document] = await db.transaction('r', [db.jobs, db.documents], () =>
      Promise.all([jobs.get(jobRef.id), documents.get(jobRef.documentId)]),
    );
    if (job && document?.id === job.documentId) this.#keepJob({ record: job, document, vectors: new Map() });
  }

  #cachedJob(ref: StoredRef): CachedJob | undefined {
    const entry = this.#jobs.get(ref.id);
    if (!entry) return undefined;
    if (entry.record.updatedAt !== ref.updatedAt || entry.document.id !== ref.documentId) {
      this.#jobs.delete(ref.id);
      return undefined;
    }
    // Most recently used last, so the oldest is the first to go.
    this.#jobs.delete(ref.id);
    this.#jobs.set(ref.id, entry);
    return entry;
  }

  #keepJob(entry: CachedJob): void {
    this.#jobs.delete(entry.record.id);
    this.#jobs.set(entry.record.id, entry);
    while (this.#jobs.size > CACHED_JOBS) this.#jobs.delete(this.#jobs.keys().next().value!);
  }
}

/** The pair's full result and the content key it was computed from; undefined when either is gone. */
export async function scoreStoredPair(
  reader: PairReader,
  resumeRef: StoredRef,
  jobRef: StoredRef,
  modelId: string | undefined,
): Promise<{ result: MatchResult; key: string } | undefined> {
  const pair = await reader.read(resumeRef, jobRef, modelId);
  if (!pair) return undefined;
  const { resume, job } = pair;
  const semantic = modelId
    ? semanticInput(modelId, resume.record, job.record, pair.resumeVectors, pair.jobVectors)
    : undefined;
  const result = scoreMatch({
    resume: resume.document.parsed,
    profile: resume.record.profile,
    job: job.document.parsed,
    spec: job.record.spec,
    ...(semantic ? { semantic } : {}),
  });
  return {
    result,
    key: matchContentKey(resume.record.updatedAt, job.record.updatedAt, semantic?.modelId),
  };
}
