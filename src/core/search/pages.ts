/**
 * Pages of answers: a ranking is cached as its ordered ids and a search as its hits; the rows and
 * hits of the page shown are built from the index only then (pure core, used by SearchService).
 */
import type { PageRequest, RankPage, RankRow, SearchHit, SearchPage } from '../contracts/search-api';
import { MAX_PAGE_SIZE } from '../contracts/search-api';
import type { LibraryIndex, ResumeEntry } from './library-index';

/** A cached hit: just enough to rebuild the full SearchHit for the page shown. */
export interface HitEntry {
  id: string;
  score: number;
  textRank?: number;
  vectorRank?: number;
}

/** A search answer as cached: its hits in order, and the query words for snippets. */
export interface CachedHits {
  hits: HitEntry[];
  mode: SearchPage['mode'];
  /** Query words, for the snippets added to the hits of the page shown. */
  words?: string[];
}

/** Clamps a page request to 0 ≤ offset and 1 ≤ limit ≤ MAX_PAGE_SIZE. */
export function clampPage(page: PageRequest): PageRequest {
  const offset = Math.max(0, Math.floor(Number.isFinite(page.offset) ? page.offset : 0));
  const limit = Math.max(
    1,
    Math.min(MAX_PAGE_SIZE, Math.floor(Number.isFinite(page.limit) ? page.limit : 50)),
  );
  return { offset, limit };
}

/** Lower-case, single-spaced, trimmed: "  Python   DJANGO" and "python django" are one query. */
export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** One page of a ranked id list; rows (with evidence) are scored only for the page shown. */
export function rankPage(
  ids: readonly string[],
  page: PageRequest,
  answer: { version: number; fromCache: boolean; started: number },
  rowFor: (id: string, rank: number) => RankRow | undefined,
): RankPage {
  const { offset, limit } = clampPage(page);
  const rows = ids.slice(offset, offset + limit).flatMap((id, index) => rowFor(id, offset + index + 1) ?? []);
  return {
    rows,
    total: ids.length,
    offset,
    version: answer.version,
    fromCache: answer.fromCache,
    elapsedMs: performance.now() - answer.started,
  };
}

/** One page of cached search hits, each completed from the index (name, years, skills, snippet). */
export function hitPage(
  index: LibraryIndex,
  value: CachedHits,
  page: PageRequest,
  answer: { fromCache: boolean; started: number },
): SearchPage {
  const { offset, limit } = clampPage(page);
  return {
    hits: pageHits(index, value, offset, limit),
    total: value.hits.length,
    offset,
    version: index.version,
    fromCache: answer.fromCache,
    elapsedMs: performance.now() - answer.started,
    mode: value.mode,
  };
}

/** The full hits of one page (built only for the rows shown; plain assignments, no spreads). */
function pageHits(index: LibraryIndex, value: CachedHits, offset: number, limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  const entries = value.hits.slice(offset, offset + limit);
  for (const [position, entry] of entries.entries()) {
    const resume = index.resumes.get(entry.id);
    if (!resume) continue;
    const hit: SearchHit = {
      id: entry.id,
      rank: offset + position + 1,
      name: resume.name,
      score: entry.score,
      years: resume.years,
      skills: resume.listedSkills.slice(0, 8),
    };
    if (resume.location) hit.location = resume.location;
    if (entry.textRank !== undefined) hit.textRank = entry.textRank;
    if (entry.vectorRank !== undefined) hit.vectorRank = entry.vectorRank;
    const snippet = value.words ? snippetOf(resume, value.words) : undefined;
    if (snippet) hit.snippet = snippet;
    hits.push(hit);
  }
  return hits;
}

/** The first resume line holding a query word (found only for the hits of a page). */
function snippetOf(resume: ResumeEntry, words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  for (const line of resume.document.lines) {
    const lower = line.text.toLowerCase();
    if (words.some((word) => lower.includes(word))) return line.text;
  }
  return undefined;
}
