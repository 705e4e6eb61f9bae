/**
 * Text items from a page's operator list, the way pdf.js's own text content builds them.
 *
 * pdf.js reads a page's content stream twice when asked for both its text content and its
 * operator list (the drawing operations, which the hidden-text walker needs), and the text pass
 * was the larger half of the time a PDF takes to parse. The operator list already holds every
 * glyph drawn (its Unicode text and advance width) and the text state it was drawn in, so the
 * items are built here from it: the same rules as pdf.js's `getTextContent` (evaluator.js,
 * horizontal text), glyph by glyph — where a gap is a space, where it starts a new item, where a
 * jump is a new line — so the layout above sees the items it always saw.
 *
 * Text this port does not cover is reported (`unsupported`), and the caller asks pdf.js for the
 * page's text content instead: vertical writing, Type 3 fonts (pdf.js sizes some of their items
 * from the font's box) and right-to-left scripts (pdf.js reorders those into reading order).
 */

type Matrix = readonly [number, number, number, number, number, number];

/** What the builder needs to know of a loaded font (pdf.js's font object, by its loaded name). */
export interface FontInfo {
  /** Glyph space → text space (0.001 for most fonts). */
  matrix?: readonly number[];
  /** PostScript name; two loaded names for one font do not split an item. */
  name?: string;
  vertical?: boolean;
  type3?: boolean;
}

export type FontInfoOf = (loadedName: string) => FontInfo | undefined;

/** The text state a glyph is drawn in (the walker's graphics state). */
export interface TextState {
  ctm: Matrix;
  /** Text matrix (Tm); the builder moves it along as glyphs advance. */
  textMatrix: [number, number, number, number, number, number];
  /** Text line matrix (Tlm): its scale is the item's advance scale. */
  lineMatrix: Matrix;
  fontName: string;
  /** Font size as set (Tf), sign included. */
  fontSize: number;
  /** Horizontal scaling (Tz / 100). */
  hScale: number;
  charSpacing: number;
  wordSpacing: number;
  rise: number;
}

/** One text item, shaped like pdf.js's TextItem (user space transform, width along the text). */
export interface BuiltTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** pdf.js's factors (evaluator.js getTextContent), as multiples of the font size. */
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** pdf.js's character classes: whitespace, zero-width diacritic, invisible format mark. */
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
/** Scripts written right to left (Hebrew, Arabic, Syriac, Thaana, NKo, their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

interface GlyphLike {
  unicode?: unknown;
  width?: unknown;
  originalCharCode?: unknown;
}

function textRenderingMatrix(state: TextState): number[] {
  const [a, b, c, d, e, f] = state.textMatrix;
  const size = state.fontSize;
  // Tm × [size·Th 0 0 size 0 rise], then the CTM.
  const sx = size * state.hScale;
  const tm = [a * sx, b * sx, c * size, d * size, c * state.rise + e, d * state.rise + f];
  const [p, q, r, s, t, u] = state.ctm;
  return [
    p * tm[0]! + r * tm[1]!,
    q * tm[0]! + s * tm[1]!,
    p * tm[2]! + r * tm[3]!,
    q * tm[2]! + s * tm[3]!,
    p * tm[4]! + r * tm[5]! + t,
    q * tm[4]! + s * tm[5]! + u,
  ];
}

function advanceScaleOf(state: TextState): number {
  return Math.hypot(state.ctm[0], state.ctm[1]) * Math.hypot(state.lineMatrix[0], state.lineMatrix[1]);
}

function translate(state: TextState, x: number): void {
  const m = state.textMatrix;
  m[4] += m[0] * x;
  m[5] += m[1] * x;
}

/**
 * Two glyph positions turned so that the text runs along x, as compareWithLastPosition does: a
 * quarter turn decided by the current glyph's matrix, any other angle undone per glyph.
 */
function unrotated(current: number[], previous: number[]): [number, number, number, number] {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = current;
  const lastX = previous[4] ?? 0;
  const lastY = previous[5] ?? 0;
  if (a && b === 0 && c === 0) return a > 0 ? [x, y, lastX, lastY] : [-x, -y, -lastX, -lastY];
  if (b && a === 0 && d === 0) return b > 0 ? [y, x, lastY, lastX] : [-y, -x, -lastY, -lastX];
  const turn = (m: number[], px: number, py: number): [number, number] => {
    const [ma = 0, mb = 0, mc = 0, md = 0] = m;
    const scale = Math.hypot(ma, mb);
    return [(ma * px + mb * py) / scale, (mc * px + md * py) / scale];
  };
  return [...turn(current, x, y), ...turn(previous, lastX, lastY)];
}

