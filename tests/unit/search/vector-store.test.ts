import { describe, expect, it } from 'vitest';
import { VectorStore } from '../../../src/core/search/vector-store';
import { unitVectors } from './helpers';

function bruteForce(vectors: Map<string, Float32Array>, query: Float32Array, limit: number) {
  return [...vectors]
    .map(([id, vector]) => ({
      id,
      score: vector.reduce((sum, value, d) => sum + value * (query[d] ?? 0), 0),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

describe('VectorStore', () => {
  it('finds the same neighbours as brute force, through growth, updates and deletes', () => {
    const dims = 16;
    const vectors = unitVectors(300, dims, 3);
    const store = new VectorStore<string>(dims, 4);
    const reference = new Map<string, Float32Array>();
    vectors.forEach((vector, index) => {
      store.set(`v${index}`, vector);
      reference.set(`v${index}`, vector);
    });
    expect(store.capacity).toBeGreaterThanOrEqual(300);
    expect(store.capacity).toBe(512); // 4 doubled until it fits: one contiguous buffer
    for (let index = 0; index < 300; index += 3) {
      store.delete(`v${index}`);
      reference.delete(`v${index}`);
    }
    const replacement = unitVectors(1, dims, 99)[0]!;
    store.set('v1', replacement);
    reference.set('v1', replacement);
    expect(store.size).toBe(reference.size);
    for (const query of unitVectors(10, dims, 11)) {
      const got = store.search(query, 10);
      const want = bruteForce(reference, query, 10);
      expect(got.map((hit) => hit.id)).toEqual(want.map((hit) => hit.id));
      got.forEach((hit, index) => expect(hit.score).toBeCloseTo(want[index]!.score, 5));
    }
    for (const [id, vector] of reference) expect([...store.get(id)!]).toEqual([...vector]);
  });

  it('rejects vectors of the wrong dimension', () => {
    expect(() => new VectorStore(3).set('a', [1, 0])).toThrow(RangeError);
  });
});
