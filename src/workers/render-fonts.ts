/**
 * The PDF renderer's fonts in the browser: the TrueType files of src/core/render/fonts.ts, emitted
 * by Vite as hashed assets of this origin (not precached: the service worker's runtime rule keeps
 * them on first use). Fetched cache-first here too — the service worker does not control the very
 * first visit — and kept in memory, so each family is read once per worker.
 */
import serifRegularUrl from '@expo-google-fonts/ibm-plex-serif/400Regular/IBMPlexSerif_400Regular.ttf?url';
import serifBoldUrl from '@expo-google-fonts/ibm-plex-serif/700Bold/IBMPlexSerif_700Bold.ttf?url';
import sansRegularUrl from '@expo-google-fonts/ibm-plex-sans/400Regular/IBMPlexSans_400Regular.ttf?url';
import sansBoldUrl from '@expo-google-fonts/ibm-plex-sans/700Bold/IBMPlexSans_700Bold.ttf?url';
import { ShortlistError } from '../core/errors';
import type { PdfFontBytes, PdfFontFamily } from '../core/render/fonts';

/** Cache Storage name shared with the service worker's runtime rule (vite.config.ts). */
const CACHE_NAME = 'shortlist-runtimes';

const URLS: Record<PdfFontFamily, { regular: string; bold: string }> = {
  serif: { regular: serifRegularUrl, bold: serifBoldUrl },
  sans: { regular: sansRegularUrl, bold: sansBoldUrl },
};

async function fetchFont(path: string): Promise<Uint8Array> {
  const url = new URL(path, self.location.origin).href;
  const cache =
    typeof caches === 'undefined' ? undefined : await caches.open(CACHE_NAME).catch(() => undefined);
  const hit = await cache?.match(url);
  if (hit) return new Uint8Array(await hit.arrayBuffer());
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  // A server without the file answers with its index.html (SPA fallback): never use or cache that.
  if (!response.ok || /html/i.test(type)) {
    throw new ShortlistError(
      'not-found',
      'The PDF fonts are not on this server (they are part of the app build). Reload when online.',
    );
  }
  await cache?.put(url, response.clone()).catch(() => undefined);
  return new Uint8Array(await response.arrayBuffer());
}

const loaded = new Map<PdfFontFamily, Promise<PdfFontBytes>>();

/** The family's regular and bold bytes (the same arrays on every call: the renderer keys caches on them). */
export function pdfFonts(family: PdfFontFamily): Promise<PdfFontBytes> {
  let fonts = loaded.get(family);
  if (!fonts) {
    fonts = Promise.all([fetchFont(URLS[family].regular), fetchFont(URLS[family].bold)]).then(
      ([regular, bold]) => ({ regular, bold }),
    );
    // A failed fetch (offline before the first render) is tried again next time.
    fonts.catch(() => loaded.delete(family));
    loaded.set(family, fonts);
  }
  return fonts;
}
