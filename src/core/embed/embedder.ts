/**
 * The one interface every embedding runtime implements, so chunking, vectors, search, similar
 * candidates and the score never know which model runs: the built-in Universal Sentence Encoder lite
 * (TensorFlow.js, core/embed/use-lite.ts) or a transformers.js model (core/embed/pooling.ts). The
 * embedding worker and the Node tools (scripts/lib/node-embedder.ts) build one and pass it around.
 */
import type { ParsedDocument, SectionSpan, WorkEntry } from '../domain';
import type { ChunkLayout } from './chunking';
import { embedDocument, type DocumentVectors, type EmbedFunction } from './embed-document';
import { linesOutsideTheWork } from '../extract/job-sections';

export interface Embedder {
  readonly modelId: string;
  /** Length of every vector (every row is L2-normalised). */
  readonly dims: number;
  /** Longest input the chunker should produce, in the model's tokens. */
  readonly maxTokens: number;
  /**
   * Most chunks per document. A model whose cost is per input row (USE lite: ~80 ms a row whatever
   * its length) keeps this small and its chunks large.
   */
  readonly maxChunks?: number;
  /** How chunks cut a document (see ChunkOptions.layout; 'nested' when absent). */
  readonly chunkLayout?: ChunkLayout;
  /**
   * Store only the document vector (the chunks' mean), not every chunk's: for a model whose score
   * reads document vectors, so a library's vectors stay small.
   */
  readonly documentOnly?: boolean;
  embed: EmbedFunction;
  dispose(): Promise<void>;
}

/** What the chunker may know of a document beyond its lines (see ChunkOptions). */
export interface EmbedStructure {
  /** A resume's sections and work entries (a job's sections are found from its headings). */
  sections?: SectionSpan[];
  work?: WorkEntry[];
  /** Lines left out of every vector: a job's tool lists and boilerplate (see jobEmbedStructure). */
  skipLines?: ReadonlySet<number>;
}

/**
 * A job's structure for embedding: its tool lists ("Tools and technologies: …"), benefits, legal
 * and how-to-apply text are left out, so the vector says what the work is rather than which
 * products it touches or what every posting's boilerplate says (docs/embeddings.md).
 */
export function jobEmbedStructure(parsed: ParsedDocument): EmbedStructure {
  const skipLines = linesOutsideTheWork(parsed.lines);
  return skipLines.size > 0 ? { skipLines } : {};
}

/** A document's vectors with the embedder's own chunk sizes. */
export function embedWith(
  embedder: Embedder,
  parsed: ParsedDocument,
  structure: EmbedStructure = {},
): Promise<DocumentVectors> {
  return embedDocument(parsed, embedder.embed, {
    maxTokens: embedder.maxTokens,
    ...(embedder.maxChunks !== undefined ? { maxChunks: embedder.maxChunks } : {}),
    ...(embedder.chunkLayout ? { layout: embedder.chunkLayout } : {}),
    ...(embedder.documentOnly ? { documentOnly: true } : {}),
    ...(structure.sections ? { sections: structure.sections } : {}),
    ...(structure.work ? { work: structure.work } : {}),
    ...(structure.skipLines ? { skipLines: structure.skipLines } : {}),
  });
}
