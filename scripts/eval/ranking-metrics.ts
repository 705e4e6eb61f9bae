/** Ranking quality measures: ROC-AUC over all pairs, and P@k / NDCG@k per query. */

export interface ScoredPair {
  query: string;
  item: string;
  label: number;
  score: number;
}

/** ROC-AUC by the Mann–Whitney statistic (ties count one half). Positive = label > 0. */
export function rocAuc(pairs: ScoredPair[]): number | null {
  const sorted = [...pairs].sort((a, b) => a.score - b.score);
  let positives = 0;
  let negatives = 0;
  let rankSum = 0;
  let index = 0;
  while (index < sorted.length) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1]!.score === sorted[index]!.score) end++;
    const averageRank = (index + end) / 2 + 1;
    for (let i = index; i <= end; i++) {
      if (sorted[i]!.label > 0) {
        positives++;
        rankSum += averageRank;
      } else negatives++;
    }
    index = end + 1;
  }
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function byQuery(pairs: ScoredPair[]): Map<string, ScoredPair[]> {
  const groups = new Map<string, ScoredPair[]>();
  for (const pair of pairs) {
    const group = groups.get(pair.query) ?? [];
    group.push(pair);
    groups.set(pair.query, group);
  }
  return groups;
}

/** Deterministic order: score descending, then item name (so ties don't depend on input order). */
function ranked(group: ScoredPair[]): ScoredPair[] {
  return [...group].sort((a, b) => b.score - a.score || a.item.localeCompare(b.item));
}

export function precisionAtK(pairs: ScoredPair[], k: number): number | null {
  const values = [...byQuery(pairs).values()].map((group) => {
    const top = ranked(group).slice(0, k);
    return top.filter((pair) => pair.label > 0).length / Math.min(k, group.length);
  });
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** NDCG@k with gain 2^label − 1 (binary labels give gain 1). */
export function ndcgAtK(pairs: ScoredPair[], k: number): number | null {
  const values: number[] = [];
  for (const group of byQuery(pairs).values()) {
    const dcg = (list: ScoredPair[]) =>
      list.slice(0, k).reduce((sum, pair, i) => sum + (2 ** pair.label - 1) / Math.log2(i + 2), 0);
    const ideal = dcg([...group].sort((a, b) => b.label - a.label));
    if (ideal === 0) continue;
    values.push(dcg(ranked(group)) / ideal);
  }
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export function summarise(pairs: ScoredPair[]): {
  auc: number | null;
  p_at_10: number | null;
  ndcg_at_10: number | null;
} {
  return { auc: rocAuc(pairs), p_at_10: precisionAtK(pairs, 10), ndcg_at_10: ndcgAtK(pairs, 10) };
}
