/**
 * One score per pair: the Ranking table (SearchService's fast path over the in-memory index) and
 * the breakdown (the match worker's full scorer over the stored records, src/workers/match-scoring)
 * must give the same score for every row shown, lexical and semantic. The two are different code
 * paths, so a change to one that the other does not follow fails here.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { DocumentRepository } from '../../../src/db/documents.repo';
import { JobRepository } from '../../../src/db/jobs.repo';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { VectorRepository } from '../../../src/db/vectors.repo';
import { LibraryIndex } from '../../../src/core/search/library-index';
import { SearchService } from '../../../src/core/search/service';
import { PairReader, scoreStoredPair, type MatchSources } from '../../../src/workers/match-scoring';
import type { StoredRef } from '../../../src/core/contracts/match-api';
import { BUILTIN_MODEL_ID } from '../../../src/core/embed/model-manager';
import { uniqueDbName } from '../db/fixtures';
import { library, unitVectors } from './helpers';

const opened: AppDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const MODEL = 'tiny-model';
/** Calibrated on document vectors (the others read best chunks): both paths must pass them. */
const DOCUMENT_MODEL = BUILTIN_MODEL_ID;
const DIMS = 8;

function nearOneDirection(vectors: Float32Array[]): Float32Array[] {
  return vectors.map((vector) => {
    const moved = vector.map((value, d) => value * 0.6 + (d === 0 ? 1 : 0));
    const norm = Math.hypot(...moved);
    return moved.map((value) => value / norm);
  });
}

async function storedLibrary() {
  const data = library(30, 2, 11);
  const db = await openAppDb(uniqueDbName('table-breakdown'));
  opened.push(db);
  const sources: MatchSources = {
    db,
    resumes: new ResumeRepository(db),
    jobs: new JobRepository(db),
    documents: new DocumentRepository(db),
    vectors: new VectorRepository(db),
  };
  const index = new LibraryIndex();
  const owners = [
    ...data.resumes.map((resume) => ({
      role: 'resume' as const,
      id: resume.id,
      updatedAt: resume.updatedAt,
    })),
    ...data.jobs.map((job) => ({ role: 'job' as const, id: job.id, updatedAt: job.updatedAt })),
  ];
  for (const resume of data.resumes) {
    const document = {
      id: `doc-${resume.id}`,
      role: 'resume' as const,
      fileName: `${resume.id}.txt`,
      mimeType: 'text/plain',
      kind: 'txt' as const,
      size: resume.document.text.length,
      parsed: resume.document,
      hash: resume.id,
      createdAt: 1,
    };
    await sources.resumes.saveImportedResume(document, {
      id: resume.id,
      documentId: document.id,
      name: resume.name,
      fileName: document.fileName,
      profile: resume.profile,
      skills: [],
      totalYears: resume.profile.totalYears,
      createdAt: 1,
      updatedAt: resume.updatedAt,
    });
    index.upsertResume(resume);
  }
  for (const job of data.jobs) {
    const document = {
      id: `doc-${job.id}`,
      role: 'job' as const,
      fileName: 'Pasted job',
      mimeType: 'text/plain',
      kind: 'paste' as const,
      size: job.document.text.length,
      parsed: job.document,
      hash: job.id,
      createdAt: 1,
    };
    await sources.jobs.saveImportedJob(document, {
      id: job.id,
      documentId: document.id,
      title: job.title,
      fileName: document.fileName,
      spec: job.spec,
      skills: [],
      createdAt: 1,
      updatedAt: job.updatedAt,
    });
    index.upsertJob(job);
  }
  // Two chunk vectors per owner, stored and indexed alike (as the search worker loads them).
  for (const [seed, modelId] of [MODEL, DOCUMENT_MODEL].entries()) {
    // Three vectors per owner: two chunks and a document vector that is neither of them, all near
    // one shared direction, so pairs' cosines spread over the calibrated ranges (0.5 to 0.95).
    const vectors = nearOneDirection(unitVectors(owners.length * 3, DIMS, 3 + seed));
    for (const [position, owner] of owners.entries()) {
      const joined = new Float32Array(DIMS * 2);
      joined.set(vectors[position * 3]!, 0);
      joined.set(vectors[position * 3 + 1]!, DIMS);
      const record = {
        id: `${owner.id}|${modelId}`,
        ownerId: owner.id,
        role: owner.role,
        modelId,
        dims: DIMS,
        document: vectors[position * 3 + 2]!,
        chunks: joined,
        chunkSpans: [],
        sourceUpdatedAt: owner.updatedAt,
        createdAt: 1,
      };
      await db.vectors.put(record);
      index.setVectors(record);
    }
  }
  // The match worker's reader, and each owner as a caller names it (id, updatedAt, document id).
  const reader = new PairReader(sources);
  const refs = new Map<string, StoredRef>(
    owners.map((owner) => [
      owner.id,
      { id: owner.id, updatedAt: owner.updatedAt, documentId: `doc-${owner.id}` },
    ]),
  );
  const ref = (id: string): StoredRef => refs.get(id)!;
  return { data, sources, index, reader, ref };
}

