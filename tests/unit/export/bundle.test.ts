import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_BUNDLE_SCHEMA, validateBundle, type ExportBundle } from '../../../src/core/export/bundle';
import { ShortlistError } from '../../../src/core/errors';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { exportAll, importAll } from '../../../src/db/backup';
import { JobRepository } from '../../../src/db/jobs.repo';
import { MatchRepository } from '../../../src/db/matches.repo';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { job, jobDocument, match, resume, resumeDocument, uniqueDbName } from '../db/fixtures';

const opened: AppDb[] = [];

async function freshDb(): Promise<AppDb> {
  const db = await openAppDb(uniqueDbName('backup'));
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function seededDb(): Promise<AppDb> {
  const db = await freshDb();
  const resumes = new ResumeRepository(db);
  await resumes.saveImportedResume(
    resumeDocument('d1'),
    resume('r1', 'd1', 'Jane Doe', 10, ['TypeScript'], 4),
  );
  await resumes.saveImportedResume(
    resumeDocument(
      'd2',
      Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff),
    ),
    resume('r2', 'd2', 'John Roe', 20, ['Go', 'SQL'], 7),
  );
  await new JobRepository(db).saveImportedJob(
    jobDocument('dj'),
    job('j1', 'dj', 'Platform Engineer', 30, ['Go']),
  );
  await new MatchRepository(db).upsertMany([match('r1', 'j1', 35), match('r2', 'j1', 88)]);
  return db;
}

