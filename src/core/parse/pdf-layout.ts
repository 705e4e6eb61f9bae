/**
 * Pure geometry for PDF text: positioned fragments of one page → visual lines in reading order.
 * Knows nothing about pdfjs (pdf.ts adapts pdfjs items into fragments), so the column and line
 * rules can be reasoned about and tested on their own.
 *
 * Coordinates are PDF points with y growing downwards from the top of the page.
 */

/** One positioned piece of text as drawn on the page. */
export interface TextFragment {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline, from the top of the page. */
  baseline: number;
  width: number;
  fontSize: number;
  bold: boolean;
}

/** One visual line, before document-wide rules (headings, bullets, headers) are applied. */
export interface LayoutLine {
  text: string;
  x: number;
  right: number;
  baseline: number;
  fontSize: number;
  /** Share of the line's characters drawn in a bold font (0..1). */
  boldShare: number;
  /** Characters per font size, to find the body size of the whole document. */
  sizeChars: Map<number, number>;
  /**
   * In a narrow side column beside the main one (Contact, Top Skills, Languages): the document
   * reads these after the main text of every page, so a sidebar never interrupts an entry that
   * continues on the next page.
   */
  sidebar?: boolean;
}

/** Fragments on one baseline closer than this many font sizes belong to the same run of text. */
const RUN_GAP_EM = 1.0;
/** A gap wider than this many font sizes between fragments on one line becomes a space. */
const SPACE_GAP_EM = 0.15;
/** Fragments overlapping by more than this many font sizes were placed separately. */
const OVERLAP_EM = 0.5;
/** Half-width of the empty band a column gutter needs, in points. */
const GUTTER_HALF_WIDTH = 3;
/** Two baselines closer than this (points) are "the same row" when testing column alignment. */
const ALIGNED_BASELINE = 1.0;
/** A column needs at least this many lines on each side to count as a column. */
const MIN_COLUMN_LINES = 3;
/**
 * Tables, right-aligned dates and moderncv-style date gutters put text on both sides of a gap
 * on the *same* baselines; real columns flow independently. Above this share of aligned lines
 * (of the shorter side) the band is read row by row.
 */
const MAX_ALIGNED_SHARE = 0.5;
/** Partly aligned sides still count as columns when both are flowing text (see isColumnBand). */
const MAX_ALIGNED_SHARE_FLOWING = 0.85;
const MIN_FLOWING_LINES = 6;
const MIN_DENSE_SHARE = 0.6;
/** Consecutive lines closer than this many font sizes are one flowing block of text. */
const DENSE_LINE_SPACING_EM = 1.8;
/** Lines further apart than this many font sizes are separate cells, not a flowing column. */
const SPARSE_LINE_SPACING_EM = 2.6;
/** A side narrower than this share of the other is a sidebar, read after the main column. */
const SIDEBAR_WIDTH_RATIO = 0.7;
/**
 * ...but only when the band is at least this share of the page's text height: a sidebar runs
 * down the page, where a skills grid or a table a few rows tall is local and is read in place.
 */
const SIDEBAR_MIN_HEIGHT_SHARE = 0.5;
/** A blank strip across a local band at least this many font sizes tall separates its parts. */
const BAND_GAP_EM = 2.2;

interface Run {
  fragments: TextFragment[];
  left: number;
  right: number;
  baseline: number;
  fontSize: number;
}

function rowTolerance(fontSize: number): number {
  return Math.max(1.5, fontSize * 0.4);
}

/** Sort by baseline, then group fragments whose baselines are within tolerance into rows. */
function groupRows<T extends { baseline: number; fontSize: number }>(items: T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline);
  const rows: T[][] = [];
  let current: T[] = [];
  let anchor = 0;
  let anchorSize = 0;
  for (const item of sorted) {
    const tolerance = rowTolerance(Math.min(anchorSize || item.fontSize, item.fontSize));
    if (current.length > 0 && item.baseline - anchor <= tolerance) {
      current.push(item);
      continue;
    }
    if (current.length > 0) rows.push(current);
    current = [item];
    anchor = item.baseline;
    anchorSize = item.fontSize;
  }
  if (current.length > 0) rows.push(current);
  return rows;
}

