import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  PageRequest,
  RankFilters,
  RankPage,
  RankRow,
  SearchPage,
} from '../../../src/core/contracts/search-api';
import type { ShortlistChange, ShortlistEntry } from '../../../src/core/shortlist/entry';

/** What the fake search worker was asked, and a way to hold one answer back. */
const asked: { subject: string; offset: number; filters: RankFilters }[] = [];
const searched: string[] = [];
let held: { subject: string; release: () => void } | undefined;
let holdNext: string | undefined;
const TOTALS: Record<string, number> = { 'job-a': 250, 'job-b': 30 };
const stored = new Map<string, ShortlistEntry>();

function rows(subject: string, page: PageRequest): RankRow[] {
  const total = TOTALS[subject] ?? 0;
  const count = Math.max(0, Math.min(page.limit, total - page.offset));
  return Array.from({ length: count }, (_, index) => {
    const rank = page.offset + index + 1;
    return { id: `${subject}-r${rank}`, rank, name: `Candidate ${rank}`, score: 100 - rank / 10 } as RankRow;
  });
}

vi.mock('../../../src/ui/services', () => ({
  services: {
    search: {
      refresh: () => Promise.resolve({}),
      // One resume has the words; another is only near in meaning (a vector hit).
      search: (_signal: AbortSignal, query: string) => {
        searched.push(query);
        return Promise.resolve({
          hits: [
            { id: 'has-words', rank: 1, name: 'A', score: 1, textRank: 1, years: 1, skills: [] },
            { id: 'only-near', rank: 2, name: 'B', score: 0.5, vectorRank: 1, years: 1, skills: [] },
          ],
          total: 2,
          offset: 0,
          version: 1,
          fromCache: false,
          elapsedMs: 1,
          mode: 'hybrid',
        } satisfies SearchPage);
      },
      rankJob: async (
        signal: AbortSignal,
        subject: string,
        filters: RankFilters,
        _sort: unknown,
        page: PageRequest,
      ) => {
        asked.push({ subject, offset: page.offset, filters });
        if (holdNext === subject) {
          holdNext = undefined;
          await new Promise<void>((resolve) => (held = { subject, release: resolve }));
        }
        await Promise.resolve();
        void signal;
        const page_: RankPage = {
          rows: rows(subject, page),
          total: TOTALS[subject] ?? 0,
          offset: page.offset,
          version: 1,
          fromCache: false,
          elapsedMs: 1,
        };
        return page_;
      },
    },
    shortlists: {
      forSubject: (subjectId: string) =>
        Promise.resolve([...stored.values()].filter((entry) => entry.subjectId === subjectId)),
      update: (kind: 'job' | 'resume', subjectId: string, ids: string[], change: ShortlistChange) => {
        const out = ids.map((candidateId) => {
          const id = `${subjectId}|${candidateId}`;
          const entry: ShortlistEntry = {
            id,
            subjectKind: kind,
            subjectId,
            candidateId,
            starred: false,
            stage: 'new',
            note: '',
            tags: [],
            updatedAt: 1,
            ...stored.get(id),
            ...change,
          };
          stored.set(id, entry);
          return entry;
        });
        return Promise.resolve(out);
      },
    },
  },
  readyModelId: () => undefined,
}));
vi.mock('../../../src/ui/state/library.svelte', () => ({ library: { jobs: [], resumes: [] } }));

const { RankingState, RANK_PAGE_SIZE } = await import('../../../src/ui/state/ranking.svelte');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  asked.length = 0;
  searched.length = 0;
  held = undefined;
  holdNext = undefined;
  stored.clear();
});

