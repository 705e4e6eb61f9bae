/**
 * The parse libraries for Node (tests, bench, eval): pdfjs' legacy build (the modern build needs
 * browser APIs Node 20 lacks) and mammoth's Node entry, which wants a Buffer where the browser
 * build takes an ArrayBuffer. Each loads once; a failed load is not cached, so a retry can work.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  mammothWithoutImages,
  type MammothLike,
  type ParseLibraries,
  type PdfJsLike,
} from '../../src/core/parse/index';

const require = createRequire(import.meta.url);

let pdfjsLoad: Promise<PdfJsLike> | undefined;
let mammothLoad: Promise<MammothLike> | undefined;

async function importPdfjs(): Promise<PdfJsLike> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Node runs pdfjs' "fake worker" in this thread; point it at the matching legacy worker file
  // explicitly so it resolves the same under tsx, vitest and plain node.
  const workerPath = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(workerPath).href;
  return pdfjs;
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
