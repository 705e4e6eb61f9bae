/**
 * The PDF renderer's fonts in Node (tests, eval, bench): read once from the npm packages in
 * node_modules, the same files the app build serves (src/workers/render-fonts.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDF_FONT_FILES, type PdfFontBytes, type PdfFontFamily } from '../../src/core/render/fonts';

const require = createRequire(import.meta.url);
const loaded = new Map<PdfFontFamily, Promise<PdfFontBytes>>();

async function read(pkg: string, file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(dirname(require.resolve(`${pkg}/package.json`)), file)));
}

/** The family's regular and bold bytes; the same arrays on every call (the renderer keys caches on them). */
export function nodePdfFonts(family: PdfFontFamily): Promise<PdfFontBytes> {
  let fonts = loaded.get(family);
  if (!fonts) {
    const files = PDF_FONT_FILES[family];
    fonts = Promise.all([
      read(files.regular.pkg, files.regular.file),
      read(files.bold.pkg, files.bold.file),
    ]).then(([regular, bold]) => ({ regular, bold }));
    loaded.set(family, fonts);
  }
  return fonts;
}
