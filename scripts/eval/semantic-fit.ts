/**
 * Fits one model's semantic calibration on the dev sets (`npm run eval -- ranking --fit`): for every
 * cosine variant, floor, ceiling and weight on a coarse grid, the fused score of each pair is
 * (1 − weight) × its lexical score + weight × the mapped cosine — exactly what scoreMatch computes
 * (see effectiveWeights) — and the grid point with the best mean over sets of AUC + NDCG@10 wins,
 * among those that beat the lexical score on every set when any does. Coarse on purpose: three
 * small dev sets cannot support a finer fit.
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

const round = (value: number): number => Math.round(value * 100) / 100;

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
  for (const variant of variants) {
    for (let floor = 0; floor <= 0.8001; floor += 0.05) {
      for (let ceil = floor + 0.1; ceil <= 1.0001; ceil += 0.05) {
        for (let weight = 0.1; weight <= 0.6001; weight += 0.05) {
          const perSet: FitResult['perSet'] = {};
          let objective = 0;
          let beats = true;
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
            if ((fused.auc ?? 0) <= (base.auc ?? 0) || (fused.ndcg_at_10 ?? 0) < (base.ndcg_at_10 ?? 0))
              beats = false;
          }
          results.push({
            variant,
            floor: round(floor),
            ceil: round(ceil),
            weight: round(weight),
            objective: objective / Math.max(1, sets.size),
            beatsLexicalEverywhere: beats,
            perSet,
          });
        }
      }
    }
  }
  return results.sort(
    (a, b) =>
      Number(b.beatsLexicalEverywhere) - Number(a.beatsLexicalEverywhere) || b.objective - a.objective,
  );
}
