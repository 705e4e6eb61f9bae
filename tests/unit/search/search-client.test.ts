import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type { Outcome } from '../../../src/core/contracts/outcome';
import type { PageRequest, SearchApi, SearchPage } from '../../../src/core/contracts/search-api';
import { AbortedError } from '../../../src/core/errors';
import { MetricsRegistry } from '../../../src/core/metrics';
import { SearchClient } from '../../../src/workers/host/search-client';
import type { PooledWorker } from '../../../src/workers/host/pool';

/**
 * Shaped like the real search worker as the host sees it: one thread that answers its messages
 * one at a time, in order, after an asynchronous hop; an index built once when the worker starts
 * (its state, lost if it is terminated); a terminated worker never answers again.
 */
class FakeSearchWorker implements PooledWorker<Remote<SearchApi>> {
  static created: FakeSearchWorker[] = [];
  terminated = false;
  /** Queries answered (stale ones included: the worker cannot know they are stale). */
  readonly answered: string[] = [];
  indexBuilds = 0;
  #mailbox: Promise<unknown> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor() {
    FakeSearchWorker.created.push(this);
    this.indexBuilds += 1;
  }

  /** Holds the next message until `release()`, so a test can abort a request mid-flight. */
  hold(): void {
    this.#mailbox = this.#mailbox.then(() => new Promise<void>((resolve) => (this.#release = resolve)));
  }

  release(): void {
    this.#release?.();
  }

  #post<T>(handle: () => T): Promise<T> {
    const reply = this.#mailbox.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.terminated) return new Promise<T>(() => undefined);
      return handle();
    });
    this.#mailbox = reply.catch(() => undefined);
    return reply;
  }

  statusCalls = 0;
  scorePairCalls = 0;

  readonly api = {
    status: (): Promise<Outcome<unknown>> =>
      this.#post(() => {
        this.statusCalls += 1;
        return { ok: true as const, value: { resumes: 0, jobs: 0, ready: true, cache: undefined } };
      }),
    search: (query: string, page: PageRequest): Promise<Outcome<SearchPage>> =>
      this.#post(() => {
        this.answered.push(query);
        return {
          ok: true as const,
          value: {
            hits: [],
            total: query.length,
            offset: page.offset,
            version: 1,
            fromCache: false,
            elapsedMs: 0.5,
            mode: 'text' as const,
          },
        };
      }),
    scorePair: (resume: { id: string }, job: { id: string }): Promise<Outcome<unknown>> =>
      this.#post(() => {
        this.scorePairCalls += 1;
        return {
          ok: true as const,
          value: { resumeId: resume.id, jobId: job.id, result: {}, scoreMs: 1, key: 'k' },
        };
      }),
  } as unknown as Remote<SearchApi>;

  terminate(): void {
    this.terminated = true;
  }

  onCrash(): void {
    // This fake never crashes.
  }
}

function setup() {
  FakeSearchWorker.created = [];
  return new SearchClient(new MetricsRegistry(), undefined, () => new FakeSearchWorker());
}

const page = { offset: 0, limit: 10 };

describe('SearchClient latest-wins', () => {
  it('drops the reply of an aborted search without terminating the search worker', async () => {
    const client = setup();
    await client.search(new AbortController().signal, 'warm', page);
    const worker = FakeSearchWorker.created[0];
    if (!worker) throw new Error('no worker');
    worker.hold();
    const stale = new AbortController();
    const first = client.search(stale.signal, 'react', page);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(client.pool.stats()).toMatchObject({ active: 1 });
    // Typing on: the newer query aborts the older one, as the ranking state does.
    stale.abort();
    const latest = client.search(new AbortController().signal, 'react native', page);
    await expect(first).rejects.toBeInstanceOf(AbortedError);
    worker.release();
    await expect(latest).resolves.toMatchObject({ total: 'react native'.length });
    expect(worker.terminated).toBe(false);
    expect(FakeSearchWorker.created).toHaveLength(1);
    expect(worker.indexBuilds).toBe(1);
    // The stale query ran to its end in the worker; its reply went nowhere.
    expect(worker.answered).toEqual(['warm', 'react', 'react native']);
    expect(client.pool.stats()).toMatchObject({ created: 1, cancelled: 1, done: 2, active: 0 });
  });

  it('ten queries typed in a row reach one worker, and only the last answer is used', async () => {
    const client = setup();
    let previous: AbortController | undefined;
    const calls: Promise<SearchPage>[] = [];
    for (const query of [
      'r',
      're',
      'rea',
      'reac',
      'react',
      'react ',
      'react n',
      'react na',
      'react nat',
      'react native',
    ]) {
      previous?.abort();
      previous = new AbortController();
      calls.push(client.search(previous.signal, query, page));
    }
    const settled = await Promise.allSettled(calls);
    expect(settled.slice(0, 9).every((result) => result.status === 'rejected')).toBe(true);
    expect(settled[9]).toMatchObject({ status: 'fulfilled', value: { total: 'react native'.length } });
    expect(FakeSearchWorker.created).toHaveLength(1);
    expect(FakeSearchWorker.created[0]?.terminated).toBe(false);
  });
});

describe('SearchClient.warm', () => {
  it('starts the worker once, however often the library changes', async () => {
    const client = setup();
    client.warm();
    client.warm();
    client.warm();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(FakeSearchWorker.created).toHaveLength(1);
    expect(FakeSearchWorker.created[0]?.statusCalls).toBe(1);
  });
});

describe('SearchClient.scorePair (a pair scored from the index)', () => {
  const ref = (id: string) => ({ id, updatedAt: 1, documentId: `doc-${id}` });

  it('neither starts the worker nor waits for its first load: the match worker answers meanwhile', async () => {
    const client = setup();
    await expect(client.scorePair(new AbortController().signal, ref('r'), ref('j'))).resolves.toBeUndefined();
    expect(FakeSearchWorker.created).toHaveLength(0);
  });

  it('asks the worker once a status says the index is loaded', async () => {
    const client = setup();
    await client.status(new AbortController().signal);
    const scored = await client.scorePair(new AbortController().signal, ref('r'), ref('j'));
    expect(scored).toMatchObject({ resumeId: 'r', jobId: 'j', key: 'k' });
    expect(FakeSearchWorker.created[0]?.scorePairCalls).toBe(1);
  });
});
