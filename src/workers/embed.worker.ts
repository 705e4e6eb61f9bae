/**
 * Embedding worker (one, long-lived): loads a transformers.js `feature-extraction` model and turns
 * resumes and jobs into vectors (document + chunks, core/embed). Reads: settings, resumes, jobs,
 * documents, vectors. Writes: vectors, and the `embeddingModel` setting after a successful load.
 *
 * Model files come from, in order: self-hosted `/models/<id>/` on this origin, the browser cache
 * (earlier downloads and imported folders), then the Hugging Face hub only when the user allowed
 * downloads (core/embed/model-manager). The ONNX runtime's wasm binary is served by this app, never
 * fetched from a CDN. transformers.js is imported lazily, on the first load.
 */
import * as Comlink from 'comlink';
// The ONNX runtime's wasm binary as a file of this app (Vite emits it once, hashed, and the service
// worker precaches it). transformers.js would otherwise point the runtime at a CDN. The glue code
// (.mjs) is already inside onnxruntime-web's bundled build, so only the binary needs a URL.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { DocumentRole, Outcome } from '../core/contracts/parse-api';
import type {
  EmbedApi,
  EmbedOwnerResult,
  EmbeddedTexts,
  EmbedLoadProgress,
  ModelFile,
  ModelInfo,
  ModelSource,
  ModelSourcePolicy,
  ModelStatus,
  PendingOwner,
  VectorCounts,
} from '../core/contracts/embed-api';
import { ShortlistError, toErrorInfo } from '../core/errors';
import { embedDocument, type EmbedFunction } from '../core/embed/embed-document';
import { createEmbedFunction, tokenLimit } from '../core/embed/pooling';
import {
  IMPORTED_HEADER,
  MODEL_CACHE_NAME,
  ProgressTracker,
  availableSources,
  chooseBackend,
  isValidModelId,
  knownModel,
  modelSettings,
  resolveModelSource,
  runtimeFlags,
  selfHostedUrl,
  type GpuLike,
  type LookupDeps,
  type RuntimeProgressEvent,
} from '../core/embed/model-manager';
import { AppDb } from '../db/app-db';
import { DocumentRepository } from '../db/documents.repo';
import { JobRepository } from '../db/jobs.repo';
import { ResumeRepository } from '../db/resumes.repo';
import { SettingsRepository } from '../db/settings.repo';
import { VectorRepository, vectorId } from '../db/vectors.repo';

type Transformers = typeof import('@huggingface/transformers');

interface LoadedModel {
  info: ModelInfo;
  embed: EmbedFunction;
  dispose: () => Promise<unknown>;
}

const db = new AppDb();
const settings = new SettingsRepository(db);
const resumes = new ResumeRepository(db);
const jobs = new JobRepository(db);
const documents = new DocumentRepository(db);
const vectors = new VectorRepository(db);

let transformersLoad: Promise<Transformers> | undefined;
let loaded: LoadedModel | undefined;
let status: ModelStatus = { state: 'none' };
let loading: Promise<Outcome<ModelInfo>> | undefined;

function loadTransformers(): Promise<Transformers> {
  transformersLoad ??= import('@huggingface/transformers').catch((error: unknown) => {
    // Not cached: a retry (after a flaky chunk load) can work.
    transformersLoad = undefined;
    throw error;
  });
  return transformersLoad;
}

function hubUrl(modelId: string, file: string): string {
  return `https://huggingface.co/${modelId}/resolve/main/${file}`;
}

async function lookupDeps(): Promise<LookupDeps> {
  return {
    origin: self.location.origin,
    fetch: (url, init) => fetch(url, { method: init?.method ?? 'GET', cache: 'no-store' }),
    openCache: async () => (typeof caches === 'undefined' ? undefined : caches.open(MODEL_CACHE_NAME)),
    downloadsAllowed: await settings.get('allowModelDownloads'),
    hubUrl,
  };
}

