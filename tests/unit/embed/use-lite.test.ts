import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_MODEL_ID } from '../../../src/core/embed/model-manager';
import { embedWith } from '../../../src/core/embed/embedder';
import { encodePrefix, sparseBatch } from '../../../src/core/embed/use-lite';
import { dot } from '../../../src/core/embed/vector-math';
import { parseText } from '../../../src/core/parse/text';
import { loadNodeEmbedder, type NodeEmbedder } from '../../../scripts/lib/node-embedder';

describe('sparseBatch', () => {
  it('numbers every token by (row, position) and never leaves a row empty', () => {
    const batch = sparseBatch([[5, 6], [], [7, 8, 9]], 2, 1);
    expect([...batch.values]).toEqual([5, 6, 1, 7, 8]);
    expect([...batch.indices]).toEqual([0, 0, 0, 1, 1, 0, 2, 0, 2, 1]);
    expect(batch.count).toBe(5);
  });
});

describe('encodePrefix', () => {
  /** A stand-in for the SentencePiece tokenizer: one id per word (▁-prefixed), unknown words 0. */
  const known = new Map([
    ['▁senior', 11],
    ['▁nurse', 12],
    ['▁with', 13],
    ['▁icu', 14],
    ['▁experience', 15],
  ]);
  const tokenizer = {
    calls: [] as string[],
    encode(text: string): number[] {
      this.calls.push(text);
      return text
        .split(' ')
        .filter(Boolean)
        .map((word) => known.get(`▁${word}`) ?? 0)
        .filter((id, index, ids) => !(id === 0 && ids[index - 1] === 0));
    },
  };

  it('gives the ids of the whole text, piece by piece, and stops at maxTokens', () => {
    const text = 'senior nurse with icu experience '.repeat(40).trim();
    const whole = tokenizer.encode(text);
    tokenizer.calls = [];
    expect(encodePrefix(tokenizer, text, 10_000, 30)).toEqual(whole);
    expect(tokenizer.calls.every((piece) => piece.length <= 40 && !piece.startsWith(' '))).toBe(true);
    tokenizer.calls = [];
    expect(encodePrefix(tokenizer, text, 7, 30)).toEqual(whole.slice(0, 7));
    // Only the pieces needed for the first 7 ids were tokenised.
    expect(tokenizer.calls.length).toBeLessThanOrEqual(2);
  });

  it("gives exactly the model tokenizer's ids for a long generated resume", async () => {
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { builtinModelDir } = await import('../../../scripts/lib/node-embedder');
    const { Tokenizer } = await import('@tensorflow-models/universal-sentence-encoder');
    const vocabulary = JSON.parse(await readFile(join(builtinModelDir(), 'vocab.json'), 'utf8')) as [
      string,
      number,
    ][];
    const real = new Tokenizer(vocabulary);
    const line =
      'SKILLS: C++, SQL; (ICU) nurse : 5+ yrs — “Epic/Cerner” e-mail: a@b.io ➤ 12-hour shifts :) ünïcödé ';
    const text = Array.from({ length: 30 }, (_, i) => `${line}${i} `)
      .join('')
      .trim();
    const whole = real.encode(text);
    expect(encodePrefix(real, text, 100_000)).toEqual(whole);
    expect(encodePrefix(real, text, 300)).toEqual(whole.slice(0, 300));
  });

  it('merges unknown ids across a piece boundary as one call would', () => {
    const text = 'nurse qqq rrr sss ttt with icu';
    expect(encodePrefix(tokenizer, text, 100, 8)).toEqual(tokenizer.encode(text));
  });
});

