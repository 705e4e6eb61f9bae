/**
 * Embedding worker (one, long-lived): loads an embedding model behind the core `Embedder`
 * interface and turns resumes and jobs into vectors (document + chunks, core/embed). Reads:
 * settings, resumes, jobs, documents, vectors. Writes: vectors, and the `embeddingModel` setting
 * after a successful load.
 *
 * Two runtimes, both imported lazily on the first load:
 * - the built-in model (Universal Sentence Encoder lite, TensorFlow.js): its files are part of this
 *   app's build under /models/builtin/ (weights, vocabulary and TF.js' wasm binaries), fetched from
 *   this origin on first use and kept in Cache Storage (`shortlist-builtin-model`), never
 *   precached and never fetched from another host;
 * - transformers.js models: self-hosted `/models/<id>/` on this origin, the browser cache (earlier
 *   downloads and imported folders), then the Hugging Face hub only when the user allowed downloads
 *   (core/embed/model-manager). The ONNX runtime's wasm binary is served by this app.
 */
import * as Comlink from 'comlink';
// The ONNX runtime's wasm binary as a file of this app (Vite emits it once, hashed, and the service
// worker precaches it). transformers.js would otherwise point the runtime at a CDN. The glue code
// (.mjs) is already inside onnxruntime-web's bundled build, so only the binary needs a URL.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { DocumentRole } from '../core/contracts/parse-api';
import { toOutcome, type Outcome } from '../core/contracts/outcome';
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
import { ShortlistError } from '../core/errors';
import { embedWith, jobEmbedStructure, type Embedder } from '../core/embed/embedder';
import { createEmbedFunction, tokenLimit } from '../core/embed/pooling';
import { USE_LITE_FILES, createUseLiteEmbedFunction } from '../core/embed/use-lite';
import {
  BUILTIN_CACHE_NAME,
  BUILTIN_INPUT_TOKENS,
  BUILTIN_MODEL_BYTES,
  BUILTIN_MODEL_ID,
  IMPORTED_HEADER,
  MODEL_CACHE_NAME,
  builtinFileUrl,
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
  embedder: Embedder;
}

type Runtime = Pick<Embedder, 'embed' | 'dispose'>;

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

/** Tokenizer + model for `modelId` on `backend`, as one EmbedFunction (core/embed/pooling). */
async function createRuntime(
  transformers: Transformers,
  modelId: string,
  backend: 'wasm' | 'webgpu',
  onProgress: (event: RuntimeProgressEvent) => void,
): Promise<Runtime> {
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
  return {
    embed,
    dispose: async () => {
      await model.dispose();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The built-in model (TF.js).

/**
 * Cache-first fetch of a built-in model file: Cache Storage, else this origin (then stored). The
 * worker does this itself rather than rely on the service worker, which does not control the very
 * first visit.
 */
async function builtinFetch(url: string): Promise<Response> {
  if (typeof caches === 'undefined') return fetch(url);
  const cache = await caches.open(BUILTIN_CACHE_NAME);
  const hit = await cache.match(url);
  if (hit) return hit;
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  // A server without the files answers with its index.html (SPA fallback): never cache that.
  if (!response.ok || /html/i.test(type)) {
    throw new ShortlistError(
      'not-found',
      'The built-in model is not on this server (its files are part of the app build). Reload when online.',
    );
  }
  await cache.put(url, response.clone());
  return response;
}

async function builtinCached(): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  const cache = await caches.open(BUILTIN_CACHE_NAME);
  return (await cache.match(builtinFileUrl(self.location.origin, USE_LITE_FILES.model))) !== undefined;
}

const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

async function createBuiltinRuntime(
  backend: 'wasm' | 'webgpu',
  onProgress: (event: RuntimeProgressEvent) => void,
): Promise<Runtime> {
  const [tf, converter, wasm, use] = await Promise.all([
    import('@tensorflow/tfjs-core'),
    import('@tensorflow/tfjs-converter'),
    import('@tensorflow/tfjs-backend-wasm'),
    import('@tensorflow-models/universal-sentence-encoder'),
  ]);
  const origin = self.location.origin;
  if (backend === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend('webgpu'))) throw new Error('WebGPU backend failed to start');
  } else {
    // Only the binary this browser will run is fetched (SIMD; threads only where cross-origin
    // isolation allows SharedArrayBuffer), from this origin through the cache, as a blob: URL.
    const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
    const threads = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
    const file = simd ? (threads ? WASM_FILES[2] : WASM_FILES[1]) : WASM_FILES[0];
    const bytes = await (await builtinFetch(builtinFileUrl(origin, `tfjs/${file}`))).arrayBuffer();
    const blobUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/wasm' }));
    // TF.js wants all three names; only the chosen one is ever fetched.
    const paths = Object.fromEntries(
      WASM_FILES.map((name) => [name, name === file ? blobUrl : builtinFileUrl(origin, `tfjs/${name}`)]),
    ) as Record<(typeof WASM_FILES)[number], string>;
    wasm.setWasmPaths(paths);
    if (!(await tf.setBackend('wasm'))) throw new Error('The wasm backend failed to start');
  }
  await tf.ready();
  const modelUrl = builtinFileUrl(origin, USE_LITE_FILES.model);
  const file = 'weights';
  const model = await converter.loadGraphModel(modelUrl, {
    fetchFunc: (input: string | URL | Request) =>
      builtinFetch(
        new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, modelUrl)
          .href,
      ),
    onProgress: (fraction: number) =>
      onProgress({
        status: 'progress',
        file,
        loaded: Math.round(fraction * BUILTIN_MODEL_BYTES),
        total: BUILTIN_MODEL_BYTES,
      }),
  });
  onProgress({ status: 'done', file });
  const vocabulary = (await (
    await builtinFetch(builtinFileUrl(origin, USE_LITE_FILES.vocabulary))
  ).json()) as [string, number][];
  const embed = createUseLiteEmbedFunction({
    tf: tf,
    model: model as never,
    tokenizer: new use.Tokenizer(vocabulary),
    maxTokens: BUILTIN_INPUT_TOKENS,
  });
  return {
    embed,
    dispose: () => {
      model.dispose();
      return Promise.resolve();
    },
  };
}

