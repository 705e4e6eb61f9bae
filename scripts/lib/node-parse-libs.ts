/**
 * The parse libraries for Node (tests, bench, eval): pdfjs' legacy build (the modern build needs
 * browser APIs Node 20 lacks) and mammoth's Node entry, which wants a Buffer where the browser
 * build takes an ArrayBuffer. Each loads once; a failed load is not cached, so a retry can work.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { inThreadPdfWorker, type PdfWorkerModuleLike } from '../../src/core/parse/pdf-port';
import {
  mammothWithoutImages,
  type MammothLike,
  type ParseLibraries,
  type PdfJsLike,
} from '../../src/core/parse/index';

const require = createRequire(import.meta.url);

let pdfjsLoad: Promise<PdfJsLike> | undefined;
let mammothLoad: Promise<MammothLike> | undefined;

/**
 * The legacy build bundles core-js, which replaces a few built-ins of the whole process when it
 * finds them lacking: on Node 20 `Array.prototype.push` (for a frozen-length edge case) and
 * `JSON.parse` / `JSON.stringify` (for proposals nothing here uses). The replacements are several
 * times slower and every caller pays, extraction included, so the natives are put back once both
 * halves of pdfjs are loaded; the browser's modern build never swaps them.
 */
async function withNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
  const parse = Object.getOwnPropertyDescriptor(JSON, 'parse');
  const stringify = Object.getOwnPropertyDescriptor(JSON, 'stringify');
  try {
    return await load();
  } finally {
    if (push) Object.defineProperty(Array.prototype, 'push', push);
    if (parse) Object.defineProperty(JSON, 'parse', parse);
    if (stringify) Object.defineProperty(JSON, 'stringify', stringify);
  }
}

/**
 * pdf.js' font sink for Node (see PdfJsLike.fontSink): Node has no FontFace, so pdf.js installs
 * fonts as CSS rules in a style sheet, which it treats as loaded at once in Node. This style sheet
 * keeps no rule; `onInstall` hears of each (tests).
 */
export function makeNodeFontSink(onInstall: () => void = () => undefined): object {
  const sheet = {
    cssRules: [],
    insertRule: () => {
      onInstall();
      return 0;
    },
  };
  return {
    createElement: () => ({ remove: () => undefined, sheet }),
    documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
  };
}

async function importPdfjs(): Promise<PdfJsLike> {
  return withNativeBuiltins(async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Node runs pdfjs' worker code in this thread, on one port for every file (pdf-port.ts).
    // Loading the legacy worker module here resolves it the same under tsx, vitest and plain
    // node, and lets its polyfills be undone with the main build's.
    const workerPath = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(workerPath).href;
    const workerModule = (await import(pathToFileURL(workerPath).href)) as PdfWorkerModuleLike;
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= workerModule;
    return {
      ...pdfjs,
      fontSink: makeNodeFontSink(),
      worker: inThreadPdfWorker(pdfjs.PDFWorker, workerModule),
    };
  });
}

async function importMammoth(): Promise<MammothLike> {
  const mammoth = (await import('mammoth')).default;
  return mammothWithoutImages({
    images: mammoth.images,
    // Node's mammoth reads a Buffer; the browser build (and core's contract) an ArrayBuffer.
    convertToHtml: (input, options) =>
      mammoth.convertToHtml({ buffer: Buffer.from(input.arrayBuffer) }, options),
  });
}

export const nodeParseLibs: ParseLibraries = {
  loadPdfjs() {
    pdfjsLoad ??= importPdfjs();
    pdfjsLoad.catch(() => (pdfjsLoad = undefined));
    return pdfjsLoad;
  },
  loadMammoth() {
    mammothLoad ??= importMammoth();
    mammothLoad.catch(() => (mammothLoad = undefined));
    return mammothLoad;
  },
};
