/** Malformed location hashes must route somewhere sensible instead of throwing (a blank app). */
import { describe, expect, it } from 'vitest';
import { fromHash, toHash } from '../../../src/ui/state/route-hash';

describe('route from a hostile hash', () => {
  it.each(['#/resume/%', '#/job/%E0%A4%A', '#/resume/%%%', '#/resume/%uD800', '#/match/ok/%'])(
    '%s opens the library',
    (hash) => {
      expect(fromHash(hash)).toMatchObject({ screen: 'library', id: null, segments: [] });
    },
  );

  it('still decodes well-formed ids and ignores unknown screens', () => {
    expect(fromHash('#/resume/a%2Fb')).toMatchObject({ screen: 'resume', id: 'a/b' });
    expect(fromHash('#/nowhere/1')).toMatchObject({ screen: 'library', id: null });
    expect(fromHash('#/settings')).toMatchObject({ screen: 'settings', id: null, segments: [], params: {} });
  });
});

describe('routes carry a screen’s selection', () => {
  it('reads segments and params', () => {
    const route = fromHash('#/ranking/job/j%201?must=Python%2CSQL&min=3');
    expect(route).toEqual({
      screen: 'ranking',
      id: 'job',
      segments: ['job', 'j 1'],
      params: { must: 'Python,SQL', min: '3' },
    });
    expect(fromHash('#/match/r1/j2').segments).toEqual(['r1', 'j2']);
  });

  it('writes what it reads (ids with slashes, query in a stable order, empty values left out)', () => {
    const hash = toHash('ranking', ['job', 'a/b?c'], { text: 'react native', must: 'Kafka', loc: '' });
    expect(hash).toBe('#/ranking/job/a%2Fb%3Fc?must=Kafka&text=react+native');
    expect(fromHash(hash)).toEqual({
      screen: 'ranking',
      id: 'job',
      segments: ['job', 'a/b?c'],
      params: { must: 'Kafka', text: 'react native' },
    });
  });
});
