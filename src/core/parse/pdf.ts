/**
 * PDF → ParsedDocument. pdfjs is injected (PdfJsLike), never imported: the browser worker passes
 * the modern build, Node passes the legacy build, and core compiles without DOM types.
 *
 * Steps: text items per page → lines in reading order (pdf-layout.ts) → document-wide rules:
 * repeated headers/footers and page numbers removed, headings from size/weight/caps, bullets,
 * hyphenated line breaks joined, ligatures expanded, link annotations collected. Nothing is
 * added that is not on the page.
 */
import type { ParsedDocument } from '../domain';
import { ParseError } from '../errors';
import { normaliseGlyphs, looksLikeHeading, stripBullet } from './line-rules';
import { headerFooterNote } from './notices';
import { glyphVisibility, splitItems, type OperatorListLike, type PdfOps } from './pdf-hidden';
import { TextItemBuilder, type FontInfo } from './pdf-text-items';
import { layoutPage, type LayoutLine, type TextFragment } from './pdf-layout';
import { buildDocument, type LineDraft } from './text';

/** The text item fields we read (pdfjs TextItem; marked-content entries have no `str`). */
export interface PdfTextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
  /** Set on marked-content entries, which carry no text. */
  type?: string;
}

export interface PdfPageLike {
  getTextContent(): Promise<{ items: PdfTextItemLike[] }>;
  getViewport(params: { scale: number }): { width: number; height: number; transform: number[] };
  /**
   * `intent: 'print'` lists only the annotations flagged for printing; the default ('display')
   * lists them all but also reads the whole page's text again to find the text under each link.
   */
  getAnnotations(params?: { intent?: 'display' | 'print' }): Promise<PdfAnnotationLike[]>;
  /** The drawing operations (hidden text, and font names for bold); annotations left out. */
  getOperatorList(params?: { annotationMode?: number }): Promise<unknown>;
  /** pdfjs' document-wide store of loaded fonts, keyed by the items' `fontName`. */
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  /** The page's visible box in user space [x0, y0, x1, y1]; text outside it is not read. */
  view?: number[];
  cleanup?(): unknown;
}

export interface PdfAnnotationLike {
  subtype?: string;
  url?: string;
  unsafeUrl?: string;
}

export interface PdfDocumentLike {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPageLike>;
  destroy(): Promise<void>;
}

export interface PdfLoadParams {
  data: Uint8Array;
  isEvalSupported?: boolean;
  disableFontFace?: boolean;
  fontExtraProperties?: boolean;
  useSystemFonts?: boolean;
  verbosity?: number;
  /** The pdf.js worker to read the document in (PdfJsLike.worker, opaque to core like the sink). */
  worker?: never;
  /**
   * Where pdf.js installs fonts (PdfJsLike.fontSink). pdf.js types it as a DOM document, which
   * core cannot name; a sink is the small part of one that pdf.js touches.
   */
  ownerDocument?: never;
}

/** The part of pdfjs-dist this parser uses (structural, so both builds fit). */
export interface PdfJsLike {
  getDocument(params: PdfLoadParams): { promise: Promise<PdfDocumentLike>; destroy(): Promise<void> };
  /** Operator codes; with them, hidden text (invisible, white, tiny) is found and set apart. */
  OPS?: PdfOps;
  /** pdfjs' annotation modes; DISABLE keeps annotation appearances out of operator lists. */
  AnnotationMode?: { DISABLE: number };
  /**
   * Where pdf.js installs each document's fonts (its `ownerDocument` option), given by the
   * environment: an object that takes the fonts and keeps nothing. The parser never draws, but a
   * font pdf.js cannot install makes it compile every glyph's outline into canvas paths and send
   * each across (12–18 % of the parse time of the dev set). Without a sink fonts are not installed and
   * the outlines are compiled, as they are when installing a font fails.
   */
  fontSink?: object;
  /**
   * The pdf.js worker every document is read in, given by the environment (see pdf-port.ts:
   * `inThreadPdfWorker`). Without one pdf.js sets up its own in-thread worker for each document.
   */
  worker?: object;
  /** pdf.js's Unicode normalisation of text items (ligatures and other compatibility characters). */
  normalizeUnicode?: (text: string) => string;
}

