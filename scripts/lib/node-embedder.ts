/**
 * The embedding model for Node (unit tests, bench, eval): transformers.js' Node build with
 * onnxruntime-node, reading model folders from disk only (remote models off, no network). The same
 * model files and pooling as the browser's embedding worker, so vectors match across the two.
 */
import { join } from 'node:path';
import type { EmbedFunction } from '../../src/core/embed/embed-document';
import { TINY_MODEL_ID, modelSettings } from '../../src/core/embed/model-manager';
import { createEmbedFunction, tokenLimit } from '../../src/core/embed/pooling';
import { DEFAULT_MODELS_DIR, writeTinyModel } from '../make-tiny-model';

export interface NodeEmbedder {
  modelId: string;
  dims: number;
  maxTokens: number;
  embed: EmbedFunction;
  dispose(): Promise<void>;
}

/**
 * Loads `modelId` from `modelsDir` (default public/models). The tiny test model is generated first
 * when missing, so tests and the bench work on a fresh checkout.
 */
export async function loadNodeEmbedder(
  modelId = TINY_MODEL_ID,
  modelsDir = DEFAULT_MODELS_DIR,
): Promise<NodeEmbedder> {
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
