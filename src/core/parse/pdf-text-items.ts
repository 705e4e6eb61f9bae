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
const WHITESPACE = 1;
const DIACRITIC = 2;
const FORMAT_MARK = 4;
const RIGHT_TO_LEFT_TEXT = 8;
/** Class bits per glyph text: a page draws a few dozen distinct characters thousands of times. */
const classOfChar = new Map<string, number>();
const MAX_CACHED_CHARS = 4096;

function charClass(char: string): number {
  let bits = classOfChar.get(char);
  if (bits !== undefined) return bits;
  const special = SPECIAL_CHAR.exec(char);
  bits =
    (special?.[1] ? WHITESPACE : 0) |
    (special?.[2] ? DIACRITIC : 0) |
    (special?.[3] ? FORMAT_MARK : 0) |
    (RIGHT_TO_LEFT.test(char) ? RIGHT_TO_LEFT_TEXT : 0);
  if (classOfChar.size >= MAX_CACHED_CHARS) classOfChar.clear();
  classOfChar.set(char, bits);
  return bits;
}

interface GlyphLike {
  unicode?: unknown;
  width?: unknown;
  originalCharCode?: unknown;
}

/**
 * The linear part of the text rendering matrix (CTM × Tm × [size·Th 0 0 size 0 rise]). Within one
 * show operation only the text matrix's origin moves, so this holds for all its glyphs.
 */
function linearPart(state: TextState): Linear {
  const m = state.textMatrix;
  const ctm = state.ctm;
  const sx = state.fontSize * state.hScale;
  const sy = state.fontSize;
  return [
    (ctm[0] * m[0] + ctm[2] * m[1]) * sx,
    (ctm[1] * m[0] + ctm[3] * m[1]) * sx,
    (ctm[0] * m[2] + ctm[2] * m[3]) * sy,
    (ctm[1] * m[2] + ctm[3] * m[3]) * sy,
  ];
}

/** A TJ adjustment (thousandths of an em) in text space units. */
function tjSpacing(value: number, fontSize: number): number {
  return (-value * fontSize) / 1000;
}

type Linear = readonly [number, number, number, number];

function advanceScaleOf(state: TextState): number {
  return Math.hypot(state.ctm[0], state.ctm[1]) * Math.hypot(state.lineMatrix[0], state.lineMatrix[1]);
}

function translate(state: TextState, x: number): void {
  const m = state.textMatrix;
  m[4] += m[0] * x;
  m[5] += m[1] * x;
}

