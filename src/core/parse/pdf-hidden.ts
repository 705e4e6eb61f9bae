/**
 * Text a reader cannot see: invisible render modes (3, 7), fill colour that is white on the
 * (white) page, or a font so small it is a dot. Stuffing a resume with such lines is how a file
 * games keyword matching, so they are kept out of the text that is scored and listed apart.
 *
 * pdf.js's text content has no colour or render mode, so this walks the page's operator list
 * (graphics state with save/restore, text matrix, fill colour, font size), records each glyph as
 * visible or hidden, and then lines up the text items with those glyphs in drawing order.
 */

/** pdf.js's OPS table (name → code), injected with the library. */
export type PdfOps = Readonly<Record<string, number>>;

export interface OperatorListLike {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** Below this effective size (points) text is a dot, not something a person reads. */
export const MIN_VISIBLE_FONT_SIZE = 4;
/** Fill colours at least this light are treated as invisible on the page (assumed white). */
const WHITE_LUMINANCE = 0.94;

interface TextState {
  renderMode: number;
  fill: string;
  fontSize: number;
  ctmScale: number;
}

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return 0;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => parseInt(part ?? '0', 16) / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function glyphText(glyphs: unknown): string {
  if (!Array.isArray(glyphs)) return '';
  let text = '';
  for (const glyph of glyphs as unknown[]) {
    // Spaced text mixes glyphs with numbers (kerning); only glyph objects carry `unicode`.
    const unicode = glyph && typeof glyph === 'object' ? (glyph as { unicode?: unknown }).unicode : undefined;
    if (typeof unicode === 'string') text += unicode;
  }
  return text;
}

function matrixScale(matrix: unknown): number {
  if (!matrix || typeof matrix !== 'object') return 1;
  const values = matrix as Record<number, number>;
  const scale = Math.hypot(Number(values[0] ?? 1), Number(values[1] ?? 0));
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/** Every drawn glyph (whitespace left out) with whether a reader can see it. */
export interface GlyphVisibility {
  chars: string;
  hidden: Uint8Array;
}

export function glyphVisibility(list: OperatorListLike, ops: PdfOps): GlyphVisibility {
  const stack: TextState[] = [];
  let state: TextState = { renderMode: 0, fill: '#000000', fontSize: 12, ctmScale: 1 };
  let textScale = 1;
  let chars = '';
  const flags: number[] = [];
  // White text is only invisible on a white page: once anything dark or any image is painted
  // (a coloured sidebar, a header band), white text may sit on it, so it counts as visible.
  let paintedBackground = false;
  const paint = new Set([
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
    ops.constructPath,
    ops.rectangle,
    ops.shadingFill,
  ]);
  const images = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject]);
  const show = new Set([
    ops.showText,
    ops.showSpacedText,
    ops.nextLineShowText,
    ops.nextLineSetSpacingShowText,
  ]);
  for (let index = 0; index < list.fnArray.length; index++) {
    const fn = list.fnArray[index];
    const args = list.argsArray[index] as unknown[] | null;
    if (fn === ops.save) stack.push({ ...state });
    else if (fn === ops.restore) state = stack.pop() ?? state;
    else if (fn === ops.setTextRenderingMode) state.renderMode = Number(args?.[0] ?? 0);
    else if (fn === ops.setFillRGBColor && typeof args?.[0] === 'string') state.fill = args[0];
    else if (fn === ops.setFont) state.fontSize = Math.abs(Number(args?.[1] ?? 12));
    else if (fn === ops.setTextMatrix) textScale = matrixScale(args?.[0]);
    else if (fn === ops.beginText) textScale = 1;
    else if (fn === ops.transform) state.ctmScale *= matrixScale(args);
    else if (images.has(fn)) paintedBackground = true;
    else if (paint.has(fn) && luminance(state.fill) < WHITE_LUMINANCE) paintedBackground = true;
    else if (show.has(fn)) {
      const text = glyphText(args?.[args.length - 1] ?? args?.[0]).replace(/\s+/g, '');
      const size = state.fontSize * textScale * state.ctmScale;
      const invisible = state.renderMode === 3 || state.renderMode === 7;
      const white =
        !paintedBackground && state.renderMode % 4 !== 1 && luminance(state.fill) >= WHITE_LUMINANCE;
      const hidden = invisible || white || size < MIN_VISIBLE_FONT_SIZE ? 1 : 0;
      chars += text;
      for (let count = 0; count < text.length; count++) flags.push(hidden);
    }
  }
  return { chars, hidden: Uint8Array.from(flags) };
}

/**
 * For each text item (in content order), whether most of its glyphs were drawn hidden. Items
 * are found in the glyph stream from a moving cursor, so each glyph is matched once.
 */
export function hiddenItems(items: readonly { str: string }[], glyphs: GlyphVisibility): boolean[] {
  let cursor = 0;
  return items.map((item) => {
    const key = item.str.replace(/\s+/g, '');
    if (!key) return false;
    let at = glyphs.chars.indexOf(key, cursor);
    if (at < 0) at = glyphs.chars.indexOf(key);
    if (at < 0) return false;
    cursor = at + key.length;
    let hidden = 0;
    for (let offset = at; offset < at + key.length; offset++) hidden += glyphs.hidden[offset] ?? 0;
    return hidden * 2 > key.length;
  });
}
