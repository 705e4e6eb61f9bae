/**
 * MatchClient asks the search worker's index first (no database read) and the match worker only
 * when the index cannot answer; a score from the index is stored like the match worker's own.
 */
import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type { KeyedScore, MatchApi, ScoredMatch, StoredRef } from '../../../src/core/contracts/match-api';
import type { Outcome } from '../../../src/core/contracts/outcome';
import type { MatchResult } from '../../../src/core/domain';
import { MetricsRegistry } from '../../../src/core/metrics/registry';
import { MATCH_HEDGE_MS, MatchClient, type PairIndex } from '../../../src/workers/host/clients';
import type { MatchRecord } from '../../../src/db/records';

const RESUME = { id: 'resume-1', updatedAt: 10, documentId: 'doc-r1' };
const JOB = { id: 'job-1', updatedAt: 20, documentId: 'doc-j1' };

function resultWith(score: number): MatchResult {
  return { score } as MatchResult;
}

/** The match worker as the pool sees it: it counts the pairs it was asked to score. */
function matchWorker(score: number): {
  create: () => { api: Remote<MatchApi>; terminate(): void; onCrash(): void };
  asked: StoredRef[];
} {
  const asked: StoredRef[] = [];
  const api = {
    scorePair: (resume: StoredRef, job: StoredRef): Promise<Outcome<ScoredMatch>> => {
      asked.push(resume);
      return Promise.resolve({
        ok: true as const,
        value: { resumeId: resume.id, jobId: job.id, result: resultWith(score), scoreMs: 1 },
      });
    },
  } as unknown as Remote<MatchApi>;
  return {
    asked,
    create: () => ({ api, terminate: () => undefined, onCrash: () => undefined }),
  };
}

function indexAnswering(answer: () => Promise<KeyedScore | undefined>): PairIndex & {
  stored: Omit<MatchRecord, 'id'>[];
  asked: number;
} {
  const index = {
    stored: [] as Omit<MatchRecord, 'id'>[],
    asked: 0,
    scorePair: () => {
      index.asked += 1;
      return answer();
    },
    store: (match: Omit<MatchRecord, 'id'>) => {
      index.stored.push(match);
    },
  };
  return index;
}

/** The index's answer for the pair, `ms` from now. */
function scoreAfter(ms: number, score: number): Promise<KeyedScore> {
  return new Promise((resolve) =>
    setTimeout(
      () => resolve({ resumeId: RESUME.id, jobId: JOB.id, result: resultWith(score), scoreMs: 1, key: 'k' }),
      ms,
    ),
  );
}

describe('MatchClient: the index first, the match worker when it cannot answer', () => {
  it('a score from the index is returned and stored, and the match worker is not asked', async () => {
    const worker = matchWorker(40);
    const index = indexAnswering(() =>
      Promise.resolve({
        resumeId: RESUME.id,
        jobId: JOB.id,
        result: resultWith(77),
        scoreMs: 0.5,
        key: 'k-77',
      }),
    );
    const metrics = new MetricsRegistry();
    const client = new MatchClient(metrics, index, worker.create);
    const outcome = await client.score(new AbortController().signal, RESUME, JOB);
    expect(outcome.result.score).toBe(77);
    expect(outcome.fromCache).toBe(false);
    expect(outcome).not.toHaveProperty('key');
    expect(worker.asked).toEqual([]);
    // Stored in a later task, after the score is returned (storing is not part of showing it).
    expect(index.stored).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(index.stored).toEqual([
      expect.objectContaining({ resumeId: RESUME.id, jobId: JOB.id, key: 'k-77', result: resultWith(77) }),
    ]);
    expect(metrics.get('match.score').count).toBe(1);
  });

  it('the match worker scores the pair when the index cannot answer, or fails', async () => {
    for (const answer of [
      () => Promise.resolve(undefined),
      () => Promise.reject(new Error('the search worker crashed')),
    ]) {
      const worker = matchWorker(40);
      const index = indexAnswering(answer);
      const client = new MatchClient(new MetricsRegistry(), index, worker.create);
      const outcome = await client.score(new AbortController().signal, RESUME, JOB);
      expect(outcome.result.score).toBe(40);
      expect(index.asked).toBe(1);
      expect(worker.asked).toEqual([RESUME]);
      expect(index.stored).toEqual([]);
    }
  });

  it('an index that does not answer soon (its worker busy) is overtaken by the match worker', async () => {
    const worker = matchWorker(40);
    const index = indexAnswering(() => scoreAfter(MATCH_HEDGE_MS * 20, 40));
    const client = new MatchClient(new MetricsRegistry(), index, worker.create);
    const started = performance.now();
    const outcome = await client.score(new AbortController().signal, RESUME, JOB);
    expect(outcome.result.score).toBe(40);
    expect(worker.asked).toEqual([RESUME]);
    expect(performance.now() - started).toBeLessThan(MATCH_HEDGE_MS * 20);
  });

  it('an index that answers at once leaves the match worker alone', async () => {
    const worker = matchWorker(40);
    const index = indexAnswering(() => scoreAfter(1, 61));
    const client = new MatchClient(new MetricsRegistry(), index, worker.create);
    expect((await client.score(new AbortController().signal, RESUME, JOB)).result.score).toBe(61);
    expect(worker.asked).toEqual([]);
  });

  it('without an index, the match worker scores every pair', async () => {
    const worker = matchWorker(52);
    const client = new MatchClient(new MetricsRegistry(), undefined, worker.create);
    expect((await client.score(new AbortController().signal, RESUME, JOB)).result.score).toBe(52);
    expect(worker.asked).toHaveLength(1);
  });
});
