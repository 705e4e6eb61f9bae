/**
 * Parser eval: runs the app's own core pipeline (parseDocument → extractResume) in Node over a
 * cases file (format of ../shared/eval/parser/cases.json) and scores each field.
 *
 * Scoring (as suggested by the eval README):
 * - name, email, phone: exact after normalisation (case, whitespace, punctuation; phone digits,
 *   allowing a country code on one side). Accuracy over the cases that state the field.
 * - work: greedy one-to-one pairing of predicted and expected entries by company similarity
 *   (token Dice ≥ 0.5, best pairs first); precision = paired / predicted, recall = paired / expected
 *   (micro-averaged over all entries); title accuracy = paired entries whose title is similar
 *   (Dice ≥ 0.8); dates accuracy = paired entries whose start AND end both equal the expected ones.
 * - education recall: the same pairing by institution.
 * - skills recall: an expected skill counts as found when a predicted skill has the same canonical
 *   name (taxonomy aliases), the same normalised surface, or when one's tokens are all inside the
 *   other's ("Excel" for "and Excel").
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { parseDocument } from '../../src/core/parse';
import { extractResume } from '../../src/core/extract/resume';
import { canonicalSkill } from '../../src/core/taxonomy';
import type { Profile } from '../../src/core/domain';
import { nodeParseLibs } from '../lib/node-parse-libs';
import { normaliseText, samePhone, similarity, tokensContained } from './text-normalise';

interface ExpectedEntry {
  company?: string;
  institution?: string;
  title?: string;
  degree?: string;
  start?: string;
  end?: string;
}

interface ParserCase {
  file: string;
  source?: string;
  sameAs?: string;
  expected: {
    /** The current role only (job-board header truth): scored as "first work entry has both right". */
    work_first?: { company?: string; title?: string };
    name?: string;
    email?: string;
    phone?: string;
    location?: string;
    url?: string;
    work?: ExpectedEntry[];
    education?: ExpectedEntry[];
    skills?: string[];
  };
}

interface Tally {
  hit: number;
  total: number;
}

const tally = (): Tally => ({ hit: 0, total: 0 });
const rate = (t: Tally): number | null => (t.total === 0 ? null : t.hit / t.total);

export type SourceKind = 'linkedin' | 'naukri' | 'jr' | 'templates';

/** The source kind of a case, from its file name prefix (as the eval README groups them). */
export function sourceKindOf(file: string): SourceKind {
  const name = basename(file);
  if (name.startsWith('linkedin-')) return 'linkedin';
  if (name.startsWith('naukri-')) return 'naukri';
  if (name.startsWith('jr-')) return 'jr';
  return 'templates';
}

type FieldName =
  | 'name'
  | 'email'
  | 'phone'
  | 'work_precision'
  | 'work_recall'
  | 'work_title'
  | 'work_dates'
  | 'work_first'
  | 'education_recall'
  | 'skills_recall';

interface Totals {
  name: Tally;
  email: Tally;
  phone: Tally;
  workPredicted: Tally;
  workExpected: Tally;
  workTitle: Tally;
  workDates: Tally;
  workFirst: Tally;
  education: Tally;
  skills: Tally;
}

const newTotals = (): Totals => ({
  name: tally(),
  email: tally(),
  phone: tally(),
  workPredicted: tally(),
  workExpected: tally(),
  workTitle: tally(),
  workDates: tally(),
  workFirst: tally(),
  education: tally(),
  skills: tally(),
});

function fieldsOf(totals: Totals): Record<FieldName, number | null> {
  return {
    name: rate(totals.name),
    email: rate(totals.email),
    phone: rate(totals.phone),
    work_precision: rate(totals.workPredicted),
    work_recall: rate(totals.workExpected),
    work_title: rate(totals.workTitle),
    work_dates: rate(totals.workDates),
    work_first: rate(totals.workFirst),
    education_recall: rate(totals.education),
    skills_recall: rate(totals.skills),
  };
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? 0;
}

