/**
 * Small vector helpers on Float32Array rows, shared by the embedding worker and search/ranking.
 * Vectors from the embedding worker are L2-normalised, so `dot` is their cosine similarity; `cosine`
 * is for vectors that may not be.
 */

/** Dot product of `a[aOffset .. aOffset+dims)` and `b[bOffset .. bOffset+dims)`. */
export function dot(a: Float32Array, b: Float32Array, dims: number, aOffset = 0, bOffset = 0): number {
  let sum = 0;
  for (let i = 0; i < dims; i++) sum += (a[aOffset + i] ?? 0) * (b[bOffset + i] ?? 0);
  return sum;
}

/** Euclidean length of `v[offset .. offset+dims)`. */
export function norm(v: Float32Array, dims: number, offset = 0): number {
  return Math.sqrt(dot(v, v, dims, offset, offset));
}

/** Cosine similarity of two rows; 0 when either is the zero vector. */
export function cosine(a: Float32Array, b: Float32Array, dims: number, aOffset = 0, bOffset = 0): number {
  const lengths = norm(a, dims, aOffset) * norm(b, dims, bOffset);
  return lengths === 0 ? 0 : dot(a, b, dims, aOffset, bOffset) / lengths;
}

/** Scales every `dims`-long row of `rows` to unit length in place (zero rows stay zero). */
export function normalizeRows(rows: Float32Array, dims: number): Float32Array {
  for (let offset = 0; offset + dims <= rows.length; offset += dims) {
    const length = norm(rows, dims, offset);
    if (length === 0) continue;
    for (let i = 0; i < dims; i++) rows[offset + i] = (rows[offset + i] ?? 0) / length;
  }
  return rows;
}

/** Row `index` of a row-major buffer, as a view (no copy). */
export function row(rows: Float32Array, dims: number, index: number): Float32Array {
  return rows.subarray(index * dims, (index + 1) * dims);
}

/**
 * Best dot product of `query` against every row of `rows` (e.g. a requirement against a resume's
 * chunk vectors): the row index and its score, or index -1 when there are no rows.
 */
export function bestRow(
  query: Float32Array,
  rows: Float32Array,
  dims: number,
  queryOffset = 0,
): { index: number; score: number } {
  let index = -1;
  let score = -Infinity;
  const count = Math.floor(rows.length / dims);
  for (let r = 0; r < count; r++) {
    const s = dot(query, rows, dims, queryOffset, r * dims);
    if (s > score) {
      score = s;
      index = r;
    }
  }
  return { index, score: index < 0 ? 0 : score };
}
