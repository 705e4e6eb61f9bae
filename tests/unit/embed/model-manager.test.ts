import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_ID,
  IMPORTED_HEADER,
  ProgressTracker,
  TINY_MODEL_ID,
  availableSources,
  chooseBackend,
  isValidModelId,
  resolveModelSource,
  runtimeFlags,
  type CacheLike,
  type LookupDeps,
  type ResponseLike,
} from '../../../src/core/embed/model-manager';
import { ShortlistError } from '../../../src/core/errors';

const ORIGIN = 'http://127.0.0.1:4173';
/** Stands in for the hub in these tests; never a real host. */
const FAKE_HUB = 'http://hub.invalid';

function response(
  status: number,
  contentType = 'application/json',
  extra: Record<string, string> = {},
): ResponseLike {
  const headers = new Map(Object.entries({ 'content-type': contentType, ...extra }));
  return { ok: status >= 200 && status < 300, status, headers: { get: (name) => headers.get(name) ?? null } };
}

interface World {
  /** URLs the server answers with JSON. */
  served: Set<string>;
  /** URL → response in the browser cache. */
  cached: Map<string, ResponseLike>;
  downloadsAllowed: boolean;
  offline?: boolean;
  /** Server answers unknown paths with index.html (SPA fallback). */
  spaFallback?: boolean;
}

function deps(world: World, requested: string[] = []): LookupDeps {
  const cache: CacheLike = { match: (url) => Promise.resolve(world.cached.get(url)) };
  return {
    origin: ORIGIN,
    downloadsAllowed: world.downloadsAllowed,
    hubUrl: (modelId, file) => `${FAKE_HUB}/${modelId}/resolve/main/${file}`,
    openCache: () => Promise.resolve(cache),
    fetch: (url) => {
      requested.push(url);
      if (world.offline) return Promise.reject(new TypeError('Failed to fetch'));
      if (world.served.has(url)) return Promise.resolve(response(200));
      return Promise.resolve(world.spaFallback ? response(200, 'text/html') : response(404, 'text/plain'));
    },
  };
}

const tinyConfig = `${ORIGIN}/models/${TINY_MODEL_ID}/config.json`;
const defaultConfigLocal = `${ORIGIN}/models/${DEFAULT_MODEL_ID}/config.json`;

