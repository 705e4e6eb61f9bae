/**
 * Embedding rows for npm run bench: chunk + embed whole resumes with the tiny model generated from
 * code (scripts/make-tiny-model.ts), through transformers.js in Node, the same path the worker
 * takes in the browser (minus storage). Skipped with a message when the model cannot run here.
 */
import type { ParsedDocument, Profile } from '../src/core/domain';
import { embedDocument } from '../src/core/embed/embed-document';
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
}
