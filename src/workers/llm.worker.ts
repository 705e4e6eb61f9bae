/**
 * LLM worker: runs web-llm (WebGPU) off the main thread, one job at a time. web-llm is imported
 * lazily — only when the person loads a model or deletes a downloaded one — so opening the app,
 * or a browser without WebGPU, never fetches or parses it. Weights are cached by web-llm itself
 * (Cache API, caches "webllm/model", "webllm/config", "webllm/wasm"); this worker only lists and
 * deletes them. Reads resumes, jobs, documents, matches; writes refined records and suggestions
 * (see llm-worker-api.ts). This entry always uses the real web-llm engine.
 */
import * as Comlink from 'comlink';
import type { CachedModelQuery } from '../core/contracts/llm-api';
import type { LlmModelInfo } from '../core/llm/catalog';
import { modelRecordFor } from '../core/llm/integrity';
import type { ChatEngine } from '../core/llm/engine';
import type { EngineFactory } from '../core/llm/service';
import { AppDb } from '../db/app-db';
import { createLlmWorkerApi, type ModelCacheAccess } from './llm-worker-api';

type WebLlm = typeof import('@mlc-ai/web-llm');
type AppConfig = import('@mlc-ai/web-llm').AppConfig;

let webLlmLoad: Promise<WebLlm> | undefined;

/** Loads web-llm once; a failed load is not kept, so the next attempt retries. */
function loadWebLlm(): Promise<WebLlm> {
  webLlmLoad ??= import('@mlc-ai/web-llm');
  webLlmLoad.catch(() => (webLlmLoad = undefined));
  return webLlmLoad;
}

function absolute(url: string): string {
  return new URL(url.trim(), self.location.href).href;
}

/**
 * The app config web-llm loads from: one record, built by core (integrity.ts) — a self-hosted
 * model's entry with its library hash when given, a pinned catalog entry with its recorded hash,
 * or web-llm's own prebuilt record (unpinned, see docs/hostile-input.md).
 */
function appConfigFor(
  webllm: WebLlm,
  model: Pick<LlmModelInfo, 'id' | 'custom' | 'needsShaderF16' | 'vramMB'>,
): AppConfig {
  const record = modelRecordFor(model, webllm.prebuiltAppConfig.model_list, absolute);
  if (!record) return webllm.prebuiltAppConfig;
  return { ...webllm.prebuiltAppConfig, model_list: [record] };
}

const createWebLlmEngine: EngineFactory = async (model, onProgress, signal) => {
  const webllm = await loadWebLlm();
  const engine = new webllm.MLCEngine({
    appConfig: appConfigFor(webllm, model),
    initProgressCallback: (report) => onProgress({ progress: report.progress, text: report.text }),
  });
  // Unloading during reload aborts web-llm's download (its reload AbortController).
  const stop = () => void engine.unload().catch(() => undefined);
  signal.addEventListener('abort', stop);
  try {
    await engine.reload(model.id);
  } finally {
    signal.removeEventListener('abort', stop);
  }
  // The compiler checks here that web-llm's MLCEngine still fits the interface core relies on.
  const chatEngine: ChatEngine = engine;
  return chatEngine;
};

/**
 * Listing reads the Cache API directly (no web-llm import): web-llm stores each weight shard
 * under a URL inside the model's folder, which contains the model id. Deleting uses web-llm's own
 * deleteModelAllInfoInCache (weights, config and compiled library).
 */
const modelCache: ModelCacheAccess = {
  async cached(queries: CachedModelQuery[]) {
    if (typeof caches === 'undefined' || !(await caches.has('webllm/model'))) return [];
    const cache = await caches.open('webllm/model');
    const urls = (await cache.keys()).map((request) => request.url);
    return queries
      .filter((query) => {
        const folder = query.custom
          ? absolute(query.custom.modelUrl).replace(/\/?$/, '/')
          : `/${query.modelId}/`;
        return urls.some((url) => (query.custom ? url.startsWith(folder) : url.includes(folder)));
      })
      .map((query) => query.modelId);
  },
  async remove(query: CachedModelQuery) {
    const webllm = await loadWebLlm();
    const appConfig = appConfigFor(webllm, {
      id: query.modelId,
      ...(query.custom ? { custom: query.custom } : {}),
      needsShaderF16: false,
      vramMB: 0,
    });
    await webllm.deleteModelAllInfoInCache(query.modelId, appConfig);
  },
};

const llmWorker = createLlmWorkerApi({
  db: new AppDb(),
  createEngine: createWebLlmEngine,
  modelCache,
  log: (message) => console.info(message),
});

Comlink.expose(llmWorker);
