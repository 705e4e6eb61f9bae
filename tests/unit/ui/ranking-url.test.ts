import { describe, expect, it } from 'vitest';
import { rankingFromRoute, rankingRoute, type RankingUrlState } from '../../../src/ui/state/ranking-url';

const STATE: RankingUrlState = {
  view: 'recruiter',
  subjectId: 'job-1',
  mustHave: 'Kafka, SQL',
  mustHaveMode: 'any',
  minYears: '3',
  maxYears: '',
  location: 'Austin',
  text: 'payments',
  sort: { key: 'years', direction: 'asc' },
};

describe('ranking URL', () => {
  it('round-trips every field', () => {
    const { segments, params } = rankingRoute(STATE);
    expect(segments).toEqual(['job', 'job-1']);
    expect(rankingFromRoute(segments, params)).toEqual(STATE);
    const seeker = { ...STATE, view: 'seeker' as const, subjectId: 'resume-9' };
    const route = rankingRoute(seeker);
    expect(route.segments).toEqual(['resume', 'resume-9']);
    expect(rankingFromRoute(route.segments, route.params)).toEqual(seeker);
  });

  it('leaves defaults out of the URL and reads numbers typed into number inputs', () => {
    const plain = rankingRoute({
      ...STATE,
      mustHave: '',
      mustHaveMode: 'any',
      minYears: 2 as unknown as string,
      location: '',
      text: '',
      sort: { key: 'score', direction: 'desc' },
    });
    expect(Object.fromEntries(Object.entries(plain.params).filter(([, value]) => value))).toEqual({
      min: '2',
    });
  });

  it('ignores what it cannot read: no subject, unknown view or sort', () => {
    expect(rankingFromRoute([], {})).toBeUndefined();
    expect(rankingFromRoute(['people', 'x'], {})).toBeUndefined();
    expect(rankingFromRoute(['job', 'x'], { sort: 'salary-up', mode: 'maybe' })).toMatchObject({
      sort: { key: 'score', direction: 'desc' },
      mustHaveMode: 'all',
    });
  });
});