function fail<T>(error: unknown): Outcome<T> {
  return { ok: false, error: toErrorInfo(error) };
}

/** Tokenizer + model for `modelId` on `backend`, as one EmbedFunction (core/embed/pooling). */
async function createRuntime(
  transformers: Transformers,
  modelId: string,
  backend: 'wasm' | 'webgpu',
  onProgress: (event: RuntimeProgressEvent) => void,
): Promise<Pick<LoadedModel, 'embed' | 'dispose'>> {
  const settingsForModel = modelSettings(modelId);
  const progress_callback = (event: unknown): void => onProgress(event as RuntimeProgressEvent);
  const tokenizer = await transformers.AutoTokenizer.from_pretrained(modelId, { progress_callback });
  const model = await transformers.AutoModel.from_pretrained(modelId, {
    device: backend,
    // Known models name their dtype; an unknown imported folder uses its config's default.
    ...(settingsForModel.known ? { dtype: settingsForModel.dtype } : {}),
    progress_callback,
  });
  const embed = createEmbedFunction({
    tokenizer,
    model,
    makeTensor: (type, data, dims) => new transformers.Tensor(type, data, dims),
    pooling: settingsForModel.pooling,
    maxTokens: tokenLimit(settingsForModel.maxTokens, Number(tokenizer.model_max_length)),
  });
  return { embed, dispose: () => model.dispose() };
}

async function loadModel(
  modelId: string,
  policy: ModelSourcePolicy,
  onProgress?: (progress: EmbedLoadProgress) => void,
): Promise<ModelInfo> {
  const started = performance.now();
  const source: ModelSource = await resolveModelSource(modelId, policy, await lookupDeps());
  const transformers = await loadTransformers();
  const flags = runtimeFlags(source);
  const { env } = transformers;
  env.allowLocalModels = flags.allowLocalModels;
  env.allowRemoteModels = flags.allowRemoteModels;
  env.localModelPath = flags.localModelPath;
  env.useBrowserCache = typeof caches !== 'undefined';
  const onnxWasm = env.backends.onnx.wasm;
  if (onnxWasm) onnxWasm.wasmPaths = { wasm: new URL(ortWasmUrl, self.location.href).href };

  const tracker = new ProgressTracker(
    modelId,
    source === 'download' ? knownModel(modelId)?.downloadBytes : undefined,
  );
  const report = (event: RuntimeProgressEvent): void => {
    const progress = tracker.update(event);
    if (!progress) return;
    status = { state: 'loading', modelId, progress };
    onProgress?.(progress);
  };

  let backend = await chooseBackend((navigator as { gpu?: GpuLike }).gpu);
  let runtime: Pick<LoadedModel, 'embed' | 'dispose'>;
  try {
    runtime = await createRuntime(transformers, modelId, backend, report);
  } catch (error) {
    if (backend !== 'webgpu') throw error;
    // A real adapter that still cannot run this model (driver limits): wasm always works.
    backend = 'wasm';
    runtime = await createRuntime(transformers, modelId, backend, report);
  }

  const probe = await runtime.embed(['shortlist']);
  if (probe.dims <= 0) throw new ShortlistError('corrupt-file', `The model "${modelId}" returned no vector.`);
  const info: ModelInfo = {
    modelId,
    dims: probe.dims,
    maxTokens: modelSettings(modelId).maxTokens,
    backend,
    source,
    loadMs: performance.now() - started,
  };
  const previous = loaded;
  loaded = { info, ...runtime };
  if (previous) void previous.dispose();
  await settings.set('embeddingModel', modelId);
  return info;
}

