/**
 * Job requirement extraction eval: runs the app's own `parseText` → `extractJob` on every posting
 * of a SkillSpan-format file (`[{id, source, text, knowledge: [span], skills: [span]}]`, read at run
 * time from ../shared/eval, never copied here) and scores the requirements it finds.
 *
 * - precision: share of predicted requirements (required + preferred, as written in the posting)
 *   whose tokens lie, in order, inside a gold span (knowledge or skill) of the same posting;
 * - knowledge recall: share of distinct gold knowledge spans that contain, or are contained in,
 *   a predicted requirement.
 *
 * Tokens are compared case-insensitively after the eval's usual normalisation.
 */
import { readFile } from 'node:fs/promises';
import { parseText } from '../../src/core/parse/text';
import { extractJob } from '../../src/core/extract/job';
import { normaliseText } from './text-normalise';

interface JobCase {
  id: string;
  source: string;
  text: string;
  knowledge: string[];
  skills: string[];
}

function tokens(value: string): string[] {
  return normaliseText(value).split(' ').filter(Boolean);
}

/** True when `inner`'s tokens appear as one contiguous run inside `outer`'s tokens. */
export function containsRun(outer: string[], inner: string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  for (let start = 0; start + inner.length <= outer.length; start++) {
    let all = true;
    for (let offset = 0; offset < inner.length; offset++) {
      if (outer[start + offset] !== inner[offset]) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

interface Counts {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
  cases: number;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

export async function runJobsEval(file: string): Promise<Record<string, unknown>> {
  const cases = JSON.parse(await readFile(file, 'utf8')) as JobCase[];
  const totals = new Map<string, Counts>();
  const bump = (key: string, counts: Omit<Counts, 'cases'>): void => {
    const current = totals.get(key) ?? { predicted: 0, correct: 0, gold: 0, found: 0, cases: 0 };
    current.predicted += counts.predicted;
    current.correct += counts.correct;
    current.gold += counts.gold;
    current.found += counts.found;
    current.cases += 1;
    totals.set(key, current);
  };
  const falsePositives = new Map<string, number>();
  /** Precision by skill kind and by importance: which kind of prediction costs precision. */
  const byKind = new Map<string, { predicted: number; correct: number }>();
  const tally = (key: string, ok: boolean): void => {
    const entry = byKind.get(key) ?? { predicted: 0, correct: 0 };
    entry.predicted += 1;
    if (ok) entry.correct += 1;
    byKind.set(key, entry);
  };
  const missed = new Map<string, number>();
  const perCase: Record<string, unknown>[] = [];
  let elapsed = 0;
  for (const job of cases) {
    const started = performance.now();
    const spec = extractJob(parseText(job.text, 'paste'));
    elapsed += performance.now() - started;
    const predicted = [
      ...spec.required.map((r) => ({ ...r, importance: 'required' })),
      ...spec.preferred.map((r) => ({ ...r, importance: 'preferred' })),
    ];
    const goldSpans = [...job.knowledge, ...job.skills].map(tokens);
    let correct = 0;
    const wrong: string[] = [];
    for (const requirement of predicted) {
      const surface = tokens(requirement.surface);
      const ok = goldSpans.some((span) => containsRun(span, surface));
      tally(`kind:${requirement.kind ?? 'unknown'}`, ok);
      tally(`importance:${requirement.importance}`, ok);
      if (ok) correct++;
      else {
        wrong.push(requirement.surface);
        const key = requirement.skill;
        falsePositives.set(key, (falsePositives.get(key) ?? 0) + 1);
      }
    }
    const knowledge = [...new Map(job.knowledge.map((span) => [normaliseText(span), tokens(span)])).values()];
    const predictedTokens = predicted.map((r) => tokens(r.surface));
    let found = 0;
    const notFound: string[] = [];
    for (const span of knowledge) {
      if (predictedTokens.some((p) => containsRun(span, p) || containsRun(p, span))) found++;
      else {
        notFound.push(span.join(' '));
        missed.set(span.join(' '), (missed.get(span.join(' ')) ?? 0) + 1);
      }
    }
    const counts = { predicted: predicted.length, correct, gold: knowledge.length, found };
    bump('all', counts);
    bump(job.source, counts);
    perCase.push({
      id: job.id,
      predicted: predicted.map((r) => `${r.surface} → ${r.skill} (${r.importance})`),
      not_in_gold: wrong,
      knowledge_missed: notFound,
    });
  }
  const summary = Object.fromEntries(
    [...totals].map(([key, c]) => [
      key,
      {
        cases: c.cases,
        predicted: c.predicted,
        precision: ratio(c.correct, c.predicted),
        knowledge_spans: c.gold,
        knowledge_recall: ratio(c.found, c.gold),
      },
    ]),
  );
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, count]) => ({ name, count }));
  return {
    file,
    cases: cases.length,
    ms_per_posting: cases.length ? Math.round((elapsed / cases.length) * 100) / 100 : null,
    ...summary,
    precision_by: Object.fromEntries(
      [...byKind].map(([key, value]) => [
        key,
        { predicted: value.predicted, precision: ratio(value.correct, value.predicted) },
      ]),
    ),
    top_not_in_gold: top(falsePositives, 40),
    top_missed: top(missed, 60),
    per_case: perCase,
  };
}
