/**
 * Text → tokens, shared by BM25 (search and lexical scoring) and the skills matcher.
 *
 * A token is a run of Unicode letters/digits, optionally joined by inner dots ("node.js",
 * "asp.net") or '&' ("r&d", "m&a", "p&l"), optionally led by a dot that does not follow a letter (".net") and optionally
 * ending in "+", "++" or "#" ("c++", "c#", "security+"), so technology names survive as one token.
 * Hyphens, slashes and other punctuation split tokens ("ci/cd" → "ci", "cd").
 */

/** One token with its position in the source text (offsets are into the original string). */
export interface TokenSpan {
  /** Lower-cased token. */
  norm: string;
  start: number;
  end: number;
}

const TOKEN_PATTERN = /(?:(?<![\p{L}\p{N}])\.)?[\p{L}\p{N}]+(?:[.&][\p{L}\p{N}]+)*(?:\+{1,2}|#)?/gu;

/**
 * Common English function words plus a few words that appear in nearly every resume and job
 * post ("experience", "work") and therefore say nothing about fit.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each either etc few for from ' +
    'further had has have having he her here hers herself him himself his how i if in into is it its ' +
    'itself just let me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves ' +
    'then there these they this those through to too under until up upon us very via was we were what ' +
    'when where which while who whom why will with within without would you your yours yourself ' +
    'yourselves s t d ll m re ve e.g i.e eg ie per may might must shall'
  ).split(' '),
);

/** Every token with its offsets, stop words kept (the skills matcher needs "of", "and"...). */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    spans.push({ norm: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return spans;
}

/** Lower-cased tokens without stop words: the terms BM25 indexes. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.normalize('NFKC').matchAll(TOKEN_PATTERN)) {
    const term = match[0].toLowerCase();
    if (!STOP_WORDS.has(term)) terms.push(term);
  }
  return terms;
}

/**
 * One shared string per distinct term. Tokens are fresh slices of their line; a pool of 10,000
 * indexed resumes holds millions of them, but only a few thousand distinct words, so the caches
 * and postings that keep terms keep the shared copy. Bounded so odd input cannot grow it forever.
 */
const INTERNED = new Map<string, string>();
const INTERN_LIMIT = 500_000;

export function internTerm(term: string): string {
  const shared = INTERNED.get(term);
  if (shared !== undefined) return shared;
  if (INTERNED.size < INTERN_LIMIT) INTERNED.set(term, term);
  return term;
}

/**
 * A small number per distinct term, shared by everything that asks: scoring keeps a resume's
 * skills and title words as ascending ids (see hasSortedId), which a ranking of 10,000 resumes
 * reads in a few cache lines each, where a Set of strings per resume touched a scattered entry and
 * key string for every word asked. Bounded like internTerm: once full a new term gets -1, and the
 * caller keeps such terms as strings (a term that got -1 once always gets -1).
 */
const TERM_IDS = new Map<string, number>();
const TERM_ID_LIMIT = 1_000_000;

export function termId(term: string): number {
  let id = TERM_IDS.get(term);
  if (id === undefined) {
    if (TERM_IDS.size >= TERM_ID_LIMIT) return -1;
    id = TERM_IDS.size;
    TERM_IDS.set(term, id);
  }
  return id;
}

/** Ascending ids of `terms`; terms that got no id go to `overflow` (see termId). */
export function sortedTermIds(terms: Iterable<string>, overflow?: Set<string>): Int32Array {
  const ids: number[] = [];
  for (const term of terms) {
    const id = termId(term);
    if (id >= 0) ids.push(id);
    else overflow?.add(term);
  }
  const sorted = Int32Array.from(ids).sort();
  // Duplicates removed in place (the sort put them side by side).
  let length = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[length - 1]) sorted[length++] = sorted[index]!;
  }
  return length === sorted.length ? sorted : sorted.slice(0, length);
}

/** Whether ascending `ids` hold `id` (binary search). */
export function hasSortedId(ids: Int32Array, id: number): boolean {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = ids[middle]!;
    if (at === id) return true;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
