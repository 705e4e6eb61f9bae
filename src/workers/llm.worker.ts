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
import type { ChatEngine } from '../core/llm/engine';
import type { EngineFactory } from '../core/llm/service';
import { AppDb } from '../db/app-db';
import { createLlmWorkerApi, type ModelCacheAccess } from './llm-worker-api';

type WebLlm = typeof import('@mlc-ai/web-llm');

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

/** The app config web-llm loads from: its prebuilt list, or one entry for a self-hosted model. */
function appConfigFor(webllm: WebLlm, model: Pick<LlmModelInfo, 'custom' | 'needsShaderF16' | 'vramMB'>) {
  const custom = model.custom;
  if (!custom) return webllm.prebuiltAppConfig;
  return {
    model_list: [
      {
        model: absolute(custom.modelUrl),
        model_id: custom.id,
        model_lib: absolute(custom.modelLibUrl),
        ...(custom.vramMB ? { vram_required_MB: custom.vramMB } : {}),
        ...(model.needsShaderF16 ? { required_features: ['shader-f16'] } : {}),
        overrides: { context_window_size: 4096 },
      },
    ],
  };
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
    const appConfig = query.custom
      ? appConfigFor(webllm, { custom: query.custom, needsShaderF16: false, vramMB: 0 })
      : webllm.prebuiltAppConfig;
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
