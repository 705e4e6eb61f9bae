/**
 * Retrieval: free-text search (BM25, fused by reciprocal rank with a vector search when a query
 * vector of the active model is given), resumes by skills, and candidates like a chosen one.
 * Pure core over a LibraryIndex; SearchService caches the hits these return.
 */
import type { QueryVector } from '../contracts/search-api';
import { reciprocalRankFusion } from './fusion';
import type { LibraryIndex } from './library-index';
import type { CachedHits, HitEntry } from './pages';
import { tokenize } from './tokenize';
import { topK } from './vector-store';

/** How many hits each half of hybrid search contributes before fusion. */
const FUSION_DEPTH = 200;

/**
 * Free-text candidate search: BM25 over the resumes, fused by reciprocal rank with a vector
 * search when a query vector of the active model is given.
 */
export function searchHits(index: LibraryIndex, query: string, vector: QueryVector | undefined): CachedHits {
  const words = tokenize(query);
  const textHits = words.length > 0 ? index.text.search(words, FUSION_DEPTH) : [];
  const model = vector ? index.model(vector.modelId) : undefined;
  const vectorHits = vector && model ? model.documents.resume.search(vector.vector, FUSION_DEPTH) : [];
  if (vectorHits.length === 0) {
    const hits = textHits.map((hit, position) => ({ id: hit.id, score: hit.score, textRank: position + 1 }));
    return { hits, mode: 'text', words };
  }
  const fused = reciprocalRankFusion([textHits.map((hit) => hit.id), vectorHits.map((hit) => hit.id)]);
  const hits = fused.map((entry) => {
    const [textRank, vectorRank] = entry.ranks;
    return {
      id: entry.id,
      score: entry.score,
      ...(textRank !== undefined ? { textRank } : {}),
      ...(vectorRank !== undefined ? { vectorRank } : {}),
    };
  });
  return { hits, mode: 'hybrid', words };
}

/** Resumes proving the given skills (all or any), most skills first, then by years. */
export function skillHits(index: LibraryIndex, wanted: readonly string[], mode: 'all' | 'any'): CachedHits {
  const counts = new Map<string, number>();
  for (const skill of wanted) {
    for (const id of index.resumesWithSkill(skill)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const hits: (HitEntry & { years: number })[] = [];
  for (const [id, count] of counts) {
    if (mode === 'all' && count < wanted.length) continue;
    const resume = index.resumes.get(id);
    if (resume) hits.push({ id, score: count / Math.max(1, wanted.length), years: resume.years });
  }
  hits.sort((a, b) => b.score - a.score || b.years - a.years || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { hits, mode: 'text' };
}

/**
 * Candidates like a chosen one: nearest document vectors of the active model when the resume
 * has one, else the resumes whose text best matches its most distinctive words.
 */
export function similarHits(index: LibraryIndex, modelId: string | undefined, resumeId: string): CachedHits {
  const resume = index.resumes.get(resumeId);
  if (!resume) return { hits: [], mode: 'text' };
  const model = modelId ? index.model(modelId) : undefined;
  const vector = model?.documents.resume.get(resumeId);
  if (model && vector) {
    const query = Float32Array.from(vector);
    const hits = model.documents.resume
      .search(query, FUSION_DEPTH, (id) => id !== resumeId)
      .map((hit, position) => ({ id: hit.id, score: hit.score, vectorRank: position + 1 }));
    return { hits, mode: 'hybrid' };
  }
  // No vectors: "more like this" — the resume's 25 most distinctive words as a BM25 query.
  const words = topK(
    index.text.termsOf(resumeId).map((term) => ({ term, score: index.text.idf(term) })),
    25,
  ).map((entry) => entry.term);
  const hits = index.text
    .search(words, FUSION_DEPTH, (id) => id !== resumeId)
    .map((hit, position) => ({ id: hit.id, score: hit.score, textRank: position + 1 }));
  return { hits, mode: 'text' };
}
