/**
 * npm run eval -- calibrate: chooses the lexical score weights by measurement on every ranking
 * dev set at once (../shared/eval/ranking/*, read at run time, never copied here).
 *
 * 1. Every labelled pair is parsed, extracted and scored once with the app's own pipeline
 *    (scoreMatch, semantic off); the 0..1 value of each component is kept per pair.
 * 2. A grid over the component weights (step 0.1, weights ≥ 0, summing to 1) re-combines those
 *    values exactly as the app does (a component that is not available hands its weight to the
 *    others in proportion) and measures ROC-AUC and NDCG@10 on every set.
 * 3. The weights with the highest mean over the sets of AUC + NDCG@10 win (every set counts the
 *    same, however many pairs it has), ties broken by the worst set's margin over its best
 *    baseline. The semantic weight is not chosen here: it comes from the embedding
 *    model's own calibration (src/core/score/match.ts) and is shared out when no model is loaded.
 *
 * Writes reports/calibration.json: the chosen weights, the top candidates and each set's
 * numbers, so docs/scoring.md can say how the defaults were found.
 */
import { basename, join } from 'node:path';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { extractJob } from '../../src/core/extract/job';
import { extractResume } from '../../src/core/extract/resume';
import { COMPONENT_LABELS, SCORE_WEIGHTS, scoreMatch, type ComponentName } from '../../src/core/score';
import { Bm25Index } from '../../src/core/search/bm25';
import { tokenize } from '../../src/core/search/tokenize';
import type { JobSpec, ParsedDocument, Profile } from '../../src/core/domain';
import { keywordCoverage, parseFile, readLabels, skillsCoverage } from './ranking';
import { summarise, type ScoredPair } from './ranking-metrics';

type Components = Partial<Record<ComponentName, number>>;

interface PreparedSet {
  name: string;
  pairs: { query: string; item: string; label: number; components: Components }[];
  baselines: Record<string, { auc: number | null; ndcg_at_10: number | null }>;
}

/** Parsed documents are cached under reports/.cache (git-ignored), keyed by path, size and time. */
async function cachedParse(path: string): Promise<ParsedDocument> {
  const info = await stat(path);
  const key = createHash('sha1').update(`${path}|${info.size}|${info.mtimeMs}`).digest('hex');
  const file = join('reports', '.cache', `${key}.json`);
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as ParsedDocument;
  const doc = await parseFile(path);
  await mkdir(join('reports', '.cache'), { recursive: true });
  await writeFile(file, JSON.stringify(doc));
  return doc;
}

const LEXICAL: ComponentName[] = COMPONENT_LABELS.map((entry) => entry.key).filter(
  (key) => key !== 'semantic',
);

export async function prepareSet(dir: string): Promise<PreparedSet> {
  const labels = readLabels(await readFile(join(dir, 'labels.csv'), 'utf8'));
  const docs = new Map<string, ParsedDocument>();
  for (const path of new Set(labels.flatMap((l) => [l.resume, l.job]))) {
    try {
      docs.set(path, await cachedParse(join(dir, path)));
    } catch {
      // counted as missing below, as in the ranking eval
    }
  }
  const profiles = new Map<string, Profile>();
  const specs = new Map<string, JobSpec>();
  const bm25 = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
  for (const [path, doc] of docs) bm25.add(path, tokenize(doc.text));
  const queryIsJob = new Set(labels.map((l) => l.job)).size <= new Set(labels.map((l) => l.resume)).size;
  const pairs: PreparedSet['pairs'] = [];
  const baselinePairs: Record<string, ScoredPair[]> = { bm25: [], skills_coverage: [], keyword_coverage: [] };
  for (const l of labels) {
    const resume = docs.get(l.resume);
    const job = docs.get(l.job);
    if (!resume || !job) continue;
    if (!profiles.has(l.resume)) profiles.set(l.resume, extractResume(resume));
    if (!specs.has(l.job)) specs.set(l.job, extractJob(job));
    const profile = profiles.get(l.resume)!;
    const spec = specs.get(l.job)!;
    const match = scoreMatch({ resume, profile, job, spec, evidence: false });
    const components: Components = { ...match.components };
    // Skill parts the job cannot support (no skills listed) are unavailable, as in scoreSummary.
    if (spec.required.length === 0) delete components.requiredSkills;
    if (spec.preferred.length === 0) delete components.preferredSkills;
    const base = {
      query: queryIsJob ? l.job : l.resume,
      item: queryIsJob ? l.resume : l.job,
      label: l.label,
    };
    pairs.push({ ...base, components });
    baselinePairs.bm25!.push({ ...base, score: bm25.score(tokenize(job.text), l.resume) });
    baselinePairs.skills_coverage!.push({ ...base, score: skillsCoverage(profile, spec) });
    baselinePairs.keyword_coverage!.push({ ...base, score: keywordCoverage(resume.text, job.text) });
  }
  const baselines = Object.fromEntries(
    Object.entries(baselinePairs).map(([name, scored]) => {
      const { auc, ndcg_at_10 } = summarise(scored);
      return [name, { auc, ndcg_at_10 }];
    }),
  );
  return { name: basename(dir), pairs, baselines };
}

