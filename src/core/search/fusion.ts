/**
 * Reciprocal rank fusion (Cormack et al. 2009): each ranked list contributes 1 / (k + rank) to
 * every item in it (rank from 1), so items near the top of several lists win without having to
 * calibrate BM25 scores against cosines. k = 60 is the paper's constant.
 */

export const RRF_K = 60;

export interface FusedHit<Id> {
  id: Id;
  score: number;
  /** The item's 1-based rank in each input list (undefined where absent). */
  ranks: (number | undefined)[];
}

export function reciprocalRankFusion<Id>(lists: readonly (readonly Id[])[], k = RRF_K): FusedHit<Id>[] {
  const fused = new Map<Id, FusedHit<Id>>();
  const order: Id[] = [];
  lists.forEach((list, listIndex) => {
    list.forEach((id, position) => {
      let hit = fused.get(id);
      if (!hit) {
        hit = { id, score: 0, ranks: lists.map(() => undefined) };
        fused.set(id, hit);
        order.push(id);
      }
      hit.score += 1 / (k + position + 1);
      hit.ranks[listIndex] = position + 1;
    });
  });
  // Ties keep first-seen order, so the result is deterministic.
  return order
    .map((id, index) => ({ hit: fused.get(id) as FusedHit<Id>, index }))
    .sort((a, b) => b.hit.score - a.hit.score || a.index - b.index)
    .map(({ hit }) => hit);
}
