/**
 * The built-in model's rows of "Run benchmark" (and so of `npm run bench:browser`), in the browser
 * through the embedding worker, as bench/embed.ts measures them in Node:
 *   - embed.builtin.document.rate: resumes per second, one vector of a resume's first 128 tokens
 *     (the cheaper reading the app's was chosen over), one worker call each;
 *   - embed.builtin.chunks.rate: resumes per second, what the app computes per resume: its tiles of
 *     ≤ 128 tokens (cut as the app cuts them, at most the model's maxChunks) in one batched worker
 *     call each; their mean is the stored document vector.
 * Timed as foreground work, so the background embedder waits (after its current document) instead of
 * sharing the worker with the measurement.
 */
import { BUILTIN_MODEL_ID, KNOWN_MODELS } from '../../core/embed/model-manager';
import { foreground } from '../../workers/host/foreground';
import { services } from '../services';

/** How long the page is left alone before the timed calls (see builtinModelRows). */
const SETTLE_MS = 3_000;

export interface EmbedBenchRow {
  name: string;
  perSecond: number;
  goal: number;
  note: string;
}

/**
 * Rows for `texts` (generated resumes), or a reason they could not be measured: another model is
 * the configured one (the benchmark never switches a person's model), or the built-in one failed
 * to load.
 */
export async function builtinModelRows(
  signal: AbortSignal,
  texts: readonly string[],
): Promise<{ rows: EmbedBenchRow[] } | { skipped: string }> {
  const status = services.embedder.status;
  if (status.state === 'ready' && status.info.modelId !== BUILTIN_MODEL_ID)
    return { skipped: `another model (${status.info.modelId}) is in use` };
  const info =
    status.state === 'ready' ? status.info : await services.embedder.load(signal, BUILTIN_MODEL_ID, 'local');
  // Parsing and chunking are not what is timed: done first, off the clock. Sections come from the
  // headings (the app passes the extracted ones; extraction is not loaded on this thread for this).
  const [{ parseText }, { chunkDocument, maxCharsForTokens }] = await Promise.all([
    import('../../core/parse/text'),
    import('../../core/embed/chunking'),
  ]);
  const builtin = KNOWN_MODELS.find((model) => model.id === BUILTIN_MODEL_ID);
  const inputs = texts.map((text) => {
    const parsed = parseText(text);
    const chunks = chunkDocument(parsed, {
      maxChars: maxCharsForTokens(info.maxTokens),
      ...(builtin?.maxChunks !== undefined ? { maxChunks: builtin.maxChunks } : {}),
      ...(builtin?.chunkLayout ? { layout: builtin.chunkLayout } : {}),
    });
    return {
      document: parsed.text.slice(chunks.document.start, chunks.document.end),
      chunks: chunks.chunks.map((span) => parsed.text.slice(span.start, span.end)),
    };
  });
  if (inputs.length === 0) return { rows: [] };
  return foreground.run(async () => {
    await services.embedder.embedTexts(signal, [inputs[0]!.document]); // warm-up
    // The steps before (an import, a ranking, searches) leave the other workers busy for a moment:
    // index passes, idle parse workers and their garbage collections, which on 2 cores took a
    // third of these rows' rate in some runs (8.1 against 12.4 resumes/s). The rows time the
    // model, so they start once that has settled.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    let started = performance.now();
    for (const input of inputs) await services.embedder.embedTexts(signal, [input.document]);
    const documentSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    let chunkCount = 0;
    for (const input of inputs) {
      chunkCount += input.chunks.length;
      await services.embedder.embedTexts(signal, input.chunks);
    }
    const chunkSeconds = (performance.now() - started) / 1000;
    return {
      rows: [
        {
          name: 'embed.builtin.document.rate',
          perSecond: inputs.length / documentSeconds,
          goal: 10,
          note: `${inputs.length} resumes, one vector of the first 128 tokens per worker call (${info.backend})`,
        },
        {
          name: 'embed.builtin.chunks.rate',
          perSecond: inputs.length / chunkSeconds,
          goal: 2,
          note: `${inputs.length} resumes as the app embeds them: ~${(chunkCount / inputs.length).toFixed(1)} tiles each, one batched call per resume (${info.backend})`,
        },
      ],
    };
  });
}
