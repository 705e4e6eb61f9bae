import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type {
  EmbedApi,
  EmbedEvent,
  EmbedOwnerResult,
  ModelInfo,
  PendingOwner,
  PendingOwners,
} from '../../../src/core/contracts/embed-api';
import type { Outcome } from '../../../src/core/contracts/outcome';
import { MetricsRegistry } from '../../../src/core/metrics';
import { EmbedClient } from '../../../src/workers/host/embed-client';
import { ForegroundActivity } from '../../../src/workers/host/foreground';
import type { PooledWorker } from '../../../src/workers/host/pool';

const INFO: ModelInfo = {
  modelId: 'tiny',
  dims: 4,
  maxTokens: 64,
  backend: 'wasm',
  source: 'self-hosted',
  loadMs: 1,
};

/** The worker's API in this thread: records calls; embedOwner can be held open by a test. */
class FakeEmbedApi {
  embedded: string[] = [];
  pending: PendingOwner[] = [];
  configured = false;
  /** When set, embedOwner waits for this before finishing. */
  gate: Promise<void> | undefined;

  ensureLoaded(): Promise<Outcome<ModelInfo | undefined>> {
    return Promise.resolve({ ok: true, value: this.configured ? INFO : undefined });
  }
  load(): Promise<Outcome<ModelInfo>> {
    this.configured = true;
    return Promise.resolve({ ok: true, value: INFO });
  }
  /** Like the worker: owners without vectors, in the list's order, leaving out the skipped. */
  pendingOwners(limit: number, skip: string[]): Promise<Outcome<PendingOwners>> {
    const left = this.pending.filter(
      (owner) => !this.embedded.includes(owner.id) && !skip.includes(owner.id),
    );
    return Promise.resolve({ ok: true, value: { owners: left.slice(0, limit), total: left.length } });
  }
  async embedOwner(role: 'resume' | 'job', id: string): Promise<Outcome<EmbedOwnerResult>> {
    if (this.gate) await this.gate;
    if (id === 'broken')
      return { ok: false, error: { name: 'ShortlistError', code: 'not-found', message: 'gone' } };
    this.embedded.push(id);
    return { ok: true, value: { ownerId: id, role, modelId: 'tiny', dims: 4, chunks: 3, embedMs: 12 } };
  }
}

function setup(api = new FakeEmbedApi(), activity = new ForegroundActivity()) {
  const metrics = new MetricsRegistry();
  const worker: PooledWorker<Remote<EmbedApi>> = {
    api: api as unknown as Remote<EmbedApi>,
    terminate: () => undefined,
    onCrash: () => undefined,
  };
  const client = new EmbedClient(metrics, () => worker, undefined, activity);
  const events: EmbedEvent[] = [];
  client.subscribe((event) => events.push(event));
  return { api, client, metrics, events };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Lets timers run until `done()` holds (at most ~2 s), for background work of several rounds. */
async function settleUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('EmbedClient', () => {
  it('does not embed imports while no model is configured', async () => {
    const { api, client } = setup();
    api.pending = [{ role: 'resume', id: 'r1' }];
    client.embedSoon();
    await settle();
    expect(api.embedded).toEqual([]);
    expect(client.status.state).toBe('none');
  });

  it('restores the configured model on first use after a reload, then embeds in the background', async () => {
    const api = new FakeEmbedApi();
    api.configured = true;
    api.pending = [
      { role: 'resume', id: 'r1' },
      { role: 'job', id: 'j1' },
    ];
    const { client, metrics, events } = setup(api);
    client.embedSoon();
    client.embedSoon();
    await settleUntil(() => api.embedded.length === 2);
    expect(api.embedded).toEqual(['r1', 'j1']);
    expect(client.status).toEqual({ state: 'ready', info: INFO });
    expect(metrics.get('embed.document').count).toBe(2);
    expect(
      events
        .filter((event) => event.type === 'vectors')
        .map((event) => event.type === 'vectors' && event.ownerId),
    ).toEqual(['r1', 'j1']);
  });

  it('re-embeds pending documents after a model change, reporting progress and failures', async () => {
    const api = new FakeEmbedApi();
    api.pending = [
      { role: 'resume', id: 'a' },
      { role: 'resume', id: 'broken' },
      { role: 'job', id: 'b' },
    ];
    const { client, metrics, events } = setup(api);
    await client.load(new AbortController().signal, 'tiny', 'local');
    await settleUntil(() => events.some((event) => event.type === 'reembed' && event.finished));
    expect(api.embedded).toEqual(['a', 'b']);
    const finished = events.filter((event) => event.type === 'reembed' && event.finished);
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ progress: { done: 3, total: 3, failed: 1 } });
    expect(metrics.get('embed.document').errors).toBe(1);
  });

  it('stops re-embedding after the current document when cancelled', async () => {
    const api = new FakeEmbedApi();
    api.pending = [
      { role: 'resume', id: 'a' },
      { role: 'resume', id: 'b' },
      { role: 'resume', id: 'c' },
    ];
    let release = (): void => undefined;
    api.gate = new Promise<void>((resolve) => (release = resolve));
    const { client } = setup(api);
    await client.load(new AbortController().signal, 'tiny', 'local');
    await settle();
    expect(client.reembedProgress).toMatchObject({ done: 0, total: 3 });
    client.cancelReembed();
    release();
    await settle();
    expect(api.embedded).toEqual(['a']);
    expect(client.reembedProgress).toBeUndefined();
  });
});

