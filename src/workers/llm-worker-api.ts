/**
 * The llm worker's API object, built from a database and an engine factory so the same code runs
 * in the worker (web-llm engine, see llm.worker.ts) and in unit tests (a scripted engine and
 * fake-indexeddb). Reads resumes, jobs, documents and matches; writes refined profiles/specs
 * (resumes, jobs) and suggestions. Every result crosses back as an Outcome.
 */
import type {
  CachedModelQuery,
  ImproveResult,
  LlmApi,
  LlmStatus,
  RefineResult,
  StoredSuggestion,
} from '../core/contracts/llm-api';
import { checkResume, weakBullets, type AtsInput } from '../core/ats';
import { toOutcome, type Outcome } from '../core/contracts/outcome';
import { ShortlistError } from '../core/errors';
import { extractJob } from '../core/extract/job';
import { extractResume } from '../core/extract/resume';
import { customModelInfo, findModel, validateCustomModel } from '../core/llm/catalog';
import { Cancellation } from '../core/llm/engine';
import { mergeJob, mergeResume } from '../core/llm/merge';
import { LlmService, type EngineFactory } from '../core/llm/service';
import type { AppDb } from '../db/app-db';
import { DocumentRepository } from '../db/documents.repo';
import { JobRepository } from '../db/jobs.repo';
import { MatchRepository } from '../db/matches.repo';
import type { SuggestionRecord } from '../db/records';
import { ResumeRepository } from '../db/resumes.repo';
import { SuggestionRepository } from '../db/suggestions.repo';

export interface ModelCacheAccess {
  /** Ids (of those asked) whose weights are in web-llm's cache. */
  cached(queries: CachedModelQuery[]): Promise<string[]>;
  remove(query: CachedModelQuery): Promise<void>;
}

export interface LlmWorkerDeps {
  db: AppDb;
  createEngine: EngineFactory;
  modelCache: ModelCacheAccess;
  log?: (message: string) => void;
  now?: () => number;
}

function resumeSkills(profile: { skills: { name: string }[] }): string[] {
  return [...new Set(profile.skills.map((skill) => skill.name.toLowerCase()))];
}

function jobSkills(spec: { required: { skill: string }[]; preferred: { skill: string }[] }): string[] {
  return [...new Set([...spec.required, ...spec.preferred].map((r) => r.skill.toLowerCase()))];
}

