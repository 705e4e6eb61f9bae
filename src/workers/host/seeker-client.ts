/**
 * Main-thread side of the seeker worker (one, lazy, ended when idle): ATS checks, cached by
 * (resume, job, their update stamps, ATS_VERSION) in the one LRU+TTL cache family.
 */
import type { Remote } from 'comlink';
import { ATS_VERSION } from '../../core/ats/types';
import { LruCache, registerCache } from '../../core/cache';
import type { Outcome } from '../../core/contracts/parse-api';
import type { AtsCheckResult, SeekerApi } from '../../core/contracts/seeker-api';
import { fromErrorInfo } from '../../core/errors';
import type { MetricsRegistry } from '../../core/metrics';
import type { JobRecord, ResumeRecord } from '../../db/records';
import { WorkerPool, comlinkWorker } from './pool';

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw fromErrorInfo(outcome.error);
}

export class SeekerClient {
  readonly pool: WorkerPool<Remote<SeekerApi>>;
  readonly atsCache = new LruCache<string, AtsCheckResult>({
    name: 'ats',
    maxEntries: 200,
    ttlMs: 30 * 60_000,
  });
  readonly #metrics: MetricsRegistry;

  constructor(metrics: MetricsRegistry) {
    this.#metrics = metrics;
    registerCache(this.atsCache);
    this.pool = new WorkerPool<Remote<SeekerApi>>({
      kind: 'seeker',
      size: 1,
      idleTimeoutMs: 60_000,
      create: () =>
        comlinkWorker<SeekerApi>(
          () =>
            new Worker(new URL('../seeker.worker.ts', import.meta.url), { type: 'module', name: 'seeker' }),
        ),
    });
  }

  /** The ATS report of a resume (against a job when given); repeated asks are served from the cache. */
  async atsCheck(signal: AbortSignal, resume: ResumeRecord, job?: JobRecord): Promise<AtsCheckResult> {
    const key = `${resume.id}@${resume.updatedAt}|${job ? `${job.id}@${job.updatedAt}` : '-'}|${ATS_VERSION}`;
    return this.atsCache.getOrCompute(key, async () => {
      const outcome = await this.pool.run(
        signal,
        (api) => api.atsCheck(resume.id, job?.id) as Promise<Outcome<AtsCheckResult>>,
      );
      const value = unwrap(outcome);
      this.#metrics.record('ats.check', value.checkMs);
      return value;
    });
  }
}
