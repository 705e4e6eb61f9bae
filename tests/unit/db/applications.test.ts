import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/db/app-db';
import { ApplicationRepository } from '../../../src/db/applications.repo';
import { JobRepository } from '../../../src/db/jobs.repo';
import { job, jobDocument, uniqueDbName } from './fixtures';

async function freshDb(): Promise<AppDb> {
  const db = new AppDb(uniqueDbName('applications'));
  await db.open();
  return db;
}

describe('ApplicationRepository', () => {
  it('tracks once, moves with a timeline, edits details and clears them', async () => {
    const db = await freshDb();
    const repo = new ApplicationRepository(db);
    const first = await repo.track(
      { jobId: 'j1', jobTitle: 'Data Engineer', resumeId: 'r1', matchScore: 71 },
      1000,
    );
    expect(first.created).toBe(true);
    await repo.move('j1', 'applied', 2000);
    // Tracking again neither resets the status nor the timeline.
    const again = await repo.track({ jobId: 'j1', jobTitle: 'Data Engineer' }, 3000);
    expect(again.created).toBe(false);
    expect(again.application.status).toBe('applied');
    await repo.move('j1', 'screening', 4000);
    await repo.move('j1', 'screening', 5000); // no-op: same status
    const stored = await repo.get('j1');
    expect(stored?.timeline).toEqual([
      { status: 'saved', at: 1000 },
      { status: 'applied', at: 2000 },
      { status: 'screening', at: 4000 },
    ]);
    expect(
      await repo.update('j1', { notes: 'Call Tuesday', nextStepOn: '2026-12-01', contact: 'Sam' }, 6000),
    ).toBe(true);
    expect((await repo.dueBy('2026-12-01')).map((a) => a.jobId)).toEqual(['j1']);
    expect(await repo.dueBy('2026-11-30')).toEqual([]);
    await repo.update('j1', { contact: '' }, 7000);
    const edited = await repo.get('j1');
    expect(edited?.contact).toBeUndefined();
    expect(edited?.notes).toBe('Call Tuesday');
    expect(edited?.updatedAt).toBe(7000);
    expect(await repo.countByStatus('screening')).toBe(1);
    await expect(repo.move('missing', 'applied')).rejects.toMatchObject({ code: 'not-found' });
    db.close();
  });

  it('records survive a structured clone (plain data for backup and restore)', async () => {
    const db = await freshDb();
    const repo = new ApplicationRepository(db);
    await repo.track({ jobId: 'j2', jobTitle: 'Analyst' }, 1);
    await repo.update('j2', { salary: { min: 50_000, max: 60_000, currency: 'EUR' } }, 2);
    const record = await repo.get('j2');
    expect(structuredClone(record)).toEqual(record);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    db.close();
  });

  it('deleting a job deletes its application', async () => {
    const db = await freshDb();
    await new JobRepository(db).saveImportedJob(
      jobDocument('dj1'),
      job('j1', 'dj1', 'Engineer', 1, ['Python']),
    );
    const repo = new ApplicationRepository(db);
    await repo.track({ jobId: 'j1', jobTitle: 'Engineer' }, 1);
    await new JobRepository(db).delete('j1');
    expect(await repo.get('j1')).toBeUndefined();
    db.close();
  });
});

describe('applications v2 → v4 upgrade', () => {
  it('completes old status-only records, renames interviewing and keeps every one', async () => {
    const name = uniqueDbName('apps-upgrade');
    const old = new Dexie(name);
    old.version(1).stores({
      resumes: 'id, documentId, name, updatedAt, totalYears, *skills',
      jobs: 'id, documentId, title, updatedAt, *skills',
      documents: 'id, role, hash, createdAt',
      matches: 'id, resumeId, jobId, [resumeId+jobId]',
      metrics: 'name',
      settings: 'key',
    });
    old.version(2).stores({
      vectors: 'id, ownerId, modelId, [modelId+role]',
      suggestions: 'id, resumeId, jobId, [resumeId+jobId], status',
      applications: 'jobId, status',
    });
    await old.open();
    await old.table('jobs').put(job('j1', 'dj1', 'Platform Engineer', 10, ['Go']));
    await old.table('applications').bulkPut([
      { jobId: 'j1', status: 'interviewing', updatedAt: 500 },
      { jobId: 'gone', status: 'applied', updatedAt: 600 },
    ]);
    old.close();

    const db = new AppDb(name);
    await db.open();
    const repo = new ApplicationRepository(db);
    const upgraded = await repo.get('j1');
    expect(upgraded).toMatchObject({
      jobId: 'j1',
      jobTitle: 'Platform Engineer',
      status: 'interview',
      timeline: [{ status: 'interview', at: 500 }],
      notes: '',
      createdAt: 500,
    });
    expect((await repo.get('gone'))?.jobTitle).toBe('Untitled job');
    expect(await repo.count()).toBe(2);
    db.close();
    await Dexie.delete(name);
  });
});