export interface PdfParseOptions {
  /**
   * Read font names to detect bold text (costs one extra content pass on the first page that
   * uses each font). Default true.
   */
  detectBold?: boolean;
  /** Pages read at most (Settings; default DEFAULT_MAX_PDF_PAGES); the rest are skipped with a warning. */
  maxPages?: number;
}

const MIN_TEXT_CHARS = 20;
/** Lines in the top/bottom share of a page are header/footer candidates. */
const MARGIN_BAND = 0.1;
/** Points a running header may move between pages (different page sizes, rounding). */
const RUNNING_HEADER_DRIFT = 12;
const BOLD_FONT = /bold|black|heavy|semibold|demibold|extrabold|ultrabold/i;

const PAGE_NUMBER = /^(?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?$|^[-–]\s*\d{1,3}\s*[-–]$/i;
const URL_IN_TEXT =
  /\b(?:https?:\/\/|www\.)[^\s<>()"']+|\bmailto:[^\s<>()"']+|\b(?:linkedin\.com\/in|github\.com)\/[^\s<>()"',;|]+/gi;
const ALLOWED_LINK = /^(?:https?:|mailto:|tel:)/i;
/** An email address: the contact block, where profile links sit behind icons. */
const CONTACT_BLOCK = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.\p{L}/u;
/** Words that usually stand for a link whose address is not printed (see readPage). */
const LINK_LABEL =
  /\b(?:linked\s?in|github|gitlab|bitbucket|stack\s?overflow|portfolio|website|web\s?site|homepage|home\s?page|blog|twitter|mastodon|behance|dribbble|medium|kaggle|orcid|scholar|researchgate|profile|link|links|url|site|web|contact|demo|repo|repository)\b/i;

interface PageLines {
  page: number;
  height: number;
  lines: LayoutLine[];
  /** Lines drawn so that a reader cannot see them (never scored). */
  hidden: string[];
}

/** pdfjs error names that mean "needs a password" or "not a readable PDF". */
function toParseError(error: unknown): ParseError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new ParseError(
      'encrypted-pdf',
      'This PDF is password-protected, so it cannot be read. Open it, save a copy without the password ' +
        '(for example Print → Save as PDF), and add that copy.',
      { cause: error },
    );
  }
  return new ParseError(
    'corrupt-file',
    'This PDF is damaged and cannot be read. Open it and save or print it to a new PDF, then add it again.',
    { cause: error },
  );
}

function multiply(m: number[], n: number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [p = 1, q = 0, r = 0, s = 1, t = 0, u = 0] = n;
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f];
}

/** A loaded font's matrix (glyph space → text space), when pdfjs has published the font. */
function fontMatrixOf(page: PdfPageLike, fontName: string): readonly number[] | undefined {
  if (!fontName || !page.commonObjs.has(fontName)) return undefined;
  const font = page.commonObjs.get(fontName) as { fontMatrix?: unknown } | null;
  const matrix = font?.fontMatrix;
  return Array.isArray(matrix) && matrix.length >= 4 && matrix.every((value) => typeof value === 'number')
    ? matrix
    : undefined;
}

/** What the text item builder needs of a loaded font. */
function fontInfoOf(page: PdfPageLike, fontName: string): FontInfo | undefined {
  if (!fontName || !page.commonObjs.has(fontName)) return undefined;
  const font = page.commonObjs.get(fontName) as {
    name?: unknown;
    vertical?: unknown;
    isType3Font?: unknown;
  } | null;
  if (!font) return undefined;
  return {
    matrix: fontMatrixOf(page, fontName),
    name: typeof font.name === 'string' ? font.name : undefined,
    vertical: font.vertical === true,
    type3: font.isType3Font === true,
  };
}

