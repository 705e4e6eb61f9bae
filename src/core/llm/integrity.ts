/**
 * Model library integrity. A web-llm model library (`model_lib`, a .wasm) is code that runs on
 * the GPU with the page's privileges over the person's resumes, so when Shortlist knows which
 * bytes it should be, it says so: the record handed to web-llm carries the SHA-256 we recorded
 * (as an SRI string in `integrity.model_lib`), web-llm hashes what it downloaded (or finds in
 * its cache) before instantiating it, and a mismatch ends the load. The failure reaches the
 * person as a ModelIntegrityError with a message that says what happened and what to do.
 *
 * Where the hashes come from: a self-hosted model's library hash is the person's own (Settings →
 * self-hosted model). Catalog models are pinned in MODEL_PINS below, which is empty today: web-llm
 * 0.2.86 ships neither hashes nor revision ids for its prebuilt libraries and weights (its
 * prebuilt config points at `binary-mlc-llm-libs/main` and `huggingface.co/…/resolve/main`), and
 * they cannot be fetched and hashed from where this was written. docs/hostile-input.md says
 * exactly what is unpinned; adding a pin is data only.
 */
import { ShortlistError } from '../errors';
import type { CustomModelSpec, LlmModelInfo } from './catalog';

/** A SHA-256 written as 64 hex digits. */
const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value.trim());
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** "sha256-<base64>" (Subresource Integrity form, what web-llm's `integrity` takes) from hex. */
export function sha256Sri(hex: string): string {
  const clean = hex.trim().toLowerCase();
  if (!isSha256Hex(clean)) throw new RangeError('A SHA-256 is 64 hex digits.');
  const bytes = Array.from({ length: 32 }, (_, index) => parseInt(clean.slice(index * 2, index * 2 + 2), 16));
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(index, index + 3);
    const triple = (a << 16) | (b << 8) | c;
    const left = bytes.length - index;
    out += BASE64[(triple >> 18) & 63]! + BASE64[(triple >> 12) & 63]!;
    out += left > 1 ? BASE64[(triple >> 6) & 63]! : '=';
    out += left > 2 ? BASE64[triple & 63]! : '=';
  }
  return `sha256-${out}`;
}

/** A catalog model pinned to immutable revisions, with its library's recorded hash. */
export interface ModelPin {
  /** The weights folder at a commit, e.g. https://huggingface.co/mlc-ai/<id>/resolve/<40-hex commit>/ */
  modelUrl: string;
  /** The compiled library at a commit (never a branch such as main). */
  modelLibUrl: string;
  /** SHA-256 of the library file, 64 hex digits. */
  modelLibSha256: string;
}

/**
 * Pins for catalog models (model id → pin). Empty: see the file comment. A pin's URLs must name
 * a commit (isImmutableUrl) and its hash must be 64 hex digits (checked by the unit tests).
 */
export const MODEL_PINS: Readonly<Record<string, ModelPin>> = {};

/**
 * Whether a URL names an immutable revision: a 40-hex commit in a Hugging Face `resolve/` path, a
 * GitHub raw / jsDelivr `@` path, or any same-origin path (served with the app itself).
 */
export function isImmutableUrl(url: string): boolean {
  const trimmed = url.trim();
  if (/^\/(?!\/)/.test(trimmed)) return true;
  return (
    /^https:\/\/huggingface\.co\/[^/\s]+\/[^/\s]+\/resolve\/[0-9a-f]{40}\//i.test(trimmed) ||
    /^https:\/\/raw\.githubusercontent\.com\/[^/\s]+\/[^/\s]+\/[0-9a-f]{40}\//i.test(trimmed) ||
    /^https:\/\/cdn\.jsdelivr\.net\/gh\/[^/\s@]+\/[^/\s@]+@[0-9a-f]{40}\//i.test(trimmed)
  );
}

/** The fields of a web-llm ModelRecord that Shortlist sets (structural: core does not import web-llm). */
export interface ModelRecordLike {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  required_features?: string[];
  overrides?: { context_window_size?: number };
  integrity?: { model_lib?: string; onFailure?: 'error' | 'warn' };
}

/**
 * The web-llm record to load a model from: a self-hosted model's own entry (URLs resolved with
 * `resolve`, the library hash when the person gave one), a pinned catalog model's pinned entry,
 * or else web-llm's prebuilt record as it is (unpinned; undefined when web-llm lacks the id).
 */
export function modelRecordFor<R extends ModelRecordLike>(
  model: Pick<LlmModelInfo, 'id' | 'custom' | 'needsShaderF16' | 'vramMB'>,
  prebuilt: readonly R[],
  resolve: (url: string) => string,
  pins: Readonly<Record<string, ModelPin>> = MODEL_PINS,
): R | ModelRecordLike | undefined {
  const custom: CustomModelSpec | undefined = model.custom;
  if (custom) {
    const sha = custom.modelLibSha256?.trim();
    return {
      model: resolve(custom.modelUrl),
      model_id: custom.id,
      model_lib: resolve(custom.modelLibUrl),
      ...(custom.vramMB ? { vram_required_MB: custom.vramMB } : {}),
      ...(model.needsShaderF16 ? { required_features: ['shader-f16'] } : {}),
      overrides: { context_window_size: 4096 },
      ...(sha ? { integrity: { model_lib: sha256Sri(sha), onFailure: 'error' as const } } : {}),
    };
  }
  const record = prebuilt.find((entry) => entry.model_id === model.id);
  const pin = pins[model.id];
  if (!record || !pin) return record;
  return {
    ...record,
    model: pin.modelUrl,
    model_lib: pin.modelLibUrl,
    integrity: { model_lib: sha256Sri(pin.modelLibSha256), onFailure: 'error' },
  };
}

/** A model file whose bytes are not the ones recorded for it. */
export class ModelIntegrityError extends ShortlistError {
  readonly url: string;
  constructor(url: string, modelLabel: string, options?: { cause?: unknown }) {
    super(
      'model-integrity',
      `The model library downloaded for ${modelLabel} is not the file Shortlist expects (its SHA-256 ` +
        `does not match the recorded one), so it was not run. It may have been changed on the server ` +
        `or in transit. Nothing was loaded; if you host this model yourself, check the file and the ` +
        `SHA-256 you entered.`,
      options,
    );
    this.name = 'ModelIntegrityError';
    this.url = url;
  }
}

/**
 * What a failed model load becomes: web-llm's IntegrityError (a hash mismatch) turns into a
 * ModelIntegrityError; anything else passes through unchanged.
 */
export function modelLoadError(error: unknown, modelLabel: string): unknown {
  if (error instanceof ModelIntegrityError) return error;
  if (error instanceof Error && error.name === 'IntegrityError') {
    const url = (error as Error & { url?: unknown }).url;
    return new ModelIntegrityError(typeof url === 'string' ? url : '', modelLabel, { cause: error });
  }
  return error;
}
