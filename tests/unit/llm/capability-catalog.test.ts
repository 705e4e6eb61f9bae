import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { NO_WEBGPU_TEXT, evaluateCapability, type AdapterFacts } from '../../../src/core/llm/capability';
import { MODEL_CATALOG, validateCustomModel } from '../../../src/core/llm/catalog';

const GIB = 1024 ** 3;
const strongGpu: AdapterFacts = {
  webgpu: true,
  adapter: true,
  isFallbackAdapter: false,
  shaderF16: true,
  maxBufferSize: 4 * GIB,
  maxStorageBufferBindingSize: 2 * GIB,
};

describe('model catalog', () => {
  it('uses real web-llm prebuilt model ids with their GPU memory and context window', () => {
    for (const model of MODEL_CATALOG) {
      const record = prebuiltAppConfig.model_list.find((entry) => entry.model_id === model.id);
      expect(record, model.id).toBeDefined();
      expect(Math.abs((record?.vram_required_MB ?? 0) - model.vramMB)).toBeLessThan(1);
      expect(record?.overrides?.context_window_size).toBe(model.contextWindow);
    }
  });

  it('validates a self-hosted model entry', () => {
    expect(
      validateCustomModel({ id: 'My-Model-q4f16_1', modelUrl: '/models/m/', modelLibUrl: '/models/m.wasm' }),
    ).toBeUndefined();
    expect(validateCustomModel({ id: 'x', modelUrl: '/m/', modelLibUrl: '/m.wasm' })).toMatch(/id/);
    expect(validateCustomModel({ id: 'abc', modelUrl: 'ftp://x/', modelLibUrl: '/m.wasm' })).toMatch(
      /model folder/,
    );
    expect(validateCustomModel({ id: 'abc', modelUrl: '/m/', modelLibUrl: '/m.js' })).toMatch(/\.wasm/);
  });
});

describe('capability evaluation', () => {
  it('says plainly when WebGPU is missing, and offers nothing', () => {
    const capability = evaluateCapability({ ...strongGpu, webgpu: false, adapter: false });
    expect(capability).toMatchObject({ level: 'none', canRun: false, headline: NO_WEBGPU_TEXT, models: [] });
    expect(evaluateCapability({ ...strongGpu, adapter: false }).headline).toBe(NO_WEBGPU_TEXT);
  });

  it('refuses a software fallback adapter', () => {
    const capability = evaluateCapability({ ...strongGpu, isFallbackAdapter: true });
    expect(capability.level).toBe('fallback');
    expect(capability.canRun).toBe(false);
    expect(capability.headline).toMatch(/fallback/);
  });

  it('defaults to Qwen2.5 1.5B q4f16 with shader-f16 and large buffers', () => {
    const capability = evaluateCapability(strongGpu);
    expect(capability.level).toBe('full');
    expect(capability.defaultModelId).toBe('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
    expect(capability.models[0]?.id).toBe(capability.defaultModelId);
    expect(capability.headline).toMatch(/^Your browser can run: Qwen2\.5 1\.5B/);
  });

  it('offers only f32 models without shader-f16', () => {
    const capability = evaluateCapability({ ...strongGpu, shaderF16: false });
    expect(capability.defaultModelId).toBe('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
    expect(capability.models.every((model) => !model.needsShaderF16)).toBe(true);
  });

  it('offers only the small model on a GPU with small buffer limits', () => {
    const capability = evaluateCapability({ ...strongGpu, maxStorageBufferBindingSize: 128 * 1024 * 1024 });
    expect(capability.level).toBe('limited');
    expect(capability.defaultModelId).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
    expect(capability.models.every((model) => model.small)).toBe(true);
  });
});