async function sampleBundle(): Promise<ExportBundle> {
  return exportAll(await seededDb(), { appVersion: '0.1.0', now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
}

/** Deep copy with a change applied, for making broken bundles. */
function broken(
  bundle: ExportBundle,
  change: (copy: Record<string, unknown> & ExportBundle) => void,
): unknown {
  const copy = structuredClone(bundle) as Record<string, unknown> & ExportBundle;
  change(copy);
  return copy;
}

describe('export bundle', () => {
  it('docs/export-schema.json is exactly the schema the validator interprets', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../../docs/export-schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(EXPORT_BUNDLE_SCHEMA)));
    expect((published as { $schema: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('a real export validates, including after a JSON round trip', async () => {
    const bundle = await sampleBundle();
    expect(bundle).toMatchObject({
      format: 'shortlist-export',
      version: 2,
      exportedAt: '2025-01-02T03:04:05.000Z',
    });
    expect(bundle.documents.find((d) => d.id === 'dj')?.bytesBase64).toBeUndefined(); // pasted: no bytes
    expect(validateBundle(bundle)).toEqual({ ok: true });
    expect(validateBundle(JSON.parse(JSON.stringify(bundle)))).toEqual({ ok: true });
  });

  it('documents validate with reading notes and without them (backups from before notes existed)', async () => {
    const bundle = await sampleBundle();
    const legacy = broken(bundle, (b) => {
      b.documents[0]!.parsed.warnings = ['Removed 2 repeated header/footer or page-number line(s).'];
      delete b.documents[0]!.parsed.notes;
    });
    expect(validateBundle(legacy)).toEqual({ ok: true });
    const withNotes = broken(bundle, (b) => {
      b.documents[0]!.parsed.notes = [
        'Left out 2 lines repeated on every page (header, footer or page number).',
      ];
    });
    expect(validateBundle(withNotes)).toEqual({ ok: true });
    const badNotes = validateBundle(
      broken(bundle, (b) => ((b.documents[0]!.parsed as { notes: unknown }).notes = [3])),
    );
    expect(badNotes.ok).toBe(false);
    if (!badNotes.ok) expect(badNotes.errors.join('\n')).toMatch(/parsed\/notes\/0: expected string/);
  });

  it('rejects broken bundles with a message pointing at the problem', async () => {
    const bundle = await sampleBundle();
    const cases: [string, unknown, RegExp][] = [
      ['not an object', 'hello', /\$: expected object/],
      [
        'wrong format',
        broken(bundle, (b) => (b.format = 'other' as 'shortlist-export')),
        /\$\/format: must be "shortlist-export"/,
      ],
      ['future version', broken(bundle, (b) => (b.version = 3 as 2)), /\$\/version: must be 2/],
      [
        'missing matches',
        broken(bundle, (b) => delete (b as Partial<ExportBundle>).matches),
        /missing "matches"/,
      ],
      ['bad date', broken(bundle, (b) => (b.exportedAt = 'yesterday')), /exportedAt: not an ISO 8601/],
      [
        'bad base64',
        broken(bundle, (b) => (b.documents[0]!.bytesBase64 = 'not base64!')),
        /documents\/0\/bytesBase64/,
      ],
      [
        'bad line',
        broken(bundle, (b) => (b.documents[0]!.parsed.lines[0]!.page = 0)),
        /lines\/0\/page: must be >= 1/,
      ],
      [
        'string years',
        broken(bundle, (b) => ((b.resumes[0] as unknown as Record<string, unknown>).totalYears = '4')),
        /resumes\/0\/totalYears: expected number/,
      ],
      [
        'bad band',
        broken(bundle, (b) => ((b.matches[0]!.result as unknown as Record<string, unknown>).band = 'ok')),
        /band: must be one of/,
      ],
      ['score > 100', broken(bundle, (b) => (b.matches[0]!.result.score = 101)), /score: must be <= 100/],
      [
        'dangling document',
        broken(bundle, (b) => (b.resumes[0]!.documentId = 'ghost')),
        /no document "ghost"/,
      ],
      [
        'job doc used by resume',
        broken(bundle, (b) => (b.resumes[0]!.documentId = 'dj')),
        /is a job, not a resume/,
      ],
      ['dangling job', broken(bundle, (b) => (b.matches[0]!.jobId = 'ghost')), /no job "ghost"/],
      [
        'duplicate id',
        broken(bundle, (b) => b.resumes.push(structuredClone(b.resumes[0]!))),
        /duplicate id "r1"/,
      ],
      ['empty id', broken(bundle, (b) => (b.jobs[0]!.id = '')), /jobs\/0\/id: must have at least 1/],
      [
        'profile missing skills',
        broken(
          bundle,
          (b) => delete (b.resumes[0]!.profile as Partial<(typeof b.resumes)[0]['profile']>).skills,
        ),
        /profile: missing "skills"/,
      ],
    ];
    for (const [label, value, expected] of cases) {
      const result = validateBundle(value);
      expect(result.ok, label).toBe(false);
      if (!result.ok) expect(result.errors.join('\n'), label).toMatch(expected);
    }
  });

  it('exportAll → importAll into a fresh database is lossless', async () => {
    const source = await seededDb();
    const bundle = await exportAll(source, { appVersion: '0.1.0' });
    const target = await freshDb();
    const summary = await importAll(target, JSON.parse(JSON.stringify(bundle)));
    expect(summary).toMatchObject({ resumes: 2, jobs: 1, documents: 3, matches: 2 });
    for (const table of ['resumes', 'jobs', 'documents', 'matches'] as const) {
      const before = await source[table].orderBy(':id').toArray();
      const after = await target[table].orderBy(':id').toArray();
      expect(after, table).toEqual(before);
    }
    const bytes = (await target.documents.get('d2'))?.bytes;
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(bytes ?? new ArrayBuffer(0))[999]).toBe(999 & 0xff);
    // And exporting the imported copy gives the same bundle again.
    const again = await exportAll(target, { appVersion: '0.1.0', now: () => Date.parse(bundle.exportedAt) });
    expect(again).toEqual(bundle);
  });

  it('an invalid bundle writes nothing; replace mode empties the tables first', async () => {
    const db = await seededDb();
    await expect(importAll(db, { format: 'shortlist-export' })).rejects.toBeInstanceOf(ShortlistError);
    expect(await db.resumes.count()).toBe(2);

    const only = await sampleBundle();
    only.resumes = only.resumes.filter((r) => r.id === 'r1');
    only.documents = only.documents.filter((d) => d.id !== 'd2');
    only.matches = only.matches.filter((m) => m.resumeId === 'r1');
    await importAll(db, only, { mode: 'replace' });
    expect((await db.resumes.toArray()).map((r) => r.id)).toEqual(['r1']);
    expect(await db.documents.get('d2')).toBeUndefined();
    expect(await db.matches.count()).toBe(1);
  });
});