async function rejection(promise: Promise<unknown>): Promise<ShortlistError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ShortlistError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('model source lookup order', () => {
  it('prefers the self-hosted folder over the cache', async () => {
    const world: World = {
      served: new Set([tinyConfig]),
      cached: new Map([[tinyConfig, response(200)]]),
      downloadsAllowed: true,
    };
    expect(await resolveModelSource(TINY_MODEL_ID, 'download', deps(world))).toBe('self-hosted');
    expect(await availableSources(TINY_MODEL_ID, deps(world))).toEqual(['self-hosted', 'cache']);
  });

  it('falls back to the browser cache when the server does not host it (or is offline)', async () => {
    const cachedFromHub: World = {
      served: new Set(),
      cached: new Map([[`${FAKE_HUB}/${DEFAULT_MODEL_ID}/resolve/main/config.json`, response(200)]]),
      downloadsAllowed: false,
    };
    expect(await resolveModelSource(DEFAULT_MODEL_ID, 'local', deps(cachedFromHub))).toBe('cache');
    const offline = { ...cachedFromHub, offline: true };
    expect(await resolveModelSource(DEFAULT_MODEL_ID, 'local', deps(offline))).toBe('cache');
  });

  it('reports an imported folder as imported', async () => {
    const world: World = {
      served: new Set(),
      cached: new Map([[defaultConfigLocal, response(200, 'application/json', { [IMPORTED_HEADER]: '1' })]]),
      downloadsAllowed: false,
    };
    expect(await resolveModelSource(DEFAULT_MODEL_ID, 'local', deps(world))).toBe('imported');
  });

  it('does not mistake an SPA index.html fallback for a self-hosted model', async () => {
    const world: World = { served: new Set(), cached: new Map(), downloadsAllowed: false, spaFallback: true };
    expect(await availableSources(DEFAULT_MODEL_ID, deps(world))).toEqual([]);
  });

  it('downloads only with policy "download" and the user\'s consent', async () => {
    const requested: string[] = [];
    const noConsent: World = { served: new Set(), cached: new Map(), downloadsAllowed: false };
    const refused = await rejection(
      resolveModelSource(DEFAULT_MODEL_ID, 'download', deps(noConsent, requested)),
    );
    expect(refused.message).toMatch(/downloads are off/i);
    const local = await rejection(
      resolveModelSource(
        DEFAULT_MODEL_ID,
        'local',
        deps({ ...noConsent, downloadsAllowed: true }, requested),
      ),
    );
    expect(local.code).toBe('not-found');
    const consented = { ...noConsent, downloadsAllowed: true };
    expect(await resolveModelSource(DEFAULT_MODEL_ID, 'download', deps(consented, requested))).toBe(
      'download',
    );
    // Looking up a model only ever asks this origin; the hub is not contacted by the lookup.
    expect(requested.every((url) => url.startsWith(`${ORIGIN}/models/`))).toBe(true);
  });

  it('never downloads the test-only tiny model', async () => {
    const world: World = { served: new Set(), cached: new Map(), downloadsAllowed: true };
    expect((await rejection(resolveModelSource(TINY_MODEL_ID, 'download', deps(world)))).code).toBe(
      'not-found',
    );
  });

  it('rejects model ids that could escape /models/', async () => {
    expect(isValidModelId('Xenova/all-MiniLM-L6-v2')).toBe(true);
    expect(isValidModelId('../secrets')).toBe(false);
    expect(isValidModelId('a/b/c')).toBe(false);
    expect(isValidModelId('a/..')).toBe(false);
    const world: World = { served: new Set(), cached: new Map(), downloadsAllowed: true };
    expect((await rejection(resolveModelSource('../x', 'download', deps(world)))).code).toBe('invalid-input');
  });

  it('maps each source to transformers.js flags: the network only for a download', () => {
    expect(runtimeFlags('self-hosted')).toEqual({
      allowLocalModels: true,
      allowRemoteModels: false,
      localModelPath: '/models/',
    });
    // Cached and imported files are read from the browser cache under their /models/ URLs: local
    // lookups must stay on (transformers.js refuses to load with both kinds off).
    expect(runtimeFlags('cache')).toMatchObject({ allowLocalModels: true, allowRemoteModels: false });
    expect(runtimeFlags('imported')).toMatchObject({ allowLocalModels: true, allowRemoteModels: false });
    expect(runtimeFlags('download').allowRemoteModels).toBe(true);
  });
});

describe('backend choice', () => {
  it('uses WebGPU only with a real adapter', async () => {
    expect(await chooseBackend(undefined)).toBe('wasm');
    expect(await chooseBackend({ requestAdapter: () => Promise.resolve(null) })).toBe('wasm');
    expect(
      await chooseBackend({ requestAdapter: () => Promise.resolve({ info: { isFallbackAdapter: true } }) }),
    ).toBe('wasm');
    expect(await chooseBackend({ requestAdapter: () => Promise.resolve({ isFallbackAdapter: true }) })).toBe(
      'wasm',
    );
    expect(
      await chooseBackend({ requestAdapter: () => Promise.resolve({ info: { isFallbackAdapter: false } }) }),
    ).toBe('webgpu');
    expect(await chooseBackend({ requestAdapter: () => Promise.reject(new Error('no gpu')) })).toBe('wasm');
  });
});

describe('ProgressTracker', () => {
  it('adds up per-file progress into one fraction', () => {
    const tracker = new ProgressTracker('m');
    tracker.update({ status: 'initiate', file: 'config.json' });
    tracker.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 50, total: 100 });
    const mid = tracker.update({ status: 'progress', file: 'tokenizer.json', loaded: 0, total: 100 });
    expect(mid).toMatchObject({ loadedBytes: 50, totalBytes: 200, fraction: 0.25, file: 'tokenizer.json' });
    tracker.update({ status: 'done', file: 'onnx/model.onnx' });
    const done = tracker.update({ status: 'done', file: 'tokenizer.json' });
    expect(done).toMatchObject({ loadedBytes: 200, fraction: 1 });
    expect(tracker.update({ status: 'ready' })).toBeUndefined();
  });

  it('uses the expected download size until the files report theirs', () => {
    const tracker = new ProgressTracker('m', 1000);
    expect(tracker.update({ status: 'progress', file: 'a', loaded: 100, total: 0 })?.fraction).toBe(0.1);
  });
});