async function loadModel(
  modelId: string,
  policy: ModelSourcePolicy,
  onProgress?: (progress: EmbedLoadProgress) => void,
): Promise<ModelInfo> {
  const started = performance.now();
  if (modelId === BUILTIN_MODEL_ID) return loadBuiltin(started, onProgress);
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
  let runtime: Runtime;
  try {
    runtime = await createRuntime(transformers, modelId, backend, report);
  } catch (error) {
    if (backend !== 'webgpu') throw error;
    // A real adapter that still cannot run this model (driver limits): wasm always works.
    backend = 'wasm';
    runtime = await createRuntime(transformers, modelId, backend, report);
  }
  return finishLoad(modelId, runtime, backend, source, started);
}

async function finishLoad(
  modelId: string,
  runtime: Runtime,
  backend: 'wasm' | 'webgpu',
  source: ModelSource,
  started: number,
): Promise<ModelInfo> {
  const probe = await runtime.embed(['shortlist']);
  if (probe.dims <= 0) throw new ShortlistError('corrupt-file', `The model "${modelId}" returned no vector.`);
  const known = modelSettings(modelId);
  const info: ModelInfo = {
    modelId,
    dims: probe.dims,
    maxTokens: known.maxTokens,
    backend,
    source,
    loadMs: performance.now() - started,
  };
  const embedder: Embedder = {
    modelId,
    dims: probe.dims,
    maxTokens: known.maxTokens,
    ...(known.maxChunks !== undefined ? { maxChunks: known.maxChunks } : {}),
    ...(known.chunkLayout ? { chunkLayout: known.chunkLayout } : {}),
    ...(known.documentOnly ? { documentOnly: true } : {}),
    ...runtime,
  };
  const previous = loaded;
  loaded = { info, embedder };
  if (previous) void previous.embedder.dispose();
  await settings.set('embeddingModel', modelId);
  return info;
}

async function loadBuiltin(
  started: number,
  onProgress?: (progress: EmbedLoadProgress) => void,
): Promise<ModelInfo> {
  const source: ModelSource = (await builtinCached()) ? 'cache' : 'self-hosted';
  const tracker = new ProgressTracker(BUILTIN_MODEL_ID, BUILTIN_MODEL_BYTES);
  const report = (event: RuntimeProgressEvent): void => {
    const progress = tracker.update(event);
    if (!progress) return;
    status = { state: 'loading', modelId: BUILTIN_MODEL_ID, progress };
    onProgress?.(progress);
  };
  let backend = await chooseBackend((navigator as { gpu?: GpuLike }).gpu);
  let runtime: Runtime;
  try {
    runtime = await createBuiltinRuntime(backend, report);
  } catch (error) {
    if (backend !== 'webgpu') throw error;
    backend = 'wasm';
    runtime = await createBuiltinRuntime(backend, report);
  }
  return finishLoad(BUILTIN_MODEL_ID, runtime, backend, source, started);
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
    const outcome = await toOutcome(() => loadModel(modelId, policy, onProgress));
    if (outcome.ok) status = { state: 'ready', info: outcome.value };
    else
      status = loaded
        ? { state: 'ready', info: loaded.info }
        : { state: 'error', modelId, error: outcome.error };
    return outcome;
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
    return { parsed: document.parsed, updatedAt: resume.updatedAt, structure: { sections, work } };
  }
  const job = await jobs.get(id);
  if (!job) return undefined;
  const document = await documents.get(job.documentId);
  if (!document) return undefined;
  return {
    parsed: document.parsed,
    updatedAt: job.updatedAt,
    structure: jobEmbedStructure(document.parsed),
  };
}

