/**
 * Search worker: keeps an in-memory LibraryIndex (BM25 postings, skills, one contiguous
 * Float32Array of document vectors per model) in step with the database and answers rankings
 * and searches through SearchService (with its result cache). Reads: resumes, jobs, documents,
 * vectors, settings. Writes: nothing.
 *
 * Staying in step (SearchIndexSync): every write anywhere schedules one incremental pass that
 * reads only records stamped at or after the newest indexed stamp, plus counts to catch deletes;
 * no pass reads every stamp or every vector except the first load and a restore. Queries wait only
 * for the first load; `refresh()` waits for a pass that starts after it (the client calls it after
 * its own writes).
 */
import * as Comlink from 'comlink';
import { Dexie } from 'dexie';
import type { CacheStats } from '../core/cache';
import type { KeyedScore, StoredRef } from '../core/contracts/match-api';
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
import { AppDb } from '../db/app-db';
import { SettingsRepository } from '../db/settings.repo';
import { SearchIndexSync } from './search-index-sync';
import { UnreadWrites } from './unread-writes';

// Build the skills index while the worker is idle, so the first ranking doesn't pay for it.
setTimeout(() => findSkills('warm up'), 0);

const db = new AppDb();
const settings = new SettingsRepository(db);
const index = new LibraryIndex();
const service = new SearchService(index);

const sync = new SearchIndexSync(db, settings, index, service);

// Watch for writes: any write anywhere (another worker, the window, another tab — Dexie
// propagates them) schedules one incremental pass, shortly after, so a burst of writes (an import
// batch, the background embedder) costs one pass rather than one per write.
// The keys each write touched are kept until a pass has read them (UnreadWrites), so a score asks
// for a pass only when a write it has not read may change that pair.
const unread = new UnreadWrites();
let scheduled: ReturnType<typeof setTimeout> | undefined;
Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
  if (!unread.record(parts) || scheduled !== undefined) return;
  scheduled = setTimeout(runScheduledPass, 150);
});

function runScheduledPass(): void {
  clearTimeout(scheduled);
  scheduled = undefined;
  const pass = sync.requestPass();
  unread.passStarted(pass);
  pass.then(prepareWhileIdle).catch((error: unknown) => console.warn('search index sync failed', error));
}
void sync.requestPass().then(prepareWhileIdle);

// Scoring's per-resume preparation runs in 15 ms slices between messages, right after records are
// indexed, so the first ranking of a job against 10,000 resumes does not do 10,000 of them at once
// (measured: 4.7 s cold vs 0.1 s prepared, Node, 10,000 generated resumes). A query that arrives
// meanwhile waits at most one slice.
let preparing = false;
function prepareWhileIdle(): void {
  if (preparing) return;
  preparing = true;
  const slice = (): void => {
    if (index.prepareSome(performance.now() + 15) > 0) setTimeout(slice, 0);
    else preparing = false;
  };
  setTimeout(slice, 0);
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
    ready: sync.loaded,
  };
}

function answer<T>(run: () => Promise<T>): Promise<Outcome<T & { cache: CacheStats }>> {
  return toOutcome(async () => {
    // Only the first load is waited for: later writes are applied by the watcher's passes, and a
    // caller that needs its own write in the answer calls refresh() first.
    await sync.ready();
    const value = await run();
    return { ...value, cache: service.cache.stats() };
  });
}

const searchWorker = {
  status(): Promise<Outcome<SearchStatus>> {
    return toOutcome(async () => {
      await sync.ready();
      return status();
    });
  },
  refresh(): Promise<Outcome<SearchStatus>> {
    return toOutcome(async () => {
      await sync.requestPass();
      prepareWhileIdle();
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
  scorePair(resume: StoredRef, job: StoredRef, modelId?: string): Promise<Outcome<KeyedScore | null>> {
    return toOutcome(async (): Promise<KeyedScore | null> => {
      // Before the first load (seconds for a large library) the match worker answers instead.
      if (!sync.loaded) return null;
      // In step for this pair: a write the index has not read yet that may change it (the
      // resume, the job, their vectors, settings) is read now, by one incremental pass of what
      // changed; writes to other records are left to the scheduled pass.
      if (unread.mayChange({ resumeId: resume.id, jobId: job.id, modelId })) {
        if (scheduled !== undefined) runScheduledPass();
        await sync.settled();
      }
      const started = performance.now();
      const scored = service.scorePair(resume, job, modelId);
      if (!scored) return null;
      return { resumeId: resume.id, jobId: job.id, ...scored, scoreMs: performance.now() - started };
    });
  },
} satisfies SearchApi;

Comlink.expose(searchWorker);
