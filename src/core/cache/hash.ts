/**
 * Small, stable, dependency-free hashing for cache keys. Not cryptographic: documents are
 * identified by their SHA-256 (computed where the bytes are read); this is for keys made of
 * parameters and short texts, where speed and stability across runtimes matter.
 */

const encoder = new TextEncoder();

/**
 * FNV-1a 64-bit as 16 hex characters. JavaScript numbers cannot hold a 64-bit product, so the
 * state is kept in four 16-bit limbs and the multiply by the FNV prime (2^40 + 0x1b3) is done
 * limb by limb; every intermediate stays well below 2^53.
 */
export function fnv1a64(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  // Offset basis 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of bytes) {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    // h << 40 moves limb 0 into limb 2 (shifted 8 bits) and limb 1 into limb 3.
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/**
 * JSON with object keys sorted, so `{a, b}` and `{b, a}` give the same key. Undefined object
 * members are dropped (as JSON.stringify does); non-finite numbers become null.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown) => stableStringify(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`);
  return `{${members.join(',')}}`;
}

/** A cache key from any mix of parameters: stable, short, order of object keys irrelevant. */
export function cacheKey(...parts: unknown[]): string {
  return fnv1a64(stableStringify(parts));
}
