import { describe, expect, it } from 'vitest';
import {
  createEmbedFunction,
  padBatch,
  poolHiddenStates,
  type TensorLike,
} from '../../../src/core/embed/pooling';

describe('padBatch', () => {
  it('pads to the longest row and masks the padding', () => {
    const { inputIds, attentionMask, seq } = padBatch(
      [
        [2, 10, 3],
        [2, 3],
      ],
      8,
      0,
    );
    expect(seq).toBe(3);
    expect([...inputIds]).toEqual([2n, 10n, 3n, 2n, 3n, 0n]);
    expect([...attentionMask]).toEqual([1n, 1n, 1n, 1n, 1n, 0n]);
  });

  it('truncates to maxTokens and keeps the closing [SEP]', () => {
    const { inputIds, seq } = padBatch([[2, 10, 11, 12, 13, 3]], 4, 0);
    expect(seq).toBe(4);
    expect([...inputIds]).toEqual([2n, 10n, 11n, 3n]);
  });
});

describe('poolHiddenStates', () => {
  // batch 2, seq 3, dims 2
  const hidden: TensorLike = {
    data: new Float32Array([1, 0, 3, 0, 100, 100, 0, 2, 0, 4, 0, 6]),
    dims: [2, 3, 2],
  };
  const mask: TensorLike = { data: new BigInt64Array([1n, 1n, 0n, 1n, 1n, 1n]), dims: [2, 3] };

  it('averages only unmasked tokens, then normalises', () => {
    const rows = poolHiddenStates(hidden, mask, 'mean');
    // Row 0: mean of (1,0) and (3,0) = (2,0) → (1,0); the masked (100,100) is ignored.
    expect([...rows]).toEqual([1, 0, 0, 1]);
  });

  it('takes the first token for CLS pooling', () => {
    const rows = poolHiddenStates(hidden, mask, 'cls');
    expect([...rows]).toEqual([1, 0, 0, 1]);
    const other = poolHiddenStates({ data: new Float32Array([3, 4, 9, 9]), dims: [1, 2, 2] }, mask, 'cls');
    expect([...other].map((v) => Math.round(v * 100) / 100)).toEqual([0.6, 0.8]);
  });
});

describe('createEmbedFunction', () => {
  it('feeds padded int64 tensors to the model and pools its token output', async () => {
    const fed: { name: string; dims: number[] }[] = [];
    const embed = createEmbedFunction({
      tokenizer: { encode: (text) => [2, ...[...text].map((c) => c.charCodeAt(0) % 7), 3], pad_token_id: 0 },
      makeTensor: (type, data, dims) => ({ type, data, dims }),
      model: (inputs) => {
        for (const [name, tensor] of Object.entries(inputs))
          fed.push({ name, dims: (tensor as TensorLike).dims });
        const ids = (inputs['input_ids'] as TensorLike).data;
        // A fake encoder: token id → vector (id, 1).
        const data = new Float32Array(ids.length * 2);
        for (let i = 0; i < ids.length; i++) [data[i * 2], data[i * 2 + 1]] = [Number(ids[i]), 1];
        const [batch = 0, seq = 0] = (inputs['input_ids'] as TensorLike).dims;
        return Promise.resolve({ last_hidden_state: { data, dims: [batch, seq, 2] } });
      },
      pooling: 'mean',
      maxTokens: 16,
    });
    const { vectors, dims } = await embed(['ab', 'abcd']);
    expect(dims).toBe(2);
    expect(fed).toEqual([
      { name: 'input_ids', dims: [2, 6] },
      { name: 'attention_mask', dims: [2, 6] },
    ]);
    expect(vectors.length).toBe(4);
    for (let row = 0; row < 2; row++) {
      expect(Math.hypot(vectors[row * 2] ?? 0, vectors[row * 2 + 1] ?? 0)).toBeCloseTo(1, 6);
    }
  });

  it('fails clearly when the model has no per-token output', async () => {
    const embed = createEmbedFunction({
      tokenizer: { encode: () => [2, 3] },
      makeTensor: (type, data, dims) => ({ type, data, dims }),
      model: () => Promise.resolve({ pooled: { data: new Float32Array(2), dims: [1, 2] } }),
      pooling: 'mean',
      maxTokens: 8,
    });
    await expect(embed(['x'])).rejects.toThrow(/per-token output/);
  });
});
