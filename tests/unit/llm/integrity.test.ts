/**
 * Model library integrity, on the real verification path: web-llm's own verifyIntegrity (what
 * MLCEngine.reload runs on the model_lib bytes when the record carries `integrity.model_lib`)
 * checks a file fetched over HTTP from a local server — the generated tiny model's bytes standing
 * in for a library — against the SHA-256 we record. A matching file loads; a changed one is
 * refused and reaches the person as a ModelIntegrityError with a clear message. Also: the records
 * built for web-llm, and which custom URLs are accepted.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrityError, prebuiltAppConfig, verifyIntegrity } from '@mlc-ai/web-llm';
import { buildTinyModel } from '../../../scripts/make-tiny-model';
import { ShortlistError, coerceError, toErrorInfo } from '../../../src/core/errors';
import { MODEL_CATALOG, customModelInfo, validateCustomModel } from '../../../src/core/llm/catalog';
import {
  MODEL_PINS,
  ModelIntegrityError,
  isImmutableUrl,
  isSha256Hex,
  modelLoadError,
  modelRecordFor,
  sha256Sri,
} from '../../../src/core/llm/integrity';
import { LlmService } from '../../../src/core/llm/service';
import { Cancellation } from '../../../src/core/llm/engine';
import { ScriptedEngine } from './scripted-engine';

const library = buildTinyModel().files.get('onnx/model.onnx')!;
const tampered = Uint8Array.from(library);
const middle = tampered.length >> 1;
tampered[middle] = (tampered[middle] ?? 0) ^ 0xff;
const recordedSha256 = createHash('sha256').update(library).digest('hex');

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const body =
      request.url === '/models/tiny.wasm' ? library : request.url === '/evil/tiny.wasm' ? tampered : null;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/wasm' });
    response.end(body ? Buffer.from(body) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What MLCEngine.reload does with a record's model_lib: download it, verify it when it has a hash. */
async function loadLibrary(record: {
  model_lib: string;
  integrity?: { model_lib?: string };
}): Promise<ArrayBuffer> {
  const bytes = await (await fetch(record.model_lib)).arrayBuffer();
  if (record.integrity?.model_lib) await verifyIntegrity(bytes, record.integrity.model_lib, record.model_lib);
  return bytes;
}

function customRecord(modelLibUrl: string, modelLibSha256?: string) {
  const info = customModelInfo({
    id: 'tiny-q4f16_1-MLC',
    modelUrl: '/models/tiny/',
    modelLibUrl,
    ...(modelLibSha256 ? { modelLibSha256 } : {}),
  });
  const record = modelRecordFor(info, [], (url) => new URL(url, origin).href);
  if (!record) throw new Error('no record');
  return { info, record };
}

