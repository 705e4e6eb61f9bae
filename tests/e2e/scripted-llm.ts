/**
 * TEST ONLY: puts the scripted language-model engine in place of web-llm for a spec (see
 * tests/e2e/llm-scripted.spec.ts for why and how): a fake hardware WebGPU adapter for the
 * main-thread capability check, and the lazily loaded web-llm chunk answered with
 * tests/e2e/support/scripted-web-llm.js. Specs that use it must block service workers
 * (`test.use({ serviceWorkers: 'block' })`) so the chunk request reaches the route.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPTED_WEB_LLM = readFileSync(join(import.meta.dirname, 'support', 'scripted-web-llm.js'), 'utf8');

/** A hardware-looking WebGPU adapter: not a fallback, shader-f16, 2 GiB buffer limits. */
export function installFakeGpu(): void {
  const adapter = {
    features: new Set(['shader-f16']),
    limits: { maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 31 },
    info: {
      vendor: 'scripted-test-gpu',
      architecture: '',
      device: '',
      description: '',
      isFallbackAdapter: false,
    },
    isFallbackAdapter: false,
    requestDevice: () => Promise.reject(new Error('scripted adapter: no device in tests')),
  };
  const gpu = {
    requestAdapter: () => Promise.resolve(adapter),
    getPreferredCanvasFormat: () => 'bgra8unorm',
    wgslLanguageFeatures: new Set<string>(),
  };
  Object.defineProperty(Navigator.prototype, 'gpu', { configurable: true, get: () => gpu });
}

/** Routes the web-llm chunk to the scripted engine; returns the list of URLs it answered. */
export async function useScriptedEngine(context: BrowserContext, page: Page): Promise<string[]> {
  const served: string[] = [];
  await context.route(/\/assets\/web-llm-[\w-]+\.js(\?.*)?$/, async (route) => {
    served.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: SCRIPTED_WEB_LLM });
  });
  await page.addInitScript(installFakeGpu);
  return served;
}
