import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUNDLE_COLLECTIONS,
  BUNDLE_VERSION,
  validateBundle,
  type ExportBundle,
} from '../../../src/core/export/bundle';
import { BackupFormatError, migrateBundle } from '../../../src/core/export/migrate';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import {
  applyRestore,
  exportAll,
  exportBackup,
  importAll,
  LIBRARY_EPOCH_KEY,
  readBackup,
} from '../../../src/db/backup';
import { JobRepository } from '../../../src/db/jobs.repo';
import { MatchRepository } from '../../../src/db/matches.repo';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { ShortlistRepository } from '../../../src/db/shortlists.repo';
import { job, jobDocument, match, resume, resumeDocument, uniqueDbName } from '../db/fixtures';

const opened: AppDb[] = [];

async function freshDb(): Promise<AppDb> {
  const db = await openAppDb(uniqueDbName('restore'));
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A library with a record in every table. */
async function fullDb(): Promise<AppDb> {
  const db = await freshDb();
  const resumes = new ResumeRepository(db);
  await resumes.saveImportedResume(resumeDocument('d1'), {
    ...resume('r1', 'd1', 'Jane Doe', 10, ['TypeScript'], 4),
    corrections: { 'basics.name': 'Jane Q. Doe' } as never,
  });
  await resumes.saveImportedResume(
    resumeDocument(
      'd2',
      Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff),
    ),
    resume('r2', 'd2', 'John Roe\nline "two"', 20, ['Go', 'SQL'], 7),
  );
  await new JobRepository(db).saveImportedJob(
    jobDocument('dj'),
    job('j1', 'dj', 'Platform Engineer', 30, ['Go']),
  );
  await new MatchRepository(db).upsertMany([match('r1', 'j1', 35), match('r2', 'j1', 88)]);
  const dims = 4;
  await db.vectors.put({
    id: 'r1|model-a',
    ownerId: 'r1',
    role: 'resume',
    modelId: 'model-a',
    dims,
    document: Float32Array.from([0.5, -0.25, 0.125, 1e-7]),
    chunks: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
    chunkSpans: [
      { start: 0, end: 10, kind: 'summary' },
      { start: 10, end: 30, kind: 'work' },
    ],
    sourceUpdatedAt: 10,
    createdAt: 11,
  });
  await db.suggestions.put({
    id: 's1',
    resumeId: 'r1',
    jobId: 'j1',
    modelId: 'llm-x',
    kind: 'bullet',
    before: 'Did things',
    after: 'Shipped things',
    status: 'dropped',
    reason: 'adds a number',
    createdAt: 12,
  });
  await db.applications.put({
    jobId: 'j1',
    status: 'applied',
    jobTitle: 'Data Engineer',
    timeline: [{ status: 'applied', at: 13 }],
    notes: 'Referred by a friend',
    createdAt: 13,
    updatedAt: 13,
  });
  const shortlists = new ShortlistRepository(db, () => 14);
  await shortlists.update('job', 'j1', ['r1', 'r2'], { starred: true });
  await shortlists.update('job', 'j1', ['r2'], { stage: 'interview', note: 'Call on Monday, "urgent"' });
  await db.settings.put({ key: 'maxFileBytes', value: 5_000_000 });
  await db.metrics.put({ name: 'parse', samples: [1.5, 2], count: 2, errors: 0, updatedAt: 15 });
  return db;
}

async function snapshot(db: AppDb): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const collection of BUNDLE_COLLECTIONS) result[collection] = await db.table(collection).toArray();
  // The restore's epoch stamp is the app's bookkeeping (the search index re-reads everything).
  result['settings'] = (result['settings'] ?? []).filter(
    (record) => (record as { key: string }).key !== LIBRARY_EPOCH_KEY,
  );
  return result;
}

