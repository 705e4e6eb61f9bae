import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDb } from '../../../src/db/app-db';
import type { VectorRecord } from '../../../src/db/records';
import { uniqueDbName } from './fixtures';

function vector(ownerId: string, modelId: string, createdAt: number): VectorRecord {
  return {
    id: `${ownerId}|${modelId}`,
    ownerId,
    role: 'resume',
    modelId,
    dims: 2,
    document: new Float32Array([1, 0]),
    chunks: new Float32Array([1, 0]),
    chunkSpans: [{ start: 0, end: 1, kind: 'summary' }],
    sourceUpdatedAt: createdAt,
    createdAt,
  };
}

describe('AppDb v5: vectors by (model, createdAt)', () => {
  it('keeps v2 vectors and lists their stamps from the index, per model', async () => {
    const name = uniqueDbName('upgrade-v5');
    const old = new Dexie(name);
    old.version(2).stores({
      resumes: 'id, documentId, name, updatedAt, totalYears, *skills',
      jobs: 'id, documentId, title, updatedAt, *skills',
      documents: 'id, role, hash, createdAt',
      matches: 'id, resumeId, jobId, [resumeId+jobId]',
      metrics: 'name',
      settings: 'key',
      vectors: 'id, ownerId, modelId, [modelId+role]',
      suggestions: 'id, resumeId, jobId, [resumeId+jobId], status',
      applications: 'jobId, status',
    });
    await old
      .table('vectors')
      .bulkPut([vector('r1', 'tiny', 10), vector('r2', 'tiny', 20), vector('r1', 'big', 30)]);
    old.close();

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    const stamps: [string, number][] = [];
    await db.vectors
      .where('[modelId+createdAt]')
      .between(['tiny', Dexie.minKey], ['tiny', Dexie.maxKey])
      .eachKey((key, cursor) => stamps.push([String(cursor.primaryKey), (key as [string, number])[1]]));
    expect(stamps).toEqual([
      ['r1|tiny', 10],
      ['r2|tiny', 20],
    ]);
    expect((await db.vectors.get('r1|big'))?.document).toEqual(new Float32Array([1, 0]));
    db.close();
    await Dexie.delete(name);
  });
});
