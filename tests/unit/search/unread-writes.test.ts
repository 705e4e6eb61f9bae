/**
 * UnreadWrites (workers/unread-writes): a score asked of the search worker waits for a pass only
 * when a write the index has not read may change that pair. Fed the storagemutated parts real
 * Dexie writes produce (fake-indexeddb), not hand-made ones.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { deleteOwnerCascade } from '../../../src/db/cascade';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { SettingsRepository } from '../../../src/db/settings.repo';
import { VectorRepository } from '../../../src/db/vectors.repo';
import { UnreadWrites } from '../../../src/workers/unread-writes';
import { resume, resumeDocument, uniqueDbName } from '../db/fixtures';
import { storedVectors } from './helpers';

const MODEL = 'builtin/test';
const opened: AppDb[] = [];
const listeners: ((parts: Record<string, unknown>) => void)[] = [];

afterEach(async () => {
  for (const listener of listeners.splice(0)) Dexie.on('storagemutated').unsubscribe(listener);
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A database, and an UnreadWrites fed every storagemutated event of it. */
async function setup(): Promise<{ db: AppDb; unread: UnreadWrites; settle: () => Promise<void> }> {
  const db = await openAppDb(uniqueDbName('unread-writes'));
  opened.push(db);
  const unread = new UnreadWrites();
  const listener = (parts: Record<string, unknown>) => {
    // Only this test's database (other tests' databases may be open in this process).
    const own = Object.fromEntries(Object.entries(parts).filter(([key]) => key.includes(`/${db.name}/`)));
    if (Object.keys(own).length > 0) unread.record(own);
  };
  Dexie.on('storagemutated', listener);
  listeners.push(listener);
  // storagemutated is delivered after the transaction commits, in a later task.
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
  return { db, unread, settle };
}

const vectors = (ownerId: string) => storedVectors(ownerId, MODEL, 1, Date.now());

const pair = (resumeId: string) => ({ resumeId, jobId: 'job-1', modelId: MODEL });

describe('UnreadWrites', () => {
  it("another resume's vectors do not hold up a score; the pair's own vectors do", async () => {
    const { db, unread, settle } = await setup();
    await new VectorRepository(db).put(vectors('r-other'));
    await settle();
    expect(unread.pending).toBeGreaterThan(0);
    expect(unread.mayChange(pair('r-1'))).toBe(false);
    expect(unread.mayChange(pair('r-other'))).toBe(true);
    // A lexical score reads no vectors.
    expect(unread.mayChange({ resumeId: 'r-other', jobId: 'job-1', modelId: undefined })).toBe(false);
    // The job's vectors count too.
    await new VectorRepository(db).put(vectors('job-1'));
    await settle();
    expect(unread.mayChange(pair('r-1'))).toBe(true);
  });

  it('a write to the resume or the job itself, a deletion or a settings change is waited for', async () => {
    const { db, unread, settle } = await setup();
    const repo = new ResumeRepository(db);
    await repo.saveImportedResume(resumeDocument('d1'), resume('r-1', 'd1', 'Ada', Date.now(), ['Go']));
    await settle();
    expect(unread.mayChange(pair('r-1'))).toBe(true);
    expect(unread.mayChange(pair('r-2'))).toBe(false);

    const fresh = await setup();
    await new ResumeRepository(fresh.db).saveImportedResume(
      resumeDocument('d2'),
      resume('r-2', 'd2', 'Grace', Date.now(), ['Go']),
    );
    await new VectorRepository(fresh.db).put(vectors('r-2'));
    await fresh.settle();
    fresh.unread.passStarted(Promise.resolve());
    await fresh.settle();
    expect(fresh.unread.mayChange(pair('r-2'))).toBe(false);
    // Deleting the owner deletes its vectors through an index query: still seen as its write.
    await deleteOwnerCascade(fresh.db, 'resume', 'r-2');
    await fresh.settle();
    expect(fresh.unread.mayChange(pair('r-2'))).toBe(true);

    const third = await setup();
    await new SettingsRepository(third.db).set('embeddingModel', MODEL);
    await third.settle();
    expect(third.unread.mayChange(pair('r-9'))).toBe(true);
  });

  it('forgets writes once the pass that read them is done, keeps them when it failed', async () => {
    const { db, unread, settle } = await setup();
    await new VectorRepository(db).put(vectors('r-1'));
    await settle();
    let finish!: () => void;
    unread.passStarted(new Promise<void>((resolve) => (finish = resolve)));
    // Still being read: the pair waits for that pass.
    expect(unread.mayChange(pair('r-1'))).toBe(true);
    finish();
    await settle();
    expect(unread.mayChange(pair('r-1'))).toBe(false);
    expect(unread.pending).toBe(0);

    await new VectorRepository(db).put(vectors('r-1'));
    await settle();
    let fail!: (error: Error) => void;
    unread.passStarted(new Promise<void>((_, reject) => (fail = reject)));
    fail(new Error('read failed'));
    await settle();
    expect(unread.mayChange(pair('r-1'))).toBe(true);
  });

  it('ignores tables the index does not read', async () => {
    const { unread } = await setup();
    expect(unread.record({ 'idb://x/matches/': {} })).toBe(false);
    expect(unread.pending).toBe(0);
  });
});