/** The TJ adjustment that ends a glyph's stretch of a TJ array (zeros skipped); 0 when a glyph follows. */
function numberAfter(glyphs: ArrayLike<unknown>, index: number): number {
  for (let next = index + 1; next < glyphs.length; next++) {
    const value = glyphs[next];
    if (typeof value !== 'number') return 0;
    if (value !== 0) return value;
  }
  return 0;
}

export class TextItemBuilder {
  readonly items: BuiltTextItem[] = [];
  /** Text on the page that this port does not read like pdf.js (see the module comment). */
  unsupported = false;

  // The item being built. Like pdf.js, one record is reused: after a flush its size, thresholds
  // and last glyph position still judge the next glyph.
  private initialized = false;
  private str: string[] = [];
  private width = 0;
  private totalWidth = 0;
  private height = 0;
  private transform: number[] = [];
  private fontName = '';
  private advanceScale = 0;
  private trackingSpaceMin = Infinity;
  private notASpace = -Infinity;
  private negativeSpaceMax = -Infinity;
  private spaceInFlowMin = 0;
  private spaceInFlowMax = 0;
  private previousTransform: number[] | null = null;
  private previousRise = 0;
  /** The last two characters seen (a space between words marks where one is written out). */
  private lastChars = [' ', ' '];
  private lastCharsAt = 0;
  /** The font of the item being built (a new size or font starts a new item). */
  private itemFont: { name: string; size: number } | null = null;

  constructor(
    private readonly viewBox: readonly number[],
    private readonly fontInfoOf: FontInfoOf,
    private readonly normalise: (text: string) => string = (text) => text,
  ) {}

  /** Ends the item being built (pdf.js does at a form, an image, marked content, a font from a GState). */
  flush(): void {
    if (!this.initialized) return;
    this.totalWidth += this.width * this.advanceScale;
    this.items.push({
      str: this.normalise(this.str.join('')),
      transform: this.transform,
      width: Math.abs(this.totalWidth),
      fontName: this.fontName,
    });
    this.initialized = false;
    this.str = [];
  }

  /** The text matrix was set (Tm): the item goes on, measured at the new scale. */
  textMatrixSet(state: TextState): void {
    if (!this.initialized) return;
    const scale = advanceScaleOf(state);
    if (scale === this.advanceScale) return;
    this.totalWidth += this.width * this.advanceScale;
    this.width = 0;
    this.advanceScale = scale;
  }

  /** One show-text operation: glyph objects, and numbers (TJ adjustments, thousandths of an em). */
  show(glyphs: ArrayLike<unknown>, state: TextState): void {
    const font = this.fontInfoOf(state.fontName);
    if (font?.vertical || font?.type3) this.unsupported = true;
    if (this.unsupported) return;
    const previousFont = this.itemFont;
    if (
      !previousFont ||
      previousFont.size !== state.fontSize ||
      (previousFont.name !== state.fontName && this.fontInfoOf(previousFont.name)?.name !== font?.name)
    ) {
      if (previousFont) this.flush();
      this.itemFont = { name: state.fontName, size: state.fontSize };
    }
    const scale = (font?.matrix?.[0] ?? 0.001) * state.fontSize;
    // A TJ number moves the text after the glyph before it, as that glyph's extra spacing (lost
    // when pdf.js skips that glyph); one with no glyph since the last number moves it on its own,
    // character spacing included.
    const spacingOf = (value: number) => (-value * state.fontSize) / 1000;
    let glyphSinceNumber = false;
    for (let index = 0; index < glyphs.length; index++) {
      const glyph = glyphs[index];
      if (typeof glyph === 'number') {
        if (glyph === 0) continue;
        if (!glyphSinceNumber) translate(state, (spacingOf(glyph) + state.charSpacing) * state.hScale);
        glyphSinceNumber = false;
        continue;
      }
      if (!glyph || typeof glyph !== 'object') continue;
      const { unicode, width, originalCharCode } = glyph as GlyphLike;
      const char = typeof unicode === 'string' ? unicode : '';
      glyphSinceNumber = true;
      if (RIGHT_TO_LEFT.test(char)) {
        this.unsupported = true;
        return;
      }
      const category = SPECIAL_CHAR.exec(char);
      if (category?.[3]) continue;
      let charSpacing = state.charSpacing + spacingOf(numberAfter(glyphs, index));
      let advance = (typeof width === 'number' ? width : 0) * scale;
      if (originalCharCode === 0x20) charSpacing += state.wordSpacing;
      if (category?.[1]) {
        translate(state, (charSpacing + advance) * state.hScale);
        this.saveLastChar(' ');
        continue;
      }
      if (!category?.[2] && !this.compareWithLastPosition(advance, state)) {
        translate(state, advance * state.hScale);
        continue;
      }
      this.ensureItem(state);
      if (category?.[2]) advance = 0;
      advance *= state.hScale;
      translate(state, advance);
      this.width += advance;
      if (advance) {
        this.previousTransform = textRenderingMatrix(state);
        this.previousRise = state.rise;
      }
      if (this.saveLastChar(char)) this.str.push(' ');
      this.str.push(char);
      if (charSpacing) translate(state, charSpacing * state.hScale);
    }
  }

