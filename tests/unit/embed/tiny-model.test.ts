import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { embedDocument } from '../../../src/core/embed/embed-document';
import { TINY_MODEL_ID } from '../../../src/core/embed/model-manager';
import { dot, norm } from '../../../src/core/embed/vector-math';
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';
import { buildTinyModel, DEFAULT_MODELS_DIR, TINY_MODEL_DIMS } from '../../../scripts/make-tiny-model';
import { loadNodeEmbedder, type NodeEmbedder } from '../../../scripts/lib/node-embedder';

let embedder: NodeEmbedder;

beforeAll(async () => {
  // Generates public/models/shortlist-tiny-embed when missing, then loads it through transformers.js.
  embedder = await loadNodeEmbedder(TINY_MODEL_ID);
});

afterAll(async () => {
  await embedder.dispose();
});

async function vectorsOf(texts: string[]): Promise<Float32Array> {
  return (await embedder.embed(texts)).vectors;
}

describe('tiny embedding model (generated from code, loaded by transformers.js)', () => {
  it('writes the same bytes on every run', async () => {
    const onDisk = await readFile(join(DEFAULT_MODELS_DIR, TINY_MODEL_ID, 'onnx', 'model.onnx'));
    const fresh = buildTinyModel().files.get('onnx/model.onnx');
    expect(fresh).toBeDefined();
    expect(Buffer.compare(onDisk, Buffer.from(fresh ?? new Uint8Array()))).toBe(0);
  });

  it('loads with remote models off and returns unit vectors of the declared size', async () => {
    expect(embedder.dims).toBe(TINY_MODEL_DIMS);
    const vectors = await vectorsOf(['Senior Python developer', 'Registered nurse']);
    expect(vectors.length).toBe(2 * TINY_MODEL_DIMS);
    expect(norm(vectors, TINY_MODEL_DIMS, 0)).toBeCloseTo(1, 5);
    expect(norm(vectors, TINY_MODEL_DIMS, TINY_MODEL_DIMS)).toBeCloseTo(1, 5);
  });

  it('is deterministic, and padding in a batch does not change a vector', async () => {
    const alone = await vectorsOf(['Kafka and Spark pipelines']);
    const again = await vectorsOf(['Kafka and Spark pipelines']);
    const batched = await vectorsOf([
      'Kafka and Spark pipelines',
      'a much longer text with many more words in it',
    ]);
    expect([...again]).toEqual([...alone]);
    for (let i = 0; i < TINY_MODEL_DIMS; i++) expect(batched[i]).toBeCloseTo(alone[i] ?? 0, 6);
  });

  it('gives similar texts a higher cosine than unrelated ones', async () => {
    const dims = TINY_MODEL_DIMS;
    const vectors = await vectorsOf([
      'Senior Python developer building Django REST APIs with PostgreSQL',
      'Backend engineer: Python, Django and SQL databases',
      'Registered nurse caring for patients in a hospital emergency ward',
      'Staff nurse, clinical patient care and triage',
    ]);
    const cos = (a: number, b: number): number => dot(vectors, vectors, dims, a * dims, b * dims);
    expect(cos(0, 1)).toBeGreaterThan(cos(0, 2) + 0.2);
    expect(cos(2, 3)).toBeGreaterThan(cos(1, 3) + 0.2);
    // Same topic, no shared words: the topic part of the word vectors still brings them closer.
    const topical = await vectorsOf(['React TypeScript', 'Angular JavaScript', 'payroll bookkeeping']);
    const topicalCos = (a: number, b: number): number => dot(topical, topical, dims, a * dims, b * dims);
    expect(topicalCos(0, 1)).toBeGreaterThan(topicalCos(0, 2));
  });

  it('embeds a resume into a document vector plus one vector per chunk', async () => {
    const parsed = parseText(
      '# Dana Rivera\n\n## Experience\nData Engineer, Acme — 2019 to Present\n- Built Kafka pipelines\n- Led a team of four\n\n## Skills\nPython, SQL, Spark',
      'md',
    );
    const profile = extractResume(parsed);
    const result = await embedDocument(parsed, embedder.embed, {
      maxTokens: embedder.maxTokens,
      sections: profile.sections,
      work: profile.work,
    });
    expect(result.dims).toBe(TINY_MODEL_DIMS);
    expect(result.chunkSpans.length).toBeGreaterThan(3);
    expect(result.chunks.length).toBe(result.chunkSpans.length * TINY_MODEL_DIMS);
    expect(norm(result.document, TINY_MODEL_DIMS)).toBeCloseTo(1, 5);
    // A chunk's stored vector is the vector of its own text.
    const index = result.chunkSpans.findIndex(
      (span) => parsed.text.slice(span.start, span.end) === 'Built Kafka pipelines',
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const direct = await vectorsOf(['Built Kafka pipelines']);
    expect(dot(direct, result.chunks, TINY_MODEL_DIMS, 0, index * TINY_MODEL_DIMS)).toBeCloseTo(1, 5);
  });

  it('pools exactly like transformers.js feature-extraction (mean + normalize)', async () => {
    const { env, pipeline } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.localModelPath = join(DEFAULT_MODELS_DIR, '/');
    const extractor = await pipeline('feature-extraction', TINY_MODEL_ID, { dtype: 'fp32' });
    const texts = [
      'Kafka',
      'Senior Python developer with Django, PostgreSQL and AWS experience',
      'zzqx unknownword',
    ];
    const reference = (await extractor(texts, { pooling: 'mean', normalize: true })).data as Float32Array;
    const ours = await vectorsOf(texts);
    expect(ours.length).toBe(reference.length);
    for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(reference[i] ?? NaN, 5);
    await extractor.dispose();
  });

  it('uses the mean of chunk vectors for a document longer than one model input', async () => {
    const long = parseText(`Experience\n${'- Designed distributed Kafka systems for payments\n'.repeat(60)}`);
    const result = await embedDocument(long, embedder.embed, { maxTokens: 64 });
    expect(result.chunkSpans.length).toBeGreaterThan(1);
    expect(norm(result.document, TINY_MODEL_DIMS)).toBeCloseTo(1, 5);
    const first = await vectorsOf(['Designed distributed Kafka systems for payments']);
    expect(dot(first, result.document, TINY_MODEL_DIMS)).toBeGreaterThan(0.9);
  });
});
