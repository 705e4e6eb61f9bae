/**
 * Keeps the search worker's in-memory LibraryIndex in step with the database, incrementally.
 *
 * A write anywhere (another worker, the window, another tab) schedules one pass. A pass reads only
 * what changed since the last one: the primary keys of records whose stamp (resumes/jobs:
 * updatedAt; vectors: createdAt) is at or above the newest stamp already indexed, minus a small
 * margin for writers whose stamp was taken before another writer's commit; then it compares each
 * table's count() with what is indexed. Only when they differ (a delete, or a record that slipped
 * behind the margin) are the table's primary keys read — keys, never record bodies. Everything
 * is read again only on the first load, when the embedding model changes, and after a restore
 * (the `libraryEpoch` setting it bumps: a restored record may carry an older stamp).
 *
 * At 10,000 resumes with the background embedder writing a vector every few hundred ms, a pass is
 * a handful of index reads instead of a scan of every stamp (measured in bench:browser).
 *
 * Passes never overlap. `requestPass()` resolves when a pass that started after the call has
 * finished (so it sees every write the caller saw); queries do not wait for passes at all once
 * the first load is done.
 */
import { Dexie } from 'dexie';
import { vectorsAreCurrent } from '../core/embed/staleness';
import type { LibraryIndex } from '../core/search/library-index';
import type { SearchService } from '../core/search/service';
import type { AppDb } from '../db/app-db';
import { readStamps } from '../db/stamps';
import type { SettingsRepository } from '../db/settings.repo';

/** Records read and indexed per batch, so a 10,000-resume first load never holds every record twice. */
const BATCH = 500;
/** Stamps this much older than the newest indexed one are read again (concurrent writers). */
const STAMP_MARGIN_MS = 2_000;

/** What one pass did: for tests and the worker's status. */
export interface PassReport {
  kind: 'full' | 'incremental';
  /** Records (resumes, jobs, vector sets) read and indexed. */
  applied: number;
  /** Records dropped from the index. */
  removed: number;
  /** Tables whose primary keys had to be read because their count did not match. */
  reconciled: string[];
}

type Stamped = 'resume' | 'job' | 'vectors';

