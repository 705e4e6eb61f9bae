/**
 * Mammoth's HTML → line drafts, with a small tokenizer (core has no DOMParser). Mammoth emits a
 * narrow, well-formed subset: p, h1–h6, ul/ol/li, table/tr/td/th, strong/b, em/i, a, br, img.
 *
 * Tables: resumes built in Word often use a table just to put dates on the right of a job title,
 * so a row whose cells each hold one line becomes one line "Company | Jan 2020 – Present". Rows
 * with longer cells (a table used as a two-column page) keep each cell's lines, cell by cell,
 * so a column is read top to bottom instead of being interleaved with its neighbour.
 */
import { normaliseGlyphs, looksLikeHeading, stripBullet } from './line-rules';
import type { LineDraft } from './text';

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const ALLOWED_LINK = /^(?:https?:|mailto:|tel:)/i;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const CELL_SEPARATOR = ' | ';

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (entity, body: string) => {
    if (!body.startsWith('#')) return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const codePoint =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

interface OpenLine {
  text: string;
  boldChars: number;
  totalChars: number;
  heading: boolean;
  bullet: boolean;
}

interface TableRow {
  cells: LineDraft[][];
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'pre']);

class LineCollector {
  /** Where finished lines go: the document, or the table cell being read. */
  private readonly sinks: LineDraft[][] = [[]];
  private readonly rows: TableRow[] = [];
  private line: OpenLine | undefined;
  private boldDepth = 0;
  readonly links: string[] = [];

  get lines(): LineDraft[] {
    return this.sinks[0] ?? [];
  }

  startLine(heading: boolean, bullet: boolean): void {
    // <li><p>text</p></li>: the paragraph inherits the list item's bullet.
    const pending = this.line;
    const inherit = pending !== undefined && pending.text.trim() === '';
    this.endLine();
    this.line = {
      text: '',
      boldChars: 0,
      totalChars: 0,
      heading: heading || (inherit && pending.heading),
      bullet: bullet || (inherit && pending.bullet),
    };
  }

  endLine(): void {
    const line = this.line;
    this.line = undefined;
    if (!line) return;
    const stripped = stripBullet(normaliseGlyphs(line.text).replace(/\s+/g, ' ').trim());
    const text = stripped.text.trim();
    if (text === '') return;
    const bold = line.totalChars > 0 && line.boldChars / line.totalChars >= 0.6;
    const bullet = line.bullet || stripped.bullet;
    const heading =
      !bullet && looksLikeHeading(text, { fontSize: 0, bodySize: 0, bold, explicit: line.heading });
    this.sinks[this.sinks.length - 1]?.push({ text, bold, heading, bullet });
  }

  addText(raw: string): void {
    const text = decodeEntities(raw);
    // Text outside any block (rare in mammoth output) still becomes a line.
    this.line ??= { text: '', boldChars: 0, totalChars: 0, heading: false, bullet: false };
    this.line.text += text;
    const chars = text.replace(/\s/g, '').length;
    this.line.totalChars += chars;
    if (this.boldDepth > 0) this.line.boldChars += chars;
  }

  lineBreak(): void {
    const current = this.line;
    if (!current) return;
    // A <br> continues the same paragraph on a new line: same heading state, no new bullet.
    this.startLine(current.heading, false);
  }

  setBold(delta: number): void {
    this.boldDepth = Math.max(0, this.boldDepth + delta);
  }

  startRow(): void {
    this.endLine();
    this.rows.push({ cells: [] });
  }

  startCell(): void {
    this.endLine();
    this.sinks.push([]);
  }

  endCell(): void {
    this.endLine();
    if (this.sinks.length <= 1) return;
    const cell = this.sinks.pop() ?? [];
    this.rows[this.rows.length - 1]?.cells.push(cell);
  }

  endRow(): void {
    this.endLine();
    const row = this.rows.pop();
    if (!row) return;
    const sink = this.sinks[this.sinks.length - 1];
    if (!sink) return;
    const filled = row.cells.filter((cell) => cell.length > 0);
    const oneLineCells = filled.every((cell) => cell.length === 1 && !cell[0]?.bullet);
    if (filled.length > 1 && oneLineCells) {
      const cells = filled.map((cell) => cell[0]).filter((line): line is LineDraft => line !== undefined);
      sink.push({
        text: cells.map((line) => line.text).join(CELL_SEPARATOR),
        bold: cells.every((line) => line.bold),
        heading: false,
        bullet: false,
      });
    } else {
      for (const cell of filled) sink.push(...cell);
    }
  }

  addLink(attributes: string): void {
    const match = HREF.exec(attributes);
    const href = decodeEntities(match?.[1] ?? match?.[2] ?? '').trim();
    if (ALLOWED_LINK.test(href)) this.links.push(href);
  }
}

/** Convert mammoth's HTML into line drafts and the hyperlink targets it contains. */
export function htmlToDrafts(html: string): { drafts: LineDraft[]; links: string[] } {
  const collector = new LineCollector();
  for (const token of html.matchAll(TOKEN)) {
    const [, closing, rawTag, attributes = '', text] = token;
    if (text !== undefined) {
      collector.addText(text);
      continue;
    }
    if (rawTag === undefined) continue; // a comment
    const tag = rawTag.toLowerCase();
    const isClosing = closing === '/';
    if (tag === 'strong' || tag === 'b') collector.setBold(isClosing ? -1 : 1);
    else if (tag === 'br') collector.lineBreak();
    else if (tag === 'a' && !isClosing) collector.addLink(attributes);
    else if (tag === 'tr') {
      if (isClosing) collector.endRow();
      else collector.startRow();
    } else if (tag === 'td' || tag === 'th') {
      if (isClosing) collector.endCell();
      else collector.startCell();
    } else if (tag === 'ul' || tag === 'ol' || tag === 'table') collector.endLine();
    else if (BLOCK_TAGS.has(tag)) {
      if (isClosing) collector.endLine();
      else collector.startLine(/^h[1-6]$/.test(tag), tag === 'li');
    }
  }
  collector.endLine();
  return { drafts: collector.lines, links: [...new Set(collector.links)] };
}
