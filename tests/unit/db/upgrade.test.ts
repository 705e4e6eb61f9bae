import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/db/app-db';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { jobDocument, resume, resumeDocument, uniqueDbName } from './fixtures';

/** The v1 schema exactly as released, to prove the upgrade to v2 keeps every record. */
function openVersion1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    resumes: 'id, documentId, name, updatedAt, totalYears, *skills',
    jobs: 'id, documentId, title, updatedAt, *skills',
    documents: 'id, role, hash, createdAt',
    matches: 'id, resumeId, jobId, [resumeId+jobId]',
    metrics: 'name',
    settings: 'key',
  });
  return db;
}

describe('AppDb schema upgrade', () => {
  it('opens a version 1 database as version 2 without losing anything', async () => {
    const name = uniqueDbName('upgrade');
    const old = openVersion1(name);
    await old.table('documents').bulkPut([resumeDocument('d1'), jobDocument('dj1')]);
    await old.table('resumes').put(resume('r1', 'd1', 'Zoe Zed', 100, ['TypeScript'], 2));
    await old.table('settings').put({ key: 'maxFileBytes', value: 5_000_000 });
    old.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.documents.count()).toBe(2);
    expect((await new ResumeRepository(db).get('r1'))?.name).toBe('Zoe Zed');
    expect((await db.settings.get('maxFileBytes'))?.value).toBe(5_000_000);
    // New tables exist and work.
    await db.applications.put({ jobId: 'j1', status: 'applied', updatedAt: 1 });
    expect(await db.applications.count()).toBe(1);
    expect(await db.vectors.count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });
});
