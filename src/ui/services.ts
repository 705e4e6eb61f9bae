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
import { PendingImportRepository } from '../db/pending-imports.repo';
import { SettingsRepository } from '../db/settings.repo';
import { ShortlistRepository } from '../db/shortlists.repo';
import { ApplicationRepository } from '../db/applications.repo';
import { ImportClient, MatchClient, type PairIndex } from '../workers/host/clients';
import type { LlmClient } from '../workers/host/llm-client';
import { EmbedClient } from '../workers/host/embed-client';
import Dexie from 'dexie';
import { SearchClient } from '../workers/host/search-client';
import { SeekerClient } from '../workers/host/seeker-client';
import type { EmbeddedTexts, ModelStatus } from '../core/contracts/embed-api';

// Dexie opens lazily on the first query.
const db = new AppDb();

/**
 * `?parse-workers=N` (1..4) overrides the parse pool size for this page load: the browser bench
 * uses it to measure the choice of pool size (docs/benchmarks.md). Anything else keeps the default.
 */
function parseWorkersOverride(): number | undefined {
  const asked = Number(new URLSearchParams(globalThis.location?.search ?? '').get('parse-workers'));
  return Number.isInteger(asked) && asked >= 1 && asked <= 4 ? asked : undefined;
}

/** The search worker's index as MatchClient asks it, read lazily so the two clients stay independent. */
function searchIndexPairs(): PairIndex {
  return {
    scorePair: (signal, resume, job, modelId) => services.search.scorePair(signal, resume, job, modelId),
    store: (match) => {
      services.matches
        .upsert(match)
        .catch((error: unknown) => console.warn('could not store the match', error));
    },
  };
}

export const services = {
  db,
  metrics,
  resumes: new ResumeRepository(db),
  jobs: new JobRepository(db),
  documents: new DocumentRepository(db),
  matches: new MatchRepository(db),
  metricsStore: new MetricsRepository(db),
  pendingImports: new PendingImportRepository(db),
  settings: new SettingsRepository(db),
  shortlists: new ShortlistRepository(db),
  applications: new ApplicationRepository(db),
  imports: new ImportClient(metrics, parseWorkersOverride()),
  /**
   * Scores pairs: from the search worker's in-memory index when it is in step (no database read),
   * else in the match worker.
   */
  matcher: new MatchClient(metrics, searchIndexPairs()),
  /** The job seeker's tools (ATS check) in their own worker, started on first use. */
  seeker: new SeekerClient(metrics),
  /**
   * The AI client, loaded on first use: neither it nor the llm worker nor web-llm is part of the
   * initial page load (web-llm itself loads only when a model is loaded).
   */
  llm: (): Promise<LlmClient> =>
    import('../workers/host/llm-client').then((module) => module.sharedLlmClient(metrics)),
  /**
   * The embedding worker (one, long-lived). The configured model (the built-in one by default)
   * loads in the background once the library has documents, never on the initial page load.
   */
  embedder: new EmbedClient(metrics, undefined, new SettingsRepository(db)),
  /** The search worker (one, long-lived: it holds the ranking/search index). Queries are embedded
   * with the embedding model when one is ready; read lazily so the two stay independent. */
  search: new SearchClient(metrics, {
    get status(): ModelStatus {
      return services.embedder.status;
    },
    embedTexts: (signal: AbortSignal, texts: string[]): Promise<EmbeddedTexts> =>
      services.embedder.embedTexts(signal, texts),
  }),
};

export type Services = typeof services;

/**
 * The embedding model every score on screen uses right now (undefined: lexical). The Ranking
 * table, its breakdown, Match and Improve's before → after all score with this one model.
 */
export function readyModelId(): string | undefined {
  const status = services.embedder.status;
  return status.state === 'ready' ? status.info.modelId : undefined;
}

/** A record changed (correction, refine, new version): its vectors are stale; embed it again. */
export function recordChanged(role: 'resume' | 'job', id: string): void {
  services.matcher.forget(id);
  services.embedder.embedSoon();
}

// New vectors for a resume or job change its semantic score: drop its cached lexical scores.
services.embedder.subscribe((event) => {
  if (event.type === 'vectors') services.matcher.forget(event.ownerId);
});

/**
 * Runs `start` once the service worker controls this page (at once when it does, or when there is
 * none, as in dev): a worker started earlier on a first visit is fetched past the service worker,
 * so it would not be cached for offline use. Until then the worker starts on first use as before.
 */
function whenControlled(start: () => void): void {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!import.meta.env.PROD || !container || container.controller) {
    start();
    return;
  }
  container.addEventListener('controllerchange', start, { once: true });
}

// Background embedding: when the library already has documents (a reload), start once the page is
// idle; new and corrected records (from any tab or worker) are embedded as they change.
let libraryTimer: ReturnType<typeof setTimeout> | undefined;
Dexie.on('storagemutated', (parts) => {
  if (!Object.keys(parts).some((key) => /\/(resumes|jobs)\//.test(key))) return;
  // The search index follows the library as it is imported, not when Ranking first opens.
  whenControlled(() => services.search.warm());
  clearTimeout(libraryTimer);
  libraryTimer = setTimeout(() => services.embedder.libraryChanged(), 1500);
});
setTimeout(() => {
  void Promise.all([db.resumes.count(), db.jobs.count()]).then(([resumes, jobs]) => {
    if (resumes + jobs === 0) return;
    whenControlled(() => services.search.warm());
    void services.embedder.startBackground();
  });
}, 2000);
