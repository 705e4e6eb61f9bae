/**
 * Match worker: scores a stored resume against a stored job with the core scorer and stores the
 * result (matches table). Reads: resumes, jobs, documents, vectors. Writes: matches.
 * Scoring runs here, never on the UI thread.
 */
import * as Comlink from 'comlink';
import type { MatchApi, ScoredMatch } from '../core/contracts/match-api';
import { toOutcome } from '../core/contracts/outcome';
import { ShortlistError } from '../core/errors';
import { findSkills } from '../core/taxonomy';
import { AppDb } from '../db/app-db';
import { DocumentRepository } from '../db/documents.repo';
import { JobRepository } from '../db/jobs.repo';
import { MatchRepository } from '../db/matches.repo';
import { ResumeRepository } from '../db/resumes.repo';
import { VectorRepository } from '../db/vectors.repo';
import { PairReader, scoreStoredPair } from './match-scoring';

// Build the skills index while the worker is idle, so the first score doesn't pay for it.
setTimeout(() => findSkills('warm up'), 0);

const db = new AppDb();
const resumes = new ResumeRepository(db);
const jobs = new JobRepository(db);
const documents = new DocumentRepository(db);
const matches = new MatchRepository(db);
const vectors = new VectorRepository(db);
const reader = new PairReader({ db, resumes, jobs, documents, vectors });

const matchWorker = {
  scorePair(resumeRef, jobRef, modelId) {
    return toOutcome(async () => {
      const start = performance.now();
      const resumeId = resumeRef.id;
      const jobId = jobRef.id;
      const scored = await scoreStoredPair(reader, resumeRef, jobRef, modelId);
      if (!scored) {
        throw new ShortlistError('not-found', 'That resume or job is no longer in the library.');
      }
      const { result, key } = scored;
      const scoreMs = performance.now() - start;
      // The score goes back first; the stored copy (read by Applications and Analytics) is written
      // right after, so a person waiting on the Match screen never waits for a write transaction.
      void matches
        .upsert({ resumeId, jobId, result, key, createdAt: Date.now() })
        .catch((error: unknown) => console.warn('could not store the match', error));
      const value: ScoredMatch = { resumeId, jobId, result, scoreMs };
      return value;
    });
  },
  prepareJob(jobRef) {
    return toOutcome(() => reader.prepareJob(jobRef));
  },
} satisfies MatchApi;

Comlink.expose(matchWorker);
