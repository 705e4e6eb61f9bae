/**
 * The app's long-lived services, created once: the database and its repositories, the worker
 * clients and the metrics registry. Screens and state classes get them from here.
 */
import { metrics } from '../core/metrics';
import { AppDb } from '../db/app-db';
import { ResumeRepository } from '../db/resumes.repo';
import { DocumentRepository } from '../db/documents.repo';
import { JobRepository } from '../db/jobs.repo';
import { MatchRepository } from '../db/matches.repo';
import { MetricsRepository } from '../db/metrics.repo';
import { SettingsRepository } from '../db/settings.repo';
import { ImportClient, MatchClient } from '../workers/host/clients';

// Dexie opens lazily on the first query.
const db = new AppDb();

export const services = {
  db,
  metrics,
  resumes: new ResumeRepository(db),
  jobs: new JobRepository(db),
  documents: new DocumentRepository(db),
  matches: new MatchRepository(db),
  metricsStore: new MetricsRepository(db),
  settings: new SettingsRepository(db),
  imports: new ImportClient(metrics),
  matcher: new MatchClient(metrics),
};

export type Services = typeof services;