function pairEntries<P>(
  expected: ExpectedEntry[],
  predicted: P[],
  key: (entry: ExpectedEntry) => string | undefined,
  predictedKey: (entry: P) => string | undefined,
): [ExpectedEntry, P][] {
  const candidates: { e: number; p: number; score: number }[] = [];
  expected.forEach((entry, e) =>
    predicted.forEach((guess, p) => {
      const score = similarity(key(entry), predictedKey(guess));
      if (score >= 0.5) candidates.push({ e, p, score });
    }),
  );
  candidates.sort((a, b) => b.score - a.score);
  const usedE = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [ExpectedEntry, P][] = [];
  for (const { e, p } of candidates) {
    if (usedE.has(e) || usedP.has(p)) continue;
    usedE.add(e);
    usedP.add(p);
    pairs.push([expected[e]!, predicted[p]!]);
  }
  return pairs;
}

function skillFound(expected: string, profile: Profile): boolean {
  const canonical = canonicalSkill(expected)?.toLowerCase();
  const wanted = normaliseText(expected);
  return profile.skills.some((skill) => {
    if (canonical && skill.name.toLowerCase() === canonical) return true;
    const surface = normaliseText(skill.surface);
    const name = normaliseText(skill.name);
    if (surface === wanted || name === wanted) return true;
    return tokensContained(skill.surface, expected) || tokensContained(expected, skill.surface);
  });
}

export interface ParserEvalReport {
  cases: number;
  fields: Record<FieldName, number | null>;
  by_source: Record<SourceKind, { cases: number; fields: Record<FieldName, number | null> }>;
  /** Parse + extract wall time per file, in milliseconds (second pass, libraries warm). */
  timing: { p50_ms: number; p95_ms: number; max_ms: number; files: number };
  per_case: Record<string, unknown>[];
  consistency: { rendercv_same_work: boolean | null; john_smith_same_fields: boolean | null };
}

