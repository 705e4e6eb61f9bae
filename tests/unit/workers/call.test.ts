import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import { toOutcome, unwrapOutcome, type Outcome } from '../../../src/core/contracts/outcome';
import type { MatchApi, ScoredMatch, StoredRef } from '../../../src/core/contracts/match-api';
import type { SearchApi } from '../../../src/core/contracts/search-api';
import { AbortedError, ParseError, ShortlistError, StorageFullError } from '../../../src/core/errors';
import { call } from '../../../src/workers/host/call';

const SCORED = { resumeId: 'r1', jobId: 'j1', scoreMs: 1 } as unknown as ScoredMatch;
const R1: StoredRef = { id: 'r1', updatedAt: 1, documentId: 'doc-r1' };
const J1: StoredRef = { id: 'j1', updatedAt: 2, documentId: 'doc-j1' };

/** A worker API object as Comlink would hand it over (a plain object with async methods). */
function matchApi(answer: (resumeId: string) => Outcome<ScoredMatch>): Remote<MatchApi> {
  const api: MatchApi = {
    scorePair: (resume) => Promise.resolve(answer(resume.id)),
    prepareJob: () => Promise.resolve({ ok: true, value: undefined }),
  };
  return api as unknown as Remote<MatchApi>;
}

describe('toOutcome (worker side)', () => {
  it('wraps a value, a sync throw and a rejection alike', async () => {
    await expect(toOutcome(() => 3)).resolves.toEqual({ ok: true, value: 3 });
    const thrown = await toOutcome(() => {
      throw new ParseError('corrupt-file', 'This PDF is damaged.');
    });
    expect(thrown).toEqual({
      ok: false,
      error: { name: 'ParseError', code: 'corrupt-file', message: 'This PDF is damaged.' },
    });
    const rejected = await toOutcome(() => Promise.reject(new DOMException('full', 'QuotaExceededError')));
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(rejected.error.code).toBe('storage-full');
  });
});

describe('unwrapOutcome / call (host side)', () => {
  it('returns the value the contract promises', async () => {
    const api = matchApi(() => ({ ok: true, value: SCORED }));
    const scored = await call(api, 'scorePair', R1, J1);
    expect(scored.resumeId).toBe('r1');
  });

  it('rethrows a failure as the typed error the worker reported', async () => {
    const api = matchApi(() => ({
      ok: false,
      error: { name: 'StorageFullError', code: 'storage-full', message: 'Browser storage is full.' },
    }));
    const failure = await call(api, 'scorePair', R1, J1).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect((failure as ShortlistError).code).toBe('storage-full');
    expect(() =>
      unwrapOutcome({ ok: false, error: { name: 'AbortedError', code: 'aborted', message: 'x' } }),
    ).toThrow(AbortedError);
  });

  it('passes the arguments through in order and calls the method on its API object', async () => {
    const seen: unknown[] = [];
    const api = {
      calls: 0,
      scorePair(this: { calls: number }, resume: StoredRef, job: StoredRef, modelId?: string) {
        this.calls += 1;
        seen.push(resume, job, modelId);
        return Promise.resolve({ ok: true as const, value: SCORED });
      },
    };
    await call(api as unknown as Remote<MatchApi>, 'scorePair', R1, J1, 'model-x');
    expect(seen).toEqual([R1, J1, 'model-x']);
    expect(api.calls).toBe(1);
  });

  it('is checked by the compiler against the worker contract (npm run check fails if not)', () => {
    const api = matchApi(() => ({ ok: true, value: SCORED }));
    // These lines are type assertions: `tsc -p tsconfig.node.json` (npm run check) fails when a
    // `@ts-expect-error` line compiles, i.e. if `call` stopped checking results or arguments.
    const run = async () => {
      // @ts-expect-error scorePair answers a ScoredMatch, not a number
      const wrongResult: number = await call(api, 'scorePair', R1, J1);
      // @ts-expect-error a resume is named by a StoredRef (id, updatedAt, documentId), not its id
      await call(api, 'scorePair', 'r1', J1);
      // @ts-expect-error MatchApi has no method "rankJob"
      await call(api, 'rankJob', 'j1');
      // @ts-expect-error a search page is not a rank page: `hits` is not on RankPage
      const rows: Awaited<ReturnType<SearchApi['rankJob']>> extends Outcome<infer T> ? T : never = await call(
        {} as Remote<SearchApi>,
        'search',
        'q',
        { offset: 0, limit: 10 },
      );
      return [wrongResult, rows];
    };
    expect(typeof run).toBe('function');
  });
});
