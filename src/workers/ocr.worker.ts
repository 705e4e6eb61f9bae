/**
 * OCR worker: reads the pages of a scanned PDF. Each page is rendered with pdf.js onto an
 * OffscreenCanvas (in this thread: pdf.js' own worker code runs here too) and read by tesseract.js,
 * whose engine runs in a nested worker loaded from this app's origin (/ocr/: worker script, LSTM
 * core wasm, English traineddata — never a CDN). Both load lazily, once; a failed load is not
 * cached. Writes nothing: it returns OcrPage data and the parse worker stores the document.
 * Cancel is by termination (the pool ends this worker, and tesseract's nested worker with it).
 */
import * as Comlink from 'comlink';
import type { OcrApi, OcrPage, OcrProgress } from '../core/contracts/ocr-api';
import { toOutcome, type Outcome } from '../core/contracts/outcome';
import { ParseError } from '../core/errors';
import { ocrPageFromTesseract, rgbaToPnm, type TesseractPageLike } from '../core/parse/ocr';

/** Where the OCR files are served (scripts/vite-ocr-assets.ts). */
const OCR_BASE = new URL('/ocr/', self.location.origin).href;

interface RenderTask {
  promise: Promise<void>;
}
interface RenderablePage {
  getViewport(params: { scale: number }): { width: number; height: number };
  render(params: {
    canvasContext: OffscreenCanvasRenderingContext2D;
    canvas: OffscreenCanvas;
    viewport: unknown;
  }): RenderTask;
  cleanup(): unknown;
}
interface RenderablePdf {
  numPages: number;
  getPage(pageNumber: number): Promise<RenderablePage>;
  destroy(): Promise<void>;
}
interface PdfJsRenderer {
  getDocument(params: Record<string, unknown>): { promise: Promise<RenderablePdf>; destroy(): Promise<void> };
}
interface TesseractWorker {
  setParameters(params: Record<string, string>): Promise<unknown>;
  recognize(
    image: Uint8Array,
    options: { rotateAuto: boolean },
    output: { blocks: boolean; text: boolean },
  ): Promise<{ data: unknown }>;
}

/** pdf.js creates helper canvases (images, patterns) through this; a worker has no document. */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(Math.max(1, width), Math.max(1, height));
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(target: { canvas: OffscreenCanvas }, width: number, height: number): void {
    target.canvas.width = width;
    target.canvas.height = height;
  }
  destroy(target: { canvas: OffscreenCanvas | null; context: unknown }): void {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
}

let pdfjsLoad: Promise<PdfJsRenderer> | undefined;
let tesseractLoad: Promise<TesseractWorker> | undefined;

function loadPdfjs(): Promise<PdfJsRenderer> {
  pdfjsLoad ??= (async () => {
    const [pdfjs, pdfWorker] = await Promise.all([
      import('pdfjs-dist'),
      import('pdfjs-dist/build/pdf.worker.mjs'),
    ]);
    // Run pdf.js' worker half in this thread instead of spawning a nested worker for it.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfWorker;
    return pdfjs as unknown as PdfJsRenderer;
  })();
  pdfjsLoad.catch(() => (pdfjsLoad = undefined));
  return pdfjsLoad;
}

function loadTesseract(): Promise<TesseractWorker> {
  tesseractLoad ??= (async () => {
    const { createWorker, OEM } = await import('tesseract.js');
    const worker = await createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: `${OCR_BASE}worker.min.js`,
      // A folder: tesseract picks the relaxed-SIMD, SIMD or plain LSTM build this browser runs.
      corePath: `${OCR_BASE}core`,
      langPath: `${OCR_BASE}lang`,
      gzip: true,
      // Load the script by URL (not a blob: copy), so it comes from the app's origin and cache.
      workerBlobURL: false,
    });
    return worker;
  })();
  tesseractLoad.catch(() => (tesseractLoad = undefined));
  return tesseractLoad;
}

async function readPdf(
  request: { bytes: ArrayBuffer; dpi: number; maxPages: number },
  onProgress?: (progress: OcrProgress) => void,
): Promise<OcrPage[]> {
  const [pdfjs, tesseract] = await Promise.all([loadPdfjs(), loadTesseract()]).catch((error: unknown) => {
    throw new ParseError(
      'ocr-unavailable',
      'The text reader for scanned documents (OCR) could not be loaded. Connect once so the app can ' +
        'store it for offline use, then add the file again.',
      { cause: error },
    );
  });
  const task = pdfjs.getDocument({
    data: new Uint8Array(request.bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: true,
    CanvasFactory: OffscreenCanvasFactory,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const pages = Math.min(pdf.numPages, request.maxPages);
    const result: OcrPage[] = [];
    onProgress?.({ done: 0, pages });
    await tesseract.setParameters({ user_defined_dpi: String(request.dpi) });
    for (let pageNumber = 1; pageNumber <= pages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const viewport = page.getViewport({ scale: request.dpi / 72 });
      const canvas = new OffscreenCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('No 2D canvas in this browser.');
      // White paper: scans are opaque, and OCR reads dark ink on light ground.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvasContext: context, canvas, viewport }).promise;
      page.cleanup();
      // Grey PNM bytes: the engine reads them without a decode pass (see rgbaToPnm).
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const read = await tesseract.recognize(
        rgbaToPnm(pixels, canvas.width, canvas.height),
        { rotateAuto: true },
        { blocks: true, text: false },
      );
      result.push(
        ocrPageFromTesseract(read.data as TesseractPageLike, {
          page: pageNumber,
          width: canvas.width,
          height: canvas.height,
          dpi: request.dpi,
        }),
      );
      canvas.width = canvas.height = 0;
      onProgress?.({ done: pageNumber, pages });
    }
    return result;
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

const ocrWorker = {
  readPdf(request, onProgress): Promise<Outcome<OcrPage[]>> {
    return toOutcome(() => readPdf(request, onProgress));
  },
} satisfies OcrApi;

Comlink.expose(ocrWorker);
