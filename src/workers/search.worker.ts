/**
 * Search worker: keeps an in-memory LibraryIndex (BM25 postings, skills, one contiguous
 * Float32Array of document vectors per model) in step with the database and answers rankings
 * and searches through SearchService (with its result cache). Reads: resumes, jobs, documents,
 * vectors, settings. Writes: nothing.
 *
 * Staying in step: a Dexie live query watches each table's (id, updatedAt) stamps, read from
 * indexes only (vectors: the [modelId+createdAt] index, so no vector is read to see what changed) — Dexie
 * propagates writes made by other workers and the window — and every change is applied
 * incrementally: only records whose stamp changed are read and re-indexed, deleted ones are
 * dropped. `refresh()` runs the same sync on demand (the client calls it after its own writes).
 */
import * as Comlink from 'comlink';
import { Dexie, liveQuery } from 'dexie';
import type { CacheStats } from '../core/cache';
import { toOutcome, type Outcome } from '../core/contracts/outcome';
import type {
  PageRequest,
  QueryVector,
  RankFilters,
  RankPage,
  RankSort,
  SearchApi,
  SearchPage,
  SearchStatus,
} from '../core/contracts/search-api';
import { LibraryIndex } from '../core/search/library-index';
import { SearchService } from '../core/search/service';
import { findSkills } from '../core/taxonomy';
import { vectorsAreCurrent } from '../core/embed/staleness';
import { AppDb } from '../db/app-db';
import { SettingsRepository } from '../db/settings.repo';

// Build the skills index while the worker is idle, so the first ranking doesn't pay for it.
setTimeout(() => findSkills('warm up'), 0);

const db = new AppDb();
const settings = new SettingsRepository(db);
const index = new LibraryIndex();
const service = new SearchService(index);

/** What is indexed: id → the stamp it was indexed at. */
const indexed = {
  resume: new Map<string, number>(),
  job: new Map<string, number>(),
  vectors: new Map<string, number>(),
};

interface Stamps {
  resume: Map<string, number>;
  job: Map<string, number>;
  modelId: string;
  vectors: Map<string, number>;
}

/** (id, updatedAt) of every record, read from the index only (no record bodies). */
async function readStamps(): Promise<Stamps> {
  const resume = new Map<string, number>();
  const job = new Map<string, number>();
  await db.resumes.orderBy('updatedAt').eachKey((updatedAt, cursor) => {
    resume.set(String(cursor.primaryKey), Number(updatedAt));
  });
  await db.jobs.orderBy('updatedAt').eachKey((updatedAt, cursor) => {
    job.set(String(cursor.primaryKey), Number(updatedAt));
  });
  const modelId = await settings.get('embeddingModel');
  const vectors = new Map<string, number>();
  if (modelId) {
    // Keys only: (modelId, createdAt) and the primary key, so a write never re-reads every vector.
    await db.vectors
      .where('[modelId+createdAt]')
      .between([modelId, Dexie.minKey], [modelId, Dexie.maxKey])
      .eachKey((key, cursor) => {
        vectors.set(String(cursor.primaryKey), Number((key as [string, number])[1]));
      });
  }
  return { resume, job, modelId, vectors };
}

function changed(current: Map<string, number>, seen: Map<string, number>): { put: string[]; gone: string[] } {
  const put = [...current].filter(([id, stamp]) => seen.get(id) !== stamp).map(([id]) => id);
  const gone = [...seen.keys()].filter((id) => !current.has(id));
  return { put, gone };
}

/** Read-and-index in batches, so a 10,000-resume first load never holds every record twice. */
const BATCH = 500;

async function applyResumes(ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += BATCH) {
    const records = (await db.resumes.bulkGet(ids.slice(start, start + BATCH))).filter(
      (r) => r !== undefined,
    );
    const documents = await db.documents.bulkGet(records.map((record) => record.documentId));
    records.forEach((record, position) => {
      const document = documents[position];
      if (!document) return;
      index.upsertResume({
        id: record.id,
        name: record.name,
        updatedAt: record.updatedAt,
        document: document.parsed,
        profile: record.profile,
      });
      indexed.resume.set(record.id, record.updatedAt);
    });
  }
}

async function applyJobs(ids: string[]): Promise<void> {
  const records = (await db.jobs.bulkGet(ids)).filter((r) => r !== undefined);
  const documents = await db.documents.bulkGet(records.map((record) => record.documentId));
  records.forEach((record, position) => {
    const document = documents[position];
    if (!document) return;
    index.upsertJob({
      id: record.id,
      title: record.title,
      updatedAt: record.updatedAt,
      document: document.parsed,
      spec: record.spec,
    });
    indexed.job.set(record.id, record.updatedAt);
  });
}

