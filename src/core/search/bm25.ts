/**
 * A small in-memory BM25 index (Okapi BM25, k1 1.2, b 0.75 by default) over pre-tokenised
 * documents. Documents can be added and removed at any time; the index keeps postings per term
 * and the running total length, so both operations cost O(distinct terms of the document).
 * Used for search over the resume pool and (through bm25TermWeight) by the lexical scorer.
 */

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

export interface Bm25Hit<Id> {
  id: Id;
  score: number;
}

/** Robertson–Spärck Jones IDF with +1 inside the log so it is never negative (Lucene's form). */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The saturated term-frequency part of BM25 for one term in one document. */
export function bm25TermWeight(
  termFrequency: number,
  documentLength: number,
  averageLength: number,
  params: Bm25Params = DEFAULT_BM25,
): number {
  if (termFrequency <= 0) return 0;
  const lengthRatio = averageLength > 0 ? documentLength / averageLength : 1;
  const norm = params.k1 * (1 - params.b + params.b * lengthRatio);
  return (termFrequency * (params.k1 + 1)) / (termFrequency + norm);
}

function countTerms(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * Documents live in numbered slots (freed slots are reused), so postings map slot → term
 * frequency and a search accumulates scores in one Float64Array instead of a Map per query.
 */
export class Bm25Index<Id = string> {
  readonly params: Bm25Params;
  /** term → (slot → term frequency) */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly slotOf = new Map<Id, number>();
  private readonly idAt: (Id | undefined)[] = [];
  private readonly lengthAt: number[] = [];
  private readonly termsAt: (string[] | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private totalLength = 0;
  private scratch = new Float64Array(0);

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = { ...DEFAULT_BM25, ...params };
  }

  get size(): number {
    return this.slotOf.size;
  }

  get averageLength(): number {
    return this.slotOf.size === 0 ? 0 : this.totalLength / this.slotOf.size;
  }

  has(id: Id): boolean {
    return this.slotOf.has(id);
  }

  /** Adds a document (replacing any previous version with the same id). */
  add(id: Id, tokens: readonly string[]): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.freeSlots.pop() ?? this.idAt.length;
    const counts = countTerms(tokens);
    const terms: string[] = [];
    for (const [term, frequency] of counts) {
      let posting = this.postings.get(term);
      if (!posting) {
        posting = new Map();
        this.postings.set(term, posting);
      }
      posting.set(slot, frequency);
      terms.push(term);
    }
    this.slotOf.set(id, slot);
    this.idAt[slot] = id;
    this.lengthAt[slot] = tokens.length;
    this.termsAt[slot] = terms;
    this.totalLength += tokens.length;
  }

  /** Removes a document; returns false when it was not indexed. */
  remove(id: Id): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    for (const term of this.termsAt[slot] ?? []) {
      const posting = this.postings.get(term);
      posting?.delete(slot);
      if (posting && posting.size === 0) this.postings.delete(term);
    }
    this.totalLength -= this.lengthAt[slot] ?? 0;
    this.slotOf.delete(id);
    this.idAt[slot] = undefined;
    this.lengthAt[slot] = 0;
    this.termsAt[slot] = undefined;
    this.freeSlots.push(slot);
    return true;
  }

  /**
   * For every document, the summed weight of the given terms it contains (presence, not
   * frequency), indexed by slot: one pass over the terms' postings instead of one set lookup
   * per term per document. Read a document's value with `slotOf`.
   */
  presenceSums(weights: readonly { term: string; idf: number }[]): Float64Array {
    const sums = new Float64Array(this.idAt.length);
    for (const { term, idf } of weights) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      for (const slot of posting.keys()) sums[slot] = (sums[slot] ?? 0) + idf;
    }
    return sums;
  }

  /** The slot of a document (see presenceSums), or -1. */
  slotFor(id: Id): number {
    return this.slotOf.get(id) ?? -1;
  }

  /** Token count of a document (0 when absent). */
  lengthOf(id: Id): number {
    const slot = this.slotOf.get(id);
    return slot === undefined ? 0 : (this.lengthAt[slot] ?? 0);
  }

  /** The distinct terms of one document (empty when it is not indexed). */
  termsOf(id: Id): readonly string[] {
    const slot = this.slotOf.get(id);
    return slot === undefined ? [] : (this.termsAt[slot] ?? []);
  }

  /** The documents holding `term`. */
  idsWithTerm(term: string): Set<Id> {
    const ids = new Set<Id>();
    for (const slot of this.postings.get(term)?.keys() ?? []) {
      const id = this.idAt[slot];
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }

  /** Every indexed document with its length and term frequencies, sorted: for equality checks. */
  snapshot(): { id: Id; length: number; terms: [string, number][] }[] {
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.slotOf]
      .map(([id, slot]) => ({
        id,
        length: this.lengthAt[slot] ?? 0,
        terms: (this.termsAt[slot] ?? [])
          .map((term): [string, number] => [term, this.postings.get(term)?.get(slot) ?? 0])
          .sort(([a], [b]) => byText(a, b)),
      }))
      .sort((a, b) => byText(String(a.id), String(b.id)));
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.size ?? 0;
  }

  idf(term: string): number {
    return bm25Idf(this.slotOf.size, this.documentFrequency(term));
  }

  /** BM25 of one document for a query (query terms counted once each). */
  score(queryTokens: readonly string[], id: Id): number {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return 0;
    const length = this.lengthAt[slot] ?? 0;
    let total = 0;
    for (const term of new Set(queryTokens)) {
      const frequency = this.postings.get(term)?.get(slot) ?? 0;
      if (frequency === 0) continue;
      total += this.idf(term) * bm25TermWeight(frequency, length, this.averageLength, this.params);
    }
    return total;
  }

  /**
   * Documents with a positive score, best first. Ties keep the order in which documents first
   * scored (a deterministic walk of the postings), so results are repeatable.
   */
  search(queryTokens: readonly string[], limit = 10, accept?: (id: Id) => boolean): Bm25Hit<Id>[] {
    // One score buffer reused by every search (reset below for the slots it touched).
    if (this.scratch.length < this.idAt.length) this.scratch = new Float64Array(this.idAt.length * 2);
    const scores = this.scratch;
    const touched: number[] = [];
    const averageLength = this.averageLength;
    const { k1, b } = this.params;
    for (const term of new Set(queryTokens)) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf(term);
      for (const [slot, frequency] of posting) {
        if (accept && !accept(this.idAt[slot] as Id)) continue;
        const lengthRatio = averageLength > 0 ? (this.lengthAt[slot] ?? 0) / averageLength : 1;
        const weight = idf * ((frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * lengthRatio)));
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] ?? 0) + weight;
      }
    }
    const best = bestSlots(touched, scores, limit);
    const hits = best.map((slot) => ({ id: this.idAt[slot] as Id, score: scores[slot] ?? 0 }));
    for (const slot of touched) scores[slot] = 0;
    return hits;
  }
}

/**
 * The `limit` highest-scoring slots, best first, ties in `order` order: a bounded min-heap, so
 * a query touching thousands of documents does not sort them all.
 */
function bestSlots(order: number[], scores: Float64Array, limit: number): number[] {
  if (limit <= 0) return [];
  // Heap entries are positions in `order`; "worse" = lower score, or later position on a tie.
  const worse = (a: number, b: number) => {
    const sa = scores[order[a]!]!;
    const sb = scores[order[b]!]!;
    return sa < sb || (sa === sb && a > b);
  };
  const heap: number[] = [];
  const siftUp = (index: number) => {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!worse(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  };
  const siftDown = (index: number) => {
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) break;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  };
  for (let position = 0; position < order.length; position++) {
    if (heap.length < limit) {
      heap.push(position);
      siftUp(heap.length - 1);
    } else if (worse(heap[0]!, position)) {
      heap[0] = position;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)).map((position) => order[position]!);
}
