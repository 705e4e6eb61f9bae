import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/db/app-db';
import { PendingImportRepository } from '../../../src/db/pending-imports.repo';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import type { PendingImportRecord } from '../../../src/db/records';
import { resume, resumeDocument, uniqueDbName } from './fixtures';

let db: AppDb | undefined;

async function openDb(): Promise<AppDb> {
  db = new AppDb(uniqueDbName('pages'));
  await db.open();
  return db;
}

afterEach(async () => {
  if (!db) return;
  db.close();
  await Dexie.delete(db.name);
  db = undefined;
});

async function seed(repo: ResumeRepository, count: number): Promise<void> {
  const items = Array.from({ length: count }, (_, i) => {
    const id = `r${String(i).padStart(3, '0')}`;
    // Names run backwards so "by name" and "most recent" differ.
    const name = `Person ${String(count - i).padStart(3, '0')}`;
    return {
      document: resumeDocument(`d-${id}`),
      resume: resume(id, `d-${id}`, name, 1_000 + i, ['SQL', 'Go'].slice(0, 1 + (i % 2)), i % 7),
    };
  });
  await repo.saveImportedResumes(items);
}

describe('ResumeRepository pages (the main thread holds pages, not the library)', () => {
  it('reads one page of projected rows in each order', async () => {
    const repo = new ResumeRepository(await openDb());
    await seed(repo, 120);
    const recent = await repo.page('recent', 10, 5);
    expect(recent.map((row) => row.id)).toEqual(['r109', 'r108', 'r107', 'r106', 'r105']);
    expect(Object.keys(recent[0] ?? {}).sort()).toEqual([
      'fileName',
      'id',
      'name',
      'nameFound',
      'skillCount',
      'totalYears',
      'updatedAt',
    ]);
    expect(recent[0]).toMatchObject({ fileName: 'd-r109.pdf', skillCount: 2, totalYears: 109 % 7 });
    const byName = await repo.page('name', 0, 3);
    expect(byName.map((row) => row.name)).toEqual(['Person 001', 'Person 002', 'Person 003']);
    const byYears = await repo.page('years', 0, 50);
    expect(byYears.every((row, i, rows) => i === 0 || (rows[i - 1]?.totalYears ?? 0) >= row.totalYears)).toBe(
      true,
    );
    expect(await repo.page('recent', 118, 50)).toHaveLength(2);
  });

  it('lists (id, name, file name) of every resume from the index, A→Z', async () => {
    const repo = new ResumeRepository(await openDb());
    await seed(repo, 30);
    const names = await repo.names();
    expect(names).toHaveLength(30);
    expect(names[0]).toEqual({ id: 'r029', name: 'Person 001', fileName: 'd-r029.pdf' });
  });

  it('has a stamp that moves on add, edit and delete', async () => {
    const repo = new ResumeRepository(await openDb());
    await seed(repo, 3);
    const first = await repo.stamp();
    expect(first).toBe('3|1002');
    await repo.update('r000', { name: 'Renamed' }, 5_000);
    const edited = await repo.stamp();
    expect(edited).toBe('3|5000');
    await repo.delete('r001');
    expect(await repo.stamp()).toBe('2|5000');
  });
});

function pending(id: string, position: number): PendingImportRecord {
  return {
    id,
    seq: [42, position],
    role: 'resume',
    fileName: `${id}.txt`,
    file: new Blob([`resume ${id}`], { type: 'text/plain' }),
    createdAt: 1,
  };
}

describe('PendingImportRepository (an unfinished import survives a reload)', () => {
  it('pages the stored files in pick order and forgets finished ones', async () => {
    const repo = new PendingImportRepository(await openDb());
    // Stored out of order, in two picks; read back in (pick, position) order.
    await repo.add([pending('c', 12), pending('a', 2), pending('b', 11)]);
    await repo.add([{ ...pending('z', 0), seq: [41, 99] }]);
    expect(await repo.count()).toBe(4);
    const first = await repo.page([-Infinity, -Infinity], 2);
    expect(first.map((record) => record.id)).toEqual(['z', 'a']);
    const rest = await repo.page(first[1]?.seq ?? [0, 0], 10);
    expect(rest.map((record) => record.id)).toEqual(['b', 'c']);
    expect(rest[0]?.fileName).toBe('b.txt');
    await repo.remove(['a', 'z']);
    expect(await repo.count()).toBe(2);
    // The parse worker reads a queued file by its id; a removed one is gone.
    expect(await repo.file('b')).toBeDefined();
    expect(await repo.file('a')).toBeUndefined();
    await repo.clear();
    expect(await repo.count()).toBe(0);
  });
});
