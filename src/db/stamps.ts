/**
 * id → stamp of the records in an index range, read from the index alone (keys, never record
 * bodies), in the range's order. `part` picks the stamp out of a compound key ([modelId,
 * createdAt] → 1). Used to see what changed without reading what changed.
 */
export interface KeyRange {
  eachKey(callback: (key: unknown, cursor: { primaryKey: unknown }) => void): Promise<unknown>;
}

export async function readStamps(range: KeyRange, part?: number): Promise<Map<string, number>> {
  const stamps = new Map<string, number>();
  await range.eachKey((key, cursor) => {
    stamps.set(String(cursor.primaryKey), Number(part === undefined ? key : (key as unknown[])[part]));
  });
  return stamps;
}