/** pdfjs keeps the PostScript name (e.g. "ABCDEF+Roboto-Bold") on the loaded font object. */
function fontNameOf(page: PdfPageLike, fontName: string): string | undefined {
  if (!page.commonObjs.has(fontName)) return undefined;
  const font = page.commonObjs.get(fontName) as { name?: unknown; bold?: unknown } | null;
  if (!font) return undefined;
  if (font.bold === true) return 'Bold';
  return typeof font.name === 'string' ? font.name : undefined;
}

async function boldFontsOf(
  page: PdfPageLike,
  fontNames: Set<string>,
  cache: Map<string, boolean>,
): Promise<void> {
  const unknown = [...fontNames].filter((name) => !cache.has(name));
  if (unknown.length === 0) return;
  if (unknown.some((name) => !page.commonObjs.has(name))) {
    // Fonts reach the document-wide store only through an operator list; text content alone
    // does not publish them. Usually this runs once (page 1): later pages share the fonts.
    await page.getOperatorList();
  }
  for (const name of unknown) cache.set(name, BOLD_FONT.test(fontNameOf(page, name) ?? ''));
}

/** Hidden text items → their text joined per baseline (one line each, in drawing order). */
function hiddenLinesOf(items: readonly { str: string; transform: number[] }[]): string[] {
  const byBaseline = new Map<number, string[]>();
  for (const item of items) {
    const baseline = Math.round(item.transform[5] ?? 0);
    byBaseline.set(baseline, [...(byBaseline.get(baseline) ?? []), item.str.trim()]);
  }
  return [...byBaseline.values()].map((parts) => parts.join(' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Pages read by default: resumes are 1–3 pages, job posts a few more. */
export const DEFAULT_MAX_PDF_PAGES = 50;
/**
 * Coordinates beyond this are clamped. PDF readers are only required to handle numbers up to
 * ±32767 (PDF 1.7, Annex C) and pages up to 14,400 units wide; a crafted 1e18-wide page must not
 * turn layout arithmetic into an endless loop.
 */
export const PDF_COORDINATE_LIMIT = 32_767;
/** The largest page PDF allows (200 inches); a bigger one is read with clamped coordinates and a warning. */
export const PDF_MAX_PAGE_UNITS = 14_400;

function clampCoordinate(value: number): number {
  if (!Number.isFinite(value)) return value > 0 ? PDF_COORDINATE_LIMIT : -PDF_COORDINATE_LIMIT;
  return Math.max(-PDF_COORDINATE_LIMIT, Math.min(PDF_COORDINATE_LIMIT, value));
}

/**
 * A page's link annotations. Listing only those flagged for printing is cheap; the display
 * listing also makes pdf.js read the whole page's text again (to find the text each link
 * covers), which costs as much as the text itself. Most writers flag links for printing (browsers'
 * Save as PDF, Word); LaTeX's hyperref and LinkedIn's export do not, so a page whose print
 * listing has no link asks for the display one. A page that mixes flagged and unflagged links
 * (none seen so far) keeps only the flagged ones.
 */
async function linkAnnotationsOf(page: PdfPageLike): Promise<PdfAnnotationLike[]> {
  const isLink = (annotation: PdfAnnotationLike) => annotation.subtype === 'Link';
  const printable = (await page.getAnnotations({ intent: 'print' })).filter(isLink);
  if (printable.length > 0) return printable;
  return (await page.getAnnotations()).filter(isLink);
}

async function readPage(
  page: PdfPageLike,
  pageNumber: number,
  boldCache: Map<string, boolean> | undefined,
  pdfjs: Pick<PdfJsLike, 'OPS' | 'AnnotationMode' | 'normalizeUnicode'>,
): Promise<{ lines: PageLines; links: string[] }> {
  const ops = pdfjs.OPS;
  const viewport = page.getViewport({ scale: 1 });
  // Annotations are drawn over the page, so their appearance streams cannot hide page text.
  const annotationMode = pdfjs.AnnotationMode?.DISABLE;
  const operatorList = ops
    ? ((await page.getOperatorList(annotationMode === undefined ? undefined : { annotationMode })) as
        OperatorListLike | undefined)
    : undefined;
  // The text items are built from the operator list in the same walk that judges every glyph's
  // visibility (one read of the page instead of two); text the builder does not cover, or a
  // pdf.js without operator codes, is read through pdf.js's text content.
  const builder =
    ops && operatorList
      ? new TextItemBuilder(
          page.view ?? [-Infinity, -Infinity, Infinity, Infinity],
          (name) => fontInfoOf(page, name),
          pdfjs.normalizeUnicode,
        )
      : undefined;
  const glyphs =
    ops && operatorList
      ? glyphVisibility(operatorList, ops, (name) => fontMatrixOf(page, name), builder)
      : undefined;
  builder?.flush();
  const content = builder && !builder.unsupported ? { items: builder.items } : await page.getTextContent();
  // Links matter for the URLs behind icons and words such as "LinkedIn" or "Portfolio" (a URL
  // written out is read from the text): the first page, a page with a contact block (an email
  // address) and any page showing such a word are asked for them.
  const pageText = content.items.map((item) => item.str ?? '').join(' ');
  const annotations =
    pageNumber === 1 || LINK_LABEL.test(pageText) || CONTACT_BLOCK.test(pageText)
      ? await linkAnnotationsOf(page).catch(() => [])
      : [];
  const drawn = content.items.filter(
    (item): item is PdfTextItemLike & { str: string; transform: number[]; width: number; fontName: string } =>
      typeof item.str === 'string' && item.str.trim() !== '' && Array.isArray(item.transform),
  );
  // Every item is split into what a reader sees and what they cannot (invisible, blending with
  // what is behind it, dot-sized, clipped or off the page); only the visible part is laid out.
  const split = ops ? splitItems(drawn, glyphs, viewport) : [];
  const items = drawn.flatMap((item, index) => {
    const part = split[index];
    if (!part || part.visible === item.str) return [item];
    return part.visible ? [{ ...item, str: part.visible }] : [];
  });
  const hiddenItemsOnPage = drawn.flatMap((item, index) => {
    const hidden = split[index]?.hidden;
    return hidden ? [{ str: hidden, transform: item.transform }] : [];
  });
  if (boldCache && items.length > 0) {
    await boldFontsOf(page, new Set(items.map((item) => item.fontName)), boldCache);
  }
  const fragments: TextFragment[] = [];
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = multiply(viewport.transform, item.transform);
    // Rotated text (b, c non-zero) is rare in resumes; its x/y still sort sensibly.
    const fontSize = Math.hypot(c, d) || Math.hypot(a, b);
    const horizontalScale = Math.hypot(item.transform[0] ?? 1, item.transform[1] ?? 0) || 1;
    const x = clampCoordinate(e);
    fragments.push({
      text: item.str,
      x,
      baseline: clampCoordinate(f),
      width: Math.max(0, clampCoordinate(x + (item.width * Math.hypot(a, b)) / horizontalScale) - x),
      fontSize: Math.min(fontSize, PDF_COORDINATE_LIMIT),
      bold: boldCache?.get(item.fontName) ?? false,
    });
  }
  const links = annotations
    .map((annotation) => (annotation.url ?? annotation.unsafeUrl ?? '').trim())
    .filter((url) => ALLOWED_LINK.test(url));
  page.cleanup?.();
  return {
    lines: {
      page: pageNumber,
      height: clampCoordinate(viewport.height),
      lines: layoutPage(fragments),
      hidden: hiddenLinesOf(hiddenItemsOnPage),
    },
    links,
  };
}

/** A year (19xx, 20xx) in a line: a date, which a page number's digits never are. */
const YEAR_IN_TEXT = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

/**
 * The key running headers are compared by: digits ignored ("Page 2 of 3" repeats "Page 1 of 3"),
 * except in a line holding a year, which must repeat as written. Two roles' date lines set at the
 * same height at the foot of two pages ("Jan 2009 – Dec 2012", "Jan 2001 – Dec 2004") are no
 * running footer.
 */
function normaliseRepeated(text: string): string {
  const lower = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return YEAR_IN_TEXT.test(lower) ? lower : lower.replace(/\d+/g, '#');
}

/**
 * Running headers/footers: the same text (digits ignored) in the top or bottom band of two or
 * more pages, set in the same size at about the same height (a running header does not move),
 * plus bare page numbers. A first-page top copy set larger than the body text is kept: that is
 * the person's name, repeated as a running header on later pages. A line that merely starts
 * page 2 with the same words as a line of page 1 (a job title equal to the headline) stays.
 */
function removeHeadersAndFooters(pages: PageLines[], bodySize: number): number {
  const inTop = (line: LayoutLine, page: PageLines): boolean => line.baseline <= page.height * MARGIN_BAND;
  const inBottom = (line: LayoutLine, page: PageLines): boolean =>
    line.baseline >= page.height * (1 - MARGIN_BAND);
  const occurrences = new Map<string, { page: number; baseline: number; fontSize: number }[]>();
  if (pages.length >= 2) {
    for (const page of pages) {
      for (const line of page.lines) {
        if (!inTop(line, page) && !inBottom(line, page)) continue;
        const key = normaliseRepeated(line.text);
        const seen = occurrences.get(key) ?? [];
        seen.push({ page: page.page, baseline: line.baseline, fontSize: line.fontSize });
        occurrences.set(key, seen);
      }
    }
  }
  // The name is the largest text at the top of page 1; a headline under it (a job title) is not.
  const firstPage = pages.find((page) => page.page === 1);
  const nameSize = Math.max(
    0,
    ...(firstPage?.lines.filter((line) => inTop(line, firstPage)).map((line) => line.fontSize) ?? []),
  );
  const repeatedOn = (line: LayoutLine, page: PageLines): boolean => {
    const seen = occurrences.get(normaliseRepeated(line.text)) ?? [];
    // The name on page 1 (larger than the body) repeated small on later pages is a running header.
    const nameOnFirstPage = seen.some(
      (other) =>
        other.page === 1 &&
        other.baseline <= page.height * MARGIN_BAND &&
        other.fontSize > bodySize * 1.1 &&
        other.fontSize >= nameSize - 0.5,
    );
    if (nameOnFirstPage && page.page > 1) return true;
    return seen.some(
      (other) =>
        other.page !== page.page &&
        Math.abs(other.fontSize - line.fontSize) <= 0.5 &&
        Math.abs(other.baseline - line.baseline) <= RUNNING_HEADER_DRIFT,
    );
  };
  let removed = 0;
  for (const page of pages) {
    page.lines = page.lines.filter((line) => {
      const top = inTop(line, page);
      if (!top && !inBottom(line, page)) return true;
      const pageNumber = PAGE_NUMBER.test(line.text.trim());
      const repeated = repeatedOn(line, page);
      const keepFirst = repeated && !pageNumber && top && page.page === 1 && line.fontSize > bodySize * 1.1;
      if ((pageNumber || repeated) && !keepFirst) {
        removed++;
        return false;
      }
      return true;
    });
  }
  return removed;
}

/** The font size most characters are set in. */
function bodyFontSize(pages: PageLines[]): number {
  const totals = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      for (const [size, chars] of line.sizeChars) totals.set(size, (totals.get(size) ?? 0) + chars);
    }
  }
  let body = 0;
  let most = -1;
  for (const [size, chars] of totals) {
    if (chars > most) {
      most = chars;
      body = size;
    }
  }
  return body;
}