export class SearchIndexSync {
  readonly #db: AppDb;
  readonly #settings: SettingsRepository;
  readonly #index: LibraryIndex;
  readonly #service: SearchService;
  /** What is indexed: id → the stamp it was indexed at (vectors: `${ownerId}|${modelId}`). */
  readonly #indexed: Record<Stamped, Map<string, number>> = {
    resume: new Map(),
    job: new Map(),
    vectors: new Map(),
  };
  /** Newest stamp indexed per table. */
  readonly #newest: Record<Stamped, number> = { resume: 0, job: 0, vectors: 0 };
  #epoch = -1;
  #loaded = false;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #passes = 0;
  lastPass: PassReport | undefined;

  constructor(db: AppDb, settings: SettingsRepository, index: LibraryIndex, service: SearchService) {
    this.#db = db;
    this.#settings = settings;
    this.#index = index;
    this.#service = service;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /** Resolves once no pass is running or queued (at once when none is). */
  async settled(): Promise<void> {
    while (this.#running || this.#queued) await (this.#queued ?? this.#running)?.catch(() => undefined);
  }

  /** Passes finished so far. */
  get passes(): number {
    return this.#passes;
  }

  /** Resolves when a pass that starts after this call has finished (at most one queued pass). */
  requestPass(): Promise<void> {
    if (!this.#running) return this.#start();
    // The running pass may have read before the caller's write: one more, shared by every caller.
    this.#queued ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        return this.#start();
      });
    return this.#queued;
  }

  #start(): Promise<void> {
    const run = this.#pass().finally(() => {
      if (this.#running === run) this.#running = undefined;
    });
    this.#running = run;
    return run;
  }

  /** The first load is done (queries answer from the index from then on). */
  async ready(): Promise<void> {
    if (!this.#loaded) await this.requestPass();
  }

  async #pass(): Promise<void> {
    const report: PassReport = { kind: 'incremental', applied: 0, removed: 0, reconciled: [] };
    const modelId = await this.#settings.get('embeddingModel');
    const epoch = await this.#settings.get('libraryEpoch');
    const modelChanged = modelId !== (this.#service.modelId ?? '');
    if (modelChanged) {
      // A different model: its vectors replace the old ones (scores change, the cache empties).
      for (const id of this.#indexed.vectors.keys()) this.#removeVectorsById(id);
      this.#indexed.vectors.clear();
      this.#newest.vectors = 0;
      this.#service.setModel(modelId || undefined);
    }
    if (!this.#loaded || epoch !== this.#epoch) {
      report.kind = 'full';
      await this.#fullPass(modelId, report);
      this.#epoch = epoch;
    } else {
      await this.#incrementalPass(modelId, report);
    }
    this.#loaded = true;
    this.#passes++;
    this.lastPass = report;
  }

  // ---------------------------------------------------------------------------------------------
  // Full pass: every stamp, read from the indexes (no record bodies).

  async #fullPass(modelId: string, report: PassReport): Promise<void> {
    const resume = await readStamps(this.#db.resumes.orderBy('updatedAt'));
    const job = await readStamps(this.#db.jobs.orderBy('updatedAt'));
    const resumes = changed(resume, this.#indexed.resume);
    const jobs = changed(job, this.#indexed.job);
    // A changed record's vectors are checked again against its new stamp (staleness rule).
    this.#forgetVectorsOf([...resumes.put, ...jobs.put], modelId);
    report.removed += this.#dropResumes(resumes.gone);
    report.applied += await this.#applyResumes(resumes.put);
    report.removed += this.#dropJobs(jobs.gone);
    report.applied += await this.#applyJobs(jobs.put);

    const vectors = modelId
      ? await readStamps(this.#vectorRange(modelId, Dexie.minKey), 1)
      : new Map<string, number>();
    const changedVectors = changed(vectors, this.#indexed.vectors);
    for (const id of changedVectors.gone) {
      this.#removeVectorsById(id);
      this.#indexed.vectors.delete(id);
      report.removed++;
    }
    report.applied += await this.#applyVectors(changedVectors.put);
  }

  // ---------------------------------------------------------------------------------------------
  // Incremental pass: what is newer than the newest indexed stamp, then counts.

  async #incrementalPass(modelId: string, report: PassReport): Promise<void> {
    const since = (table: Stamped): number => Math.max(0, this.#newest[table] - STAMP_MARGIN_MS);
    const resumeStamps = await readStamps(this.#db.resumes.where('updatedAt').aboveOrEqual(since('resume')));
    const jobStamps = await readStamps(this.#db.jobs.where('updatedAt').aboveOrEqual(since('job')));
    const resumes = newer(resumeStamps, this.#indexed.resume);
    const jobs = newer(jobStamps, this.#indexed.job);
    const rechecked = [...this.#forgetVectorsOf(resumes, modelId), ...this.#forgetVectorsOf(jobs, modelId)];
    report.applied += (await this.#applyResumes(resumes)) + (await this.#applyJobs(jobs));

    // Counts catch deletes and records whose stamp fell behind the margin.
    if ((await this.#db.resumes.count()) !== this.#indexed.resume.size) {
      report.reconciled.push('resumes');
      const keys = new Set<string>(await this.#db.resumes.toCollection().primaryKeys());
      report.removed += this.#dropResumes([...this.#indexed.resume.keys()].filter((id) => !keys.has(id)));
      report.applied += await this.#applyResumes([...keys].filter((id) => !this.#indexed.resume.has(id)));
    }
    if ((await this.#db.jobs.count()) !== this.#indexed.job.size) {
      report.reconciled.push('jobs');
      const keys = new Set<string>(await this.#db.jobs.toCollection().primaryKeys());
      report.removed += this.#dropJobs([...this.#indexed.job.keys()].filter((id) => !keys.has(id)));
      report.applied += await this.#applyJobs([...keys].filter((id) => !this.#indexed.job.has(id)));
    }
    if (!modelId) return;

    const vectorStamps = await readStamps(this.#vectorRange(modelId, since('vectors')), 1);
    report.applied += await this.#applyVectors([
      ...new Set([...rechecked, ...newer(vectorStamps, this.#indexed.vectors)]),
    ]);
    if ((await this.#vectorRange(modelId, Dexie.minKey).count()) !== this.#indexed.vectors.size) {
      report.reconciled.push('vectors');
      const keys = new Set<string>(await this.#vectorRange(modelId, Dexie.minKey).primaryKeys());
      for (const id of [...this.#indexed.vectors.keys()].filter((key) => !keys.has(key))) {
        this.#removeVectorsById(id);
        this.#indexed.vectors.delete(id);
        report.removed++;
      }
      report.applied += await this.#applyVectors([...keys].filter((id) => !this.#indexed.vectors.has(id)));
    }
  }

  #vectorRange(modelId: string, from: number) {
    return this.#db.vectors.where('[modelId+createdAt]').between([modelId, from], [modelId, Dexie.maxKey]);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading and indexing records.

  /** Reads the resumes `ids` and indexes those whose stamp changed; returns how many. */
  async #applyResumes(ids: string[]): Promise<number> {
    let applied = 0;
    for (let start = 0; start < ids.length; start += BATCH) {
      const records = (await this.#db.resumes.bulkGet(ids.slice(start, start + BATCH))).filter(
        (record) => record !== undefined && this.#indexed.resume.get(record.id) !== record.updatedAt,
      );
      if (records.length === 0) continue;
      const documents = await this.#db.documents.bulkGet(records.map((record) => record!.documentId));
      records.forEach((record, position) => {
        const document = documents[position];
        if (!record || !document) return;
        this.#index.upsertResume({
          id: record.id,
          name: record.name,
          updatedAt: record.updatedAt,
          document: document.parsed,
          profile: record.profile,
        });
        this.#indexed.resume.set(record.id, record.updatedAt);
        this.#newest.resume = Math.max(this.#newest.resume, record.updatedAt);
        applied++;
      });
    }
    return applied;
  }

  async #applyJobs(ids: string[]): Promise<number> {
    const records = (await this.#db.jobs.bulkGet(ids)).filter(
      (record) => record !== undefined && this.#indexed.job.get(record.id) !== record.updatedAt,
    );
    if (records.length === 0) return 0;
    const documents = await this.#db.documents.bulkGet(records.map((record) => record!.documentId));
    let applied = 0;
    records.forEach((record, position) => {
      const document = documents[position];
      if (!record || !document) return;
      this.#index.upsertJob({
        id: record.id,
        title: record.title,
        updatedAt: record.updatedAt,
        document: document.parsed,
        spec: record.spec,
      });
      this.#indexed.job.set(record.id, record.updatedAt);
      this.#newest.job = Math.max(this.#newest.job, record.updatedAt);
      applied++;
    });
    return applied;
  }

  async #applyVectors(ids: string[]): Promise<number> {
    let applied = 0;
    for (let start = 0; start < ids.length; start += BATCH) {
      for (const record of await this.#db.vectors.bulkGet(ids.slice(start, start + BATCH))) {
        if (!record || this.#indexed.vectors.get(record.id) === record.createdAt) continue;
        this.#indexed.vectors.set(record.id, record.createdAt);
        this.#newest.vectors = Math.max(this.#newest.vectors, record.createdAt);
        applied++;
        // Same rule as the match worker: vectors older than their record are not used (a stale one
        // stays out of the index, so the table and the breakdown agree). It is remembered as seen,
        // and looked at again when its record or the vectors change.
        const ownerUpdatedAt = (record.role === 'resume' ? this.#indexed.resume : this.#indexed.job).get(
          record.ownerId,
        );
        if (ownerUpdatedAt === undefined || !vectorsAreCurrent(record, { updatedAt: ownerUpdatedAt })) {
          this.#index.removeVectors(record.ownerId, record.modelId);
          continue;
        }
        this.#index.setVectors({
          ownerId: record.ownerId,
          role: record.role,
          modelId: record.modelId,
          dims: record.dims,
          document: record.document,
          chunks: record.chunks,
        });
      }
    }
    return applied;
  }

  /**
   * Records that changed lose their indexed vectors until those are read again and pass the
   * staleness rule against the new stamp. Returns the vector ids to read again.
   */
  #forgetVectorsOf(ownerIds: string[], modelId: string): string[] {
    if (!modelId) return [];
    const ids: string[] = [];
    for (const ownerId of ownerIds) {
      const vectorId = `${ownerId}|${modelId}`;
      if (this.#indexed.vectors.delete(vectorId)) {
        this.#index.removeVectors(ownerId, modelId);
        ids.push(vectorId);
      }
    }
    return ids;
  }

  #removeVectorsById(id: string): void {
    const [ownerId, modelId] = id.split('|');
    if (ownerId && modelId) this.#index.removeVectors(ownerId, modelId);
  }

  #dropResumes(ids: string[]): number {
    for (const id of ids) {
      this.#index.removeResume(id);
      this.#indexed.resume.delete(id);
    }
    return ids.length;
  }

  #dropJobs(ids: string[]): number {
    for (const id of ids) {
      this.#index.removeJob(id);
      this.#indexed.job.delete(id);
    }
    return ids.length;
  }
}

/** Ids whose stamp differs from the indexed one. */
function newer(current: Map<string, number>, seen: Map<string, number>): string[] {
  return [...current].filter(([id, stamp]) => seen.get(id) !== stamp).map(([id]) => id);
}

function changed(current: Map<string, number>, seen: Map<string, number>): { put: string[]; gone: string[] } {
  const put = [...current].filter(([id, stamp]) => seen.get(id) !== stamp).map(([id]) => id);
  const gone = [...seen.keys()].filter((id) => !current.has(id));
  return { put, gone };
}
