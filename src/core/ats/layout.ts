/**
 * Layout findings from the parsed lines. The PDF parser restores reading order column by
 * column, so a column shows in the lines as a jump back up the page (the next line starts
 * higher than the one before) at another left edge. An ATS that reads straight across the page
 * interleaves those columns; the lines read after such a jump are the ones it gets wrong.
 */
import type { DocLine, ParsedDocument } from '../domain';

/** A jump back up of more than this many font sizes starts a column (not a wrapped line). */
const JUMP_FONT_SIZES = 2;
/** The column's left edge must differ from the text before it by this many points. */
const MIN_COLUMN_SHIFT = 40;

export interface ColumnLayout {
  /** Lines read after a jump back up the page: the columns an ATS would interleave. */
  lines: number[];
  /** How many column starts were seen. */
  jumps: number;
}

function fontOf(line: DocLine): number {
  return line.fontSize > 0 ? line.fontSize : 10;
}

export function detectColumns(document: ParsedDocument): ColumnLayout {
  if (document.kind !== 'pdf') return { lines: [], jumps: 0 };
  const lines = document.lines;
  const inColumn = new Set<number>();
  let jumps = 0;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    const previous = lines[index - 1]!;
    if (line.page !== previous.page || !line.text) continue;
    const jumpedUp = previous.y - line.y > JUMP_FONT_SIZES * fontOf(line);
    if (!jumpedUp || Math.abs(line.x - previous.x) < MIN_COLUMN_SHIFT) continue;
    jumps++;
    // The column runs on until the page ends or the reading order jumps again.
    for (let next = index; next < lines.length; next++) {
      const current = lines[next]!;
      if (current.page !== line.page) break;
      if (next > index) {
        const before = lines[next - 1]!;
        if (before.y - current.y > JUMP_FONT_SIZES * fontOf(current)) break;
      }
      if (current.text) inColumn.add(next);
    }
  }
  return { lines: [...inColumn].sort((a, b) => a - b), jumps };
}

/** DOCX table rows read as one line join their cells with " | " (see parse/docx-html.ts). */
export function detectTableRows(document: ParsedDocument): number[] {
  if (document.kind !== 'docx') return [];
  const rows: number[] = [];
  document.lines.forEach((line, index) => {
    if (line.text.includes(' | ')) rows.push(index);
  });
  return rows;
}
