/**
 * Embedding rows for npm run bench: chunk + embed whole resumes with the tiny model generated from
 * code (scripts/make-tiny-model.ts), through transformers.js in Node, the same path the worker
 * takes in the browser (minus storage). Skipped with a message when the model cannot run here.
 */
import type { ParsedDocument, Profile } from '../src/core/domain';
import { embedDocument } from '../src/core/embed/embed-document';
import { embedWith, type Embedder } from '../src/core/embed/embedder';
import { BUILTIN_MODEL_ID } from '../src/core/embed/model-manager';
import { loadNodeEmbedder } from '../scripts/lib/node-embedder';
import { percentile, throughputRow, timeIt, timeRow, type BenchRow } from './harness';

export async function embedRows(
  log: (row: BenchRow) => void,
  resumes: readonly ParsedDocument[],
  profiles: readonly Profile[],
): Promise<void> {
  let embedder;
  try {
    embedder = await loadNodeEmbedder();
  } catch (error) {
    console.log(`embed.document         skipped: the tiny model did not load in Node (${String(error)})`);
    return;
  }
  let next = 0;
  let chunks = 0;
  const embedOne = async (): Promise<void> => {
    const index = next++ % resumes.length;
    const profile = profiles[index];
    const result = await embedDocument(resumes[index]!, embedder.embed, {
      maxTokens: embedder.maxTokens,
      ...(profile ? { sections: profile.sections, work: profile.work } : {}),
    });
    chunks += result.chunkSpans.length;
  };
  const samples = await timeIt(embedOne, { warmup: 5, iterations: 400, budgetMs: 10_000 });
  const perSecond = (1000 * samples.length) / samples.reduce((a, b) => a + b, 0);
  const meanChunks = chunks / (samples.length + 5);
  log(
    throughputRow(
      'embed.document.rate',
      perSecond,
      200,
      `resumes chunked + embedded per second, tiny model (${embedder.modelId}, ${embedder.dims} dims), ` +
        `~${meanChunks.toFixed(0)} chunks each, onnxruntime-node CPU`,
    ),
  );
  log(
    timeRow(
      'embed.document',
      percentile(samples, 95),
      100,
      `p95 ms per resume over ${samples.length} runs, tiny model; a real model (MiniLM) costs far more per chunk`,
    ),
  );
  await embedder.dispose();
  await builtinRows(log, resumes, profiles);
}

/**
 * The built-in model (USE lite, TF.js wasm backend in Node): its document vector (one call per
 * resume, what the app stores), and the alternative it was chosen over, the full set of chunk
 * vectors (batched: all of one resume's chunks in one call). Goals from issue 15: ≥ 10 resumes/s for
 * the document vector, ≥ 2 resumes/s for the chunk vectors.
 */
export async function builtinRows(
  log: (row: BenchRow) => void,
  resumes: readonly ParsedDocument[],
  profiles: readonly Profile[],
): Promise<void> {
  let builtin;
  try {
    builtin = await loadNodeEmbedder(BUILTIN_MODEL_ID);
  } catch (error) {
    console.log(`embed.builtin          skipped: the built-in model did not load in Node (${String(error)})`);
    return;
  }
  const rate = async (
    embedder: Embedder,
    iterations: number,
  ): Promise<{ perSecond: number; chunks: number }> => {
    let next = 0;
    let chunks = 0;
    const samples = await timeIt(
      async () => {
        const index = next++ % resumes.length;
        const profile = profiles[index];
        const result = await embedWith(
          embedder,
          resumes[index]!,
          profile ? { sections: profile.sections, work: profile.work } : {},
        );
        chunks += result.chunks === result.document ? 1 : result.chunkSpans.length;
      },
      { warmup: 2, iterations, budgetMs: 15_000 },
    );
    return {
      perSecond: (1000 * samples.length) / samples.reduce((a, b) => a + b, 0),
      chunks: chunks / (samples.length + 2),
    };
  };
  const documentRate = await rate(builtin, 200);
  log(
    throughputRow(
      'embed.builtin.document.rate',
      documentRate.perSecond,
      10,
      `resumes per second, built-in USE lite document vector (one model call per resume), TF.js wasm in Node`,
    ),
  );
  const chunkRate = await rate({ ...builtin, maxChunks: 6 }, 60);
  log(
    throughputRow(
      'embed.builtin.chunks.rate',
      chunkRate.perSecond,
      2,
      `resumes per second, built-in USE lite, all ~${chunkRate.chunks.toFixed(1)} chunk vectors of a resume in one batched call`,
    ),
  );
  // Storage: one 512-d float32 document vector per resume (its one chunk is the same buffer).
  const bytesPerResume = builtin.dims * 4 + 200;
  log(
    throughputRow(
      'embed.builtin.storage.resumesPer60MB',
      (60 * 1024 * 1024) / bytesPerResume,
      10_000,
      `resumes whose vectors fit in 60 MB: ${builtin.dims} float32 + ~200 B of ids/spans each (computed)`,
    ),
  );
  await builtin.dispose();
}
