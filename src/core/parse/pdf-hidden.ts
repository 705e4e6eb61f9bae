/**
 * Text a reader cannot see: invisible render modes (3, 7) or a transparent fill, a colour that
 * does not stand out from what is behind it (white on the white page, black on a black box), a
 * font so small it is a dot, text clipped away or placed off the page. Stuffing a resume with
 * such lines is how a file games keyword matching, so they are kept out of the text that is
 * scored and listed apart.
 *
 * pdf.js's text content has no colour, render mode or clip, so this walks the page's operator
 * list (graphics state with save/restore and form XObjects, CTM, text matrix, font size and
 * font matrix, fill/stroke colour and alpha, clip rectangles, the filled shapes and images
 * painted so far) and records, for every drawn glyph, the style it was drawn in. The text
 * items are then lined up with those glyphs in drawing order, and each glyph is judged where
 * its item sits on the page: its colour against the topmost shape painted under that point
 * before it (or the white page).
 *
 * pdf.js turns every colour operator (`rg`, `g`, `k`, `sc`/`scn` in a device or ICC space)
 * into one `setFillRGBColor` with a hex string, so grey and CMYK whites arrive as "#ffffff".
 */

import type { TextItemBuilder, TextState } from './pdf-text-items';

/** pdf.js's OPS table (name → code), injected with the library. */
export type PdfOps = Readonly<Record<string, number>>;

export interface OperatorListLike {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** Below this effective height (points, after font size × font matrix × text matrix × CTM) text is a dot. */
export const MIN_VISIBLE_FONT_SIZE = 4;
/** Glyphs squeezed narrower than this (points per em, after horizontal scaling) are unreadable too. */
export const MIN_VISIBLE_FONT_WIDTH = 2;
/**
 * Text whose colour has a contrast ratio (WCAG) under this against what is behind it is hidden:
 * 1.2 is about grey 0.92 on white — white, 0.98 grey or a CMYK near-white on the page.
 */
export const MIN_CONTRAST = 1.2;
/** A fill or stroke at most this opaque (ExtGState `ca`/`CA`) paints nothing a reader sees. */
const MIN_ALPHA = 0.1;
/** Shapes kept per page for the background lookup (a vector-heavy page has thousands). */
const MAX_PAINTS = 20_000;
/** Point-in-shape work per page (path points visited); past it the background is the page. */
const LOOKUP_BUDGET = 2_000_000;

export type HiddenReason = 'invisible' | 'low-contrast' | 'tiny' | 'clipped' | 'off-page';

type Matrix = readonly [number, number, number, number, number, number];
type Rgb = readonly [number, number, number];

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const WHITE: Rgb = [1, 1, 1];
const EVERYWHERE: Rect = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };

