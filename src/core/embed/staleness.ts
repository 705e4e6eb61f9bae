/**
 * The one staleness rule for stored vectors, used by every reader (the match worker's breakdown,
 * the search worker's ranking index): vectors are used only when they were computed from the
 * record as it is now. A correction, a refine or a new version changes the record's updatedAt, so
 * its old vectors stop counting at once (the score is lexical until re-embedding catches up)
 * instead of one screen using them and another not.
 */
export function vectorsAreCurrent(
  vectors: { sourceUpdatedAt: number },
  owner: { updatedAt: number },
): boolean {
  return vectors.sourceUpdatedAt === owner.updatedAt;
}