describe('Ranking table score == breakdown score', () => {
  it('for every row shown, lexical and semantic, recruiter and job-seeker views', async () => {
    const { data, index, reader, ref } = await storedLibrary();
    const service = new SearchService(index);
    for (const modelId of [undefined, MODEL, DOCUMENT_MODEL]) {
      service.setModel(modelId);
      for (const job of data.jobs) {
        const page = await service.rankJob(
          job.id,
          {},
          { key: 'score', direction: 'desc' },
          { offset: 0, limit: 100 },
        );
        expect(page.rows.length).toBe(data.resumes.length);
        for (const row of page.rows) {
          const breakdown = await scoreStoredPair(reader, ref(row.id), ref(job.id), modelId);
          expect(breakdown?.result.mode, row.id).toBe(modelId ? 'semantic' : 'lexical');
          expect(row.mode, row.id).toBe(breakdown?.result.mode);
          expect(row.score, `${row.id} × ${job.id} (${modelId ?? 'lexical'})`).toBe(breakdown?.result.score);
        }
      }
      const resume = data.resumes[0]!;
      const jobsPage = await service.rankResume(resume.id);
      for (const row of jobsPage.rows) {
        expect(row.score).toBe(
          (await scoreStoredPair(reader, ref(resume.id), ref(row.id), modelId))?.result.score,
        );
      }
    }
  });

  it('vectors older than their record are not used by the breakdown (the staleness rule)', async () => {
    const { data, sources, reader, ref } = await storedLibrary();
    const resume = data.resumes[0]!;
    const job = data.jobs[0]!;
    expect((await scoreStoredPair(reader, ref(resume.id), ref(job.id), MODEL))?.result.mode).toBe('semantic');
    await sources.resumes.update(resume.id, { name: 'Corrected' }, resume.updatedAt + 1000);
    // Even a caller still holding the old record gets the stored one scored.
    expect((await scoreStoredPair(reader, ref(resume.id), ref(job.id), MODEL))?.result.mode).toBe('lexical');
  });
});