  private saveLastChar(char: string): boolean {
    const next = (this.lastCharsAt + 1) % 2;
    const wordEnded = this.lastChars[this.lastCharsAt] !== ' ' && this.lastChars[next] === ' ';
    this.lastChars[this.lastCharsAt] = char;
    this.lastCharsAt = next;
    return wordEnded;
  }

  private shouldAddWhitespace(): boolean {
    return this.lastChars[this.lastCharsAt] !== ' ' && this.lastChars[(this.lastCharsAt + 1) % 2] === ' ';
  }

  private resetLastChars(): void {
    this.lastChars = [' ', ' '];
    this.lastCharsAt = 0;
  }

  private ensureItem(state: TextState): void {
    if (this.initialized) return;
    this.fontName = state.fontName;
    this.transform = textRenderingMatrix(state);
    this.width = 0;
    this.totalWidth = 0;
    this.height = Math.hypot(this.transform[2]!, this.transform[3]!);
    this.advanceScale = advanceScaleOf(state);
    const size = state.fontSize;
    this.trackingSpaceMin = size * TRACKING_SPACE_FACTOR;
    this.notASpace = size * NOT_A_SPACE_FACTOR;
    this.negativeSpaceMax = size * NEGATIVE_SPACE_FACTOR;
    this.spaceInFlowMin = size * SPACE_IN_FLOW_MIN_FACTOR;
    this.spaceInFlowMax = size * SPACE_IN_FLOW_MAX_FACTOR;
    this.initialized = true;
  }

  /** A new line: the item ends. */
  private endOfLine(): void {
    this.resetLastChars();
    this.flush();
  }

  /**
   * A gap within the flow of a line is a space inside the item; a wider one ends the item (pdf.js
   * adds a whitespace item there, which the layout would drop). True when the gap ended it.
   */
  private gapEndsItem(advance: number, orientation: number): boolean {
    if (orientation * this.spaceInFlowMin <= advance && advance <= orientation * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars();
        this.str.push(' ');
      }
      return false;
    }
    this.flush();
    this.resetLastChars();
    return true;
  }

  /** pdf.js's compareWithLastPosition (horizontal): false when the glyph is off the page. */
  private compareWithLastPosition(glyphWidth: number, state: TextState): boolean {
    const current = textRenderingMatrix(state);
    const [left = -Infinity, bottom = -Infinity, right = Infinity, top = Infinity] = this.viewBox;
    const atX = current[4]!;
    const atY = current[5]!;
    if (atX + glyphWidth < left || atX > right || atY < bottom || atY > top) return false;
    const previous = this.previousTransform;
    if (!previous) return true;
    if (previous[4] === atX && previous[5] === atY) return true;
    const [x, y, lastX, lastY] = unrotated(current, previous);
    const advanceX = (x - lastX) / this.advanceScale;
    const advanceY = y - lastY;
    const orientation = Math.sign(this.width || this.totalWidth);
    if (advanceX < orientation * this.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * this.height) {
        this.endOfLine();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    const riseDelta = state.rise - this.previousRise;
    const advanceYCorrected =
      riseDelta === 0 ? advanceY : advanceY - (current[3]! / state.fontSize) * riseDelta;
    if (Math.abs(advanceYCorrected) > this.height) {
      this.endOfLine();
      return true;
    }
    if (advanceX <= orientation * this.notASpace) this.resetLastChars();
    if (advanceX <= orientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
      } else this.width += advanceX;
    } else if (!this.gapEndsItem(advanceX, orientation)) {
      if (this.str.length === 0) this.resetLastChars();
      else this.width += advanceX;
    }
    if (Math.abs(advanceY) > this.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }
}
