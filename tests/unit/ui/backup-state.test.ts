import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { exportBackup } from '../../../src/db/backup';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { ShortlistRepository } from '../../../src/db/shortlists.repo';
import { BackupState, describeCounts } from '../../../src/ui/state/backup.svelte';
import { resume, resumeDocument, uniqueDbName } from '../db/fixtures';

const opened: AppDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function dbWith(ids: string[]): Promise<AppDb> {
  const db = await openAppDb(uniqueDbName('backup-state'));
  opened.push(db);
  for (const id of ids) {
    await new ResumeRepository(db).saveImportedResume(
      resumeDocument(`d-${id}`),
      resume(id, `d-${id}`, id, 1, []),
    );
  }
  return db;
}

describe('BackupState', () => {
  it('download hands over a Blob and says what it holds', async () => {
    const db = await dbWith(['r1', 'r2']);
    const saved: { blob: Blob; name: string }[] = [];
    const state = new BackupState({ db, appVersion: 't', save: (blob, name) => saved.push({ blob, name }) });
    await state.download();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.name).toMatch(/^shortlist-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(state.exportMessage).toBe('Exported 2 resumes, 2 files.');
  });

  it('replace goes preview → confirm → write, and writes nothing before the confirmation', async () => {
    const source = await dbWith(['r1']);
    await new ShortlistRepository(source).update('job', 'j1', ['r1'], { starred: true });
    const { blob } = await exportBackup(source, { appVersion: 't' });
    const target = await dbWith(['other']);
    let refreshed = 0;
    const state = new BackupState({
      db: target,
      appVersion: 't',
      save: () => undefined,
      afterRestore: () => void refreshed++,
    });

    await state.choose(blob);
    expect(state.step).toBe('preview');
    expect(state.preview?.counts.shortlists).toBe(1);
    state.mode = 'replace';
    await state.restore();
    expect(state.step).toBe('confirm');
    expect((await target.resumes.toArray()).map((r) => r.id)).toEqual(['other']);

    await state.confirmReplace();
    expect(state.step).toBe('done');
    expect(refreshed).toBe(1);
    expect((await target.resumes.toArray()).map((r) => r.id)).toEqual(['r1']);
    expect(await target.shortlists.count()).toBe(1);
    expect(state.restoreMessage).toMatch(
      /Restored 1 resume, 1 file, 1 shortlist entry \(replaced the library\)/,
    );
  });

  it('a bad file ends in an error, back at idle, with nothing written', async () => {
    const target = await dbWith(['keep']);
    const state = new BackupState({ db: target, appVersion: 't', save: () => undefined });
    await state.choose(
      new Blob(['{"format":"shortlist-export","version":7,"exportedAt":"x","app":{"version":"9"}\n']),
    );
    expect(state.step).toBe('idle');
    expect(state.restoreError).toMatch(/newer version of Shortlist/);
    expect(state.preview).toBeNull();
    expect(await target.resumes.count()).toBe(1);
  });

  it('describeCounts names only what is there, singular and plural', () => {
    const counts = {
      documents: 0,
      resumes: 1,
      jobs: 2,
      matches: 0,
      vectors: 0,
      suggestions: 0,
      applications: 0,
      shortlists: 3,
      settings: 0,
      metrics: 0,
    };
    expect(describeCounts(counts)).toBe('1 resume, 2 jobs, 3 shortlist entries');
  });
});
