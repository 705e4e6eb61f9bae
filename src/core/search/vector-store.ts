/**
 * Vectors of one model in ONE contiguous Float32Array (row i = slot i), so a brute-force scan is
 * a single linear pass over memory. Capacity grows by doubling; delete swap-removes the last
 * row into the freed slot, so the rows stay dense and no free list is needed. Vectors are
 * expected L2-normalised, so the dot product is the cosine.
 */

export interface VectorHit<Id> {
  id: Id;
  score: number;
}

export class VectorStore<Id = string> {
  readonly dims: number;
  #data: Float32Array;
  #ids: Id[] = [];
  readonly #slotOf = new Map<Id, number>();

  constructor(dims: number, initialCapacity = 64) {
    if (!Number.isInteger(dims) || dims <= 0) throw new RangeError(`bad vector dimension ${dims}`);
    this.dims = dims;
    this.#data = new Float32Array(Math.max(1, initialCapacity) * dims);
  }

  get size(): number {
    return this.#ids.length;
  }

  /** Rows the buffer can hold before it grows. */
  get capacity(): number {
    return this.#data.length / this.dims;
  }

  has(id: Id): boolean {
    return this.#slotOf.has(id);
  }

  /** A copy-free view of one stored vector (valid until the next add/remove). */
  get(id: Id): Float32Array | undefined {
    const slot = this.#slotOf.get(id);
    return slot === undefined ? undefined : this.#data.subarray(slot * this.dims, (slot + 1) * this.dims);
  }

  /** Adds or replaces the vector of `id`. */
  set(id: Id, vector: ArrayLike<number>): void {
    if (vector.length !== this.dims) {
      throw new RangeError(`vector has ${vector.length} dimensions, the store ${this.dims}`);
    }
    let slot = this.#slotOf.get(id);
    if (slot === undefined) {
      slot = this.#ids.length;
      if (slot >= this.capacity) this.#grow();
      this.#ids.push(id);
      this.#slotOf.set(id, slot);
    }
    this.#data.set(vector, slot * this.dims);
  }

  /** Removes `id`; the last row moves into its slot. Returns false when it was absent. */
  delete(id: Id): boolean {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return false;
    const last = this.#ids.length - 1;
    if (slot !== last) {
      const movedId = this.#ids[last] as Id;
      this.#data.copyWithin(slot * this.dims, last * this.dims, (last + 1) * this.dims);
      this.#ids[slot] = movedId;
      this.#slotOf.set(movedId, slot);
    }
    this.#ids.pop();
    this.#slotOf.delete(id);
    return true;
  }

  /** The `limit` most similar vectors (dot product), best first; ties by slot order. */
  search(query: ArrayLike<number>, limit: number, accept?: (id: Id) => boolean): VectorHit<Id>[] {
    const scores = this.scoreAll(query);
    const hits: VectorHit<Id>[] = [];
    for (let slot = 0; slot < scores.length; slot++) {
      const id = this.#ids[slot] as Id;
      if (accept && !accept(id)) continue;
      hits.push({ id, score: scores[slot] ?? 0 });
    }
    return topK(hits, limit);
  }

  /** Dot product of `query` with every stored row, in slot order (ids via `idAt`). */
  scoreAll(query: ArrayLike<number>): Float32Array {
    const { dims } = this;
    const data = this.#data;
    const count = this.#ids.length;
    const scores = new Float32Array(count);
    for (let slot = 0; slot < count; slot++) {
      let dot = 0;
      const offset = slot * dims;
      for (let d = 0; d < dims; d++) dot += (data[offset + d] as number) * (query[d] as number);
      scores[slot] = dot;
    }
    return scores;
  }

  idAt(slot: number): Id | undefined {
    return this.#ids[slot];
  }

  ids(): Id[] {
    return [...this.#ids];
  }

  #grow(): void {
    const next = new Float32Array(this.#data.length * 2);
    next.set(this.#data);
    this.#data = next;
  }
}

/** The `limit` best hits, best first, stable for equal scores. */
export function topK<T extends { score: number }>(hits: T[], limit: number): T[] {
  return hits
    .map((hit, index) => ({ hit, index }))
    .sort((a, b) => b.hit.score - a.hit.score || a.index - b.index)
    .slice(0, Math.max(0, limit))
    .map(({ hit }) => hit);
}
