import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortlistError, StorageFullError } from '../../../src/core/errors';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { DocumentRepository } from '../../../src/db/documents.repo';
import { JobRepository } from '../../../src/db/jobs.repo';
import { MatchRepository } from '../../../src/db/matches.repo';
import { MetricsRepository } from '../../../src/db/metrics.repo';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { DEFAULT_SETTINGS, SettingsRepository } from '../../../src/db/settings.repo';
import { mapStorageError } from '../../../src/db/storage-errors';
import { VectorRepository, vectorId } from '../../../src/db/vectors.repo';
import { job, jobDocument, match, resume, resumeDocument, uniqueDbName } from './fixtures';

const opened: AppDb[] = [];

async function freshDb(): Promise<AppDb> {
  const db = await openAppDb(uniqueDbName('repo'));
  opened.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function quotaError(): Error {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

async function seed(db: AppDb) {
  const resumes = new ResumeRepository(db);
  const jobs = new JobRepository(db);
  await resumes.saveImportedResume(
    resumeDocument('d1'),
    resume('r1', 'd1', 'Zoe Zed', 100, ['TypeScript', 'React'], 2),
  );
  await resumes.saveImportedResume(resumeDocument('d2'), resume('r2', 'd2', 'Adam Ant', 300, ['Python'], 9));
  await resumes.saveImportedResume(resumeDocument('d3'), resume('r3', 'd3', 'Mia Moe', 200, ['react'], 5));
  await jobs.saveImportedJob(jobDocument('dj1'), job('j1', 'dj1', 'Frontend Engineer', 50, ['React']));
  await jobs.saveImportedJob(jobDocument('dj2'), job('j2', 'dj2', 'Backend Engineer', 60, ['Python']));
  const matches = new MatchRepository(db);
  await matches.upsertMany([
    match('r1', 'j1', 80),
    match('r2', 'j1', 30),
    match('r1', 'j2', 40),
    match('r3', 'j2', 55),
  ]);
  return { resumes, jobs, matches, documents: new DocumentRepository(db) };
}

describe('ResumeRepository and JobRepository', () => {
  it('lists, gets, counts and filters by the indexed fields', async () => {
    const db = await freshDb();
    const { resumes, jobs } = await seed(db);
    expect((await resumes.list()).map((r) => r.id)).toEqual(['r2', 'r3', 'r1']);
    expect((await resumes.list('name')).map((r) => r.name)).toEqual(['Adam Ant', 'Mia Moe', 'Zoe Zed']);
    expect((await resumes.list('years')).map((r) => r.totalYears)).toEqual([9, 5, 2]);
    expect(await resumes.count()).toBe(3);
    expect((await resumes.get('r1'))?.profile.basics.name).toBe('Zoe Zed');
    expect(await resumes.get('nope')).toBeUndefined();
    expect((await resumes.withSkill('REACT')).map((r) => r.id).sort()).toEqual(['r1', 'r3']);
    expect((await resumes.withMinYears(5)).map((r) => r.id)).toEqual(['r2', 'r3']);
    expect((await resumes.getMany(['r3', 'missing', 'r1'])).map((r) => r.id)).toEqual(['r3', 'r1']);
    expect((await jobs.list('title')).map((j) => j.title)).toEqual(['Backend Engineer', 'Frontend Engineer']);
    expect((await jobs.list()).map((j) => j.id)).toEqual(['j2', 'j1']);
    expect((await jobs.withSkill('python')).map((j) => j.id)).toEqual(['j2']);
  });

  it('stores the document bytes and parsed text with the record', async () => {
    const db = await freshDb();
    const { documents } = await seed(db);
    const stored = await documents.get('d1');
    expect(new Uint8Array(stored?.bytes ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([37, 80, 68, 70, 0, 255, 128, 7]),
    );
    expect(stored?.parsed.text).toBe('Jane Doe\nExperience');
    expect((await documents.findByHash('hash-d2', 'resume'))?.id).toBe('d2');
    expect(await documents.findByHash('hash-d2', 'job')).toBeUndefined();
    expect(await documents.count('job')).toBe(2);
    expect((await documents.list('resume')).map((d) => d.id).sort()).toEqual(['d1', 'd2', 'd3']);
  });

  it('update changes fields and stamps updatedAt', async () => {
    const db = await freshDb();
    const { resumes, jobs } = await seed(db);
    expect(await resumes.update('r1', { name: 'Zoe Z.' }, 999)).toBe(true);
    expect(await resumes.get('r1')).toMatchObject({ name: 'Zoe Z.', updatedAt: 999, createdAt: 100 });
    expect(await resumes.update('nope', { name: 'x' })).toBe(false);
    expect(await jobs.update('j1', { title: 'FE' }, 5)).toBe(true);
    expect(await jobs.get('j1')).toMatchObject({ title: 'FE', updatedAt: 5 });
  });

  it('deleting a resume removes its document and matches, and nothing else', async () => {
    const db = await freshDb();
    const { resumes, matches, documents } = await seed(db);
    expect(await resumes.delete('r1')).toBe(true);
    expect(await resumes.get('r1')).toBeUndefined();
    expect(await documents.get('d1')).toBeUndefined();
    expect(await matches.listForResume('r1')).toEqual([]);
    expect(await matches.count()).toBe(2);
    expect(await documents.count()).toBe(4);
    expect(await resumes.delete('r1')).toBe(false);
  });

  it('deleting a job removes its document and matches', async () => {
    const db = await freshDb();
    const { jobs, matches, documents } = await seed(db);
    expect(await jobs.delete('j1')).toBe(true);
    expect(await documents.get('dj1')).toBeUndefined();
    expect((await matches.listForJob('j1')).length).toBe(0);
    expect((await matches.listForJob('j2')).map((m) => m.resumeId)).toEqual(['r3', 'r1']);
  });

  it('refuses a record paired with the wrong document before writing anything', async () => {
    const db = await freshDb();
    const resumes = new ResumeRepository(db);
    await expect(
      resumes.saveImportedResume(resumeDocument('d9'), resume('r9', 'other', 'X', 1, [])),
    ).rejects.toBeInstanceOf(ShortlistError);
    await expect(
      resumes.saveImportedResume(jobDocument('d9'), resume('r9', 'd9', 'X', 1, [])),
    ).rejects.toThrow(/Expected a resume document/);
    expect(await db.documents.count()).toBe(0);
  });

  it('a write failing midway leaves neither half and keeps prior data intact', async () => {
    const db = await freshDb();
    const { resumes, documents } = await seed(db);
    const before = await resumes.get('r2');
    vi.spyOn(db.resumes, 'bulkPut').mockImplementation(() => {
      throw new Error('disk hiccup');
    });
    const replacement = resumeDocument('d2', new Uint8Array([1, 2, 3]));
    await expect(
      resumes.saveImportedResumes([
        { document: resumeDocument('d-new'), resume: resume('r-new', 'd-new', 'New', 1, []) },
        { document: replacement, resume: resume('r2', 'd2', 'Changed', 1, []) },
      ]),
    ).rejects.toThrow('disk hiccup');
    vi.restoreAllMocks();
    expect(await documents.get('d-new')).toBeUndefined(); // written, then rolled back
    expect((await documents.get('d2'))?.size).toBe(8); // old bytes survive
    expect(await resumes.get('r2')).toEqual(before);
    expect(await resumes.count()).toBe(3);
  });

  it('maps a QuotaExceededError to StorageFullError and rolls back the document', async () => {
    const db = await freshDb();
    const jobs = new JobRepository(db);
    vi.spyOn(db.jobs, 'bulkPut').mockImplementation(() => Dexie.Promise.reject(quotaError()));
    const failure = jobs.saveImportedJob(jobDocument('dq'), job('jq', 'dq', 'Quota', 1, []));
    await expect(failure).rejects.toBeInstanceOf(StorageFullError);
    await expect(failure).rejects.toMatchObject({ code: 'storage-full' });
    vi.restoreAllMocks();
    expect(await db.documents.get('dq')).toBeUndefined();
  });

  it('maps a quota error also on a cascade delete', async () => {
    const db = await freshDb();
    const { resumes } = await seed(db);
    vi.spyOn(db.documents, 'delete').mockImplementation(() => Dexie.Promise.reject(quotaError()));
    await expect(resumes.delete('r1')).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await resumes.get('r1')).toBeDefined();
    expect((await new MatchRepository(db).listForResume('r1')).length).toBe(2); // matches delete rolled back
  });
});

describe('mapStorageError', () => {
  it('recognises quota errors directly, wrapped by Dexie (inner) or as a cause, and passes others through', () => {
    expect(mapStorageError(quotaError())).toBeInstanceOf(StorageFullError);
    expect(mapStorageError({ name: 'AbortError', message: 'aborted', inner: quotaError() })).toBeInstanceOf(
      StorageFullError,
    );
    expect(mapStorageError(new Error('outer', { cause: quotaError() }))).toBeInstanceOf(StorageFullError);
    const other = new Error('constraint failed');
    expect(mapStorageError(other)).toBe(other);
  });
});

describe('MatchRepository', () => {
  it('upserts by pair, reads by compound index, lists by score', async () => {
    const db = await freshDb();
    const { matches } = await seed(db);
    expect((await matches.getFor('r1', 'j1'))?.result.score).toBe(80);
    expect(await matches.getFor('r2', 'j2')).toBeUndefined();
    const { id: _ignored, ...withoutId } = match('r1', 'j1', 91);
    const stored = await matches.upsert(withoutId);
    expect(stored.id).toBe('r1|j1');
    expect((await matches.getFor('r1', 'j1'))?.result.score).toBe(91);
    expect(await matches.count()).toBe(4);
    expect((await matches.listForJob('j1')).map((m) => m.result.score)).toEqual([91, 30]);
    expect((await matches.listForResume('r1')).map((m) => m.jobId)).toEqual(['j1', 'j2']);
    expect(await matches.deleteForJob('j2')).toBe(2);
    expect(await matches.deleteForResume('r2')).toBe(1);
    expect(await matches.count()).toBe(1);
  });
});

describe('MetricsRepository', () => {
  it('replaces per-name snapshots and lists them by name', async () => {
    const db = await freshDb();
    const repo = new MetricsRepository(db);
    await repo.saveAll([
      { name: 'parse.pdf', samples: [1, 2], count: 2, errors: 0, updatedAt: 1 },
      { name: 'db.get', samples: [0.5], count: 1, errors: 0, updatedAt: 1 },
    ]);
    await repo.saveAll([{ name: 'parse.pdf', samples: [3], count: 3, errors: 1, updatedAt: 2 }]);
    const stored = await repo.list();
    expect(stored.map((m) => m.name)).toEqual(['db.get', 'parse.pdf']);
    expect(stored[1]).toMatchObject({ samples: [3], count: 3, errors: 1 });
    await repo.clear();
    expect(await repo.list()).toEqual([]);
  });
});

describe('SettingsRepository', () => {
  it('returns defaults, stores typed values and ignores stored values of the wrong type', async () => {
    const db = await freshDb();
    const settings = new SettingsRepository(db);
    expect(await settings.get('maxFileBytes')).toBe(20 * 1024 * 1024);
    expect(await settings.get('maxUnzippedBytes')).toBe(100 * 1024 * 1024);
    await settings.set('maxFileBytes', 5_000_000);
    await settings.set('allowModelDownloads', true);
    expect(await settings.get('maxFileBytes')).toBe(5_000_000);
    expect(await settings.getAll()).toEqual({
      ...DEFAULT_SETTINGS,
      maxFileBytes: 5_000_000,
      allowModelDownloads: true,
    });
    await db.settings.put({ key: 'maxUnzippedBytes', value: 'lots' });
    await db.settings.put({ key: 'retired-setting', value: 1 });
    expect(await settings.get('maxUnzippedBytes')).toBe(DEFAULT_SETTINGS.maxUnzippedBytes);
    expect(await settings.getAll()).not.toHaveProperty('retired-setting');
    await expect(settings.set('maxFileBytes', -1)).rejects.toThrow(RangeError);
    await settings.reset('maxFileBytes');
    expect(await settings.get('maxFileBytes')).toBe(DEFAULT_SETTINGS.maxFileBytes);
  });
});

describe('VectorRepository.stamps', () => {
  it('maps owner ids (not vector ids) to the record stamp their vectors were computed from', async () => {
    const db = await openAppDb(uniqueDbName('vector-stamps'));
    const vectors = new VectorRepository(db);
    const make = (ownerId: string, role: 'resume' | 'job', modelId: string, sourceUpdatedAt: number) => ({
      id: vectorId(ownerId, modelId),
      ownerId,
      role,
      modelId,
      dims: 2,
      document: new Float32Array([1, 0]),
      chunks: new Float32Array([1, 0]),
      chunkSpans: [],
      sourceUpdatedAt,
      createdAt: 5,
    });
    await vectors.put(make('r1', 'resume', 'm/a', 11));
    await vectors.put(make('r2', 'resume', 'm/a', 12));
    await vectors.put(make('j1', 'job', 'm/a', 13));
    await vectors.put(make('r1', 'resume', 'm/b', 99));
    expect([...(await vectors.stamps('m/a', 'resume'))]).toEqual([
      ['r1', 11],
      ['r2', 12],
    ]);
    expect([...(await vectors.stamps('m/a', 'job'))]).toEqual([['j1', 13]]);
    db.close();
    await db.delete();
  });
});

describe('stampsNewestFirst', () => {
  it('lists (id, updatedAt) of every resume and job, newest first, from the index', async () => {
    const db = await openAppDb(uniqueDbName('stamps-newest'));
    const resumes = new ResumeRepository(db);
    await resumes.saveImportedResume(resumeDocument('d1'), resume('r1', 'd1', 'Old', 10, []));
    await resumes.saveImportedResume(resumeDocument('d2'), resume('r2', 'd2', 'New', 30, []));
    await resumes.saveImportedResume(resumeDocument('d3'), resume('r3', 'd3', 'Mid', 20, []));
    expect(await resumes.stampsNewestFirst()).toEqual([
      ['r2', 30],
      ['r3', 20],
      ['r1', 10],
    ]);
    db.close();
    await db.delete();
  });
});
