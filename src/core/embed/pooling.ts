/**
 * Sentence vectors from a transformer's token outputs: mean pooling over the attention mask (or the
 * [CLS] token, for models trained that way) followed by L2 normalisation, done in one pass over the
 * output buffer. transformers.js' pipeline does the same with generic tensor code that costs as much
 * as the tiny model itself, so the embedding worker and the Node tools call the tokenizer and model
 * directly and pool here. Pure: the tokenizer and model are passed in.
 */
import type { EmbedFunction } from './embed-document';
import type { Pooling } from './model-manager';
import { normalizeRows } from './vector-math';

/** A tensor as transformers.js returns it (the fields we read). */
export interface TensorLike {
  data: ArrayLike<number | bigint>;
  dims: number[];
}

/** The part of a transformers.js tokenizer we use: ids of one text, with [CLS]/[SEP] added. */
export interface TokenizerLike {
  encode(text: string): number[];
  pad_token_id?: number | null;
}

/** Builds a runtime tensor (transformers.js `new Tensor(type, data, dims)`). */
export type TensorFactory = (type: 'int64', data: BigInt64Array, dims: number[]) => unknown;

export type ModelLike = (inputs: Record<string, unknown>) => Promise<Record<string, TensorLike | undefined>>;

export interface EmbedRuntime {
  tokenizer: TokenizerLike;
  model: ModelLike;
  makeTensor: TensorFactory;
  pooling: Pooling;
  /** Longest input in tokens, [CLS]/[SEP] included: longer texts keep their start. */
  maxTokens: number;
}

/**
 * Pools `hidden` [batch, seq, dims] into [batch, dims] rows, unit length. Mean pooling counts only
 * positions whose mask is 1 (padding never shifts a vector).
 */
export function poolHiddenStates(hidden: TensorLike, mask: TensorLike, pooling: Pooling): Float32Array {
  const [batch = 0, seq = 0, dims = 0] = hidden.dims;
  const values = hidden.data;
  const maskValues = mask.data;
  const rows = new Float32Array(batch * dims);
  for (let b = 0; b < batch; b++) {
    const out = b * dims;
    if (pooling === 'cls') {
      const from = b * seq * dims;
      for (let d = 0; d < dims; d++) rows[out + d] = Number(values[from + d] ?? 0);
      continue;
    }
    let count = 0;
    for (let s = 0; s < seq; s++) {
      if (Number(maskValues[b * seq + s] ?? 0) === 0) continue;
      count++;
      const from = (b * seq + s) * dims;
      for (let d = 0; d < dims; d++) rows[out + d] = (rows[out + d] ?? 0) + Number(values[from + d] ?? 0);
    }
    if (count > 0) for (let d = 0; d < dims; d++) rows[out + d] = (rows[out + d] ?? 0) / count;
  }
  return normalizeRows(rows, dims);
}

/** The model output that holds per-token vectors (names differ between exports). */
export function tokenStates(outputs: Record<string, TensorLike | undefined>): TensorLike {
  const states = outputs['last_hidden_state'] ?? outputs['token_embeddings'] ?? outputs['logits'];
  if (!states || states.dims.length !== 3) throw new Error('The model has no per-token output to pool.');
  return states;
}

/**
 * Token ids of a batch, truncated to maxTokens (the final [SEP] kept) and right-padded into one
 * [batch, seq] int64 buffer with its attention mask. Done here rather than with the tokenizer's own
 * padding, which builds the same tensors several times slower.
 */
export function padBatch(
  ids: number[][],
  maxTokens: number,
  padId: number,
): { inputIds: BigInt64Array; attentionMask: BigInt64Array; seq: number } {
  const limit = Math.max(2, maxTokens);
  const rows = ids.map((row) =>
    row.length <= limit ? row : [...row.slice(0, limit - 1), row[row.length - 1] ?? padId],
  );
  const seq = Math.max(1, ...rows.map((row) => row.length));
  const inputIds = new BigInt64Array(rows.length * seq).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(rows.length * seq);
  rows.forEach((row, b) => {
    row.forEach((id, s) => {
      inputIds[b * seq + s] = BigInt(id);
      attentionMask[b * seq + s] = 1n;
    });
  });
  return { inputIds, attentionMask, seq };
}

/** The input limit: the model's documented one, lowered by the tokenizer's own when that is smaller. */
export function tokenLimit(documented: number, tokenizerMax: number): number {
  return Number.isFinite(tokenizerMax) && tokenizerMax > 0 ? Math.min(documented, tokenizerMax) : documented;
}

/** An EmbedFunction from a tokenizer and a model: tokenise, pad, run, pool, normalise. */
export function createEmbedFunction(runtime: EmbedRuntime): EmbedFunction {
  const { tokenizer, model, makeTensor, pooling, maxTokens } = runtime;
  const padId = tokenizer.pad_token_id ?? 0;
  return async (texts) => {
    const { inputIds, attentionMask, seq } = padBatch(
      texts.map((text) => tokenizer.encode(text)),
      maxTokens,
      padId,
    );
    const dims = [texts.length, seq];
    const outputs = await model({
      input_ids: makeTensor('int64', inputIds, dims),
      attention_mask: makeTensor('int64', attentionMask, dims),
    });
    const hidden = tokenStates(outputs);
    return {
      vectors: poolHiddenStates(hidden, { data: attentionMask, dims }, pooling),
      dims: hidden.dims[2] ?? 0,
    };
  };
}