export function createLlmWorkerApi(deps: LlmWorkerDeps) {
  const service = new LlmService({
    createEngine: deps.createEngine,
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const resumes = new ResumeRepository(deps.db);
  const jobs = new JobRepository(deps.db);
  const documents = new DocumentRepository(deps.db);
  const matches = new MatchRepository(deps.db);
  const suggestions = new SuggestionRepository(deps.db);
  const cancellations = new Map<string, Cancellation>();

  async function tracked<T>(
    requestId: string,
    work: (signal: Cancellation) => Promise<T>,
  ): Promise<Outcome<T>> {
    const cancellation = new Cancellation();
    cancellations.set(requestId, cancellation);
    try {
      return await toOutcome(() => work(cancellation));
    } finally {
      cancellations.delete(requestId);
    }
  }

  async function resumeWithText(id: string) {
    const resume = await resumes.get(id);
    const document = resume && (await documents.get(resume.documentId));
    if (!resume || !document)
      throw new ShortlistError('not-found', 'That resume is no longer in the library.');
    return { resume, document };
  }

  async function jobWithText(id: string) {
    const job = await jobs.get(id);
    const document = job && (await documents.get(job.documentId));
    if (!job || !document) throw new ShortlistError('not-found', 'That job is no longer in the library.');
    return { job, document };
  }

  const api = {
    status(): Promise<LlmStatus> {
      return Promise.resolve({
        model: service.model ?? null,
        loading: service.loading,
        queue: service.queue.snapshot(),
        cache: service.cache.stats(),
      });
    },

    load(request, onProgress) {
      return tracked(request.requestId, async (signal) => {
        let model = findModel(request.modelId);
        if (request.custom) {
          const problem = validateCustomModel(request.custom);
          if (problem) throw new ShortlistError('invalid-input', problem);
          model = customModelInfo(request.custom);
        }
        if (!model) throw new ShortlistError('not-found', `Unknown model ${request.modelId}.`);
        await service.load(model, (progress) => onProgress(progress), signal);
        return model;
      });
    },

    unload() {
      return toOutcome(async () => {
        await service.unload();
        return null;
      });
    },

    refineExtraction(request) {
      return tracked(request.requestId, async (signal): Promise<RefineResult> => {
        if (request.role === 'resume') {
          const { resume, document } = await resumeWithText(request.id);
          const extracted = await service.extract(
            'resume',
            document.parsed.text,
            { id: request.requestId, label: `Refine resume: ${resume.name}` },
            signal,
          );
          const { profile, report } = mergeResume(
            extractResume(document.parsed),
            extracted.fields,
            document.parsed.text,
            resume.corrections,
          );
          let updatedAt = resume.updatedAt;
          if (report.changed.length > 0) {
            updatedAt = Date.now();
            await resumes.update(
              resume.id,
              {
                profile,
                // Kept as its own layer, so a later correction (which re-extracts) keeps it.
                refined: { modelId: extracted.modelId, fields: extracted.fields, refinedAt: updatedAt },
                name: profile.basics.name?.trim() || resume.fileName,
                skills: resumeSkills(profile),
                totalYears: profile.totalYears,
              },
              updatedAt,
            );
          }
          const { fromCache, attempts, totalMs, modelId } = extracted;
          return { role: 'resume', id: resume.id, modelId, report, fromCache, attempts, totalMs, updatedAt };
        }
        const { job, document } = await jobWithText(request.id);
        const extracted = await service.extract(
          'job',
          document.parsed.text,
          { id: request.requestId, label: `Refine job: ${job.title}` },
          signal,
        );
        const { spec, report } = mergeJob(
          extractJob(document.parsed),
          extracted.fields,
          document.parsed.text,
          job.corrections,
        );
        let updatedAt = job.updatedAt;
        if (report.changed.length > 0) {
          updatedAt = Date.now();
          await jobs.update(
            job.id,
            {
              spec,
              refined: { modelId: extracted.modelId, fields: extracted.fields, refinedAt: updatedAt },
              title: spec.title || job.fileName,
              skills: jobSkills(spec),
            },
            updatedAt,
          );
        }
        const { fromCache, attempts, totalMs, modelId } = extracted;
        return { role: 'job', id: job.id, modelId, report, fromCache, attempts, totalMs, updatedAt };
      });
    },

    improve(request, onEvent) {
      return tracked(request.requestId, async (signal): Promise<ImproveResult> => {
        const [{ resume, document }, { job }] = await Promise.all([
          resumeWithText(request.resumeId),
          jobWithText(request.jobId),
        ]);
        const match = await matches.getFor(resume.id, job.id);
        const have = new Set(resume.skills);
        const requirements = match
          ? match.result.requirements
          : [...job.spec.required, ...job.spec.preferred].map((r) => ({
              skill: r.skill,
              matched: have.has(r.skill.toLowerCase()),
            }));
        // The ATS check's weak bullets go into the same call (one combined call per resume and job).
        const atsInput: AtsInput = {
          document: document.parsed,
          profile: resume.profile,
          file: { kind: document.kind, size: document.size, fileName: document.fileName },
        };
        const result = await service.improve(
          {
            resumeText: document.parsed.text,
            profile: resume.profile,
            jobTitle: job.title,
            missing: requirements.filter((r) => !r.matched).map((r) => r.skill),
            matched: requirements.filter((r) => r.matched).map((r) => r.skill),
            weakBullets: weakBullets(atsInput, checkResume(atsInput)),
          },
          { id: request.requestId, label: `Improve: ${resume.name} for ${job.title}` },
          signal,
          (event) => onEvent(event),
        );
        const createdAt = Date.now();
        const base = { resumeId: resume.id, jobId: job.id, modelId: result.modelId, createdAt };
        const stored: StoredSuggestion[] = result.suggestions.map((suggestion, index) => ({
          ...suggestion,
          id: `sug-${request.requestId}-${index}`,
        }));
        const records: SuggestionRecord[] = [
          ...stored.map((suggestion): SuggestionRecord => ({
            ...base,
            id: suggestion.id,
            kind: suggestion.kind,
            before: suggestion.before,
            after: suggestion.after,
            status: 'pending',
            ...(suggestion.requirement ? { requirement: suggestion.requirement } : {}),
          })),
          ...result.dropped.map((dropped, index): SuggestionRecord => ({
            ...base,
            id: `sug-${request.requestId}-dropped-${index}`,
            kind: dropped.suggestion?.kind ?? 'unknown',
            before: dropped.suggestion?.before ?? '',
            after: dropped.suggestion?.after ?? '',
            status: 'dropped',
            reason: dropped.reason,
          })),
        ];
        await suggestions.replaceRun(resume.id, job.id, records);
        return {
          resumeId: resume.id,
          jobId: job.id,
          modelId: result.modelId,
          suggestions: stored,
          dropped: result.dropped,
          fromCache: result.fromCache,
          ...(result.firstTokenMs !== undefined ? { firstTokenMs: result.firstTokenMs } : {}),
          totalMs: result.totalMs,
          checks: result.checks,
        };
      });
    },

    cancel(requestId) {
      cancellations.get(requestId)?.cancel();
      return Promise.resolve();
    },

    cachedModels(queries) {
      return toOutcome(() => deps.modelCache.cached(queries));
    },

    deleteCachedModel(query) {
      return toOutcome(async () => {
        if (service.model?.id === query.modelId) await service.unload();
        await deps.modelCache.remove(query);
        return null;
      });
    },

    onQueue(listener) {
      service.queue.onChange(listener);
      return Promise.resolve();
    },
  } satisfies LlmApi;
  return api;
}
