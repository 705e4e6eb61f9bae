/**
 * Serves the OCR engine from the app's own origin (no CDN): tesseract.js' worker script, the
 * LSTM builds of tesseract core (plain, SIMD and relaxed-SIMD; the worker picks one) and the
 * English traineddata of @tesseract.js-data/eng, under /ocr/. `vite build` emits them into
 * dist/ocr/ and the dev server serves them from node_modules. They are not precached by the
 * service worker (about 15 MB that most people never need): the runtime cache keeps them on
 * first use, and tesseract keeps the traineddata in IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Public URL folder of the OCR files. The OCR worker uses the same constant's value. */
export const OCR_BASE = 'ocr';

function ocrFiles(): Map<string, string> {
  const tesseractDist = dirname(require.resolve('tesseract.js/dist/worker.min.js'));
  const core = dirname(require.resolve('tesseract.js-core/package.json'));
  const eng = dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  return new Map([
    ['worker.min.js', join(tesseractDist, 'worker.min.js')],
    ...[
      'tesseract-core-lstm.wasm.js',
      'tesseract-core-simd-lstm.wasm.js',
      'tesseract-core-relaxedsimd-lstm.wasm.js',
    ].map((name): [string, string] => [`core/${name}`, join(core, name)]),
    ['lang/eng.traineddata.gz', join(eng, '4.0.0_best_int', 'eng.traineddata.gz')],
  ]);
}

export function ocrAssets(): Plugin {
  const files = ocrFiles();
  return {
    name: 'shortlist-ocr-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        const prefix = `/${OCR_BASE}/`;
        const source = path.startsWith(prefix) ? files.get(path.slice(prefix.length)) : undefined;
        if (!source) return next();
        response.setHeader(
          'Content-Type',
          source.endsWith('.gz') ? 'application/octet-stream' : 'text/javascript; charset=utf-8',
        );
        response.end(readFileSync(source));
      });
    },
    generateBundle() {
      for (const [name, source] of files) {
        this.emitFile({ type: 'asset', fileName: `${OCR_BASE}/${name}`, source: readFileSync(source) });
      }
    },
  };
}
