/**
 * The one Dexie database of the app: schema versions and table typings. Workers write (imports,
 * matches); the UI reads through repositories and live queries. Opening works in the window, in
 * workers and in Node (tests import 'fake-indexeddb/auto' first).
 *
 * Schema changes add a `this.version(n + 1).stores(...).upgrade(...)` below the existing ones,
 * never edit a released version.
 */
import { Dexie, type Table } from 'dexie';
import type {
  ApplicationRecord,
  DocumentRecord,
  PendingImportRecord,
  JobRecord,
  MatchRecord,
  MetricRecord,
  ResumeRecord,
  SettingRecord,
  ShortlistRecord,
  SuggestionRecord,
  VectorRecord,
} from './records';

export const DEFAULT_DB_NAME = 'shortlist';

export class AppDb extends Dexie {
  resumes!: Table<ResumeRecord, string>;
  jobs!: Table<JobRecord, string>;
  documents!: Table<DocumentRecord, string>;
  matches!: Table<MatchRecord, string>;
  metrics!: Table<MetricRecord, string>;
  settings!: Table<SettingRecord, string>;
  vectors!: Table<VectorRecord, string>;
  suggestions!: Table<SuggestionRecord, string>;
  applications!: Table<ApplicationRecord, string>;
  shortlists!: Table<ShortlistRecord, string>;
  pendingImports!: Table<PendingImportRecord, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    // Indexes exist for the queries the UI makes: library lists sorted by name / date, filters on
    // years of experience and skills (multi-entry), duplicate detection by hash, matches by pair.
    this.version(1).stores({
      resumes: 'id, documentId, name, updatedAt, totalYears, *skills',
      jobs: 'id, documentId, title, updatedAt, *skills',
      documents: 'id, role, hash, createdAt',
      matches: 'id, resumeId, jobId, [resumeId+jobId]',
      metrics: 'name',
      settings: 'key',
    });
    // v2: embedding vectors per model, LLM suggestions and application status. New tables only:
    // existing records are untouched (tests/unit/db/upgrade.test.ts opens a v1 database).
    this.version(2).stores({
      vectors: 'id, ownerId, modelId, [modelId+role]',
      suggestions: 'id, resumeId, jobId, [resumeId+jobId], status',
      applications: 'jobId, status',
    });
    // v3: shortlists (star, stage, note, tags per subject and candidate). A new table only.
    this.version(3).stores({
      shortlists: 'id, subjectId, candidateId',
    });
    // v4 (v3 is another table's): applications become full records (resume used, timeline,
    // deadline, contact, salary, notes, next step). Indexes for the board (status), the due list
    // (nextStepOn) and the table's default order (updatedAt). v2 records are completed in place;
    // their old 'interviewing' status is now 'interview'.
    this.version(4)
      .stores({ applications: 'jobId, status, updatedAt, nextStepOn, resumeId' })
      .upgrade(async (tx) => {
        const jobs = tx.table<{ id: string; title?: string }, string>('jobs');
        await tx
          .table<Record<string, unknown>, string>('applications')
          .toCollection()
          .modify((record) => {
            const at = typeof record['updatedAt'] === 'number' ? record['updatedAt'] : Date.now();
            if (record['status'] === 'interviewing') record['status'] = 'interview';
            if (!Array.isArray(record['timeline'])) record['timeline'] = [{ status: record['status'], at }];
            if (typeof record['notes'] !== 'string') record['notes'] = '';
            if (typeof record['createdAt'] !== 'number') record['createdAt'] = at;
            if (typeof record['jobTitle'] !== 'string') record['jobTitle'] = '';
          });
        // Titles from the jobs table (a second pass: modify() cannot read other tables).
        const untitled = await tx
          .table<{ jobId: string; jobTitle: string }, string>('applications')
          .toArray();
        for (const record of untitled.filter((r) => r.jobTitle === '')) {
          const job = await jobs.get(record.jobId);
          await tx.table('applications').update(record.jobId, { jobTitle: job?.title ?? 'Untitled job' });
        }
      });
    // v5 (v3 and v4 belong to other tables' changes): vectors indexed by (model, createdAt), so the
    // search worker reads which vectors changed from the index alone, never the vectors themselves;
    // resumes by (name, file name), so pickers list every resume from the index without reading
    // profiles; the files of an unfinished import, so a reopened tab can finish it.
    this.version(5).stores({
      resumes: 'id, documentId, name, updatedAt, totalYears, *skills, [name+fileName]',
      vectors: 'id, ownerId, modelId, [modelId+role], [modelId+createdAt]',
      pendingImports: 'id, seq',
    });
    // v6: vectors indexed by (model, role, source stamp), so "which owners need new vectors" is read
    // from the index alone; at 10,000 resumes that is keys, not hundreds of MB of vectors.
    this.version(6).stores({
      vectors: 'id, ownerId, modelId, [modelId+role], [modelId+createdAt], [modelId+role+sourceUpdatedAt]',
    });
  }
}

/** Opens (creating or upgrading as needed) the app database. */
export async function openAppDb(name: string = DEFAULT_DB_NAME): Promise<AppDb> {
  const db = new AppDb(name);
  await db.open();
  return db;
}
