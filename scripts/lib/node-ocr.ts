/**
 * OCR in Node (eval, bench): the same steps as the browser's OCR worker — render each page with
 * pdf.js, read it with tesseract.js and the English data of @tesseract.js-data/eng, turn the
 * result into OcrPages — with a canvas from @napi-rs/canvas instead of OffscreenCanvas.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { ocrPageFromTesseract, rgbaToPnm, type OcrPage } from '../../src/core/parse/ocr';
import { renderPdfPages } from '../../tests/fixtures/scan-fixtures';

const require = createRequire(import.meta.url);

/** The traineddata the browser build serves too (the smaller "best_int" LSTM model). */
export const ENG_DATA_DIR = join(
  dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

export async function createNodeOcr(): Promise<Worker> {
  return createWorker('eng', OEM.LSTM_ONLY, { langPath: ENG_DATA_DIR, cacheMethod: 'none', gzip: true });
}

/** Recognise one rendered page image. */
export async function recognisePage(
  worker: Worker,
  image: Uint8Array,
  page: { page: number; width: number; height: number; dpi: number },
): Promise<OcrPage> {
  await worker.setParameters({ user_defined_dpi: String(page.dpi) });
  // tesseract.js' Node typings want a Buffer: a view over the same bytes, not a copy.
  const bytes = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  const result = await worker.recognize(bytes, { rotateAuto: true }, { blocks: true, text: false });
  return ocrPageFromTesseract(result.data, page);
}

/** Render every page of a (scanned) PDF at `dpi` and OCR it. */
export async function ocrPdf(worker: Worker, bytes: Uint8Array, dpi: number): Promise<OcrPage[]> {
  const pages = await renderPdfPages(bytes, dpi);
  const result: OcrPage[] = [];
  for (const [index, page] of pages.entries()) {
    result.push(
      await recognisePage(worker, rgbaToPnm(page.rgba, page.width, page.height), {
        page: index + 1,
        width: page.width,
        height: page.height,
        dpi,
      }),
    );
  }
  return result;
}
