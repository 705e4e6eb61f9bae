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
    // v5 (v3 and v4 belong to other tables' changes): vectors indexed by (model, createdAt), so the
    // search worker reads which vectors changed from the index alone, never the vectors themselves;
    // resumes by (name, file name), so pickers list every resume from the index without reading
    // profiles; the files of an unfinished import, so a reopened tab can finish it.
    this.version(5).stores({
      resumes: 'id, documentId, name, updatedAt, totalYears, *skills, [name+fileName]',
      vectors: 'id, ownerId, modelId, [modelId+role], [modelId+createdAt]',
      pendingImports: 'id, seq',
    });
  }
}

/** Opens (creating or upgrading as needed) the app database. */
export async function openAppDb(name: string = DEFAULT_DB_NAME): Promise<AppDb> {
  const db = new AppDb(name);
  await db.open();
  return db;
}