/** Extra space above a line (a new block) compared with lines inside a paragraph. */
const SPACED_ABOVE_EM = 1.7;

function toDrafts(pages: PageLines[], bodySize: number): LineDraft[] {
  const drafts: LineDraft[] = [];
  // Main text of every page first, then the sidebars: an entry that continues on the next page
  // stays in one piece, and sidebar blocks (Contact, Top Skills) never land inside it.
  const passes = [false, true].flatMap((sidebar) =>
    pages.map((page) => ({ page, lines: page.lines.filter((line) => (line.sidebar ?? false) === sidebar) })),
  );
  for (const { page, lines } of passes) {
    let previous: LayoutLine | undefined;
    for (const line of lines) {
      const stripped = stripBullet(normaliseGlyphs(line.text));
      const text = stripped.text.trim();
      if (text === '') continue;
      const bold = line.boldShare >= 0.6;
      const bullet = stripped.bullet;
      // The first line of a page, or of a column (the baseline jumps back up), starts a block too.
      const gapAbove = previous ? line.baseline - previous.baseline : Infinity;
      const spacedAbove = gapAbove < 0 || gapAbove >= line.fontSize * SPACED_ABOVE_EM;
      previous = line;
      drafts.push({
        text,
        page: page.page,
        x: Math.round(line.x * 10) / 10,
        y: Math.round((line.baseline - line.fontSize) * 10) / 10,
        fontSize: line.fontSize,
        bold,
        bullet,
        heading: !bullet && looksLikeHeading(text, { fontSize: line.fontSize, bodySize, bold, spacedAbove }),
      });
    }
  }
  return drafts;
}

