/**
 * What this browser's GPU can run, from facts the main thread reads cheaply through
 * navigator.gpu (no web-llm involved), turned into the plain-language capability panel and a
 * default model. Pure: the facts are gathered by the host client.
 */
import { MODEL_CATALOG, formatMB, type LlmModelInfo } from './catalog';

export interface AdapterFacts {
  /** navigator.gpu exists. */
  webgpu: boolean;
  /** requestAdapter() returned an adapter. */
  adapter: boolean;
  /** The adapter is a software fallback (too slow for a language model). */
  isFallbackAdapter: boolean;
  /** The adapter offers the 'shader-f16' feature. */
  shaderF16: boolean;
  /** Adapter limits in bytes (0 when unknown). */
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  /** e.g. "nvidia", "apple" — for the panel only. */
  vendor?: string;
}

export type CapabilityLevel = 'none' | 'fallback' | 'limited' | 'full';

export interface Capability {
  level: CapabilityLevel;
  /** True when at least one model can be loaded. */
  canRun: boolean;
  /** One sentence for the top of the panel. */
  headline: string;
  /** Supporting facts, one per line. */
  details: string[];
  /** Models this GPU can load, best first for the picker. */
  models: LlmModelInfo[];
  defaultModelId?: string;
}

const GIB = 1024 ** 3;
/**
 * Below this storage-buffer binding size only the small models load: the larger models bind
 * weight and KV-cache buffers beyond it (web-llm fails with a device limit error).
 */
const FULL_STORAGE_BINDING = GIB;

export const NO_WEBGPU_TEXT = 'WebGPU is not available in this browser — everything else works without it.';

function describeModel(model: LlmModelInfo): string {
  return `${model.label} (${model.quantization}, about ${formatMB(model.downloadMB)} download, ${formatMB(
    model.vramMB,
  )} GPU memory)`;
}

export function evaluateCapability(facts: AdapterFacts): Capability {
  if (!facts.webgpu) {
    return {
      level: 'none',
      canRun: false,
      headline: NO_WEBGPU_TEXT,
      details: [
        'The AI features (refined extraction and improvement suggestions) need WebGPU, e.g. a recent Chrome or Edge.',
      ],
      models: [],
    };
  }
  if (!facts.adapter) {
    return {
      level: 'none',
      canRun: false,
      headline: NO_WEBGPU_TEXT,
      details: [
        'The browser supports WebGPU but offered no graphics adapter (the GPU may be disabled or blocklisted).',
      ],
      models: [],
    };
  }
  if (facts.isFallbackAdapter) {
    return {
      level: 'fallback',
      canRun: false,
      headline:
        'Only a software (fallback) WebGPU adapter is available: too slow for a language model. Everything else works without it.',
      details: ['A hardware GPU with WebGPU support is needed for the AI features.'],
      models: [],
    };
  }
  const full =
    facts.maxStorageBufferBindingSize >= FULL_STORAGE_BINDING && facts.maxBufferSize >= FULL_STORAGE_BINDING;
  const usable = MODEL_CATALOG.filter(
    (model) => (facts.shaderF16 || !model.needsShaderF16) && (full || model.small),
  );
  // Prefer f16 where available (less memory, faster); then by size, the 1.5B first for full GPUs.
  const preferredQuant = facts.shaderF16 ? 'q4f16_1' : 'q4f32_1';
  const defaultModel =
    usable.find((m) => m.quantization === preferredQuant && m.label.includes(full ? '1.5B' : '0.5B')) ??
    usable[0];
  const models = [...usable].sort((a, b) => {
    if (a.id === defaultModel?.id) return -1;
    if (b.id === defaultModel?.id) return 1;
    return a.vramMB - b.vramMB;
  });
  const details = [
    facts.shaderF16
      ? 'Half-precision shaders (shader-f16) are supported: the smaller, faster f16 models can run.'
      : 'Half-precision shaders (shader-f16) are not supported: only f32 models can run.',
    full
      ? `GPU buffer limits are large (${formatMB(facts.maxStorageBufferBindingSize / 1e6)} per binding).`
      : `GPU buffer limits are small (${formatMB(
          facts.maxStorageBufferBindingSize / 1e6,
        )} per binding): only the small models are offered.`,
    'The GPU memory shown for each model must be free on your graphics card.',
  ];
  return {
    level: full ? 'full' : 'limited',
    canRun: models.length > 0,
    headline:
      models.length > 0
        ? `Your browser can run: ${models.map(describeModel).join('; ')}.`
        : 'Your GPU does not meet the needs of any offered model. Everything else works without it.',
    details,
    models,
    ...(defaultModel ? { defaultModelId: defaultModel.id } : {}),
  };
}