/** The score the app would give with these weights (unavailable components share theirs out). */
export function combine(components: Components, weights: Record<string, number>): number {
  let total = 0;
  let sum = 0;
  for (const key of LEXICAL) {
    const value = components[key];
    if (value === undefined) continue;
    total += weights[key] ?? 0;
    sum += (weights[key] ?? 0) * value;
  }
  return total > 0 ? Math.round((sum / total) * 100) + sum / total / 1000 : 0;
}

function measure(set: PreparedSet, weights: Record<string, number>) {
  const scored = set.pairs.map((pair) => ({ ...pair, score: combine(pair.components, weights) }));
  const { auc, ndcg_at_10 } = summarise(scored);
  const bestAuc = Math.max(...Object.values(set.baselines).map((b) => b.auc ?? 0));
  const bestNdcg = Math.max(...Object.values(set.baselines).map((b) => b.ndcg_at_10 ?? 0));
  return {
    auc: auc ?? 0,
    ndcg: ndcg_at_10 ?? 0,
    aucMargin: (auc ?? 0) - bestAuc,
    ndcgMargin: (ndcg_at_10 ?? 0) - bestNdcg,
  };
}

function* grid(keys: string[], steps: number, prefix: number[] = []): Generator<number[]> {
  const used = prefix.reduce((a, b) => a + b, 0);
  if (prefix.length === keys.length - 1) {
    yield [...prefix, steps - used];
    return;
  }
  for (let step = 0; step <= steps - used; step++) yield* grid(keys, steps, [...prefix, step]);
}

export async function runCalibration(dirs: string[], steps = 10): Promise<Record<string, unknown>> {
  const sets: PreparedSet[] = [];
  for (const dir of dirs) sets.push(await prepareSet(dir));
  const keys = LEXICAL;
  const results: {
    weights: Record<string, number>;
    worst: number;
    mean: number;
    perSet: Record<string, unknown>;
  }[] = [];
  for (const point of grid(keys, steps)) {
    const weights = Object.fromEntries(keys.map((key, index) => [key, (point[index] ?? 0) / steps]));
    // Skills and title carry the explanation of a match: keep each of them in the score.
    if ((weights.requiredSkills ?? 0) < 0.1 || (weights.title ?? 0) < 0.05 || (weights.text ?? 0) < 0.05)
      continue;
    let worst = Infinity;
    let mean = 0;
    const perSet: Record<string, unknown> = {};
    for (const set of sets) {
      const m = measure(set, weights);
      worst = Math.min(worst, (m.aucMargin + m.ndcgMargin) / 2);
      mean += (m.auc + m.ndcg) / sets.length;
      perSet[set.name] = m;
    }
    results.push({ weights, worst, mean, perSet });
  }
  results.sort((a, b) => b.mean - a.mean || b.worst - a.worst);
  const alone = Object.fromEntries(
    sets.map((set) => [
      set.name,
      Object.fromEntries(
        keys.map((key) => {
          const m = measure(set, Object.fromEntries(keys.map((k) => [k, k === key ? 1 : 0])));
          return [key, { auc: m.auc, ndcg: m.ndcg }];
        }),
      ),
    ]),
  );
  /** The shipped defaults (semantic left out, as without a model) and the defaults before this calibration. */
  const named: Record<string, Record<string, number>> = {
    shipped: Object.fromEntries(keys.map((key) => [key, SCORE_WEIGHTS[key] ?? 0])),
    previous: {
      requiredSkills: 0.25,
      preferredSkills: 0.1,
      text: 0.15,
      title: 0.15,
      experience: 0.05,
      education: 0.05,
      location: 0.05,
    },
  };
  const candidates = Object.fromEntries(
    Object.entries(named).map(([label, weights]) => [
      label,
      { weights, perSet: Object.fromEntries(sets.map((set) => [set.name, measure(set, weights)])) },
    ]),
  );
  return {
    candidates,
    method:
      'grid over lexical weights, maximise the worst set margin over its best baseline, then mean AUC+NDCG@10',
    step: 1 / steps,
    baselines: Object.fromEntries(sets.map((set) => [set.name, set.baselines])),
    components_alone: alone,
    chosen: results[0],
    top: results.slice(0, 10),
    all: results.map((r) => ({ weights: r.weights, perSet: r.perSet })),
    evaluated: results.length,
  };
}
