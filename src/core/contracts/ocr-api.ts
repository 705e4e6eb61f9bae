/**
 * The OCR worker's typed contract. The worker renders each page of a scanned PDF to an image
 * (pdf.js on an OffscreenCanvas) and reads it with tesseract.js, page by page, reporting progress.
 * It returns plain OcrPage data; turning it into a document and storing it is the parse worker's
 * job (ParseApi.importScanned), so the two workers share nothing but this data.
 * Cancel: the pool terminates the worker (tesseract's own nested worker ends with it).
 */
import type { Outcome } from './outcome';

/** A box in page-image pixels, y growing downwards. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  box: OcrBox;
  /** 0..100, as tesseract reports it. */
  confidence: number;
}

export interface OcrLine {
  words: OcrWord[];
  box: OcrBox;
}

/** One page as the OCR worker returns it: plain data, structured-clone safe. */
export interface OcrPage {
  /** 1-based. */
  page: number;
  /** Image size in pixels. */
  width: number;
  height: number;
  /** Pixels per inch the page was rendered at (72 = one pixel per PDF point). */
  dpi: number;
  lines: OcrLine[];
}

export interface OcrProgress {
  /** Pages finished so far, and the pages to read. */
  done: number;
  pages: number;
}

export interface OcrRequest {
  /** The PDF's bytes. Transferred: the caller's buffer is detached after the call. */
  bytes: ArrayBuffer;
  /** Pixels per inch pages are rendered at. */
  dpi: number;
  /** Pages after this one are not read (a resume is short; a 300-page scan is a mistake). */
  maxPages: number;
}

export interface OcrApi {
  /** Read every page (up to maxPages). Never throws: failures come back as Outcome. */
  readPdf(request: OcrRequest, onProgress?: (progress: OcrProgress) => void): Promise<Outcome<OcrPage[]>>;
}