/** Undoes a rotation of a position by a glyph's matrix (pdf.js's applyInverseRotation). */
function unturned(linear: Linear, x: number, y: number): [number, number] {
  const scale = Math.hypot(linear[0], linear[1]);
  return [(linear[0] * x + linear[1] * y) / scale, (linear[2] * x + linear[3] * y) / scale];
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
  /** The last glyph drawn with an advance: where the next one would follow it (none yet: NaN). */
  private previousX = NaN;
  private previousY = NaN;
  private previousLinear: Linear = [1, 0, 0, 1];
  private previousRise = 0;
  /** Where the glyph being read is drawn (user space), and its matrix's linear part. */
  private atX = 0;
  private atY = 0;
  private linear: Linear = [1, 0, 0, 1];
  private readonly fonts = new Map<string, FontInfo | undefined>();
  /** The last two characters seen (a space between words marks where one is written out). */
  private lastChars = [' ', ' '];
  private lastCharsAt = 0;
  /** The font of the item being built (a new size or font starts a new item). */
  private itemFont: { name: string; size: number } | null = null;

  constructor(
    private readonly viewBox: readonly number[],
    private readonly fontInfoOfName: FontInfoOf,
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

  /** Asked once per font, not once per show-text operation. */
  private fontInfoOf(name: string): FontInfo | undefined {
    if (!this.fonts.has(name)) this.fonts.set(name, this.fontInfoOfName(name));
    return this.fonts.get(name);
  }

  /** Where the next glyph is drawn: the text matrix's origin raised by the rise, then the CTM. */
  private locate(state: TextState): void {
    // Indexed, not destructured: this runs twice for every glyph of the document.
    const m = state.textMatrix;
    const ctm = state.ctm;
    const x = m[2] * state.rise + m[4];
    const y = m[3] * state.rise + m[5];
    this.atX = ctm[0] * x + ctm[2] * y + ctm[4];
    this.atY = ctm[1] * x + ctm[3] * y + ctm[5];
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
    this.linear = linearPart(state);
    // A TJ number moves the text after the glyph before it, as that glyph's extra spacing (lost
    // when pdf.js skips that glyph); one with no glyph since the last number moves it on its own,
    // character spacing included.
    let glyphSinceNumber = false;
    for (let index = 0; index < glyphs.length; index++) {
      const glyph = glyphs[index];
      if (typeof glyph === 'number') {
        if (glyph === 0) continue;
        if (!glyphSinceNumber)
          translate(state, (tjSpacing(glyph, state.fontSize) + state.charSpacing) * state.hScale);
        glyphSinceNumber = false;
        continue;
      }
      if (!glyph || typeof glyph !== 'object') continue;
      const { unicode, width, originalCharCode } = glyph as GlyphLike;
      const char = typeof unicode === 'string' ? unicode : '';
      glyphSinceNumber = true;
      const bits = charClass(char);
      if (bits & RIGHT_TO_LEFT_TEXT) {
        this.unsupported = true;
        return;
      }
      if (bits & FORMAT_MARK) continue;
      let charSpacing = state.charSpacing + tjSpacing(numberAfter(glyphs, index), state.fontSize);
      let advance = (typeof width === 'number' ? width : 0) * scale;
      if (originalCharCode === 0x20) charSpacing += state.wordSpacing;
      if (bits & WHITESPACE) {
        translate(state, (charSpacing + advance) * state.hScale);
        this.saveLastChar(' ');
        continue;
      }
      if (!(bits & DIACRITIC) && !this.compareWithLastPosition(advance, state)) {
        translate(state, advance * state.hScale);
        continue;
      }
      this.ensureItem(state);
      if (bits & DIACRITIC) advance = 0;
      advance *= state.hScale;
      translate(state, advance);
      this.width += advance;
      if (advance) {
        this.locate(state);
        this.previousX = this.atX;
        this.previousY = this.atY;
        this.previousLinear = this.linear;
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
    this.locate(state);
    this.transform = [...linearPart(state), this.atX, this.atY];
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
    this.locate(state);
    const { atX, atY, linear } = this;
    const [left = -Infinity, bottom = -Infinity, right = Infinity, top = Infinity] = this.viewBox;
    if (atX + glyphWidth < left || atX > right || atY < bottom || atY > top) return false;
    if (Number.isNaN(this.previousX)) return true;
    if (this.previousX === atX && this.previousY === atY) return true;
    // Turned so that the text runs along x: a quarter turn decided by this glyph's matrix, any
    // other angle undone per glyph (as compareWithLastPosition does).
    const [a, b, c, d] = linear;
    let x = atX;
    let y = atY;
    let lastX = this.previousX;
    let lastY = this.previousY;
    if (a && b === 0 && c === 0) {
      if (a < 0) [x, y, lastX, lastY] = [-x, -y, -lastX, -lastY];
    } else if (b && a === 0 && d === 0) {
      [x, y, lastX, lastY] = b > 0 ? [y, x, lastY, lastX] : [-y, -x, -lastY, -lastX];
    } else {
      [x, y] = unturned(linear, x, y);
      [lastX, lastY] = unturned(this.previousLinear, lastX, lastY);
    }
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
    const advanceYCorrected = riseDelta === 0 ? advanceY : advanceY - (d / state.fontSize) * riseDelta;
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