describe('EmbedClient background rounds', () => {
  it('asks again after each batch, so a record added meanwhile is embedded before the rest', async () => {
    const api = new FakeEmbedApi();
    api.pending = Array.from({ length: 40 }, (_, i) => ({ role: 'resume' as const, id: `r${i}` }));
    let release = (): void => undefined;
    api.gate = new Promise<void>((resolve) => (release = resolve));
    const { client } = setup(api);
    await client.load(new AbortController().signal, 'tiny', 'local');
    await settle();
    // A job is pasted while the first batch runs: the worker lists it first.
    api.pending.unshift({ role: 'job', id: 'new-job' });
    release();
    api.gate = undefined;
    await settleUntil(() => api.embedded.length === 41);
    expect(api.embedded).toHaveLength(41);
    const position = api.embedded.indexOf('new-job');
    // After the first batch (16), not after all 40.
    expect(position).toBe(16);
  });

  it('waits while foreground work runs (an import, a ranking) and goes on once it is quiet', async () => {
    const api = new FakeEmbedApi();
    api.pending = [
      { role: 'resume', id: 'a' },
      { role: 'resume', id: 'b' },
    ];
    let now = 10_000;
    const activity = new ForegroundActivity(() => now);
    const { client } = setup(api, activity);
    const end = activity.begin();
    await client.load(new AbortController().signal, 'tiny', 'local');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(api.embedded).toEqual([]);
    end();
    now += 1_000;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(api.embedded).toEqual(['a', 'b']);
  });
});

describe('EmbedClient status while a restore and a load overlap', () => {
  it('a restore of the previous model that finishes after a load started never reports that model', async () => {
    const BUILTIN: ModelInfo = { ...INFO, modelId: 'builtin' };
    let finishRestore: (() => void) | undefined;
    const api = new FakeEmbedApi();
    api.ensureLoaded = () =>
      new Promise((resolve) => {
        finishRestore = () => resolve({ ok: true, value: BUILTIN });
      });
    const { client, events } = setup(api);
    const restoring = client.restore();
    await settle();
    // The person picks another model while the old one is still being restored.
    const loading = client.load(new AbortController().signal, 'tiny', 'local');
    expect(client.status).toMatchObject({ state: 'loading', modelId: 'tiny' });
    finishRestore?.();
    await restoring;
    expect(client.status).toMatchObject({ state: 'loading', modelId: 'tiny' });
    await loading;
    expect(client.status).toMatchObject({ state: 'ready', info: { modelId: 'tiny' } });
    const readyModels = events.flatMap((event) =>
      event.type === 'status' && event.status.state === 'ready' ? [event.status.info.modelId] : [],
    );
    expect(readyModels).toEqual(['tiny']);
  });
});
