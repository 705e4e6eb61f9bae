import type { PdfJsLike } from '../../../src/core/parse/pdf';

/** A pdf.js stand-in whose document is the one stub page given (and, when given, pdf.js's OPS table). */
export function onePagePdfJs(page: unknown, ops?: PdfJsLike['OPS']): PdfJsLike {
  return {
    ...(ops ? { OPS: ops } : {}),
    getDocument: () => ({
      promise: Promise.resolve({
        numPages: 1,
        getPage: () => Promise.resolve(page),
        destroy: () => Promise.resolve(),
      }),
      destroy: () => Promise.resolve(),
    }),
  } as unknown as PdfJsLike;
}