describe('RankingState paging', () => {
  it('loads the first page, then only the pages the table is about to show, each once', async () => {
    const state = new RankingState();
    state.subjectId = 'job-a';
    await state.reload();
    expect(state.total).toBe(250);
    expect(state.rowAt(0)?.rank).toBe(1);
    expect(state.rowAt(RANK_PAGE_SIZE - 1)?.rank).toBe(RANK_PAGE_SIZE);
    expect(state.rowAt(RANK_PAGE_SIZE)).toBeUndefined();

    // Rows 150..160 live on page 1; asking twice while it loads fetches it once.
    state.ensureRows(150, 160);
    state.ensureRows(150, 160);
    await settle();
    expect(asked.map((request) => request.offset)).toEqual([0, RANK_PAGE_SIZE]);
    expect(state.rowAt(150)?.rank).toBe(151);
    // The last, partial page; nothing past the end is asked for.
    state.ensureRows(240, 400);
    await settle();
    expect(asked.map((request) => request.offset)).toEqual([0, RANK_PAGE_SIZE, 2 * RANK_PAGE_SIZE]);
    expect(state.rowAt(249)?.rank).toBe(250);
    expect(state.rowAt(250)).toBeUndefined();
  });

  it('latest wins: a slower answer for the previous subject is never shown', async () => {
    const state = new RankingState();
    holdNext = 'job-a';
    state.subjectId = 'job-a';
    const first = state.reload();
    await settle();
    state.subjectId = 'job-b';
    await state.reload();
    held?.release();
    await first;
    await settle();
    expect(state.total).toBe(30);
    expect(state.rowAt(0)?.id).toBe('job-b-r1');
    expect(state.rowAt(40)).toBeUndefined();
  });

  it('finds rows on pages not loaded yet for an export, in rank order', async () => {
    const state = new RankingState();
    state.subjectId = 'job-a';
    await state.reload();
    const found = await state.rowsFor(new Set(['job-a-r230', 'job-a-r5', 'job-a-r120']));
    expect(found.map((row) => row.rank)).toEqual([5, 120, 230]);
  });
});

describe('RankingState shortlist', () => {
  it('stars and stages belong to the subject they were set for', async () => {
    const state = new RankingState();
    state.subjectId = 'job-a';
    await state.reload();
    await state.toggleStar(state.rowAt(0)!);
    await state.change(['job-a-r2'], { stage: 'interview', note: 'Call back' });
    expect(state.starredCount).toBe(1);
    expect(state.stageOf('job-a-r2')).toBe('interview');

    state.subjectId = 'job-b';
    await state.reload();
    expect(state.starredCount).toBe(0);
    expect(state.isStarred('job-a-r1')).toBe(false);

    // Back to the first job: read again from storage, as a reload of the page would.
    const fresh = new RankingState();
    fresh.subjectId = 'job-a';
    await fresh.reload();
    expect(fresh.isStarred('job-a-r1')).toBe(true);
    expect(fresh.noteOf('job-a-r2')).toBe('Call back');
  });

  it('bulk actions apply to the selected rows only', async () => {
    const state = new RankingState();
    state.subjectId = 'job-a';
    await state.reload();
    state.toggleSelected('job-a-r3');
    state.toggleSelected('job-a-r4');
    state.toggleSelected('job-a-r4');
    state.toggleSelected('job-a-r5');
    await state.stageSelected('screened');
    expect([...stored.values()].map((entry) => entry.candidateId).sort()).toEqual(['job-a-r3', 'job-a-r5']);
    expect(state.stageOf('job-a-r4')).toBe('new');
  });
});

describe('RankingState search box', () => {
  it('sends typed words to the search worker and ranks only the resumes that contain them', async () => {
    const state = new RankingState();
    state.subjectId = 'job-a';
    state.text = '  kafka payments ';
    await state.reload();
    expect(searched).toEqual(['kafka payments']);
    expect(asked.at(-1)?.filters.ids).toEqual(['has-words']);
    expect(asked.at(-1)?.filters.text).toBeUndefined();
    expect(state.searchHits?.hits).toHaveLength(2);
    expect(state.searchedFor).toBe('kafka payments');

    // Box emptied: no search, no id filter.
    state.text = '';
    await state.reload();
    expect(searched).toHaveLength(1);
    expect(asked.at(-1)?.filters.ids).toBeUndefined();
    expect(state.searchHits).toBeNull();
  });
});
