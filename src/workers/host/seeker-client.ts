/**
 * Main-thread side of the seeker worker (one, lazy, ended when idle): ATS checks, cached by
 * (resume, job, their update stamps, ATS_VERSION), and rendered files, cached by (template,
 * format, hash of the resume's content) — both in the one LRU+TTL cache family, so their hit
 * rates show on the Performance page.
 */
import type { Remote } from 'comlink';
import { ATS_VERSION } from '../../core/ats/types';
import { LruCache, registerCache } from '../../core/cache';
import { fnv1a64, stableStringify } from '../../core/cache/hash';
import type { AtsCheckResult, RenderedResume, SeekerApi } from '../../core/contracts/seeker-api';
import type { RenderFormat, TemplateId } from '../../core/render/model';
import type { MetricsRegistry } from '../../core/metrics';
import type { JobRecord, ResumeRecord } from '../../db/records';
import { call } from './call';
import { WorkerPool, comlinkWorker } from './pool';

export class SeekerClient {
  readonly pool: WorkerPool<Remote<SeekerApi>>;
  readonly atsCache = new LruCache<string, AtsCheckResult>({
    name: 'ats',
    maxEntries: 200,
    ttlMs: 30 * 60_000,
  });
  /** Rendered PDF / DOCX files (a few hundred KB at most each; bounded by count and bytes). */
  readonly renderCache = new LruCache<string, RenderedResume>({
    name: 'render',
    maxEntries: 30,
    ttlMs: 60 * 60_000,
    maxBytes: 20 * 1024 * 1024,
    sizeOf: (value) => value.bytes.byteLength,
  });
  readonly #metrics: MetricsRegistry;

  constructor(metrics: MetricsRegistry) {
    this.#metrics = metrics;
    registerCache(this.atsCache);
    registerCache(this.renderCache);
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
      const value = await this.pool.run(signal, (api) => call(api, 'atsCheck', resume.id, job?.id));
      this.#metrics.record('ats.check', value.checkMs);
      return value;
    });
  }

  /** A resume version rendered in a template; the same request again is served from the cache. */
  async render(
    signal: AbortSignal,
    resume: ResumeRecord,
    template: TemplateId,
    format: RenderFormat,
  ): Promise<{ file: RenderedResume; fromCache: boolean }> {
    // Keyed by what is rendered (the profile and the document it came from), not by record id:
    // two versions with the same content share one file.
    const key = `${template}|${format}|${fnv1a64(stableStringify([resume.documentId, resume.profile]))}`;
    let computed = false;
    const file = await this.renderCache.getOrCompute(key, async () => {
      computed = true;
      const value = await this.pool.run(signal, (api) => call(api, 'render', resume.id, template, format));
      this.#metrics.record(format === 'pdf' ? 'render.pdf' : 'render.docx', value.renderMs);
      return value;
    });
    return { file, fromCache: !computed };
  }
}