function toRun(fragments: TextFragment[]): Run {
  const first = fragments[0];
  let left = Infinity;
  let right = -Infinity;
  let fontSize = 0;
  for (const fragment of fragments) {
    left = Math.min(left, fragment.x);
    right = Math.max(right, fragment.x + fragment.width);
    fontSize = Math.max(fontSize, fragment.fontSize);
  }
  return { fragments, left, right, baseline: first?.baseline ?? 0, fontSize };
}

/** Split each row into runs at gaps wider than RUN_GAP_EM (tab stops, gutters, right-aligned dates). */
function buildRuns(fragments: TextFragment[]): Run[] {
  const runs: Run[] = [];
  for (const row of groupRows(fragments)) {
    row.sort((a, b) => a.x - b.x);
    let current: TextFragment[] = [];
    let currentRight = -Infinity;
    for (const fragment of row) {
      const gap = fragment.x - currentRight;
      if (current.length > 0 && gap > RUN_GAP_EM * fragment.fontSize) {
        runs.push(toRun(current));
        current = [];
      }
      current.push(fragment);
      currentRight = Math.max(currentRight, fragment.x + fragment.width);
    }
    if (current.length > 0) runs.push(toRun(current));
  }
  return runs;
}

/** Join the fragments of one row into a line, left to right, with spaces where there are gaps. */
function joinRow(fragments: TextFragment[]): LayoutLine {
  const sorted = [...fragments].sort((a, b) => a.x - b.x);
  let text = '';
  let previousRight = -Infinity;
  let boldChars = 0;
  let totalChars = 0;
  let left = Infinity;
  let right = -Infinity;
  let baseline = 0;
  let dominantSize = 0;
  const sizeChars = new Map<number, number>();
  for (const fragment of sorted) {
    const gap = fragment.x - previousRight;
    // A large overlap means two separately placed pieces of text (a date drawn over a title),
    // not kerning; they are separate words too.
    const apart = gap > SPACE_GAP_EM * fragment.fontSize || gap < -OVERLAP_EM * fragment.fontSize;
    const needsSpace = text.length > 0 && apart && !/\s$/.test(text) && !/^\s/.test(fragment.text);
    text += (needsSpace ? ' ' : '') + fragment.text;
    previousRight = Math.max(previousRight, fragment.x + fragment.width);
    const chars = fragment.text.replace(/\s/g, '').length;
    totalChars += chars;
    if (fragment.bold) boldChars += chars;
    const size = Math.round(fragment.fontSize * 10) / 10;
    const sizeTotal = (sizeChars.get(size) ?? 0) + chars;
    sizeChars.set(size, sizeTotal);
    if (sizeTotal > (sizeChars.get(dominantSize) ?? 0) || dominantSize === 0) {
      dominantSize = size;
      baseline = fragment.baseline;
    }
    left = Math.min(left, fragment.x);
    right = Math.max(right, fragment.x + fragment.width);
  }
  return {
    text,
    x: left,
    right,
    baseline,
    fontSize: dominantSize,
    boldShare: totalChars > 0 ? boldChars / totalChars : 0,
    sizeChars,
  };
}