describe('model library integrity', () => {
  it('writes the recorded SHA-256 as the SRI string web-llm checks', () => {
    expect(sha256Sri(recordedSha256)).toBe(`sha256-${createHash('sha256').update(library).digest('base64')}`);
    expect(isSha256Hex(recordedSha256)).toBe(true);
    expect(() => sha256Sri('abc')).toThrow(RangeError);
  });

  it('a same-origin library with the recorded hash is downloaded, verified and accepted', async () => {
    const { record } = customRecord('/models/tiny.wasm', recordedSha256);
    expect(record.model_lib).toBe(`${origin}/models/tiny.wasm`);
    expect(record.integrity).toEqual({ model_lib: sha256Sri(recordedSha256), onFailure: 'error' });
    // Compared as bytes (a deep equal of 800 kB element by element takes seconds).
    expect(Buffer.from(await loadLibrary(record)).equals(Buffer.from(library))).toBe(true);
  });

  it('a library whose bytes differ from the recorded hash is refused with a typed error and a clear message', async () => {
    const { info, record } = customRecord('/evil/tiny.wasm', recordedSha256);
    const failure = await loadLibrary(record).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IntegrityError);

    // Through the LLM service, as the worker's engine factory throws it.
    const service = new LlmService({
      createEngine: async () => {
        await loadLibrary(record);
        return new ScriptedEngine([]);
      },
    });
    const refused = await service
      .load(info, () => undefined, new Cancellation())
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ModelIntegrityError);
    expect(refused).toBeInstanceOf(ShortlistError);
    const error = refused as ModelIntegrityError;
    expect(error.code).toBe('model-integrity');
    expect(error.url).toBe(`${origin}/evil/tiny.wasm`);
    expect(error.message).toMatch(
      /^The model library downloaded for tiny-q4f16_1-MLC \(self-hosted\) is not the file Shortlist expects/,
    );
    expect(error.message).toMatch(/so it was not run/);
    expect(service.model).toBeUndefined();
    // The code survives the worker boundary.
    expect(coerceError(toErrorInfo(error)).code).toBe('model-integrity');
  });

  it('without a recorded hash the record carries no integrity (and other load errors pass through)', () => {
    expect(customRecord('/models/tiny.wasm').record.integrity).toBeUndefined();
    const other = new Error('network down');
    expect(modelLoadError(other, 'x')).toBe(other);
  });

  it('catalog models: web-llm prebuilt records unless pinned; a pin names commits and carries the hash', () => {
    const model = MODEL_CATALOG[0]!;
    const prebuilt = prebuiltAppConfig.model_list.find((entry) => entry.model_id === model.id);
    expect(modelRecordFor(model, prebuiltAppConfig.model_list, (url) => url)).toBe(prebuilt);
    const commit = 'a'.repeat(40);
    const pin = {
      modelUrl: `https://huggingface.co/mlc-ai/${model.id}/resolve/${commit}/`,
      modelLibUrl: `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/${commit}/web-llm-models/v0_2_86/base/x.wasm`,
      modelLibSha256: recordedSha256,
    };
    const pinned = modelRecordFor(model, prebuiltAppConfig.model_list, (url) => url, { [model.id]: pin });
    expect(pinned).toMatchObject({
      model_id: model.id,
      model: pin.modelUrl,
      model_lib: pin.modelLibUrl,
      integrity: { model_lib: sha256Sri(recordedSha256), onFailure: 'error' },
      vram_required_MB: prebuilt?.vram_required_MB,
    });
    expect(isImmutableUrl(pin.modelUrl)).toBe(true);
    expect(isImmutableUrl(pin.modelLibUrl)).toBe(true);
    // What web-llm 0.2.86 ships is not immutable: a branch, not a commit.
    expect(isImmutableUrl(prebuilt?.model_lib ?? '')).toBe(false);
    expect(isImmutableUrl(`https://huggingface.co/mlc-ai/${model.id}/resolve/main/`)).toBe(false);
    for (const [id, entry] of Object.entries(MODEL_PINS)) {
      expect(isImmutableUrl(entry.modelUrl), id).toBe(true);
      expect(isImmutableUrl(entry.modelLibUrl), id).toBe(true);
      expect(isSha256Hex(entry.modelLibSha256), id).toBe(true);
    }
  });

  it('custom model URLs must be https or same-origin; a given library hash must be 64 hex digits', () => {
    const spec = { id: 'tiny-q4f16_1-MLC', modelUrl: '/models/tiny/', modelLibUrl: '/models/tiny.wasm' };
    expect(validateCustomModel(spec)).toBeUndefined();
    expect(validateCustomModel({ ...spec, modelUrl: 'https://models.example/tiny/' })).toBeUndefined();
    expect(validateCustomModel({ ...spec, modelLibSha256: recordedSha256 })).toBeUndefined();
    expect(validateCustomModel({ ...spec, modelUrl: 'http://models.example/tiny/' })).toMatch(
      /model folder URL must start with https:\/\/ or \//,
    );
    expect(validateCustomModel({ ...spec, modelLibUrl: 'http://models.example/tiny.wasm' })).toMatch(
      /model library URL must start with https:\/\/ or \//,
    );
    expect(validateCustomModel({ ...spec, modelLibUrl: '//models.example/tiny.wasm' })).toMatch(/https/);
    expect(validateCustomModel({ ...spec, modelLibSha256: 'not-a-hash' })).toMatch(/64 hex digits/);
  });
});
