import { generateCorpus } from '../../../src/core/corpus/generate';
import { extractJob } from '../../../src/core/extract/job';
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';
import type { IndexedJob, IndexedResume } from '../../../src/core/search/library-index';
import type { VectorRecord } from '../../../src/db/records';

const NOW = new Date(Date.UTC(2026, 5, 1));

/** A small generated library, parsed and extracted through the app's own pipeline. */
export function library(
  resumes: number,
  jobs: number,
  seed = 7,
): { resumes: IndexedResume[]; jobs: IndexedJob[] } {
  const corpus = generateCorpus({ resumes, jobs, seed });
  return {
    resumes: corpus.resumes.map((resume, index) => {
      const document = parseText(resume.text);
      return {
        id: resume.id,
        name: resume.name,
        updatedAt: index + 1,
        document,
        profile: extractResume(document, { now: NOW }),
      };
    }),
    jobs: corpus.jobs.map((job, index) => {
      const document = parseText(job.text);
      return { id: job.id, title: job.title, updatedAt: index + 1, document, spec: extractJob(document) };
    }),
  };
}

/** Deterministic unit vectors. */
export function unitVectors(count: number, dims: number, seed = 1): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  return Array.from({ length: count }, () => {
    const vector = Float32Array.from({ length: dims }, next);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

/** A resume's stored vectors under `modelId`: one 4-d unit document vector, its one chunk the same. */
export function storedVectors(
  ownerId: string,
  modelId: string,
  sourceUpdatedAt: number,
  createdAt: number,
): VectorRecord {
  const document = new Float32Array([1, 0, 0, 0]);
  return {
    id: `${ownerId}|${modelId}`,
    ownerId,
    role: 'resume',
    modelId,
    dims: 4,
    document,
    chunks: document.slice(),
    chunkSpans: [],
    sourceUpdatedAt,
    createdAt,
  };
}
