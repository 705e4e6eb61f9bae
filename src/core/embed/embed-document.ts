/**
 * Turns one parsed document into its vectors: chunk it, embed the chunks (and the whole text when it
 * fits the model), and derive the document vector. The embedding function is injected (the worker
 * passes transformers.js; Node tests and the bench pass the same pipeline), so this stays pure.
 */
import type { ParsedDocument, SectionSpan, WorkEntry } from '../domain';
import { chunkDocument, maxCharsForTokens, type ChunkLayout, type ChunkSpan } from './chunking';
import { normalizeRows } from './vector-math';

/** Embeds texts into one row-major buffer of L2-normalised rows. */
export type EmbedFunction = (texts: string[]) => Promise<{ vectors: Float32Array; dims: number }>;

export interface DocumentVectors {
  dims: number;
  document: Float32Array;
  chunks: Float32Array;
  chunkSpans: ChunkSpan[];
}

export interface EmbedDocumentOptions {
  maxTokens: number;
  maxChunks?: number;
  /** How the chunks cut the text (see ChunkOptions.layout). */
  layout?: ChunkLayout;
  sections?: SectionSpan[];
  work?: WorkEntry[];
  /** Lines no chunk may contain (see ChunkOptions.skipLines). */
  skipLines?: ReadonlySet<number>;
  /** Keep only the document vector (it is then also the one chunk); see Embedder.documentOnly. */
  documentOnly?: boolean;
  /** Texts per model call; bounds memory for long documents. */
  batchSize?: number;
}

export async function embedDocument(
  parsed: ParsedDocument,
  embed: EmbedFunction,
  options: EmbedDocumentOptions,
): Promise<DocumentVectors> {
  const chunked = chunkDocument(parsed, {
    maxChars: maxCharsForTokens(options.maxTokens),
    ...(options.maxChunks !== undefined ? { maxChunks: options.maxChunks } : {}),
    ...(options.layout ? { layout: options.layout } : {}),
    ...(options.sections ? { sections: options.sections } : {}),
    ...(options.work ? { work: options.work } : {}),
    ...(options.skipLines ? { skipLines: options.skipLines } : {}),
  });
  const slice = (span: ChunkSpan): string => parsed.text.slice(span.start, span.end);
  const texts = chunked.chunks.map(slice);
  // A short document is embedded whole; a long one would be truncated by the tokenizer, so its
  // vector is the length-weighted mean of its chunk vectors instead (covers every part of it).
  // Tiled chunks already cover the text once, so their mean is the document vector either way.
  const wholeText = slice(chunked.document);
  const embedWhole = texts.length === 0 || (chunked.documentFits && options.layout !== 'tiled');
  if (embedWhole) texts.push(wholeText.length > 0 ? wholeText : ' ');

  const batchSize = Math.max(1, options.batchSize ?? 16);
  let dims = 0;
  let all = new Float32Array(0);
  for (let from = 0; from < texts.length; from += batchSize) {
    const batch = await embed(texts.slice(from, from + batchSize));
    if (dims === 0) {
      dims = batch.dims;
      all = new Float32Array(texts.length * dims);
    }
    all.set(batch.vectors.subarray(0, Math.min(batchSize, texts.length - from) * dims), from * dims);
  }

  const chunkCount = chunked.chunks.length;
  const chunks = all.slice(0, chunkCount * dims);
  let document: Float32Array;
  if (embedWhole) {
    document = all.slice(texts.length * dims - dims, texts.length * dims);
  } else {
    document = new Float32Array(dims);
    chunked.chunks.forEach((span, index) => {
      const weight = span.end - span.start;
      for (let d = 0; d < dims; d++)
        document[d] = (document[d] ?? 0) + weight * (chunks[index * dims + d] ?? 0);
    });
    normalizeRows(document, dims);
  }
  if (chunkCount === 0 || options.documentOnly) {
    // A model run without chunks, or one whose score reads only the document vector (the built-in
    // one: the mean of its tiles): the whole document is its one chunk. The same array, so
    // IndexedDB's structured clone stores the buffer once (2 KB a resume instead of 2 KB a tile).
    return { dims, document, chunks: document, chunkSpans: [chunked.document] };
  }
  return { dims, document, chunks, chunkSpans: chunked.chunks };
}