describe('A pair scored from the index (search worker) == scored from the database (match worker)', () => {
  it('gives the same full result and content key, lexical and semantic, for every pair', async () => {
    const { data, index, reader, ref } = await storedLibrary();
    const service = new SearchService(index);
    for (const modelId of [undefined, MODEL, DOCUMENT_MODEL]) {
      service.setModel(modelId);
      for (const job of data.jobs) {
        for (const resume of data.resumes) {
          const fromIndex = service.scorePair(ref(resume.id), ref(job.id), modelId);
          const fromDatabase = await scoreStoredPair(reader, ref(resume.id), ref(job.id), modelId);
          expect(fromIndex, `${resume.id} × ${job.id} (${modelId ?? 'lexical'})`).toEqual(fromDatabase);
        }
      }
    }
  });

  it('a resume with no vectors in the index is scored lexically, as the match worker scores it', async () => {
    const { data, sources, index, reader, ref } = await storedLibrary();
    const service = new SearchService(index);
    service.setModel(MODEL);
    const resume = data.resumes[3]!;
    const job = data.jobs[0]!;
    await sources.db.vectors.delete(`${resume.id}|${MODEL}`);
    index.removeVectors(resume.id, MODEL);
    const fromIndex = service.scorePair(ref(resume.id), ref(job.id), MODEL);
    expect(fromIndex?.result.mode).toBe('lexical');
    expect(fromIndex).toEqual(await scoreStoredPair(reader, ref(resume.id), ref(job.id), MODEL));
  });

  it('does not answer for a record indexed at another updatedAt, or a model the index does not follow', async () => {
    const { data, index, ref } = await storedLibrary();
    const service = new SearchService(index);
    const resume = data.resumes[0]!;
    const job = data.jobs[0]!;
    const edited = { ...ref(resume.id), updatedAt: resume.updatedAt + 1 };
    expect(service.scorePair(edited, ref(job.id), undefined)).toBeUndefined();
    expect(service.scorePair(ref(resume.id), { ...ref(job.id), updatedAt: 0 }, undefined)).toBeUndefined();
    expect(service.scorePair({ id: 'gone', updatedAt: 1 }, ref(job.id), undefined)).toBeUndefined();
    // The index follows MODEL: a score for another model would miss that model's vectors.
    service.setModel(MODEL);
    expect(service.scorePair(ref(resume.id), ref(job.id), DOCUMENT_MODEL)).toBeUndefined();
    expect(service.scorePair(ref(resume.id), ref(job.id), MODEL)?.result.mode).toBe('semantic');
  });
});

describe('PairReader (the match worker keeps the jobs it has read)', () => {
  it('reads an edited job again: the caller names the new updatedAt', async () => {
    const { data, sources, reader, ref } = await storedLibrary();
    const [resume, job] = [data.resumes[0]!, data.jobs[0]!];
    const before = await scoreStoredPair(reader, ref(resume.id), ref(job.id), undefined);
    expect(before?.result.requirements.length).toBeGreaterThan(0);
    // The job loses every requirement: a kept copy would still score the old ones.
    const edited = job.updatedAt + 1000;
    await sources.jobs.update(job.id, { spec: { ...job.spec, required: [], preferred: [] } }, edited);
    const after = await scoreStoredPair(
      reader,
      ref(resume.id),
      { ...ref(job.id), updatedAt: edited },
      undefined,
    );
    expect(after?.result.requirements).toEqual([]);
    expect(after?.key).toContain(`|${edited}|`);
  });

  it('uses job vectors that arrive after the job was first read', async () => {
    const { data, sources, reader, ref } = await storedLibrary();
    const [resume, job] = [data.resumes[0]!, data.jobs[0]!];
    const jobVectors = await sources.vectors.get(job.id, MODEL);
    await sources.db.vectors.delete(jobVectors!.id);
    expect((await scoreStoredPair(reader, ref(resume.id), ref(job.id), MODEL))?.result.mode).toBe('lexical');
    await sources.vectors.put(jobVectors!);
    expect((await scoreStoredPair(reader, ref(resume.id), ref(job.id), MODEL))?.result.mode).toBe('semantic');
  });

  it('scores the same whether the job was prepared ahead, kept, or read fresh', async () => {
    const { data, sources, reader, ref } = await storedLibrary();
    const job = data.jobs[1]!;
    await reader.prepareJob(ref(job.id));
    const fresh = new PairReader(sources);
    for (const resume of data.resumes.slice(0, 5)) {
      const kept = await scoreStoredPair(reader, ref(resume.id), ref(job.id), MODEL);
      const read = await scoreStoredPair(fresh, ref(resume.id), ref(job.id), MODEL);
      expect(kept?.result).toEqual(read?.result);
    }
  });

  it('finds the document of a record whose document id the caller no longer knows', async () => {
    const { data, reader, ref } = await storedLibrary();
    const [resume, job] = [data.resumes[2]!, data.jobs[0]!];
    const named = await scoreStoredPair(reader, ref(resume.id), ref(job.id), undefined);
    const unknown = await scoreStoredPair(
      reader,
      { ...ref(resume.id), documentId: 'gone' },
      ref(job.id),
      undefined,
    );
    expect(unknown?.result).toEqual(named?.result);
    expect(
      await scoreStoredPair(
        reader,
        { id: 'no-such-resume', updatedAt: 1, documentId: 'none' },
        ref(job.id),
        undefined,
      ),
    ).toBeUndefined();
  });
});