/**
 * "devel-" / "opment of ..." → "development" / "of ...": a letter, a hyphen at the end of a
 * line, and a lower-case word starting the next line of the same page. Only the word fragment
 * moves, so every line stays where it was drawn.
 */
function joinHyphenatedBreaks(drafts: LineDraft[]): LineDraft[] {
  for (let index = 0; index + 1 < drafts.length; index++) {
    const line = drafts[index];
    const next = drafts[index + 1];
    if (!line || !next || line.page !== next.page || next.heading || next.bullet) continue;
    if (!/\p{L}-$/u.test(line.text) || /\s\p{L}{1}-$/u.test(line.text)) continue;
    const wordMatch = /^(\p{Ll}[\p{L}\p{M}'’]*)([.,;:!?)]*)\s*/u.exec(next.text);
    if (!wordMatch) continue;
    line.text = line.text.slice(0, -1) + (wordMatch[1] ?? '') + (wordMatch[2] ?? '');
    next.text = next.text.slice(wordMatch[0].length);
  }
  return drafts.filter((draft) => draft.text.trim() !== '');
}

/** "https://www.LinkedIn.com/in/x/" and "linkedin.com/in/x" are the same link. */
function linkKey(url: string): string {
  return url
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/(?<!\/)\/+$/, '');
}

/** Annotation targets first (they are exact), then URLs written in the text that add something. */
function mergeLinks(annotationLinks: string[], textLinks: string[]): string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const link of [...annotationLinks, ...textLinks]) {
    const key = linkKey(link);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(link);
  }
  return links;
}