/** `m` applied after `n` (pdf.js / canvas convention: a point goes through n, then m). */
function multiply(m: Matrix, n: Matrix): Matrix {
  // Indexed, not destructured: this runs for every transform and show-text operation.
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function toMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number')
    return undefined;
  const list = value as ArrayLike<unknown>;
  if (list.length < 6) return undefined;
  const numbers: Matrix = [
    Number(list[0]),
    Number(list[1]),
    Number(list[2]),
    Number(list[3]),
    Number(list[4]),
    Number(list[5]),
  ];
  for (const number of numbers) if (!Number.isFinite(number)) return undefined;
  return numbers;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The axis-aligned box of a rectangle after a transform. */
function transformRect(m: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const corners = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = corners.map((corner) => corner[0]);
  const ys = corners.map((corner) => corner[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function intersect(a: Rect, b: Rect): Rect {
  return {
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  };
}

function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x0 && x <= rect.x1 && y >= rect.y0 && y <= rect.y1;
}

/**
 * One colour object per hex string: a page sets the same few colours thousands of times, and
 * the luminance cache (below) is keyed on the object.
 */
const colourOfHex = new Map<string, Rgb>();
const MAX_CACHED_COLOURS = 4096;

function parseHex(value: unknown): Rgb | undefined {
  if (typeof value !== 'string') return undefined;
  const known = colourOfHex.get(value);
  if (known) return known;
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (!match) return undefined;
  const colour = [match[1], match[2], match[3]].map(
    (part) => parseInt(part ?? '0', 16) / 255,
  ) as unknown as Rgb;
  if (colourOfHex.size >= MAX_CACHED_COLOURS) colourOfHex.clear();
  colourOfHex.set(value, colour);
  return colour;
}

function channelLuminance(value: number): number {
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/**
 * Luminance per colour object: a page sets a handful of colours and every glyph run and paint
 * shares its state's object, so each is computed once instead of once per glyph × paint.
 */
const luminanceOf = new WeakMap<Rgb, number>();

/** WCAG relative luminance. */
function relativeLuminance(colour: Rgb): number {
  let luminance = luminanceOf.get(colour);
  if (luminance === undefined) {
    const [r, g, b] = colour;
    luminance = 0.2126 * channelLuminance(r) + 0.7152 * channelLuminance(g) + 0.0722 * channelLuminance(b);
    luminanceOf.set(colour, luminance);
  }
  return luminance;
}

/** WCAG contrast ratio, 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const first = relativeLuminance(a);
  const second = relativeLuminance(b);
  return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
}

/** The text of a show-text operation's glyphs, whitespace left out. */
function glyphText(glyphs: unknown): string {
  if (!Array.isArray(glyphs)) return '';
  let text = '';
  for (const glyph of glyphs as unknown[]) {
    // Spaced text mixes glyphs with numbers (kerning); only glyph objects carry `unicode`.
    const unicode = glyph && typeof glyph === 'object' ? (glyph as { unicode?: unknown }).unicode : undefined;
    if (typeof unicode === 'string') text += unicode;
  }
  return /\s/.test(text) ? text.replace(/\s+/g, '') : text;
}

/** A filled shape or image on the page, in drawing order. */
interface Paint {
  /** Its box in user space (clipped). */
  box: Rect;
  /** Its colour; null when unknown (an image, a shading, a pattern): text on it counts as seen. */
  colour: Rgb | null;
  /**
   * The outline in user space (x, y pairs per subpath, NaN separates subpaths) when the shape
   * is not its own box; a point in the box may lie outside it.
   */
  outline?: Float64Array;
  evenOdd?: boolean;
  /** Partly transparent: what is under it may show through. */
  translucent?: boolean;
}

/** How a run of glyphs was drawn (one per show-text operator). */
export interface GlyphRun {
  /** Hidden wherever it sits: render mode 3/7, a transparent fill, a dot-sized font. */
  reason?: 'invisible' | 'tiny';
  /** The colours it is drawn in (fill and/or stroke by render mode); null when unknown. */
  colours: Rgb[] | null;
  /** Paints drawn before it (a prefix of `paints`). */
  paintsBefore: number;
  /** The clip box it was drawn under, in user space. */
  clip: Rect;
}

/** Every drawn glyph (whitespace left out) and how it was drawn. */
export interface GlyphVisibility {
  chars: string;
  /** Per glyph: index into `runs`. */
  run: Uint32Array;
  runs: GlyphRun[];
  paints: Paint[];
}

interface GraphicsState extends TextState {
  clip: Rect;
  fill: Rgb | null;
  stroke: Rgb | null;
  fillAlpha: number;
  strokeAlpha: number;
  renderMode: number;
  /** Text leading (TL), for T* and ' moves. */
  leading: number;
}

/** The scale of a font's glyph space (1000 units per em → 0.001); Type 3 fonts have their own. */
export type FontMatrixOf = (fontName: string) => readonly number[] | undefined;

/** Flattens pdf.js path data (DrawOPS codes with coordinates) into user-space points. */
function outlineOf(data: ArrayLike<number>, ctm: Matrix): { points: Float64Array; rectangle: boolean } {
  const points: number[] = [];
  let index = 0;
  let moves = 0;
  let lines = 0;
  let curves = 0;
  const push = (x: number, y: number) => {
    const [px, py] = apply(ctm, x, y);
    points.push(px, py);
  };
  while (index < data.length) {
    const op = data[index++];
    if (op === 0) {
      if (points.length > 0) points.push(NaN, NaN);
      push(Number(data[index]), Number(data[index + 1]));
      index += 2;
      moves++;
    } else if (op === 1) {
      push(Number(data[index]), Number(data[index + 1]));
      index += 2;
      lines++;
    } else if (op === 2) {
      // A cubic curve: its control points stand in for it (the hull contains the curve).
      push(Number(data[index]), Number(data[index + 1]));
      push(Number(data[index + 2]), Number(data[index + 3]));
      push(Number(data[index + 4]), Number(data[index + 5]));
      index += 6;
      curves++;
    } else if (op === 3) {
      push(Number(data[index]), Number(data[index + 1]));
      push(Number(data[index + 2]), Number(data[index + 3]));
      index += 4;
      curves++;
    } else if (op !== 4) break;
  }
  let rectangle = false;
  if (moves === 1 && curves === 0 && lines === 3 && points.length === 8) {
    // Four corners with axis-aligned sides (either orientation): the shape is its box.
    const [x0, y0, x1, y1, x2, y2, x3, y3] = points as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const close = (p: number, q: number) => Math.abs(p - q) < 1e-3;
    rectangle =
      (close(y0, y1) && close(x1, x2) && close(y2, y3) && close(x3, x0)) ||
      (close(x0, x1) && close(y1, y2) && close(x2, x3) && close(y3, y0));
  }
  return { points: Float64Array.from(points), rectangle };
}

/** Whether a point is inside an outline (non-zero or even-odd), counting the work done. */
function insideOutline(
  outline: Float64Array,
  evenOdd: boolean,
  x: number,
  y: number,
  spend: (n: number) => void,
): boolean {
  let winding = 0;
  let crossings = 0;
  let start = 0;
  spend(outline.length / 2);
  const edge = (ax: number, ay: number, bx: number, by: number) => {
    if (ay <= y ? by > y : by <= y) {
      const cross = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
      if (ay <= y && by > y && cross > 0) winding++;
      else if (ay > y && by <= y && cross < 0) winding--;
      const atX = ax + ((y - ay) / (by - ay)) * (bx - ax);
      if (atX > x) crossings++;
    }
  };
  for (let index = 0; index <= outline.length; index += 2) {
    const ended = index === outline.length || Number.isNaN(outline[index]);
    if (ended) {
      // Close the subpath back to its start.
      const last = index - 2;
      if (last > start) edge(outline[last]!, outline[last + 1]!, outline[start]!, outline[start + 1]!);
      start = index + 2;
      continue;
    }
    if (index > start) edge(outline[index - 2]!, outline[index - 1]!, outline[index]!, outline[index + 1]!);
  }
  return evenOdd ? crossings % 2 === 1 : winding !== 0;
}

/**
 * Walks a page's operator list: how every glyph was drawn (for the hidden-text split) and,
 * given a builder, the page's text items (see pdf-text-items.ts).
 */
export function glyphVisibility(
  list: OperatorListLike,
  ops: PdfOps,
  fontMatrixOf?: FontMatrixOf,
  text?: TextItemBuilder,
): GlyphVisibility {
  const stack: GraphicsState[] = [];
  // Asked once per font, not once per show-text operator.
  const fontMatrices = new Map<string, readonly number[] | undefined>();
  const fontMatrixOfName: FontMatrixOf = (name) => {
    if (!fontMatrices.has(name)) fontMatrices.set(name, fontMatrixOf?.(name));
    return fontMatrices.get(name);
  };
  let state: GraphicsState = {
    ctm: IDENTITY,
    clip: EVERYWHERE,
    fill: [0, 0, 0],
    stroke: [0, 0, 0],
    fillAlpha: 1,
    strokeAlpha: 1,
    renderMode: 0,
    fontSize: 12,
    fontName: '',
    hScale: 1,
    textMatrix: [...IDENTITY],
    lineMatrix: IDENTITY,
    charSpacing: 0,
    wordSpacing: 0,
    rise: 0,
    leading: 0,
  };
  const save = () => stack.push({ ...state, textMatrix: [...state.textMatrix] });
  /** Td: the line matrix moves by (x, y) in its own space, and the text matrix starts there. */
  const moveText = (x: number, y: number) => {
    const line = state.lineMatrix;
    state.lineMatrix = [
      line[0],
      line[1],
      line[2],
      line[3],
      line[0] * x + line[2] * y + line[4],
      line[1] * x + line[3] * y + line[5],
    ];
    // The text matrix is the state's own (copied on save), so it is set in place.
    for (let at = 0; at < 6; at++) state.textMatrix[at] = state.lineMatrix[at]!;
  };
  const number = (value: unknown, fallback = 0) => {
    const parsed = Number(value ?? fallback);
    return Number.isFinite(parsed) ? parsed : fallback;
  };
  let pendingClip = false;
  let chars = '';
  const runOfGlyph: number[] = [];
  const runs: GlyphRun[] = [];
  const paints: Paint[] = [];
  const fillOps = new Set([
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const evenOddOps = new Set([ops.eoFill, ops.eoFillStroke, ops.closeEOFillStroke]);
  const unitSquareImages = new Set([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintSolidColorImageMask,
  ]);
  const spreadImages = new Set([
    ops.paintImageXObjectRepeat,
    ops.paintImageMaskXObjectGroup,
    ops.shadingFill,
  ]);
  const show = new Set([
    ops.showText,
    ops.showSpacedText,
    ops.nextLineShowText,
    ops.nextLineSetSpacingShowText,
  ]);
  // Operators that only move text (or draw it) leave the style of the next run as it was; a page
  // set one glyph per operator draws thousands of runs in a handful of styles, so a run in the
  // same style as the last (and over the same paints) shares the last one's record.
  const placesText = new Set([
    ...show,
    ops.moveText,
    ops.setLeadingMoveText,
    ops.nextLine,
    ops.setLeading,
    ops.setCharSpacing,
    ops.setWordSpacing,
    ops.setTextRise,
    ops.setTextMatrix,
    ops.beginText,
    ops.endText,
  ]);
  let styleVersion = 0;
  const lastRun = { version: -1, paints: -1, scale: [NaN, NaN, NaN, NaN] };
  const addPaint = (paint: Paint) => {
    if (paints.length >= MAX_PAINTS) return;
    if (paint.box.x0 > paint.box.x1 || paint.box.y0 > paint.box.y1) return;
    paints.push(paint);
  };

  for (let index = 0; index < list.fnArray.length; index++) {
    const fn = list.fnArray[index];
    const args = (list.argsArray[index] ?? null) as unknown[] | null;
    if (!placesText.has(fn ?? -1)) styleVersion++;
    // Show-text operators first: on most pages they are most of the list.
    if (show.has(fn ?? -1)) {
      const shown = args?.[args.length - 1] ?? args?.[0];
      const drawn = glyphText(shown);
      if (drawn) {
        const m = state.textMatrix;
        const scale = lastRun.scale;
        const sameStyle =
          lastRun.version === styleVersion &&
          lastRun.paints === paints.length &&
          scale[0] === m[0] &&
          scale[1] === m[1] &&
          scale[2] === m[2] &&
          scale[3] === m[3];
        if (!sameStyle) {
          runs.push(runStyle(state, paints.length, fontMatrixOfName));
          lastRun.version = styleVersion;
          lastRun.paints = paints.length;
          lastRun.scale = [m[0], m[1], m[2], m[3]];
        }
        chars += drawn;
        for (let count = 0; count < drawn.length; count++) runOfGlyph.push(runs.length - 1);
      }
      if (text && Array.isArray(shown)) text.show(shown, state);
    } else if (fn === ops.save || fn === ops.beginGroup) save();
    else if (fn === ops.restore || fn === ops.endGroup) state = stack.pop() ?? state;
    else if (fn === ops.paintFormXObjectEnd) {
      text?.flush();
      state = stack.pop() ?? state;
    } else if (fn === ops.paintFormXObjectBegin) {
      text?.flush();
      save();
      const matrix = toMatrix(args?.[0]);
      if (matrix) state.ctm = multiply(state.ctm, matrix);
      const bbox = args?.[1] as ArrayLike<number> | null | undefined;
      if (bbox && bbox.length >= 4) {
        const [x0, y0, x1, y1] = [bbox[0], bbox[1], bbox[2], bbox[3]].map(Number) as [
          number,
          number,
          number,
          number,
        ];
        if ([x0, y0, x1, y1].every(Number.isFinite))
          state.clip = intersect(state.clip, transformRect(state.ctm, x0, y0, x1, y1));
      }
    } else if (fn === ops.transform) {
      const matrix = toMatrix(args);
      if (matrix) state.ctm = multiply(state.ctm, matrix);
    } else if (fn === ops.setTextRenderingMode) state.renderMode = Number(args?.[0] ?? 0);
    else if (fn === ops.setFillRGBColor) state.fill = parseHex(args?.[0]) ?? null;
    else if (fn === ops.setStrokeRGBColor) state.stroke = parseHex(args?.[0]) ?? null;
    else if (fn === ops.setFillTransparent) state.fillAlpha = 0;
    else if (fn === ops.setStrokeTransparent) state.strokeAlpha = 0;
    else if (fn === ops.setFillColorN) state.fill = null;
    else if (fn === ops.setStrokeColorN) state.stroke = null;
    else if (fn === ops.setGState && Array.isArray(args?.[0])) {
      for (const entry of args[0] as unknown[]) {
        if (!Array.isArray(entry)) continue;
        const [key, value] = entry as [unknown, unknown];
        if (key === 'ca' && typeof value === 'number') state.fillAlpha = value;
        else if (key === 'CA' && typeof value === 'number') state.strokeAlpha = value;
        else if (key === 'Font' && Array.isArray(value)) {
          text?.flush();
          state.fontName = typeof value[0] === 'string' ? value[0] : '';
          state.fontSize = number(value[1], 12);
        }
      }
    } else if (fn === ops.setFont) {
      state.fontName = typeof args?.[0] === 'string' ? args[0] : '';
      state.fontSize = number(args?.[1], 12);
    } else if (fn === ops.setHScale) state.hScale = number(args?.[0], 100) / 100;
    else if (fn === ops.beginText) {
      state.textMatrix = [...IDENTITY];
      state.lineMatrix = IDENTITY;
    } else if (fn === ops.setTextMatrix) {
      const matrix = toMatrix(args?.[0]);
      if (matrix) {
        state.textMatrix = [...matrix];
        state.lineMatrix = matrix;
        text?.textMatrixSet(state);
      }
    } else if (fn === ops.moveText) moveText(number(args?.[0]), number(args?.[1]));
    else if (fn === ops.setLeadingMoveText) {
      state.leading = -number(args?.[1]);
      moveText(number(args?.[0]), number(args?.[1]));
    } else if (fn === ops.nextLine) moveText(0, -state.leading);
    else if (fn === ops.setLeading) state.leading = number(args?.[0]);
    else if (fn === ops.setCharSpacing) state.charSpacing = number(args?.[0]);
    else if (fn === ops.setWordSpacing) state.wordSpacing = number(args?.[0]);
    else if (fn === ops.setTextRise) state.rise = number(args?.[0]);
    else if (
      fn === ops.beginMarkedContent ||
      fn === ops.beginMarkedContentProps ||
      fn === ops.endMarkedContent
    )
      text?.flush();
    else if (fn === ops.clip || fn === ops.eoClip) pendingClip = true;
    else if (fn === ops.constructPath) {
      const pathOp = args?.[0];
      const data = (args?.[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
      const minMax = args?.[2] as ArrayLike<number> | null | undefined;
      const box =
        minMax && minMax.length >= 4
          ? transformRect(
              state.ctm,
              Number(minMax[0]),
              Number(minMax[1]),
              Number(minMax[2]),
              Number(minMax[3]),
            )
          : undefined;
      if (typeof pathOp === 'number' && fillOps.has(pathOp) && box && state.fillAlpha > MIN_ALPHA) {
        const { points, rectangle } = data
          ? outlineOf(data, state.ctm)
          : { points: undefined, rectangle: true };
        addPaint({
          box: intersect(box, state.clip),
          colour: state.fill,
          ...(!rectangle && points ? { outline: points, evenOdd: evenOddOps.has(pathOp) } : {}),
          ...(state.fillAlpha < 1 ? { translucent: true } : {}),
        });
      }
      if (pendingClip) {
        // The clip is kept as a box: a point outside the box is surely clipped away.
        state.clip = box ? intersect(state.clip, box) : state.clip;
        pendingClip = false;
      }
    } else if (unitSquareImages.has(fn ?? -1)) {
      text?.flush();
      const solid = fn === ops.paintSolidColorImageMask || fn === ops.paintImageMaskXObject;
      addPaint({
        box: intersect(transformRect(state.ctm, 0, 0, 1, 1), state.clip),
        // A mask paints the fill colour through a bitmap: where it does not paint, what is
        // under it shows, so it is a shape with unknown edges.
        colour: fn === ops.paintSolidColorImageMask ? state.fill : null,
        ...(solid && fn !== ops.paintSolidColorImageMask ? { translucent: true } : {}),
      });
    } else if (spreadImages.has(fn ?? -1)) {
      text?.flush();
      addPaint({ box: state.clip, colour: null });
    }
  }
  return { chars, run: Uint32Array.from(runOfGlyph), runs, paints };
}

function runStyle(
  state: GraphicsState,
  paintsBefore: number,
  fontMatrixOf: FontMatrixOf | undefined,
): GlyphRun {
  const mode = state.renderMode;
  const fontMatrix = fontMatrixOf?.(state.fontName);
  // Glyph space → text space: 0.001 for ordinary fonts, a Type 3 font's own matrix otherwise.
  const glyphScaleX = fontMatrix ? Math.hypot(fontMatrix[0] ?? 0, fontMatrix[1] ?? 0) / 0.001 : 1;
  const glyphScaleY = fontMatrix ? Math.hypot(fontMatrix[2] ?? 0, fontMatrix[3] ?? 0) / 0.001 : 1;
  const m = multiply(state.ctm, state.textMatrix);
  const fontSize = Math.abs(state.fontSize);
  const height = fontSize * glyphScaleY * Math.hypot(m[2], m[3]);
  const width = fontSize * glyphScaleX * Math.abs(state.hScale) * Math.hypot(m[0], m[1]);
  const fills = mode % 4 === 0 || mode % 4 === 2;
  const strokes = mode % 4 === 1 || mode % 4 === 2;
  const colours: Rgb[] = [];
  let unknown = false;
  if (fills && state.fillAlpha > MIN_ALPHA) {
    if (state.fill) colours.push(state.fill);
    else unknown = true;
  }
  if (strokes && state.strokeAlpha > MIN_ALPHA) {
    if (state.stroke) colours.push(state.stroke);
    else unknown = true;
  }
  const invisible = mode === 3 || mode === 7 || (colours.length === 0 && !unknown);
  const run: GlyphRun = { colours: unknown ? null : colours, paintsBefore, clip: state.clip };
  if (invisible) run.reason = 'invisible';
  else if (height < MIN_VISIBLE_FONT_SIZE || width < MIN_VISIBLE_FONT_WIDTH) run.reason = 'tiny';
  return run;
}

/** What a text item of pdf.js's text content gives: its text, transform (user space) and width. */
export interface TextItemGeometry {
  str: string;
  transform: readonly number[];
  width: number;
}

export interface PageBox {
  /** pdf.js's viewport transform at scale 1 (user space → viewport pixels, y down). */
  transform: readonly number[];
  width: number;
  height: number;
}

/** An item split into what a reader sees and what they cannot. */
export interface ItemVisibility {
  /** The item's text without its hidden glyphs (whitespace kept); '' when all are hidden. */
  visible: string;
  /** The hidden glyphs' text (spaces between hidden words kept); '' when none are. */
  hidden: string;
  /** Why, when some of it is hidden (the most common reason among its hidden glyphs). */
  reason?: HiddenReason;
}

/** Height (user space units) of the horizontal bands paints are filed under for the background lookup. */
const BAND_HEIGHT = 24;
/** Bands cover this much of user space either side of 0; a point beyond is checked against every paint. */
const BANDED_EXTENT = 32_768;

/** Paint indices (ascending) filed under each band their box reaches. */
interface PaintBands {
  /** The paints that may cover a point at height `y`; undefined: any paint may (outside the bands). */
  at(y: number): readonly number[] | undefined;
}

function paintBands(paints: readonly Paint[]): PaintBands {
  const bandOf = (y: number) => Math.floor(y / BAND_HEIGHT);
  const lowest = bandOf(-BANDED_EXTENT);
  const highest = bandOf(BANDED_EXTENT);
  const byBand = new Map<number, number[]>();
  paints.forEach((paint, index) => {
    const from = Math.max(lowest, bandOf(Math.max(paint.box.y0, -BANDED_EXTENT)));
    const to = Math.min(highest, bandOf(Math.min(paint.box.y1, BANDED_EXTENT)));
    for (let band = from; band <= to; band++) {
      const list = byBand.get(band);
      if (list) list.push(index);
      else byBand.set(band, [index]);
    }
  });
  const none: readonly number[] = [];
  return {
    at: (y) => (Math.abs(y) < BANDED_EXTENT ? (byBand.get(bandOf(y)) ?? none) : undefined),
  };
}

/** How many of the ascending `values` are below `limit`. */
function lowerBound(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The item's centre point in user space (baseline box: along the text, half an em up). */
function itemCentre(item: TextItemGeometry): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const along = Math.hypot(a, b) || 1;
  const up = Math.hypot(c, d) || 1;
  return [
    e + (a / along) * (item.width / 2) + (c / up) * (up / 2),
    f + (b / along) * (item.width / 2) + (d / up) * (up / 2),
  ];
}

/**
 * Splits each text item (in content order) into its visible and hidden text. Items are found
 * in the glyph stream from a moving cursor, so each glyph is matched once; an item that cannot
 * be found there is judged by its own geometry only.
 */
export function splitItems(
  items: readonly TextItemGeometry[],
  glyphs: GlyphVisibility | undefined,
  page: PageBox,
): ItemVisibility[] {
  let cursor = 0;
  let budget = LOOKUP_BUDGET;
  const spend = (amount: number) => (budget -= amount);
  const whole = (item: TextItemGeometry, reason: HiddenReason): ItemVisibility => ({
    visible: '',
    hidden: item.str,
    reason,
  });

  const bands = glyphs ? paintBands(glyphs.paints) : undefined;
  /** The colours behind a point when a run was drawn; null when something unknown is there. */
  const backgroundAt = (x: number, y: number, paintsBefore: number): Rgb[] | null => {
    const found: Rgb[] = [];
    if (!glyphs || !bands) return [WHITE];
    // Only the paints filed under the point's band can cover it (every paint, beyond the bands).
    const candidates = bands.at(y);
    let position = candidates ? lowerBound(candidates, paintsBefore) - 1 : paintsBefore - 1;
    for (; position >= 0 && budget > 0; position--) {
      const paint = glyphs.paints[candidates ? candidates[position]! : position]!;
      spend(1);
      if (!contains(paint.box, x, y)) continue;
      if (paint.outline && !insideOutline(paint.outline, paint.evenOdd ?? false, x, y, spend)) continue;
      if (!paint.colour) return null;
      found.push(paint.colour);
      if (!paint.translucent) return found;
    }
    found.push(WHITE);
    return found;
  };

  const viewportMatrix = toMatrix(page.transform) ?? IDENTITY;
  return items.map((item) => {
    const [, , c = 0, d = 1] = item.transform;
    const key = item.str.replace(/\s+/g, '');
    if (!key) return { visible: item.str, hidden: '' };
    // Found among the glyphs first, so the cursor moves past this item whatever is decided.
    let at = glyphs ? glyphs.chars.indexOf(key, cursor) : -1;
    if (glyphs && at < 0) at = glyphs.chars.indexOf(key);
    if (at >= 0) cursor = at + key.length;
    // Where it is on the page, from pdf.js's own geometry.
    const [cx, cy] = itemCentre(item);
    const [vx = 0, vy = 0] = apply(viewportMatrix, cx, cy);
    if (!(vx >= 0 && vx <= page.width && vy >= 0 && vy <= page.height)) return whole(item, 'off-page');
    // Size is judged per glyph from the operator list (it knows a Type 3 font's own matrix); an
    // item not found among the glyphs falls back to pdf.js's estimate of its height.
    if (!glyphs || at < 0)
      return Math.hypot(c, d) < MIN_VISIBLE_FONT_SIZE
        ? whole(item, 'tiny')
        : { visible: item.str, hidden: '' };

    const verdicts = new Map<number, HiddenReason | null>();
    const verdictOf = (runIndex: number): HiddenReason | null => {
      const known = verdicts.get(runIndex);
      if (known !== undefined) return known;
      const run = glyphs.runs[runIndex];
      let verdict: HiddenReason | null = null;
      if (!run) verdict = null;
      else if (run.reason) verdict = run.reason;
      else if (!contains(run.clip, cx, cy)) verdict = 'clipped';
      else if (run.colours) {
        const behind = backgroundAt(cx, cy, run.paintsBefore);
        // Hidden only when every colour it is drawn in blends with everything that may be behind it.
        if (
          behind &&
          run.colours.every((colour) =>
            behind.every((background) => contrastRatio(colour, background) < MIN_CONTRAST),
          )
        )
          verdict = 'low-contrast';
      }
      verdicts.set(runIndex, verdict);
      return verdict;
    };

    // Most items are wholly visible: every run its glyphs were drawn in is judged once, and
    // only an item with a hidden glyph is taken apart character by character.
    let allVisible = true;
    for (let glyph = at, last = -1; glyph < at + key.length && allVisible; glyph++) {
      const runIndex = glyphs.run[glyph] ?? 0;
      if (runIndex !== last) allVisible = verdictOf(runIndex) === null;
      last = runIndex;
    }
    if (allVisible) return { visible: item.str, hidden: '' };

    // Hidden glyphs become spaces in the visible text, visible ones spaces in the hidden text.
    let visible = '';
    let hidden = '';
    let glyph = at;
    const reasons = new Map<HiddenReason, number>();
    for (const char of item.str) {
      if (/\s/.test(char)) {
        visible += char;
        hidden += char;
        continue;
      }
      // Glyphs are counted in UTF-16 units, like the key they were found by.
      const reason = verdictOf(glyphs.run[glyph] ?? 0);
      glyph += char.length;
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      visible += reason ? ' ' : char;
      hidden += reason ? char : ' ';
    }
    if (reasons.size === 0) return { visible: item.str, hidden: '' };
    const reason = [...reasons].sort((x, y) => y[1] - x[1])[0]?.[0];
    return {
      visible: visible.trim() ? visible.replace(/\s+/g, ' ') : '',
      hidden: hidden.replace(/\s+/g, ' ').trim(),
      ...(reason ? { reason } : {}),
    };
  });
}
