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
 * The built-in model (USE lite, TF.js wasm backend in Node): what the app computes per resume, the
 * mean of up to 8 tiles of ≤ 128 tokens (all of a resume's tiles in one batched call; the model
 * reads only 128 tokens of an input), and the cheaper alternative it was chosen over, one vector of
 * the first 128 tokens (one model call per resume). Goals from issue 15: ≥ 10 resumes/s for the
 * document vector, ≥ 2 resumes/s for the chunk vectors.
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
          { ...embedder, documentOnly: false },
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
  // The first 128 tokens as one input: the nested layout without chunks embeds the whole text once.
  const { chunkLayout: _tiled, ...firstTokens } = builtin;
  const documentRate = await rate({ ...firstTokens, maxChunks: 0 }, 200);
  log(
    throughputRow(
      'embed.builtin.document.rate',
      documentRate.perSecond,
      10,
      `resumes per second, built-in USE lite, one vector of a resume's first 128 tokens (one model call), TF.js wasm in Node`,
    ),
  );
  const chunkRate = await rate(builtin, 60);
  log(
    throughputRow(
      'embed.builtin.chunks.rate',
      chunkRate.perSecond,
      2,
      `resumes per second, built-in USE lite as the app runs it: ~${chunkRate.chunks.toFixed(1)} tiles of ≤ 128 tokens ` +
        `(at most ${builtin.maxChunks ?? 0}) in one batched call, their mean stored as the document vector`,
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
