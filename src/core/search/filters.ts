/**
 * Filters and sorting for ranked rows (pure): must-have skills with AND / OR, years range,
 * location substring, free text (all of its words must appear in the resume) and a set of ids
 * (only these rows: the Ranking search box's hits).
 */
import { canonicalSkill } from '../taxonomy';
import type { MatchComponents } from '../domain';

export interface RankFilters {
  /** Canonical skill names (any case); the resume must prove all of them ('all') or one ('any'). */
  mustHave?: string[];
  mustHaveMode?: 'all' | 'any';
  minYears?: number;
  maxYears?: number;
  /** Case-insensitive substring of the resume's location. */
  location?: string;
  /** Words that must all appear in the resume's text. */
  text?: string;
  /**
   * Only these rows (resume ids in rankJob, job ids in rankResume): the search box's hits, so the
   * ranked table shows what the search found. An empty list keeps nothing.
   */
  ids?: string[];
}

export type SortKey = 'score' | 'name' | 'years' | 'location' | keyof MatchComponents;

export interface RankSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_SORT: RankSort = { key: 'score', direction: 'desc' };

/** What a filter needs to know about one candidate. */
export interface FilterFacts {
  /** Lower-case canonical skills the resume proves (implied ones included). */
  skills: ReadonlySet<string>;
  years: number;
  location?: string;
}

/** Same filters written differently give the same key (case, order, blanks). */
export function normaliseFilters(filters: RankFilters = {}): RankFilters {
  const normal: RankFilters = {};
  const skills = [
    // Through the taxonomy: "Kafka" is Apache Kafka, "JS" is JavaScript.
    ...new Set(
      (filters.mustHave ?? [])
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => (canonicalSkill(s) ?? s).toLowerCase()),
    ),
  ].sort();
  if (skills.length > 0) {
    normal.mustHave = skills;
    normal.mustHaveMode = filters.mustHaveMode === 'any' ? 'any' : 'all';
  }
  if (filters.minYears !== undefined && Number.isFinite(filters.minYears)) normal.minYears = filters.minYears;
  if (filters.maxYears !== undefined && Number.isFinite(filters.maxYears)) normal.maxYears = filters.maxYears;
  const location = filters.location?.trim().toLowerCase();
  if (location) normal.location = location;
  const text = filters.text?.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text) normal.text = text;
  // Sorted and unique: the same hits in another order are the same request (and cache key).
  if (filters.ids) normal.ids = [...new Set(filters.ids)].sort();
  return normal;
}

/** True when the candidate passes every filter except free text (checked against the index). */
export function passesFilters(facts: FilterFacts, filters: RankFilters): boolean {
  if (filters.minYears !== undefined && facts.years < filters.minYears) return false;
  if (filters.maxYears !== undefined && facts.years > filters.maxYears) return false;
  if (filters.location && !(facts.location ?? '').toLowerCase().includes(filters.location.toLowerCase())) {
    return false;
  }
  const wanted = filters.mustHave ?? [];
  if (wanted.length > 0) {
    const has = (skill: string) => facts.skills.has(skill.toLowerCase());
    if (filters.mustHaveMode === 'any' ? !wanted.some(has) : !wanted.every(has)) return false;
  }
  return true;
}