export async function runParserEval(casesFile: string): Promise<ParserEvalReport> {
  // Case paths are relative to the eval folder (the cases file's parent's parent), as in
  // ../shared/eval; a custom cases file may instead keep them relative to its own folder.
  const resolveCase = (file: string) => {
    const fromEvalRoot = join(dirname(dirname(casesFile)), file);
    return existsSync(fromEvalRoot) ? fromEvalRoot : join(dirname(casesFile), file);
  };
  const cases = JSON.parse(await readFile(casesFile, 'utf8')) as ParserCase[];
  const overall = newTotals();
  const bySource = new Map<SourceKind, { cases: number; totals: Totals }>();
  const times: number[] = [];
  const perCase: Record<string, unknown>[] = [];
  const profiles = new Map<string, Profile>();

  for (const testCase of cases) {
    const path = resolveCase(testCase.file);
    const kind = sourceKindOf(testCase.file);
    const row: Record<string, unknown> = { file: testCase.file, source: kind };
    const group = bySource.get(kind) ?? { cases: 0, totals: newTotals() };
    bySource.set(kind, group);
    group.cases++;
    // Every count goes to the overall table and to this source kind's table.
    const both = [overall, group.totals];
    const count = (pick: (t: Totals) => Tally, total: number, hit: number) => {
      for (const t of both) {
        pick(t).total += total;
        pick(t).hit += hit;
      }
    };
    try {
      const bytes = new Uint8Array(await readFile(path));
      const info = { fileName: basename(path), mimeType: '', maxBytes: 20 * 1024 * 1024 };
      const run = async () => extractResume(await parseDocument(bytes, info, nodeParseLibs));
      // The first run loads the libraries and warms the JIT; the second is timed.
      await run();
      const started = performance.now();
      const profile = await run();
      times.push(performance.now() - started);
      profiles.set(testCase.file, profile);
      const { expected } = testCase;
      const check = (field: 'name' | 'email' | 'phone', ok: boolean) => {
        count((t) => t[field], 1, ok ? 1 : 0);
        row[field] = ok ? 1 : 0;
        if (!ok) row[`${field}_got`] = profile.basics[field] ?? '';
      };
      if (expected.name !== undefined)
        check('name', normaliseText(expected.name) === normaliseText(profile.basics.name));
      if (expected.email !== undefined)
        check('email', normaliseText(expected.email) === normaliseText(profile.basics.email));
      if (expected.phone !== undefined) check('phone', samePhone(expected.phone, profile.basics.phone));
      if (expected.work) {
        const pairs = pairEntries(
          expected.work,
          profile.work,
          (e) => e.company,
          (p) => p.company,
        );
        count((t) => t.workPredicted, profile.work.length, pairs.length);
        count((t) => t.workExpected, expected.work.length, pairs.length);
        let titles = 0;
        let dates = 0;
        // Each paired entry whose dates are wrong, as [expected start, end] and [read start, end].
        const datesMissed: { company: string; expected: string[]; read: string[] }[] = [];
        for (const [e, p] of pairs) {
          if (similarity(e.title, p.position) >= 0.8) titles++;
          if ((e.start ?? '') === (p.startDate ?? '') && (e.end ?? '') === (p.endDate ?? '')) dates++;
          else
            datesMissed.push({
              company: p.company,
              expected: [e.start ?? '', e.end ?? ''],
              read: [p.startDate ?? '', p.endDate ?? ''],
            });
        }
        count((t) => t.workTitle, pairs.length, titles);
        count((t) => t.workDates, pairs.length, dates);
        row.work = {
          expected: expected.work.length,
          predicted: profile.work.length,
          paired: pairs.length,
          titles,
          dates,
          ...(datesMissed.length > 0 ? { dates_missed: datesMissed } : {}),
        };
      }
      if (expected.work_first) {
        const first = profile.work[0];
        const ok =
          first !== undefined &&
          similarity(expected.work_first.company, first.company) >= 0.5 &&
          similarity(expected.work_first.title, first.position) >= 0.8;
        count((t) => t.workFirst, 1, ok ? 1 : 0);
        row.work_first = ok ? 1 : { got: first ? [first.company, first.position] : null };
      }
      if (expected.education) {
        const pairs = pairEntries(
          expected.education,
          profile.education,
          (e) => e.institution,
          (p) => p.institution,
        );
        count((t) => t.education, expected.education.length, pairs.length);
        row.education = { expected: expected.education.length, paired: pairs.length };
      }
      if (expected.skills) {
        const missing = expected.skills.filter((skill) => !skillFound(skill, profile));
        count((t) => t.skills, expected.skills.length, expected.skills.length - missing.length);
        row.skills = { expected: expected.skills.length, missing };
      }
    } catch (error) {
      row.error = error instanceof Error ? error.message : String(error);
    }
    perCase.push(row);
  }

  const workKey = (profile: Profile | undefined) =>
    JSON.stringify(profile?.work.map((w) => [w.company, w.position, w.startDate, w.endDate]) ?? null);
  const rendercv = cases
    .filter((c) => c.file.includes('rendercv-'))
    .map((c) => workKey(profiles.get(c.file)));
  const john = cases.filter((c) => c.file.includes('john_smith'));
  // Same fields, not the same provenance: `line` indexes each file's own visual lines, and a PDF wraps
  // a long bullet onto two lines where the DOCX keeps one paragraph, so it is left out of the key.
  const withoutLine = (key: string, value: unknown) => (key === 'line' ? undefined : value);
  const johnKey = (file: string) => {
    const p = profiles.get(file);
    const fields = p ? [p.basics, p.work, p.education, p.skills.map((s) => s.name).sort()] : null;
    return JSON.stringify(fields, withoutLine);
  };

  const sortedTimes = [...times].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    cases: cases.length,
    fields: fieldsOf(overall),
    by_source: Object.fromEntries(
      [...bySource].map(([kind, { cases: n, totals }]) => [kind, { cases: n, fields: fieldsOf(totals) }]),
    ) as ParserEvalReport['by_source'],
    timing: {
      p50_ms: round(percentile(sortedTimes, 0.5)),
      p95_ms: round(percentile(sortedTimes, 0.95)),
      max_ms: round(sortedTimes[sortedTimes.length - 1] ?? 0),
      files: sortedTimes.length,
    },
    per_case: perCase,
    consistency: {
      rendercv_same_work: rendercv.length > 1 ? rendercv.every((key) => key === rendercv[0]) : null,
      john_smith_same_fields: john.length === 2 ? johnKey(john[0]!.file) === johnKey(john[1]!.file) : null,
    },
  };
}
