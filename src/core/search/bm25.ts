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

export class Bm25Index<Id = string> {
  readonly params: Bm25Params;
  /** term → (document id → term frequency) */
  private readonly postings = new Map<string, Map<Id, number>>();
  private readonly lengths = new Map<Id, number>();
  private readonly termsByDocument = new Map<Id, string[]>();
  private totalLength = 0;

  constructor(params: Partial<Bm25Params> = {}) {
    this.params = { ...DEFAULT_BM25, ...params };
  }

  get size(): number {
    return this.lengths.size;
  }

  get averageLength(): number {
    return this.lengths.size === 0 ? 0 : this.totalLength / this.lengths.size;
  }

  has(id: Id): boolean {
    return this.lengths.has(id);
  }

  /** Adds a document (replacing any previous version with the same id). */
  add(id: Id, tokens: readonly string[]): void {
    if (this.lengths.has(id)) this.remove(id);
    const counts = countTerms(tokens);
    for (const [term, frequency] of counts) {
      let posting = this.postings.get(term);
      if (!posting) {
        posting = new Map();
        this.postings.set(term, posting);
      }
      posting.set(id, frequency);
    }
    this.lengths.set(id, tokens.length);
    this.termsByDocument.set(id, [...counts.keys()]);
    this.totalLength += tokens.length;
  }

  /** Removes a document; returns false when it was not indexed. */
  remove(id: Id): boolean {
    const length = this.lengths.get(id);
    if (length === undefined) return false;
    for (const term of this.termsByDocument.get(id) ?? []) {
      const posting = this.postings.get(term);
      posting?.delete(id);
      if (posting && posting.size === 0) this.postings.delete(term);
    }
    this.lengths.delete(id);
    this.termsByDocument.delete(id);
    this.totalLength -= length;
    return true;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.size ?? 0;
  }

  idf(term: string): number {
    return bm25Idf(this.lengths.size, this.documentFrequency(term));
  }

  /** BM25 of one document for a query (query terms counted once each). */
  score(queryTokens: readonly string[], id: Id): number {
    const length = this.lengths.get(id);
    if (length === undefined) return 0;
    let total = 0;
    for (const term of new Set(queryTokens)) {
      const frequency = this.postings.get(term)?.get(id) ?? 0;
      if (frequency === 0) continue;
      total += this.idf(term) * bm25TermWeight(frequency, length, this.averageLength, this.params);
    }
    return total;
  }

  /**
   * Documents with a positive score, best first. Ties keep the order in which documents first
   * scored (a stable sort over a deterministic walk of the postings), so results are repeatable.
   */
  search(queryTokens: readonly string[], limit = 10): Bm25Hit<Id>[] {
    const scores = new Map<Id, number>();
    const averageLength = this.averageLength;
    for (const term of new Set(queryTokens)) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf(term);
      for (const [id, frequency] of posting) {
        const length = this.lengths.get(id) ?? 0;
        const weight = idf * bm25TermWeight(frequency, length, averageLength, this.params);
        scores.set(id, (scores.get(id) ?? 0) + weight);
      }
    }
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
