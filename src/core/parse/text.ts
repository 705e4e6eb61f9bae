/**
 * Plain text, Markdown and pasted text → ParsedDocument. Also the shared builder that turns a
 * list of line drafts into a ParsedDocument with correct offsets (used by every format).
 */
import type { DocLine, ParsedDocument, SourceKind } from '../domain';
import { rejoinBrokenWords, removeIconGlyphs, removeMarkupTags } from './line-rules';

export interface LineDraft {
  text: string;
  page?: number;
  x?: number;
  y?: number;
  fontSize?: number;
  bold?: boolean;
  heading?: boolean;
  bullet?: boolean;
}

const BULLET_PREFIX = /^\s*(?:[•●○◦▪▫■□►▸‣⁃∙·*–—-]|\d{1,2}[.)])\s+/u;

/**
 * Longest line handed to extraction. Real resume and job lines are far shorter; a longer one is
 * split at a space (or hard, if it has none) so no pattern ever sees an unbounded line.
 */
export const MAX_LINE_CHARS = 2000;

/** Splits over-long drafts into pieces of at most MAX_LINE_CHARS; returns how many were split. */
function capLineLength(drafts: LineDraft[]): { drafts: LineDraft[]; split: number } {
  if (drafts.every((draft) => draft.text.length <= MAX_LINE_CHARS)) return { drafts, split: 0 };
  const capped: LineDraft[] = [];
  let split = 0;
  for (const draft of drafts) {
    if (draft.text.length <= MAX_LINE_CHARS) {
      capped.push(draft);
      continue;
    }
    split++;
    let rest = draft.text;
    while (rest.length > MAX_LINE_CHARS) {
      const space = rest.lastIndexOf(' ', MAX_LINE_CHARS);
      const cut = space > MAX_LINE_CHARS / 2 ? space : MAX_LINE_CHARS;
      capped.push({ ...draft, text: rest.slice(0, cut) });
      rest = rest.slice(cut);
    }
    capped.push({ ...draft, text: rest });
  }
  return { drafts: capped, split };
}

/** Join drafts into one text with offsets. Empty lines are kept as paragraph breaks ('' lines). */
export function buildDocument(
  kind: SourceKind,
  rawDrafts: LineDraft[],
  extra: {
    pages?: number;
    links?: string[];
    warnings?: string[];
    notes?: string[];
    hiddenLines?: string[];
  } = {},
): ParsedDocument {
  const { drafts, split } = capLineLength(rawDrafts);
  const warnings = [...(extra.warnings ?? [])];
  if (split > 0) {
    warnings.push(
      `${split} very long line${split === 1 ? ' was' : 's were'} (over ${MAX_LINE_CHARS} characters) split before reading.`,
    );
  }
  const lines: DocLine[] = [];
  const parts: string[] = [];
  let offset = 0;
  drafts.forEach((draft, index) => {
    const text = rejoinBrokenWords(removeIconGlyphs(removeMarkupTags(draft.text)))
      .replace(/\s+/g, ' ')
      .trim();
    if (index > 0) offset += 1; // the '\n' separator
    const line: DocLine = {
      text,
      start: offset,
      end: offset + text.length,
      page: draft.page ?? 1,
      x: draft.x ?? 0,
      y: draft.y ?? index,
      fontSize: draft.fontSize ?? 0,
      bold: draft.bold ?? false,
      heading: draft.heading ?? false,
      bullet: draft.bullet ?? false,
    };
    lines.push(line);
    parts.push(text);
    offset += text.length;
  });
  return {
    kind,
    text: parts.join('\n'),
    lines,
    pages: extra.pages ?? 1,
    links: extra.links ?? [],
    warnings,
    ...(extra.notes && extra.notes.length > 0 ? { notes: extra.notes } : {}),
    ...(extra.hiddenLines && extra.hiddenLines.length > 0 ? { hiddenLines: extra.hiddenLines } : {}),
  };
}

/** "## Title ##" → "Title": the marker is matched here, the closing hashes trimmed in code (linear). */
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s/;

function headingText(line: string, marker: string): string {
  const rest = line.slice(marker.length).trim();
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  return rest.slice(0, end).trim();
}
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>()"']+|\bmailto:[^\s<>()"']+/gi;

/** Plain text or Markdown → ParsedDocument. Markdown headings and list markers become flags. */
export function parseText(
  raw: string,
  kind: Extract<SourceKind, 'txt' | 'md' | 'paste'> = 'txt',
): ParsedDocument {
  const normalised = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ');
  const drafts: LineDraft[] = [];
  for (const rawLine of normalised.split('\n')) {
    let text = rawLine;
    let heading = false;
    let bold = false;
    const markdownHeading = kind !== 'txt' ? MARKDOWN_HEADING.exec(text) : null;
    if (markdownHeading) {
      text = headingText(text, markdownHeading[0]);
      heading = true;
    }
    const bullet = BULLET_PREFIX.test(text);
    if (bullet) text = text.replace(BULLET_PREFIX, '');
    if (kind !== 'txt') {
      const strong = /^\*\*(.+)\*\*$/.exec(text.trim());
      if (strong) {
        text = strong[1] ?? text;
        bold = true;
      }
      text = text.replace(/\[([^[\]]+)\]\(([^()]+)\)/g, '$1 ($2)');
    }
    drafts.push({ text, heading, bold, bullet });
  }
  while (drafts.length > 0 && drafts[drafts.length - 1]?.text.trim() === '') drafts.pop();
  while (drafts.length > 0 && drafts[0]?.text.trim() === '') drafts.shift();
  const links = [...new Set(normalised.match(URL_IN_TEXT) ?? [])];
  return buildDocument(kind, drafts, { links });
}
