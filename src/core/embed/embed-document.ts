/**
 * Turns one parsed document into its vectors: chunk it, embed the chunks (and the whole text when it
 * fits the model), and derive the document vector. The embedding function is injected (the worker
 * passes transformers.js; Node tests and the bench pass the same pipeline), so this stays pure.
 */
import type { ParsedDocument, SectionSpan, WorkEntry } from '../domain';
import { chunkDocument, maxCharsForTokens, type ChunkSpan } from './chunking';
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
  sections?: SectionSpan[];
  work?: WorkEntry[];
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
    ...(options.sections ? { sections: options.sections } : {}),
    ...(options.work ? { work: options.work } : {}),
  });
  const slice = (span: ChunkSpan): string => parsed.text.slice(span.start, span.end);
  const texts = chunked.chunks.map(slice);
  // A short document is embedded whole; a long one would be truncated by the tokenizer, so its
  // vector is the length-weighted mean of its chunk vectors instead (covers every part of it).
  const wholeText = slice(chunked.document);
  const embedWhole = chunked.documentFits || texts.length === 0;
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
  if (chunkCount === 0) {
    // A model run without chunks (the built-in one: one call per document): the whole document is
    // its one chunk. The same array, so IndexedDB's structured clone stores the buffer once.
    return { dims, document, chunks: document, chunkSpans: [chunked.document] };
  }
  return { dims, document, chunks, chunkSpans: chunked.chunks };
}
