/**
 * Fits one model's semantic calibration on the dev sets (`npm run eval -- ranking --fit`): for every
 * cosine variant, floor, ceiling and weight on a coarse grid, the fused score of each pair is
 * (1 − weight) × its lexical score + weight × the mapped cosine — exactly what scoreMatch computes
 * (see effectiveWeights). Points are ranked first by whether the fused score beats the lexical one
 * on every set (AUC higher, NDCG@10 not lower), then by whether it is worse on none, then by how many
 * sets it improves, then by how many of issue 15's checks hold (on every
 * set, AUC and NDCG@10 at least those of the lexical score and of each baseline), then by the mean
 * over sets of AUC + NDCG@10. Grid step 0.025, the mapped range at least 0.1 wide so no point turns
 * the cosine into a near step function; three small dev sets cannot support a finer fit.
 */
import { mapCosine } from '../../src/core/score';
import { summarise } from './ranking-metrics';
import type { FitPair } from './ranking';

export interface FitResult {
  variant: string;
  floor: number;
  ceil: number;
  weight: number;
  objective: number;
  beatsLexicalEverywhere: boolean;
  /** Not below the lexical score on any set (AUC and NDCG@10). */
  neverWorse: boolean;
  /** Sets where the fused AUC is above the lexical one (and NDCG@10 not below). */
  setsImproved: number;
  /** How many of "fused ≥ lexical, ≥ each baseline" (AUC and NDCG@10, every set) hold. */
  checks: number;
  perSet: Record<
    string,
    {
      auc: number | null;
      ndcg_at_10: number | null;
      lexical_auc: number | null;
      lexical_ndcg_at_10: number | null;
    }
  >;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

export function fitSemantic(sets: Map<string, FitPair[]>): FitResult[] {
  const lexical = new Map(
    [...sets].map(([name, pairs]) => [
      name,
      summarise(pairs.map((pair) => ({ ...pair, score: pair.lexical }))),
    ]),
  );
  const results: FitResult[] = [];
  // Variants that give the same cosines everywhere (a model run without chunks) are fitted once.
  const all = [...sets.values()].flat();
  const variants = Object.keys(all[0]?.cosines ?? {}).filter(
    (variant, index, names) =>
      !names
        .slice(0, index)
        .some((earlier) =>
          all.every(
            (pair) =>
              pair.cosines[earlier as keyof FitPair['cosines']] ===
              pair.cosines[variant as keyof FitPair['cosines']],
          ),
        ),
  );
  // Each baseline's AUC and NDCG@10 per set: the fused score should not fall below any of them.
  const baselines = new Map(
    [...sets].map(([name, pairs]) => [
      name,
      Object.keys(pairs[0]?.baselines ?? {}).map((key) =>
        summarise(pairs.map((pair) => ({ ...pair, score: pair.baselines?.[key] ?? 0 }))),
      ),
    ]),
  );
  for (const variant of variants) {
    for (let floor = 0.3; floor <= 0.8001; floor += 0.025) {
      for (let ceil = floor + 0.1; ceil <= 1.0001; ceil += 0.025) {
        for (let weight = 0.05; weight <= 0.4001; weight += 0.025) {
          const perSet: FitResult['perSet'] = {};
          let objective = 0;
          let beats = true;
          let neverWorse = true;
          let setsImproved = 0;
          let checks = 0;
          for (const [name, pairs] of sets) {
            const fused = summarise(
              pairs.map((pair) => ({
                ...pair,
                score:
                  (1 - weight) * pair.lexical +
                  weight * mapCosine(pair.cosines[variant as keyof FitPair['cosines']], { floor, ceil }),
              })),
            );
            const base = lexical.get(name)!;
            perSet[name] = {
              auc: fused.auc,
              ndcg_at_10: fused.ndcg_at_10,
              lexical_auc: base.auc,
              lexical_ndcg_at_10: base.ndcg_at_10,
            };
            objective += (fused.auc ?? 0) + (fused.ndcg_at_10 ?? 0);
            const notLowerNdcg = (fused.ndcg_at_10 ?? 0) >= (base.ndcg_at_10 ?? 0) - 1e-9;
            const higherAuc = (fused.auc ?? 0) > (base.auc ?? 0) + 1e-9;
            if (!higherAuc || !notLowerNdcg) beats = false;
            if ((fused.auc ?? 0) < (base.auc ?? 0) - 1e-9 || !notLowerNdcg) neverWorse = false;
            else if (higherAuc) setsImproved++;
            // Acceptance checks (issue 15): at least the lexical score and every baseline, per metric.
            for (const other of [base, ...(baselines.get(name) ?? [])]) {
              if ((fused.auc ?? 0) >= (other.auc ?? 0) - 1e-9) checks++;
              if ((fused.ndcg_at_10 ?? 0) >= (other.ndcg_at_10 ?? 0) - 1e-9) checks++;
            }
          }
          results.push({
            variant,
            floor: round(floor),
            ceil: round(ceil),
            weight: round(weight),
            checks,
            objective: objective / Math.max(1, sets.size),
            beatsLexicalEverywhere: beats,
            neverWorse,
            setsImproved,
            perSet,
          });
        }
      }
    }
  }
  // First the points that are better than the lexical score on every set (issue 15: "semantic on
  // beats semantic off"), then those that make no set worse (a set the lexical score already
  // ranks as well as the cosines allow can only tie), then most sets improved, then most checks,
  // then the mean AUC + NDCG@10.
  return results.sort(
    (a, b) =>
      Number(b.beatsLexicalEverywhere) - Number(a.beatsLexicalEverywhere) ||
      Number(b.neverWorse) - Number(a.neverWorse) ||
      b.setsImproved - a.setsImproved ||
      b.checks - a.checks ||
      b.objective - a.objective,
  );
}