describe('built-in model (USE lite on TF.js wasm, the same files the app serves)', () => {
  let embedder: NodeEmbedder;
  beforeAll(async () => {
    embedder = await loadNodeEmbedder(BUILTIN_MODEL_ID);
  }, 60_000);
  afterAll(async () => {
    await embedder?.dispose();
  });

  it('returns unit 512-d rows, one per text, with meaning: paraphrases beat unrelated text', async () => {
    const texts = [
      'Registered nurse caring for patients in an intensive care unit',
      'ICU nurse providing bedside patient care',
      'Senior accountant preparing quarterly tax filings and audits',
      '',
    ];
    const { vectors, dims } = await embedder.embed(texts);
    expect(dims).toBe(512);
    expect(vectors.length).toBe(texts.length * dims);
    for (let row = 0; row < texts.length; row++)
      expect(dot(vectors, vectors, dims, row * dims, row * dims)).toBeCloseTo(1, 4);
    const nurses = dot(vectors, vectors, dims, 0, dims);
    const nurseAccountant = dot(vectors, vectors, dims, 0, 2 * dims);
    expect(nurses).toBeGreaterThan(nurseAccountant + 0.2);
  });

  it('gives the same vector for a text alone and inside a batch', async () => {
    const alone = await embedder.embed(['Forklift operator, warehouse logistics']);
    const batch = await embedder.embed(['Pastry chef', 'Forklift operator, warehouse logistics']);
    expect(dot(alone.vectors, batch.vectors, 512, 0, 512)).toBeCloseTo(1, 3);
  });

  it('embeds a whole document as one vector, which is also its one chunk', async () => {
    const parsed = parseText(
      'Jane Roe\nExperience\nLine cook at a busy bistro\n- Prepared 300 covers a night',
    );
    const vectors = await embedWith(embedder, parsed);
    expect(vectors.dims).toBe(512);
    expect(vectors.document.length).toBe(512);
    expect(vectors.chunks).toBe(vectors.document);
    expect(vectors.chunkSpans).toEqual([{ start: 0, end: parsed.text.trim().length, kind: 'document' }]);
  });

  it('makes the document vector from tiles of the whole document, not its first 128 tokens', async () => {
    const accounting = Array.from(
      { length: 14 },
      (_, i) => `- Reconciled ledger accounts and prepared month-end close report number ${i + 1}`,
    );
    const parsed = parseText(
      [
        'Robin Vale',
        'Accounting',
        ...accounting,
        '',
        'Nursing',
        '- Registered nurse in an intensive care unit',
        '- Bedside patient care, medication administration and charting',
      ].join('\n'),
    );
    const vectors = await embedWith(embedder, parsed);
    expect(vectors.chunks).toBe(vectors.document);
    const firstTokens = (await embedder.embed([parsed.text])).vectors;
    const nurse = (await embedder.embed(['ICU registered nurse providing patient care'])).vectors;
    // The nursing section lies past the first 128 tokens: only the tiled vector sees it.
    expect(dot(vectors.document, nurse, 512)).toBeGreaterThan(dot(firstTokens, nurse, 512) + 0.05);
  });

  it('reads only the first 128 tokens of a row, so BUILTIN_INPUT_TOKENS loses nothing', async () => {
    const { createUseLiteEmbedFunction } = await import('../../../src/core/embed/use-lite');
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { builtinModelDir } = await import('../../../scripts/lib/node-embedder');
    const { BUILTIN_INPUT_TOKENS } = await import('../../../src/core/embed/model-manager');
    const { Tokenizer } = await import('@tensorflow-models/universal-sentence-encoder');
    const tf = await import('@tensorflow/tfjs-core');
    const { loadGraphModel } = await import('@tensorflow/tfjs-converter');
    const dir = builtinModelDir();
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
      modelTopology: object;
      weightsManifest: { paths: string[]; weights: unknown[] }[];
    };
    const shards = await Promise.all(
      json.weightsManifest.flatMap((group) => group.paths.map((path) => readFile(join(dir, path)))),
    );
    const joined = Buffer.concat(shards);
    const model = await loadGraphModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group) => group.weights) as never,
        weightData: joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength),
      }),
    );
    const tokenizer = new Tokenizer(
      JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')) as [string, number][],
    );
    const capped = (maxTokens: number) =>
      createUseLiteEmbedFunction({ tf: tf, model: model as never, tokenizer, maxTokens });
    const text = Array.from(
      { length: 60 },
      (_, i) => `Line ${i}: registered nurse, ICU, patient care, charting in Epic, night shifts.`,
    ).join(' ');
    try {
      expect(BUILTIN_INPUT_TOKENS).toBe(128);
      const at128 = (await capped(128)([text])).vectors;
      expect(dot((await capped(1024)([text])).vectors, at128, 512)).toBeGreaterThan(0.99999);
      // Fewer tokens change the vector: the first 128 are read.
      expect(dot((await capped(64)([text])).vectors, at128, 512)).toBeLessThan(0.9999);
    } finally {
      model.dispose();
    }
  }, 60_000);
});
