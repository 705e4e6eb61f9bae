/**
 * Document vectors for the eval, through the app's own core path (core/embed/embedder → chunking →
 * the model), cached on disk under reports/.cache/vectors/ by a hash of the model, its chunk settings
 * and the text: the built-in model costs ~0.1 s per input row, and the eval is run many times.
 * Each entry also holds the whole-text vector (one call over the whole document) for the
 * document-vector vs mean-pooled-chunks comparison.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedDocument } from '../../src/core/domain';
import { embedWith, type EmbedStructure, type Embedder } from '../../src/core/embed/embedder';
import { normalizeRows } from '../../src/core/embed/vector-math';

export interface CachedVectors {
  dims: number;
  /** The app's document vector (whole text when it fits one chunk, else the chunks' weighted mean). */
  document: Float32Array;
  /** One vector of the whole text, one model call (truncated by the model's input cap). */
  whole: Float32Array;
  /** Plain mean of the chunk vectors, unit length. */
  meanChunks: Float32Array;
  chunks: Float32Array;
  embedMs: number;
}

const CACHE_DIR = join('reports', '.cache', 'vectors');
const CACHE_VERSION = 1;

function encode(array: Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function decode(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export async function cachedVectors(
  embedder: Embedder,
  parsed: ParsedDocument,
  structure: EmbedStructure,
): Promise<CachedVectors> {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        CACHE_VERSION,
        embedder.modelId,
        embedder.maxTokens,
        embedder.maxChunks ?? null,
        embedder.chunkLayout ?? 'nested',
        structure.sections ?? null,
        structure.work?.map((entry) => entry.line) ?? null,
        // Only when lines are left out, so the keys of every other document stay as they were.
        ...(structure.skipLines && structure.skipLines.size > 0 ? [[...structure.skipLines]] : []),
      ]),
    )
    .update(parsed.text)
    .digest('hex');
  const dir = join(CACHE_DIR, embedder.modelId.replace(/[^\w.-]+/g, '_'));
  const path = join(dir, `${key}.json`);
  try {
    const stored = JSON.parse(await readFile(path, 'utf8')) as Record<string, string | number>;
    return {
      dims: Number(stored.dims),
      document: decode(String(stored.document)),
      whole: decode(String(stored.whole)),
      meanChunks: decode(String(stored.meanChunks)),
      chunks: decode(String(stored.chunks)),
      embedMs: Number(stored.embedMs),
    };
  } catch {
    // Not cached yet.
  }
  const started = performance.now();
  // Every chunk's vector is kept here (the app may keep only the document vector): the eval also
  // compares the mean of the chunks and the best-chunk reading.
  const vectors = await embedWith({ ...embedder, documentOnly: false }, parsed, structure);
  const embedMs = performance.now() - started;
  const wholeText = parsed.text.trim();
  const whole = (await embedder.embed([wholeText.length > 0 ? wholeText : ' '])).vectors.slice(
    0,
    vectors.dims,
  );
  const meanChunks = new Float32Array(vectors.dims);
  const count = vectors.chunks.length / Math.max(1, vectors.dims);
  for (let c = 0; c < count; c++)
    for (let d = 0; d < vectors.dims; d++)
      meanChunks[d] = (meanChunks[d] ?? 0) + (vectors.chunks[c * vectors.dims + d] ?? 0);
  normalizeRows(meanChunks, vectors.dims);
  const result: CachedVectors = {
    dims: vectors.dims,
    document: vectors.document,
    whole,
    meanChunks: count > 0 ? meanChunks : whole,
    chunks: vectors.chunks,
    embedMs,
  };
  await mkdir(dir, { recursive: true });
  await writeFile(
    path,
    JSON.stringify({
      dims: result.dims,
      document: encode(result.document),
      whole: encode(result.whole),
      meanChunks: encode(result.meanChunks),
      chunks: encode(result.chunks),
      embedMs,
    }),
  );
  return result;
}