/** The loaded model, loading the configured one from local sources when none is loaded yet. */
async function requireModel(): Promise<LoadedModel> {
  if (loaded) return loaded;
  if (loading) await loading;
  if (loaded) return loaded;
  const configured = await settings.get('embeddingModel');
  if (!configured) {
    throw new ShortlistError('not-found', 'No embedding model is loaded. Load one in Settings → Models.');
  }
  const outcome = await startLoad(configured, 'local');
  if (!outcome.ok || !loaded) {
    throw new ShortlistError(
      outcome.ok ? 'unknown' : outcome.error.code,
      outcome.ok ? 'The model could not be loaded.' : outcome.error.message,
    );
  }
  return loaded;
}

function startLoad(
  modelId: string,
  policy: ModelSourcePolicy,
  onProgress?: (progress: EmbedLoadProgress) => void,
): Promise<Outcome<ModelInfo>> {
  const previousLoad = loading ?? Promise.resolve(undefined);
  const run = previousLoad.then(async (): Promise<Outcome<ModelInfo>> => {
    status = { state: 'loading', modelId };
    try {
      const info = await loadModel(modelId, policy, onProgress);
      status = { state: 'ready', info };
      return { ok: true, value: info };
    } catch (error) {
      const outcome = fail<ModelInfo>(error);
      if (!outcome.ok)
        status = loaded
          ? { state: 'ready', info: loaded.info }
          : { state: 'error', modelId, error: outcome.error };
      return outcome;
    }
  });
  loading = run;
  void run.finally(() => {
    if (loading === run) loading = undefined;
  });
  return run;
}

async function ownerInputs(role: DocumentRole, id: string) {
  if (role === 'resume') {
    const resume = await resumes.get(id);
    if (!resume) return undefined;
    const document = await documents.get(resume.documentId);
    if (!document) return undefined;
    const { sections, work } = resume.profile;
    return { parsed: document.parsed, updatedAt: resume.updatedAt, sections, work };
  }
  const job = await jobs.get(id);
  if (!job) return undefined;
  const document = await documents.get(job.documentId);
  if (!document) return undefined;
  return { parsed: document.parsed, updatedAt: job.updatedAt, sections: undefined, work: undefined };
}

