/** Public surface of the storage layer. UI code goes through these repositories, never raw tables. */
export { AppDb, DEFAULT_DB_NAME, openAppDb } from './app-db';
export { exportAll, importAll, type ExportOptions, type ImportOptions, type ImportSummary } from './backup';
export { ApplicationRepository, type ApplicationDetails } from './applications.repo';
export { DocumentRepository } from './documents.repo';
export { JobRepository, type ImportedJob, type JobOrder } from './jobs.repo';
export { MatchRepository, matchId } from './matches.repo';
export { MetricsRepository } from './metrics.repo';
export { PendingImportRepository } from './pending-imports.repo';
export {
  ResumeRepository,
  toResumeRow,
  type ImportedResume,
  type ResumeName,
  type ResumeOrder,
  type ResumeRow,
} from './resumes.repo';
export { ShortlistRepository } from './shortlists.repo';
export { DEFAULT_SETTINGS, SettingsRepository, type SettingKey, type Settings } from './settings.repo';
export { mapStorageError, withStorageErrors } from './storage-errors';