const embedWorker = {
  status() {
    return Promise.resolve(status);
  },

  probe(modelId) {
    return toOutcome(async () => {
      if (!isValidModelId(modelId))
        throw new ShortlistError('invalid-input', `"${modelId}" is not a valid model id.`);
      if (modelId === BUILTIN_MODEL_ID) {
        const available: ModelSource[] = (await builtinCached()) ? ['self-hosted', 'cache'] : ['self-hosted'];
        return { modelId, available, downloadsAllowed: false, downloadBytes: BUILTIN_MODEL_BYTES };
      }
      const deps = await lookupDeps();
      const available = await availableSources(modelId, deps);
      const downloadBytes = knownModel(modelId)?.downloadBytes;
      return {
        modelId,
        available,
        downloadsAllowed: deps.downloadsAllowed,
        ...(downloadBytes !== undefined ? { downloadBytes } : {}),
      };
    });
  },

  load(modelId, policy, onProgress) {
    return startLoad(modelId, policy, onProgress);
  },

  ensureLoaded() {
    return toOutcome(async () => {
      if (loaded) return loaded.info;
      const configured = await settings.get('embeddingModel');
      if (!configured) return undefined;
      return (await requireModel()).info;
    });
  },

  async unload() {
    const previous = loaded;
    loaded = undefined;
    status = { state: 'none' };
    await settings.set('embeddingModel', '');
    await previous?.embedder.dispose();
  },

  importModel(modelId, files) {
    return toOutcome(async () => {
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
      return { modelId, bytes };
    });
  },

  async embedTexts(texts) {
    const outcome = await toOutcome(async () => {
      const model = await requireModel();
      // A fresh buffer per call (pooling allocates it), so it can be transferred, not copied.
      const { vectors: buffer, dims } = await model.embedder.embed(texts);
      const value: EmbeddedTexts = {
        modelId: model.info.modelId,
        dims,
        count: texts.length,
        vectors: buffer,
      };
      return value;
    });
    // A fresh buffer per call: transferred, not copied.
    return outcome.ok ? Comlink.transfer(outcome, [outcome.value.vectors.buffer]) : outcome;
  },

  embedOwner(role, id) {
    return toOutcome(async () => {
      const model = await requireModel();
      const started = performance.now();
      const inputs = await ownerInputs(role, id);
      if (!inputs) throw new ShortlistError('not-found', `That ${role} is no longer in the library.`);
      const result = await embedWith(model.embedder, inputs.parsed, inputs.structure);
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
      return value;
    });
  },

  pendingOwners(limit, skip) {
    return toOutcome(async () => {
      const model = await requireModel();
      const { modelId } = model.info;
      const [resumeVectors, jobVectors, resumeStamps, jobStamps] = await Promise.all([
        vectors.stamps(modelId, 'resume'),
        vectors.stamps(modelId, 'job'),
        resumes.stampsNewestFirst(),
        jobs.stampsNewestFirst(),
      ]);
      const skipped = new Set(skip);
      const owners: PendingOwner[] = [];
      let total = 0;
      const collect = (role: PendingOwner['role'], stamps: [string, number][], have: Map<string, number>) => {
        for (const [id, updatedAt] of stamps) {
          if (have.get(id) === updatedAt || skipped.has(id)) continue;
          total += 1;
          if (owners.length < limit) owners.push({ role, id });
        }
      };
      collect('job', jobStamps, jobVectors);
      collect('resume', resumeStamps, resumeVectors);
      return { owners, total };
    });
  },

  countVectors() {
    return toOutcome(async () => {
      if (!loaded) return undefined;
      const { modelId } = loaded.info;
      const [resumeCount, jobCount] = await Promise.all([
        vectors.count(modelId, 'resume'),
        vectors.count(modelId, 'job'),
      ]);
      const value: VectorCounts = { modelId, resumes: resumeCount, jobs: jobCount };
      return value;
    });
  },
} satisfies EmbedApi;

Comlink.expose(embedWorker);
