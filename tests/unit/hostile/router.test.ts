/** Malformed location hashes must route somewhere sensible instead of throwing (a blank app). */
import { describe, expect, it } from 'vitest';
import { fromHash } from '../../../src/ui/state/route-hash';

describe('route from a hostile hash', () => {
  it.each(['#/resume/%', '#/job/%E0%A4%A', '#/resume/%%%', '#/resume/%uD800'])(
    '%s opens the library',
    (hash) => {
      expect(fromHash(hash)).toEqual({ screen: 'library', id: null });
    },
  );

  it('still decodes well-formed ids and ignores unknown screens', () => {
    expect(fromHash('#/resume/a%2Fb')).toEqual({ screen: 'resume', id: 'a/b' });
    expect(fromHash('#/nowhere/1')).toEqual({ screen: 'library', id: null });
    expect(fromHash('#/settings')).toEqual({ screen: 'settings', id: null });
  });
});
