/**
 * The arithmetic behind the Performance page's small charts (trend sparkline, histogram, bar),
 * kept out of the components so it is tested like any other logic. Pure: numbers in, numbers
 * and SVG path strings out.
 */

export interface SparkPoint {
  x: number;
  y: number;
  value: number;
  /** Over the goal (drawn as a marked point). */
  over: boolean;
}

export interface Sparkline {
  points: SparkPoint[];
  /** SVG path through the points ('' when there are none). */
  path: string;
  /** The value at the top edge of the chart. */
  top: number;
  /** Y of the goal line, when the goal is within the chart's range. */
  goalY?: number;
}

/**
 * Points of a trend line over `values` (oldest first) in a width × height box with `pad` px
 * inside each edge. Zero is at the bottom; the top is the largest value, stretched to include
 * the goal when the goal is near the data (within 1.5× of it) so the line and the goal can be
 * compared; a goal far above every run is left off rather than flattening the line.
 */
export function sparkline(
  values: readonly number[],
  box: { width: number; height: number; pad: number },
  goal?: number,
): Sparkline {
  const largest = values.reduce((max, value) => Math.max(max, value), 0);
  const showGoal = goal !== undefined && goal > 0 && (largest === 0 || goal <= largest * 1.5);
  const top = Math.max(largest, showGoal ? goal : 0) || 1;
  const innerWidth = box.width - 2 * box.pad;
  const innerHeight = box.height - 2 * box.pad;
  const yOf = (value: number) => round(box.pad + innerHeight * (1 - value / top));
  const step = values.length > 1 ? innerWidth / (values.length - 1) : 0;
  const points = values.map((value, index) => ({
    x: round(values.length > 1 ? box.pad + index * step : box.pad + innerWidth / 2),
    y: yOf(value),
    value,
    over: goal !== undefined && value > goal,
  }));
  const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
  return { points, path, top, ...(showGoal ? { goalY: yOf(goal) } : {}) };
}

export interface HistogramBin {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge (the last bin also holds values equal to it). */
  to: number;
  count: number;
  /** The whole bin is over the goal. */
  over: boolean;
}

/** 1, 2 or 5 × a power of ten at or above `raw`, so bin edges read as round numbers. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Counts `values` in about `target` bins of a round width, starting at a multiple of the width
 * at or below the smallest value. Every value lands in exactly one bin.
 */
export function histogramBins(values: readonly number[], target = 12, goal?: number): HistogramBin[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const step = niceStep((max - min) / target || Math.max(Math.abs(max) / 10, 0.001));
  const start = Math.floor(min / step) * step;
  const binCount = Math.max(1, Math.floor((max - start) / step) + 1);
  const bins: HistogramBin[] = Array.from({ length: binCount }, (_, index) => {
    const from = round(start + index * step);
    const to = round(start + (index + 1) * step);
    return { from, to, count: 0, over: goal !== undefined && from >= goal };
  });
  for (const value of finite) {
    const index = Math.min(binCount - 1, Math.floor((value - start) / step));
    const bin = bins[index];
    if (bin) bin.count += 1;
  }
  return bins;
}

/** Milliseconds as a person reads them: '0.42 ms', '37 ms', '4.2 s'; '—' when there is no value. */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0 ms';
  if (value >= 1000) return `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)} s`;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
}

/** Bytes as a person reads them. */
export function formatBytes(value: number): string {
  if (value < 1024) return `${value} B`;
  if (value < 1024 ** 2) return `${(value / 1024).toFixed(1)} KB`;
  if (value < 1024 ** 3) return `${(value / 1024 ** 2).toFixed(1)} MB`;
  return `${(value / 1024 ** 3).toFixed(2)} GB`;
}

/** 'p95' → '95 of every 100 runs'; the sentence the page uses to explain a percentile goal. */
export function percentileWords(percentile: 'p50' | 'p95' | 'p99'): string {
  return percentile === 'p50' ? 'half of all runs' : `${percentile.slice(1)} of every 100 runs`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
