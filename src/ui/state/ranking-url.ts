/**
 * The Ranking screen's state as a URL and back: `#/ranking/job/<jobId>?must=Kafka,SQL&mode=any&
 * min=3&max=10&loc=Austin&text=payments&sort=years-asc` (or `#/ranking/resume/<resumeId>…` for the
 * job-seeker view). Plain TS, so the mapping is unit-tested without Svelte.
 */
import type { MatchComponents } from '../../core/domain';
import { DEFAULT_SORT, type RankSort, type SortKey } from '../../core/search/filters';

export type RankingView = 'recruiter' | 'seeker';

export interface RankingUrlState {
  view: RankingView;
  subjectId: string;
  mustHave: string;
  mustHaveMode: 'all' | 'any';
  minYears: string;
  maxYears: string;
  location: string;
  text: string;
  sort: RankSort;
}

/** Every component is a sort key; the compiler checks this list against MatchComponents. */
const COMPONENT_KEYS = {
  requiredSkills: true,
  preferredSkills: true,
  text: true,
  semantic: true,
  title: true,
  experience: true,
  education: true,
  location: true,
} satisfies Record<keyof MatchComponents, true>;
const SORT_KEYS = new Set<string>(['score', 'name', 'years', 'location', ...Object.keys(COMPONENT_KEYS)]);
const DEFAULT_RANK_SORT = DEFAULT_SORT;

export function rankingRoute(state: RankingUrlState): { segments: string[]; params: Record<string, string> } {
  const segments = state.subjectId ? [state.view === 'recruiter' ? 'job' : 'resume', state.subjectId] : [];
  const sortChanged =
    state.sort.key !== DEFAULT_RANK_SORT.key || state.sort.direction !== DEFAULT_RANK_SORT.direction;
  // Number inputs bind numbers: read every field as text.
  const text = (value: string | number | null | undefined) =>
    value === undefined || value === null ? '' : String(value).trim();
  const must = text(state.mustHave);
  return {
    segments,
    params: {
      must,
      mode: must && state.mustHaveMode === 'any' ? 'any' : '',
      min: text(state.minYears),
      max: text(state.maxYears),
      loc: text(state.location),
      text: text(state.text),
      sort: sortChanged ? `${state.sort.key}-${state.sort.direction}` : '',
    },
  };
}

/** The state a ranking URL names; undefined when it names no subject (plain `#/ranking`). */
export function rankingFromRoute(
  segments: readonly string[],
  params: Readonly<Record<string, string>>,
): RankingUrlState | undefined {
  const [kind, subjectId] = segments;
  if ((kind !== 'job' && kind !== 'resume') || !subjectId) return undefined;
  const [key, direction] = (params.sort ?? '').split('-');
  const sort: RankSort =
    SORT_KEYS.has(key ?? '') && (direction === 'asc' || direction === 'desc')
      ? { key: key as SortKey, direction }
      : DEFAULT_RANK_SORT;
  return {
    view: kind === 'job' ? 'recruiter' : 'seeker',
    subjectId,
    mustHave: params.must ?? '',
    mustHaveMode: params.mode === 'any' ? 'any' : 'all',
    minYears: params.min ?? '',
    maxYears: params.max ?? '',
    location: params.loc ?? '',
    text: params.text ?? '',
    sort,
  };
}
