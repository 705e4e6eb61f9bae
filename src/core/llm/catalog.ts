/**
 * The language models Shortlist offers. Ids, GPU memory and context windows are web-llm's own
 * (prebuiltAppConfig of @mlc-ai/web-llm 0.2.86; tests/unit/llm/catalog.test.ts checks every entry
 * against it). Download sizes are not in web-llm's config: they are estimates from the parameter
 * count at the quantisation's bits per weight (q4f16_1 ≈ 4.5 bits, q4f32_1 ≈ 5 bits), rounded.
 */

export interface LlmModelInfo {
  /** web-llm model_id. */
  id: string;
  /** Short name for the picker, e.g. "Qwen2.5 1.5B". */
  label: string;
  quantization: 'q4f16_1' | 'q4f32_1';
  /** Approximate download (weights), in MB. */
  downloadMB: number;
  /** GPU memory web-llm says the model needs, in MB (vram_required_MB). */
  vramMB: number;
  /** f16 compute needs the WebGPU 'shader-f16' feature. */
  needsShaderF16: boolean;
  contextWindow: number;
  /** Small enough for GPUs with tight buffer limits. */
  small: boolean;
  /** Present for a self-hosted model: where the weights and the compiled library live. */
  custom?: CustomModelSpec;
}

/** A self-hosted model: an app-config entry with the weights folder and the compiled model library. */
export interface CustomModelSpec {
  /** Id shown in the picker and used as web-llm's model_id. */
  id: string;
  /** Folder holding mlc-chat-config.json, tokenizer and weight shards (web-llm's `model`). */
  modelUrl: string;
  /** The compiled WebGPU library (.wasm) for this model (web-llm's `model_lib`). */
  modelLibUrl: string;
  /** GPU memory estimate in MB, when known. */
  vramMB?: number;
  /**
   * SHA-256 of the library file (64 hex digits), when the person knows it: web-llm then refuses
   * a library whose bytes differ (see integrity.ts).
   */
  modelLibSha256?: string;
}

export const MODEL_CATALOG: readonly LlmModelInfo[] = [
  {
    id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    label: 'Qwen2.5 0.5B',
    quantization: 'q4f16_1',
    downloadMB: 280,
    vramMB: 945,
    needsShaderF16: true,
    contextWindow: 4096,
    small: true,
  },
  {
    id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
    label: 'Qwen2.5 0.5B',
    quantization: 'q4f32_1',
    downloadMB: 310,
    vramMB: 1060,
    needsShaderF16: false,
    contextWindow: 4096,
    small: true,
  },
  {
    id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
    label: 'Qwen2.5 1.5B',
    quantization: 'q4f16_1',
    downloadMB: 870,
    vramMB: 1630,
    needsShaderF16: true,
    contextWindow: 4096,
    small: false,
  },
  {
    id: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC',
    label: 'Qwen2.5 1.5B',
    quantization: 'q4f32_1',
    downloadMB: 960,
    vramMB: 1889,
    needsShaderF16: false,
    contextWindow: 4096,
    small: false,
  },
  {
    id: 'Qwen2.5-3B-Instruct-q4f16_1-MLC',
    label: 'Qwen2.5 3B',
    quantization: 'q4f16_1',
    downloadMB: 1740,
    vramMB: 2505,
    needsShaderF16: true,
    contextWindow: 4096,
    small: false,
  },
  {
    id: 'Qwen2.5-3B-Instruct-q4f32_1-MLC',
    label: 'Qwen2.5 3B',
    quantization: 'q4f32_1',
    downloadMB: 1930,
    vramMB: 2894,
    needsShaderF16: false,
    contextWindow: 4096,
    small: false,
  },
];

export function findModel(id: string): LlmModelInfo | undefined {
  return MODEL_CATALOG.find((model) => model.id === id);
}

/** The catalog entry for a self-hosted model (sizes unknown; f16 assumed from the id). */
export function customModelInfo(spec: CustomModelSpec): LlmModelInfo {
  const f16 = /f16/i.test(spec.id) || /f16/i.test(spec.modelLibUrl);
  return {
    id: spec.id,
    label: `${spec.id} (self-hosted)`,
    quantization: f16 ? 'q4f16_1' : 'q4f32_1',
    downloadMB: 0,
    vramMB: spec.vramMB ?? 0,
    needsShaderF16: f16,
    contextWindow: 4096,
    small: false,
    custom: spec,
  };
}

/**
 * Checks a self-hosted model entry: an id and two URLs that are https:// or same-origin paths
 * ("/models/..."; resolved against the app's origin by the caller). Plain http:// is refused:
 * the weights and compiled library would travel unprotected and could be swapped in transit.
 * Returns a message for the person, or undefined.
 */
export function validateCustomModel(spec: CustomModelSpec): string | undefined {
  if (!/^[\w.-]{3,120}$/.test(spec.id))
    return 'Give the model an id made of letters, digits, dots and dashes.';
  for (const [name, url] of [
    ['model folder', spec.modelUrl],
    ['model library', spec.modelLibUrl],
  ] as const) {
    const trimmed = url.trim();
    // "//host/..." is protocol-relative (another origin), not a same-origin path.
    if (!/^https:\/\/[^/\s]/i.test(trimmed) && !/^\/(?!\/)/.test(trimmed))
      return `The ${name} URL must start with https:// or / (a path on this site).`;
  }
  if (!/\.wasm(\?.*)?$/i.test(spec.modelLibUrl.trim()))
    return 'The model library URL must point at a .wasm file.';
  const sha = spec.modelLibSha256?.trim();
  if (sha && !/^[0-9a-f]{64}$/i.test(sha))
    return 'The model library SHA-256 must be 64 hex digits (or left empty).';
  return undefined;
}

/** "0.9 GB" / "280 MB" */
export function formatMB(mb: number): string {
  if (mb <= 0) return 'unknown';
  return mb >= 1000 ? `${(mb / 1000).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}
