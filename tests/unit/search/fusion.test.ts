import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_K } from '../../../src/core/search/fusion';

describe('reciprocalRankFusion', () => {
  it('sums 1/(k + rank) over the lists', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['c', 'a'],
    ]);
    expect(fused.map((hit) => hit.id)).toEqual(['a', 'c', 'b']);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 2), 12);
    expect(fused[1]!.score).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 1), 12);
    expect(fused[0]!.ranks).toEqual([1, 2]);
    expect(fused[2]!.ranks).toEqual([2, undefined]);
  });

  it('is deterministic for ties', () => {
    expect(reciprocalRankFusion([['x'], ['y']]).map((hit) => hit.id)).toEqual(['x', 'y']);
  });
});