/** Runs per left edge (rounded to 2 pt), to tell the main text edge from a gutter. */
function leftEdgeCounts(runs: Run[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const run of runs) {
    const edge = Math.round(run.left / 2) * 2;
    counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  return counts;
}

/** Runs needed at the main left edge before a label left of it can be told apart. */
const MIN_MAIN_EDGE_RUNS = 4;

/**
 * A label set in a left gutter ("Work", "Education" beside the first entry, as some themes
 * place section titles) is its own line, read before the text it sits beside. The text beside
 * it starts at the edge most runs start at, and few runs start where the label does. Only words:
 * a date gutter (moderncv) stays on the row it dates.
 */
function gutterLabel(row: Run[], edges: Map<number, number>): Run | undefined {
  if (row.length < 2) return undefined;
  const sorted = [...row].sort((a, b) => a.left - b.left);
  const [first, second] = sorted;
  if (!first || !second || first.right >= second.left) return undefined;
  const mainRuns = edges.get(Math.round(second.left / 2) * 2) ?? 0;
  const labelRuns = edges.get(Math.round(first.left / 2) * 2) ?? 0;
  if (mainRuns < MIN_MAIN_EDGE_RUNS || labelRuns * 3 > mainRuns) return undefined;
  const text = first.fragments.map((fragment) => fragment.text).join(' ');
  if (/\d/.test(text) || !/\p{L}/u.test(text) || text.trim().split(/\s+/).length > 4) return undefined;
  return first;
}

function linesRowByRow(runs: Run[]): LayoutLine[] {
  const edges = leftEdgeCounts(runs);
  const lines: LayoutLine[] = [];
  for (const row of groupRows(runs)) {
    const label = gutterLabel(row, edges);
    if (label) {
      lines.push(joinRow(label.fragments));
      lines.push(joinRow(row.filter((run) => run !== label).flatMap((run) => run.fragments)));
    } else {
      lines.push(joinRow(row.flatMap((run) => run.fragments)));
    }
  }
  return lines;
}

/** Distinct baselines (rows) among runs, for counting lines on one side of a gutter. */
function distinctBaselines(runs: Run[]): number[] {
  const baselines = runs.map((run) => run.baseline);
  // The sides of a band are collected in baseline order; anything else is sorted first.
  if (baselines.some((baseline, index) => index > 0 && baseline < baselines[index - 1]!))
    baselines.sort((a, b) => a - b);
  const distinct: number[] = [];
  for (const baseline of baselines) {
    const last = distinct[distinct.length - 1];
    if (last === undefined || baseline - last > rowTolerance(4)) distinct.push(baseline);
  }
  return distinct;
}

interface Band {
  /** Runs that cross the gutter (full-width rows), read row by row before the band's columns. */
  runs: Run[];
  columns?: { first: Run[]; second: Run[]; secondIsSidebar: boolean };
}

/** Share of a side's consecutive lines closer than `spacingEm` font sizes (flowing text). */
function denseShare(runs: Run[], baselines: number[], spacingEm = DENSE_LINE_SPACING_EM): number {
  const sizes = runs.map((run) => run.fontSize).sort((a, b) => a - b);
  const typicalSize = sizes[Math.floor(sizes.length / 2)] ?? 10;
  let dense = 0;
  for (let index = 1; index < baselines.length; index++) {
    if ((baselines[index] ?? 0) - (baselines[index - 1] ?? 0) <= typicalSize * spacingEm) dense++;
  }
  return baselines.length > 1 ? dense / (baselines.length - 1) : 0;
}

/**
 * Does this band look like two independent columns split at the gutter? Columns flow on their
 * own baselines; a label/value table, a date gutter (moderncv) or right-aligned dates share
 * baselines with the text beside them. Columns set in the same type can share baselines too,
 * so a partly aligned band still counts as columns when both sides are flowing text; a date
 * gutter is sparse (one date per entry).
 */
function isColumnBand(left: Run[], right: Run[]): boolean {
  const leftLines = distinctBaselines(left);
  const rightLines = distinctBaselines(right);
  if (leftLines.length < MIN_COLUMN_LINES || rightLines.length < MIN_COLUMN_LINES) return false;
  const [fewer, more] =
    leftLines.length <= rightLines.length ? [leftLines, rightLines] : [rightLines, leftLines];
  // Both lists ascend, so one pass finds, for each line, the nearest lines beside it.
  let aligned = 0;
  let next = 0;
  for (const baseline of fewer) {
    while (next < more.length && more[next]! < baseline - ALIGNED_BASELINE) next++;
    if (next < more.length && more[next]! <= baseline + ALIGNED_BASELINE) aligned++;
  }
  const alignedShare = aligned / fewer.length;
  // A few far-apart lines beside a block of text are a table's label or dates cells (a section
  // title in its own row, a date beside each entry), not a column to read on its own.
  const [shortRuns, shortLines] =
    leftLines.length <= rightLines.length ? [left, leftLines] : [right, rightLines];
  if (
    shortLines.length < MIN_FLOWING_LINES &&
    denseShare(shortRuns, shortLines, SPARSE_LINE_SPACING_EM) < MIN_DENSE_SHARE
  )
    return false;
  if (alignedShare < MAX_ALIGNED_SHARE) return true;
  return (
    alignedShare < MAX_ALIGNED_SHARE_FLOWING &&
    fewer.length >= MIN_FLOWING_LINES &&
    denseShare(left, leftLines) >= MIN_DENSE_SHARE &&
    denseShare(right, rightLines) >= MIN_DENSE_SHARE
  );
}

function sideWidth(runs: Run[]): number {
  let left = Infinity;
  let right = -Infinity;
  for (const run of runs) {
    left = Math.min(left, run.left);
    right = Math.max(right, run.right);
  }
  return right - left;
}

/**
 * Cut the page into horizontal bands at runs that cross the gutter; bands whose two sides look
 * like independent columns are read column by column. Returns the bands and how many lines
 * ended up in columns (the score for choosing a gutter).
 */
/**
 * A short band with a narrow side (a skills grid, a few table rows) is no sidebar: it is cut at
 * blank strips across both sides (the grid, then the next section's heading beside the first
 * entry's date), and each part is read in place, column by column when it has columns.
 */
function localParts(left: Run[], right: Run[], gutter: number): { bands: Band[]; columnLines: number } {
  const sorted = [...left, ...right].sort((a, b) => a.baseline - b.baseline);
  const parts: Run[][] = [];
  let previous: Run | undefined;
  for (const run of sorted) {
    const gap = previous ? run.baseline - previous.baseline : 0;
    if (!previous || gap >= BAND_GAP_EM * Math.max(run.fontSize, previous.fontSize)) parts.push([]);
    parts[parts.length - 1]?.push(run);
    previous = run;
  }
  const bands: Band[] = [];
  let columnLines = 0;
  for (const part of parts) {
    const partLeft = part.filter((run) => run.right <= gutter);
    const partRight = part.filter((run) => run.right > gutter);
    if (isColumnBand(partLeft, partRight)) {
      bands.push({ runs: [], columns: { first: partLeft, second: partRight, secondIsSidebar: false } });
      columnLines += part.length;
    } else {
      bands.push({ runs: part });
    }
  }
  return { bands, columnLines };
}

function baselineExtent(runs: Run[]): number {
  let top = Infinity;
  let bottom = -Infinity;
  for (const run of runs) {
    top = Math.min(top, run.baseline);
    bottom = Math.max(bottom, run.baseline);
  }
  return bottom > top ? bottom - top : 0;
}

/** `sorted`: the page's runs in baseline order (sorted once for all candidate gutters). */
function splitAtGutter(sorted: Run[], gutter: number): { bands: Band[]; columnLines: number } {
  const pageHeight = baselineExtent(sorted);
  const bands: Band[] = [];
  let columnLines = 0;
  let left: Run[] = [];
  let right: Run[] = [];
  const closeBand = (crossing: Run[]): void => {
    if (left.length > 0 || right.length > 0) {
      if (isColumnBand(left, right)) {
        const leftWidth = sideWidth(left);
        const rightWidth = sideWidth(right);
        const leftSidebar = leftWidth < rightWidth * SIDEBAR_WIDTH_RATIO;
        const rightSidebar = rightWidth < leftWidth * SIDEBAR_WIDTH_RATIO;
        const short = baselineExtent([...left, ...right]) < pageHeight * SIDEBAR_MIN_HEIGHT_SHARE;
        if ((leftSidebar || rightSidebar) && short) {
          const local = localParts(left, right, gutter);
          bands.push(...local.bands);
          columnLines += local.columnLines;
          left = [];
          right = [];
          if (crossing.length > 0) bands.push({ runs: crossing });
          return;
        }
        bands.push({
          runs: [],
          columns: leftSidebar
            ? { first: right, second: left, secondIsSidebar: true }
            : { first: left, second: right, secondIsSidebar: rightSidebar },
        });
        columnLines += left.length + right.length;
      } else {
        bands.push({ runs: [...left, ...right] });
      }
    }
    left = [];
    right = [];
    if (crossing.length > 0) bands.push({ runs: crossing });
  };
  for (const run of sorted) {
    const crosses = run.left < gutter + GUTTER_HALF_WIDTH && run.right > gutter - GUTTER_HALF_WIDTH;
    if (crosses) closeBand([run]);
    else if (run.right <= gutter) left.push(run);
    else right.push(run);
  }
  closeBand([]);
  return { bands, columnLines };
}

/** Merge neighbouring row-by-row bands so rows that straddle a band edge are still joined. */
function mergeRowBands(bands: Band[]): Band[] {
  const merged: Band[] = [];
  for (const band of bands) {
    const last = merged[merged.length - 1];
    if (last && !last.columns && !band.columns) last.runs.push(...band.runs);
    else merged.push({ runs: [...band.runs], columns: band.columns });
  }
  return merged;
}

/**
 * Find the gutter that puts the most lines into columns. Candidates sit between 15 % and 85 %
 * of the text width, one inside each gap between run edges: which side a run falls on only
 * changes at an edge (± the gutter half-width), so this sees every distinct split in O(runs)
 * candidates whatever the page width (a scan across the width in fixed steps never ended on a
 * crafted 1e18-wide page). A candidate crossed by most runs cannot be a gutter, which keeps
 * this cheap on ordinary one-column pages.
 */
function chooseGutter(runs: Run[]): Band[] | undefined {
  let minX = Infinity;
  let maxX = -Infinity;
  for (const run of runs) {
    minX = Math.min(minX, run.left);
    maxX = Math.max(maxX, run.right);
  }
  const width = maxX - minX;
  if (!(width > 0) || runs.length < MIN_COLUMN_LINES * 2) return undefined;
  const low = minX + width * 0.15;
  const high = maxX - width * 0.15;
  const edges = [low, high];
  for (const run of runs) {
    for (const edge of [run.left - GUTTER_HALF_WIDTH, run.right + GUTTER_HALF_WIDTH]) {
      if (edge > low && edge < high) edges.push(edge);
    }
  }
  edges.sort((a, b) => a - b);
  const byBaseline = [...runs].sort((a, b) => a.baseline - b.baseline);
  let best: { bands: Band[]; columnLines: number } | undefined;
  for (let index = 1; index < edges.length; index++) {
    const from = edges[index - 1] ?? low;
    const to = edges[index] ?? high;
    if (!(to > from)) continue;
    const gutter = (from + to) / 2;
    let crossing = 0;
    for (const run of runs) {
      if (run.left < gutter + GUTTER_HALF_WIDTH && run.right > gutter - GUTTER_HALF_WIDTH) crossing++;
    }
    if (crossing > runs.length * 0.5) continue;
    const candidate = splitAtGutter(byBaseline, gutter);
    if (candidate.columnLines > (best?.columnLines ?? 0)) best = candidate;
  }
  return best?.bands;
}

/** One page's fragments → lines in reading order (columns restored, sidebar after main). */
export function layoutPage(fragments: TextFragment[]): LayoutLine[] {
  const runs = buildRuns(fragments.filter((fragment) => fragment.text.trim() !== ''));
  const bands = chooseGutter(runs);
  if (!bands) return linesRowByRow(runs);
  const lines: LayoutLine[] = [];
  for (const band of mergeRowBands(bands)) {
    if (band.columns) {
      const side = linesRowByRow(band.columns.second);
      if (band.columns.secondIsSidebar) for (const line of side) line.sidebar = true;
      lines.push(...linesRowByRow(band.columns.first), ...side);
    } else {
      lines.push(...linesRowByRow(band.runs));
    }
  }
  return lines;
}
