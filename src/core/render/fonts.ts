/**
 * The fonts embedded in rendered PDFs: IBM Plex Serif (classic) and IBM Plex Sans (compact,
 * modern), regular and bold, TrueType files from the npm packages @expo-google-fonts/ibm-plex-serif
 * and @expo-google-fonts/ibm-plex-sans (SIL Open Font License 1.1; © IBM Corp., Reserved Font
 * Name "Plex"). They ship with the app: the seeker worker imports them as assets served from this
 * origin (runtime-cached, not precached); Node (tests, eval, bench) reads them from node_modules.
 * Only the glyphs a resume uses are embedded (subset), so a PDF stays small.
 */
export type PdfFontFamily = 'serif' | 'sans';
export type PdfFontWeight = 'regular' | 'bold';

/** The bytes of one family's two weights, as the PDF renderer embeds them. */
export interface PdfFontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Package and file (inside the package) of each font. */
export const PDF_FONT_FILES: Record<PdfFontFamily, Record<PdfFontWeight, { pkg: string; file: string }>> = {
  serif: {
    regular: { pkg: '@expo-google-fonts/ibm-plex-serif', file: '400Regular/IBMPlexSerif_400Regular.ttf' },
    bold: { pkg: '@expo-google-fonts/ibm-plex-serif', file: '700Bold/IBMPlexSerif_700Bold.ttf' },
  },
  sans: {
    regular: { pkg: '@expo-google-fonts/ibm-plex-sans', file: '400Regular/IBMPlexSans_400Regular.ttf' },
    bold: { pkg: '@expo-google-fonts/ibm-plex-sans', file: '700Bold/IBMPlexSans_700Bold.ttf' },
  },
};
