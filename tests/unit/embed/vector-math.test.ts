import { describe, expect, it } from 'vitest';
import { bestRow, cosine, dot, norm, normalizeRows, row } from '../../../src/core/embed/vector-math';

describe('vector math on Float32Array rows', () => {
  it('computes dot, norm and cosine on subarray offsets', () => {
    const rows = new Float32Array([1, 2, 3, 4, 5, 6]);
    expect(dot(rows, rows, 3, 0, 3)).toBe(1 * 4 + 2 * 5 + 3 * 6);
    expect(norm(rows, 2, 4)).toBeCloseTo(Math.sqrt(25 + 36));
    const expected = 32 / (Math.sqrt(14) * Math.sqrt(77));
    expect(cosine(rows, rows, 3, 0, 3)).toBeCloseTo(expected, 6);
  });

  it('gives cosine 0 for a zero vector instead of NaN', () => {
    expect(cosine(new Float32Array([0, 0]), new Float32Array([1, 0]), 2)).toBe(0);
  });

  it('normalises every row in place and leaves zero rows alone', () => {
    const rows = normalizeRows(new Float32Array([3, 4, 0, 0, 0, 5]), 2);
    expect([...rows]).toEqual([0.6, 0.8, 0, 0, 0, 1].map(Math.fround));
    expect(norm(rows, 2, 0)).toBeCloseTo(1);
  });

  it('row() is a view, not a copy', () => {
    const rows = new Float32Array([1, 2, 3, 4]);
    const second = row(rows, 2, 1);
    second[0] = 9;
    expect(rows[2]).toBe(9);
  });

  it('bestRow matches a brute-force search', () => {
    const dims = 4;
    const rows = new Float32Array(40);
    for (let i = 0; i < rows.length; i++) rows[i] = Math.sin(i * 1.7);
    normalizeRows(rows, dims);
    const query = normalizeRows(new Float32Array([0.2, -0.5, 0.7, 0.1]), dims);
    let bestIndex = -1;
    let bestScore = -Infinity;
    for (let r = 0; r < 10; r++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += (query[d] ?? 0) * (rows[r * dims + d] ?? 0);
      if (s > bestScore) [bestIndex, bestScore] = [r, s];
    }
    const best = bestRow(query, rows, dims);
    expect(best.index).toBe(bestIndex);
    expect(best.score).toBeCloseTo(bestScore, 6);
    expect(bestRow(query, new Float32Array(0), dims)).toEqual({ index: -1, score: 0 });
  });
});