const embedWorker = {
  status() {
    return Promise.resolve(status);
  },

  async probe(modelId) {
    try {
      if (!isValidModelId(modelId))
        throw new ShortlistError('invalid-input', `"${modelId}" is not a valid model id.`);
      const deps = await lookupDeps();
      const available = await availableSources(modelId, deps);
      const downloadBytes = knownModel(modelId)?.downloadBytes;
      return {
        ok: true,
        value: {
          modelId,
          available,
          downloadsAllowed: deps.downloadsAllowed,
          ...(downloadBytes !== undefined ? { downloadBytes } : {}),
        },
      };
    } catch (error) {
      return fail(error);
    }
  },

  load(modelId, policy, onProgress) {
    return startLoad(modelId, policy, onProgress);
  },

  async ensureLoaded() {
    try {
      if (loaded) return { ok: true, value: loaded.info };
      const configured = await settings.get('embeddingModel');
      if (!configured) return { ok: true, value: undefined };
      return { ok: true, value: (await requireModel()).info };
    } catch (error) {
      return fail(error);
    }
  },

  async unload() {
    const previous = loaded;
    loaded = undefined;
    status = { state: 'none' };
    await settings.set('embeddingModel', '');
    await previous?.dispose();
  },

  async importModel(modelId, files) {
    try {
      if (!isValidModelId(modelId))
        throw new ShortlistError('invalid-input', `"${modelId}" is not a valid model id.`);
      if (typeof caches === 'undefined') {
        throw new ShortlistError(
          'invalid-input',
          'This browser has no Cache Storage; the model cannot be stored.',
        );
      }
      const byPath = new Map(files.map((file: ModelFile) => [file.path.replace(/^\/+/, ''), file]));
      for (const required of ['config.json', 'tokenizer.json']) {
        if (!byPath.has(required)) {
          throw new ShortlistError(
            'invalid-input',
            `The folder has no ${required}; pick the model's own folder.`,
          );
        }
      }
      if (![...byPath.keys()].some((path) => path.endsWith('.onnx'))) {
        throw new ShortlistError('invalid-input', 'The folder has no .onnx file (expected onnx/model.onnx).');
      }
      const cache = await caches.open(MODEL_CACHE_NAME);
      let bytes = 0;
      for (const [path, file] of byPath) {
        if (path.split('/').some((part) => part === '..' || part === '')) continue;
        const type = path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
        // The self-hosted URL is one of the two keys transformers.js looks up in its cache.
        await cache.put(
          selfHostedUrl(self.location.origin, modelId, path),
          new Response(file.bytes, {
            headers: {
              'content-type': type,
              'content-length': String(file.bytes.byteLength),
              [IMPORTED_HEADER]: '1',
            },
          }),
        );
        bytes += file.bytes.byteLength;
      }
      return { ok: true, value: { modelId, bytes } };
    } catch (error) {
      return fail(error);
    }
  },

  async embedTexts(texts) {
    try {
      const model = await requireModel();
      // A fresh buffer per call (pooling allocates it), so it can be transferred, not copied.
      const { vectors: buffer, dims } = await model.embed(texts);
      const value: EmbeddedTexts = {
        modelId: model.info.modelId,
        dims,
        count: texts.length,
        vectors: buffer,
      };
      const outcome: Outcome<EmbeddedTexts> = { ok: true, value };
      return Comlink.transfer(outcome, [buffer.buffer]);
    } catch (error) {
      return fail(error);
    }
  },

  async embedOwner(role, id) {
    try {
      const model = await requireModel();
      const started = performance.now();
      const inputs = await ownerInputs(role, id);
      if (!inputs) throw new ShortlistError('not-found', `That ${role} is no longer in the library.`);
      const result = await embedDocument(inputs.parsed, model.embed, {
        maxTokens: model.info.maxTokens,
        ...(inputs.sections ? { sections: inputs.sections } : {}),
        ...(inputs.work ? { work: inputs.work } : {}),
      });
      const { modelId } = model.info;
      await vectors.put({
        id: vectorId(id, modelId),
        ownerId: id,
        role,
        modelId,
        dims: result.dims,
        document: result.document,
        chunks: result.chunks,
        chunkSpans: result.chunkSpans,
        sourceUpdatedAt: inputs.updatedAt,
        createdAt: Date.now(),
      });
      const value: EmbedOwnerResult = {
        ownerId: id,
        role,
        modelId,
        dims: result.dims,
        chunks: result.chunkSpans.length,
        embedMs: performance.now() - started,
      };
      return { ok: true, value };
    } catch (error) {
      return fail(error);
    }
  },

  async pendingOwners() {
    try {
      const model = await requireModel();
      const { modelId } = model.info;
      const pending: PendingOwner[] = [];
      const [resumeStamps, jobStamps, allResumes, allJobs] = await Promise.all([
        vectors.stamps(modelId, 'resume'),
        vectors.stamps(modelId, 'job'),
        resumes.list(),
        jobs.list(),
      ]);
      for (const resume of allResumes) {
        if (resumeStamps.get(resume.id) !== resume.updatedAt) pending.push({ role: 'resume', id: resume.id });
      }
      for (const job of allJobs) {
        if (jobStamps.get(job.id) !== job.updatedAt) pending.push({ role: 'job', id: job.id });
      }
      return { ok: true, value: pending };
    } catch (error) {
      return fail(error);
    }
  },

  async countVectors() {
    try {
      if (!loaded) return { ok: true, value: undefined };
      const { modelId } = loaded.info;
      const [resumeCount, jobCount] = await Promise.all([
        vectors.count(modelId, 'resume'),
        vectors.count(modelId, 'job'),
      ]);
      const value: VectorCounts = { modelId, resumes: resumeCount, jobs: jobCount };
      return { ok: true, value };
    } catch (error) {
      return fail(error);
    }
  },
} satisfies EmbedApi;

Comlink.expose(embedWorker);