describe('streamed export and restore', () => {
  it('exports every table and restores it record for record (replace)', async () => {
    const source = await fullDb();
    const before = await snapshot(source);
    for (const collection of BUNDLE_COLLECTIONS)
      expect(before[collection]?.length, collection).toBeGreaterThan(0);

    // Tiny parts, so the Blob is built from many pieces.
    const { blob, counts } = await exportBackup(source, { appVersion: 't', partChars: 64 });
    expect(counts.shortlists).toBe(2);
    expect(counts.vectors).toBe(1);
    const text = await blob.text();
    expect(validateBundle(JSON.parse(text))).toEqual({ ok: true });
    expect(text.split('\n').length).toBeGreaterThan(20); // one record per line

    const target = await freshDb();
    await new ResumeRepository(target).saveImportedResume(
      resumeDocument('dx'),
      resume('rx', 'dx', 'Gone', 1, []),
    );
    const progress: number[] = [];
    const prepared = await readBackup(blob, { onProgress: (p) => progress.push(p.done) });
    expect(progress.at(-1)).toBe(blob.size);
    await applyRestore(target, prepared, { mode: 'replace', batchSize: 1 });
    const after = await snapshot(target);
    for (const collection of BUNDLE_COLLECTIONS)
      expect(after[collection], collection).toEqual(before[collection]);
    expect((await target.settings.get(LIBRARY_EPOCH_KEY))?.value).toBeGreaterThan(0);
    const vector = await target.vectors.get('r1|model-a');
    expect(vector?.document).toBeInstanceOf(Float32Array);
    expect(Array.from(vector?.document ?? [])).toEqual(
      Array.from(Float32Array.from([0.5, -0.25, 0.125, 1e-7])),
    );
  });

  it('merge keeps records that are not in the backup and overwrites the same ids', async () => {
    const source = await fullDb();
    const { blob } = await exportBackup(source, { appVersion: 't' });
    const target = await freshDb();
    await new ResumeRepository(target).saveImportedResume(
      resumeDocument('dx'),
      resume('rx', 'dx', 'Kept', 1, []),
    );
    const timed: [number, number][] = [];
    await applyRestore(target, await readBackup(blob), {
      mode: 'merge',
      onResumesWritten: (msPer1000, count) => timed.push([msPer1000, count]),
    });
    expect((await target.resumes.toArray()).map((r) => r.id).sort()).toEqual(['r1', 'r2', 'rx']);
    // db.bulkInsert: the resume writes timed once, scaled to 1,000.
    expect(timed).toHaveLength(1);
    expect(timed[0]?.[1]).toBe(2);
    expect(timed[0]?.[0]).toBeGreaterThanOrEqual(0);
  });

  it('reads a version 1 backup (one JSON line, no new collections) by migrating it', async () => {
    const current = await exportAll(await fullDb(), { appVersion: 't' });
    const v1: Record<string, unknown> = { ...current, version: 1 };
    for (const collection of [
      'vectors',
      'suggestions',
      'applications',
      'shortlists',
      'settings',
      'metrics',
    ]) {
      delete v1[collection];
    }
    const prepared = await readBackup(new Blob([JSON.stringify(v1)]));
    expect(prepared.fileVersion).toBe(1);
    expect(prepared.header.version).toBe(BUNDLE_VERSION);
    expect(prepared.counts).toMatchObject({ resumes: 2, jobs: 1, matches: 2, shortlists: 0, vectors: 0 });
    const target = await freshDb();
    await applyRestore(target, prepared);
    expect(await target.resumes.get('r2')).toEqual(current.resumes.find((r) => r.id === 'r2'));
  });

  it('migrateBundle turns v1 into the current version and leaves records alone', () => {
    const v1 = {
      format: 'shortlist-export',
      version: 1,
      exportedAt: '2025-01-02T03:04:05.000Z',
      app: { version: 'old' },
      resumes: [],
      jobs: [],
      documents: [],
      matches: [],
    };
    const migrated = migrateBundle(v1) as ExportBundle;
    expect(migrated.version).toBe(BUNDLE_VERSION);
    expect(migrated.shortlists).toEqual([]);
    expect(validateBundle(migrated)).toEqual({ ok: true });
    expect(v1.version).toBe(1); // input untouched
  });
});

describe('restore refuses bad files and changes nothing', () => {
  async function expectRefused(file: Blob, problem: string, message: RegExp): Promise<void> {
    const db = await fullDb();
    const before = await snapshot(db);
    const error = await readBackup(file).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(BackupFormatError);
    expect((error as BackupFormatError).problem).toBe(problem);
    expect((error as Error).message).toMatch(message);
    expect(await snapshot(db)).toEqual(before);
  }

  it('a newer version', async () => {
    const { blob } = await exportBackup(await fullDb(), { appVersion: 't' });
    const text = (await blob.text()).replace(`"version":${BUNDLE_VERSION}`, '"version":99');
    await expectRefused(new Blob([text]), 'newer-version', /newer version of Shortlist \(format version 99/);
    // The same as one JSON value.
    await expectRefused(
      new Blob([JSON.stringify({ ...JSON.parse(text), version: 99 }, null, 2)]),
      'newer-version',
      /format version 99/,
    );
  });

  it('a file cut short', async () => {
    const { blob } = await exportBackup(await fullDb(), { appVersion: 't' });
    const text = await blob.text();
    const cut = text.slice(0, text.indexOf('"matches":[') + 200);
    await expectRefused(new Blob([cut.slice(0, cut.lastIndexOf('\n') + 1)]), 'incomplete', /incomplete/);
  });

  it('a damaged record, an invalid record and a dangling reference', async () => {
    const { blob } = await exportBackup(await fullDb(), { appVersion: 't' });
    const text = await blob.text();
    const lines = text.split('\n');
    const jobLine = lines.findIndex((line) => line.includes('"title":"Platform Engineer"'));
    const damaged = [...lines];
    damaged[jobLine] = damaged[jobLine]!.slice(0, 30);
    await expectRefused(new Blob([damaged.join('\n')]), 'invalid', /line \d+ has a damaged record/);
    const invalid = [...lines];
    invalid[jobLine] = invalid[jobLine]!.replace('"title":"Platform Engineer"', '"title":42');
    await expectRefused(new Blob([invalid.join('\n')]), 'invalid', /jobs\/0\/title: expected string/);
    await expectRefused(
      new Blob([text.replace('"jobId":"j1","status":"applied"', '"jobId":"j1","status":"hired"')]),
      'invalid',
      /applications\/0\/status/,
    );
    await expectRefused(
      new Blob([text.replace(/"documentId":"dj"/, '"documentId":"ghost"')]),
      'invalid',
      /no document "ghost"/,
    );
  });

  it('something that is not a backup', async () => {
    await expectRefused(new Blob(['hello, world']), 'not-a-backup', /not a Shortlist backup/);
    await expectRefused(
      new Blob([JSON.stringify({ name: 'a resume' })]),
      'not-a-backup',
      /not a Shortlist backup/,
    );
    await expectRefused(
      new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x41])]),
      'not-a-backup',
      /not a Shortlist backup/,
    );
  });

  it('importAll (one JSON value) writes nothing when the bundle is invalid', async () => {
    const db = await fullDb();
    const before = await snapshot(db);
    await expect(
      importAll(db, { format: 'shortlist-export', version: BUNDLE_VERSION }),
    ).rejects.toBeInstanceOf(BackupFormatError);
    expect(await snapshot(db)).toEqual(before);
  });
});
