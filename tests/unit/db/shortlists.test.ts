import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyShortlistChange,
  blankEntry,
  normaliseTags,
  shortlistEntryId,
} from '../../../src/core/shortlist/entry';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { deleteOwnerCascade } from '../../../src/db/cascade';
import { JobRepository } from '../../../src/db/jobs.repo';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { ShortlistRepository } from '../../../src/db/shortlists.repo';
import { job, jobDocument, resume, resumeDocument, uniqueDbName } from './fixtures';

const opened: AppDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function freshDb(): Promise<AppDb> {
  const db = await openAppDb(uniqueDbName('shortlists'));
  opened.push(db);
  return db;
}

describe('shortlist entries (core)', () => {
  it('applies a change without touching the input and refuses unknown stages', () => {
    const entry = blankEntry('job', 'j1', 'r1', 1);
    const next = applyShortlistChange(entry, { starred: true, stage: 'interview', note: 'call Monday' }, 2);
    expect(next).toMatchObject({ starred: true, stage: 'interview', note: 'call Monday', updatedAt: 2 });
    expect(entry.starred).toBe(false);
    expect(() => applyShortlistChange(entry, { stage: 'maybe' as never }, 3)).toThrow(
      /Unknown shortlist stage/,
    );
  });

  it('normalises tags: trimmed, lower-cased, unique', () => {
    expect(normaliseTags([' Remote ', 'remote', 'Senior  Dev', ''])).toEqual(['remote', 'senior dev']);
  });
});

describe('ShortlistRepository', () => {
  it('keeps stars per subject: starring a candidate for job A does not star them for job B', async () => {
    const db = await freshDb();
    const repo = new ShortlistRepository(db, () => 10);
    await repo.update('job', 'jA', ['r1', 'r2'], { starred: true });
    await repo.update('job', 'jB', ['r1'], { starred: true });
    await repo.update('job', 'jA', ['r2'], { stage: 'interview', note: 'strong Rust' });

    const listA = await repo.forSubject('jA');
    expect(listA.map((entry) => [entry.candidateId, entry.starred, entry.stage, entry.note]).sort()).toEqual([
      ['r1', true, 'new', ''],
      ['r2', true, 'interview', 'strong Rust'],
    ]);
    const listB = await repo.forSubject('jB');
    expect(listB.map((entry) => entry.candidateId)).toEqual(['r1']);
    expect(listB[0]?.stage).toBe('new');
  });

  it('survives closing and reopening the database (persisted, not in memory)', async () => {
    const name = uniqueDbName('shortlists-reopen');
    const first = await openAppDb(name);
    await new ShortlistRepository(first).update('resume', 'r9', ['j1'], { starred: true, tags: ['Remote'] });
    first.close();
    const second = await openAppDb(name);
    opened.push(second);
    const entry = await new ShortlistRepository(second).get('r9', 'j1');
    expect(entry).toMatchObject({ id: shortlistEntryId('r9', 'j1'), starred: true, tags: ['remote'] });
  });

  it('removes an entry that no longer says anything, and unstarAll keeps stage and note', async () => {
    const db = await freshDb();
    const repo = new ShortlistRepository(db);
    await repo.update('job', 'j1', ['r1', 'r2'], { starred: true });
    await repo.update('job', 'j1', ['r2'], { note: 'keep me' });
    await repo.update('job', 'j1', ['r1'], { starred: false });
    expect(await db.shortlists.count()).toBe(1);
    await repo.unstarAll('job', 'j1');
    const [left] = await repo.forSubject('j1');
    expect(left).toMatchObject({ candidateId: 'r2', starred: false, note: 'keep me' });
  });

  it('deleting a resume or job deletes its entries as subject and as candidate', async () => {
    const db = await freshDb();
    await new ResumeRepository(db).saveImportedResume(
      resumeDocument('d1'),
      resume('r1', 'd1', 'A B', 1, [], 1),
    );
    await new JobRepository(db).saveImportedJob(jobDocument('dj1'), job('j1', 'dj1', 'Dev', 1, []));
    const repo = new ShortlistRepository(db);
    await repo.update('job', 'j1', ['r1', 'r2'], { starred: true });
    await repo.update('resume', 'r1', ['j7'], { starred: true });
    await repo.update('resume', 'r5', ['j1'], { starred: true });
    await deleteOwnerCascade(db, 'resume', 'r1');
    expect((await db.shortlists.toArray()).map((entry) => entry.id).sort()).toEqual(['j1|r2', 'r5|j1']);
    await deleteOwnerCascade(db, 'job', 'j1');
    expect(await db.shortlists.count()).toBe(0);
  });
});
