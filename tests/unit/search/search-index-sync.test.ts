/**
 * The search worker's index sync (workers/search-index-sync): after the first load, a pass reads
 * only what is newer than what it has indexed, yet never misses a write — a concurrent writer's
 * older stamp, a delete, a restore with older stamps, a corrected record's stale vectors.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../../src/core/search/library-index';
import { SearchService } from '../../../src/core/search/service';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { applyRestore, readBackup, exportBackup } from '../../../src/db/backup';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { SettingsRepository } from '../../../src/db/settings.repo';
import { SearchIndexSync } from '../../../src/workers/search-index-sync';
import { resume, resumeDocument, uniqueDbName } from '../db/fixtures';
import { storedVectors } from './helpers';

const MODEL = 'builtin/test';
const opened: AppDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function setup(resumes = 20): Promise<{
  db: AppDb;
  index: LibraryIndex;
  sync: SearchIndexSync;
  repo: ResumeRepository;
}> {
  const db = await openAppDb(uniqueDbName('index-sync'));
  opened.push(db);
  const settings = new SettingsRepository(db);
  await settings.set('embeddingModel', MODEL);
  const repo = new ResumeRepository(db);
  const now = Date.now();
  await repo.saveImportedResumes(
    Array.from({ length: resumes }, (_, i) => ({
      document: resumeDocument(`d${i}`),
      resume: resume(`r${i}`, `d${i}`, `Person ${i}`, now - 60_000 + i, ['Go']),
    })),
  );
  const index = new LibraryIndex();
  const sync = new SearchIndexSync(db, settings, index, new SearchService(index));
  return { db, index, sync, repo };
}

function vectors(ownerId: string, sourceUpdatedAt: number, createdAt: number) {
  return storedVectors(ownerId, MODEL, sourceUpdatedAt, createdAt);
}

describe('SearchIndexSync', () => {
  it('loads everything once, then a new resume costs an incremental pass that reads only it', async () => {
    const { index, sync, repo } = await setup(50);
    await sync.requestPass();
    expect(sync.lastPass).toMatchObject({ kind: 'full', applied: 50 });
    expect(index.resumes.size).toBe(50);

    await repo.saveImportedResume(
      resumeDocument('d-new'),
      resume('r-new', 'd-new', 'New Person', Date.now(), ['Go']),
    );
    await sync.requestPass();
    expect(sync.lastPass).toEqual({ kind: 'incremental', applied: 1, removed: 0, reconciled: [] });
    expect(index.resumes.has('r-new')).toBe(true);

    // Nothing changed: nothing is read.
    await sync.requestPass();
    expect(sync.lastPass).toEqual({ kind: 'incremental', applied: 0, removed: 0, reconciled: [] });
  });

  it('settled() waits for the running pass and the one queued behind it, and no longer', async () => {
    const { index, sync, repo } = await setup(3);
    await sync.settled(); // none running: at once
    expect(index.resumes.size).toBe(0);
    const first = sync.requestPass();
    await repo.saveImportedResume(
      resumeDocument('d-new'),
      resume('r-new', 'd-new', 'New', Date.now(), ['Go']),
    );
    void sync.requestPass(); // queued behind the first: it reads the new resume
    await sync.settled();
    expect(index.resumes.has('r-new')).toBe(true);
    expect(sync.passes).toBe(2);
    await first;
  });

  it('finds a record whose stamp is older than the newest it has seen (a concurrent writer)', async () => {
    const { index, sync, repo } = await setup(5);
    await sync.requestPass();
    // Stamped an hour ago, committed now: behind the margin of the newer-than window.
    await repo.saveImportedResume(
      resumeDocument('d-late'),
      resume('r-late', 'd-late', 'Late', Date.now() - 3_600_000, ['Go']),
    );
    await sync.requestPass();
    expect(index.resumes.has('r-late')).toBe(true);
    expect(sync.lastPass?.reconciled).toEqual(['resumes']);
  });

  it('drops deleted resumes', async () => {
    const { db, index, sync } = await setup(5);
    await sync.requestPass();
    await db.resumes.delete('r2');
    await sync.requestPass();
    expect(index.resumes.has('r2')).toBe(false);
    expect(index.resumes.size).toBe(4);
  });

  it('reads everything again after a restore, even when the restored records are older and as many', async () => {
    const source = await setup(3);
    const backup = await readBackup((await exportBackup(source.db, { appVersion: 'test' })).blob);
    // The target library has three other resumes, newer than the backup's.
    const target = await setup(0);
    const later = Date.now() + 10_000;
    for (let i = 0; i < 3; i++)
      await target.repo.saveImportedResume(
        resumeDocument(`d${i}`),
        resume(`r${i}`, `d${i}`, `Other ${i}`, later, ['Go']),
      );
    await target.sync.requestPass();
    expect(target.index.resumes.get('r0')?.name).toBe('Other 0');

    await applyRestore(target.db, backup, { mode: 'replace' });
    await target.sync.requestPass();
    expect(target.sync.lastPass?.kind).toBe('full');
    expect(target.index.resumes.get('r0')?.name).toBe('Person 0');
  });

  it("drops a corrected resume's stale vectors and takes the fresh ones", async () => {
    const { db, index, sync } = await setup(3);
    const stamp = (await db.resumes.get('r1'))!.updatedAt;
    await db.vectors.put(vectors('r1', stamp, Date.now()));
    await sync.requestPass();
    expect(index.model(MODEL)?.documents.resume.has('r1')).toBe(true);

    // A correction: the record's stamp moves on, its vectors are now stale.
    const corrected = stamp + 120_000;
    await db.resumes.update('r1', { updatedAt: corrected });
    await sync.requestPass();
    expect(index.model(MODEL)?.documents.resume.has('r1') ?? false).toBe(false);

    // The embedder writes vectors for the corrected record.
    await db.vectors.put(vectors('r1', corrected, Date.now() + 1));
    await sync.requestPass();
    expect(index.model(MODEL)?.documents.resume.has('r1')).toBe(true);
  });

  it('a request made while a pass runs is answered by a later pass, and callers share it', async () => {
    const { sync, repo, index } = await setup(5);
    const first = sync.requestPass();
    await repo.saveImportedResume(
      resumeDocument('d-mid'),
      resume('r-mid', 'd-mid', 'Mid', Date.now(), ['Go']),
    );
    const second = sync.requestPass();
    const third = sync.requestPass();
    expect(third).toBe(second);
    await Promise.all([first, second]);
    expect(sync.passes).toBe(2);
    expect(index.resumes.has('r-mid')).toBe(true);
  });
});