function linksInText(drafts: LineDraft[]): string[] {
  const found: string[] = [];
  for (const draft of drafts) {
    for (const match of draft.text.match(URL_IN_TEXT) ?? [])
      found.push(match.replace(/(?<![.,;:])[.,;:]+$/, ''));
  }
  return found;
}

/** Parse a PDF. Throws ParseError: encrypted-pdf, corrupt-file or no-text-layer. */
export async function parsePdf(
  bytes: Uint8Array,
  pdfjs: PdfJsLike,
  options: PdfParseOptions = {},
): Promise<ParsedDocument> {
  // pdfjs may transfer the buffer to its worker, detaching it; the caller still stores the bytes.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    // Font name, weight and matrix are in pdf.js' base font data; the extra properties (cMaps,
    // widths, encodings) were copied out of its worker for every font and never read.
    fontExtraProperties: false,
    useSystemFonts: false,
    verbosity: 0,
    ...(pdfjs.fontSink ? { disableFontFace: false, ownerDocument: pdfjs.fontSink as never } : {}),
    ...(pdfjs.worker ? { worker: pdfjs.worker as never } : {}),
  });
  let pdf: PdfDocumentLike;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw toParseError(error);
  }
  try {
    if (pdf.numPages === 0) throw toParseError(new Error('The PDF has no pages.'));
    const boldCache = options.detectBold === false ? undefined : new Map<string, boolean>();
    const pages: PageLines[] = [];
    const annotationLinks: string[] = [];
    const maxPages = Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PDF_PAGES));
    const readPages = Math.min(pdf.numPages, maxPages);
    let oversizePages = 0;
    for (let pageNumber = 1; pageNumber <= readPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const size = page.getViewport({ scale: 1 });
      if (!(size.width <= PDF_MAX_PAGE_UNITS && size.height <= PDF_MAX_PAGE_UNITS)) oversizePages++;
      const { lines, links } = await readPage(page, pageNumber, boldCache, pdfjs);
      pages.push(lines);
      annotationLinks.push(...links);
    }
    const textChars = pages.reduce(
      (sum, page) =>
        sum + page.lines.reduce((lineSum, line) => lineSum + line.text.replace(/\s/g, '').length, 0),
      0,
    );
    if (textChars < MIN_TEXT_CHARS) {
      throw new ParseError(
        'no-text-layer',
        'No text found — this looks like a scanned document (pictures of pages). OCR, reading text from ' +
          'pictures, is not supported yet, so nothing was added. Add a PDF saved from Word or Google Docs, ' +
          'or the DOCX itself.',
      );
    }
    const warnings: string[] = [];
    if (readPages < pdf.numPages) {
      warnings.push(
        `This PDF has ${pdf.numPages} pages; only the first ${readPages} were read (the page limit in Settings).`,
      );
    }
    if (oversizePages > 0) {
      warnings.push(
        `${oversizePages} page${oversizePages === 1 ? ' is' : 's are'} larger than PDF allows (over 200 inches); ` +
          'positions were clamped, so the reading order may be off. The file may be crafted.',
      );
    }
    const hiddenLines = pages.flatMap((page) => page.hidden);
    if (hiddenLines.length > 0) {
      warnings.push(
        `${hiddenLines.length} hidden line${hiddenLines.length === 1 ? '' : 's'} ignored (invisible, white on white, tiny, clipped or off-page text that a reader cannot see).`,
      );
    }
    const bodySize = bodyFontSize(pages);
    const removed = removeHeadersAndFooters(pages, bodySize);
    const notes = removed > 0 ? [headerFooterNote(removed)] : [];
    const drafts = joinHyphenatedBreaks(toDrafts(pages, bodySize));
    const links = mergeLinks(annotationLinks, linksInText(drafts));
    return buildDocument('pdf', drafts, { pages: pdf.numPages, links, warnings, notes, hiddenLines });
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw toParseError(error);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** One page of positioned text that did not come from pdf.js' text layer (OCR words). */
export interface FragmentPage {
  page: number;
  /** Page height in points. */
  height: number;
  fragments: TextFragment[];
}

/**
 * The document-wide half of parsePdf for pages whose fragments come from elsewhere (OCR): the
 * same line layout, header/footer removal, headings, bullets and hyphen joins, so extraction
 * cannot tell a scan from a text PDF.
 */
export function documentFromFragmentPages(
  fragmentPages: FragmentPage[],
  extra: { warnings?: string[] } = {},
): ParsedDocument {
  const pages: PageLines[] = fragmentPages.map((page) => ({
    page: page.page,
    height: page.height,
    lines: layoutPage(page.fragments),
    // OCR reads what is drawn on the page image, so nothing it returns is hidden.
    hidden: [],
  }));
  const warnings = [...(extra.warnings ?? [])];
  const bodySize = bodyFontSize(pages);
  const removed = removeHeadersAndFooters(pages, bodySize);
  const drafts = joinHyphenatedBreaks(toDrafts(pages, bodySize));
  return buildDocument('pdf', drafts, {
    pages: fragmentPages.length,
    links: mergeLinks([], linksInText(drafts)),
    warnings,
    notes: removed > 0 ? [headerFooterNote(removed)] : [],
  });
}