async function applyVectors(ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += BATCH) {
    const records = await db.vectors.bulkGet(ids.slice(start, start + BATCH));
    for (const record of records) {
      if (!record) continue;
      // Same rule as the match worker: vectors older than their record are not used (a stale one
      // stays out of the index, so the table and the breakdown agree). It is remembered as seen, and
      // looked at again when its record or the vectors change.
      const ownerUpdatedAt = (record.role === 'resume' ? indexed.resume : indexed.job).get(record.ownerId);
      if (ownerUpdatedAt === undefined || !vectorsAreCurrent(record, { updatedAt: ownerUpdatedAt })) {
        index.removeVectors(record.ownerId, record.modelId);
        indexed.vectors.set(record.id, record.createdAt);
        continue;
      }
      index.setVectors({
        ownerId: record.ownerId,
        role: record.role,
        modelId: record.modelId,
        dims: record.dims,
        document: record.document,
        chunks: record.chunks,
      });
      indexed.vectors.set(record.id, record.createdAt);
    }
  }
}

let syncing: Promise<void> | undefined;
let again = false;
let loaded = false;

/** Brings the index in step with the database; concurrent calls share one pass (plus one more). */
function sync(): Promise<void> {
  if (syncing) {
    again = true;
    return syncing;
  }
  syncing = (async () => {
    do {
      again = false;
      const stamps = await readStamps();
      if (stamps.modelId !== (service.modelId ?? '')) {
        // A different model: its vectors replace the old ones (scores change, the cache empties).
        for (const id of indexed.vectors.keys()) {
          const [ownerId, modelId] = id.split('|');
          if (ownerId && modelId) index.removeVectors(ownerId, modelId);
        }
        indexed.vectors.clear();
        service.setModel(stamps.modelId || undefined);
      }
      const resumes = changed(stamps.resume, indexed.resume);
      for (const id of resumes.gone) {
        index.removeResume(id);
        indexed.resume.delete(id);
      }
      await applyResumes(resumes.put);
      const jobs = changed(stamps.job, indexed.job);
      for (const id of jobs.gone) {
        index.removeJob(id);
        indexed.job.delete(id);
      }
      await applyJobs(jobs.put);
      // A changed record's vectors are checked again against its new stamp (staleness rule).
      for (const ownerId of [...resumes.put, ...jobs.put]) {
        const vectorId = `${ownerId}|${stamps.modelId}`;
        if (indexed.vectors.delete(vectorId)) index.removeVectors(ownerId, stamps.modelId);
      }
      const vectors = changed(stamps.vectors, indexed.vectors);
      for (const id of vectors.gone) {
        const [ownerId, modelId] = id.split('|');
        if (ownerId && modelId) index.removeVectors(ownerId, modelId);
        indexed.vectors.delete(id);
      }
      await applyVectors(vectors.put);
      loaded = true;
    } while (again);
  })().finally(() => {
    syncing = undefined;
  });
  return syncing;
}

// Watch the stamps: any write anywhere (another worker, the window, another tab) triggers a sync.
liveQuery(readStamps).subscribe({
  next: () => void sync(),
  error: (error: unknown) => console.warn('search index watch failed', error),
});

/** Every answer waits for a sync in progress, so results never lag a write the caller saw. */
async function ready(): Promise<void> {
  if (!loaded || syncing) await sync();
}

function status(): SearchStatus {
  return {
    resumes: index.resumes.size,
    jobs: index.jobs.size,
    version: index.version,
    models: index.modelIds().map((modelId) => {
      const model = index.model(modelId);
      return { modelId, dims: model?.dims ?? 0, resumes: model?.documents.resume.size ?? 0 };
    }),
    cache: service.cache.stats(),
    ready: loaded,
  };
}

function answer<T>(run: () => Promise<T>): Promise<Outcome<T & { cache: CacheStats }>> {
  return toOutcome(async () => {
    await ready();
    const value = await run();
    return { ...value, cache: service.cache.stats() };
  });
}

const searchWorker = {
  status(): Promise<Outcome<SearchStatus>> {
    return toOutcome(async () => {
      await ready();
      return status();
    });
  },
  refresh(): Promise<Outcome<SearchStatus>> {
    return toOutcome(async () => {
      await sync();
      return status();
    });
  },
  rankJob(
    jobId: string,
    filters: RankFilters,
    sort: RankSort,
    page: PageRequest,
  ): Promise<Outcome<RankPage>> {
    return answer(() => service.rankJob(jobId, filters, sort, page));
  },
  rankResume(
    resumeId: string,
    filters: RankFilters,
    sort: RankSort,
    page: PageRequest,
  ): Promise<Outcome<RankPage>> {
    return answer(() => service.rankResume(resumeId, filters, sort, page));
  },
  search(query: string, page: PageRequest, vector?: QueryVector): Promise<Outcome<SearchPage>> {
    return answer(() => service.search(query, page, vector));
  },
  skills(skills: string[], mode: 'all' | 'any', page: PageRequest): Promise<Outcome<SearchPage>> {
    return answer(() => service.skills(skills, mode, page));
  },
  similar(resumeId: string, page: PageRequest): Promise<Outcome<SearchPage>> {
    return answer(() => service.similar(resumeId, page));
  },
} satisfies SearchApi;

Comlink.expose(searchWorker);
