/**
 * Benchmark harness: times an operation repeatedly with performance.now() and turns the result
 * into a row measured against its goal. Ratios, never pass/fail by wall-clock in unit tests.
 */
export interface BenchRow {
  name: string;
  unit: 'ms' | 'ops/s' | 'ratio' | 'MB';
  measured: number;
  goal: number;
  /** measured/goal for times and sizes, goal/measured for throughputs: lower is better. */
  ratio: number;
  pass: boolean;
  /** What was measured, for the reader of reports/bench.json. */
  note?: string;
}

export interface TimingOptions {
  warmup?: number;
  iterations?: number;
  /** Stop early once this much time has been spent measuring (ms). */
  budgetMs?: number;
}

/** Returns per-iteration times in ms. */
export async function timeIt(run: () => unknown, options: TimingOptions = {}): Promise<number[]> {
  const { warmup = 2, iterations = 10, budgetMs = 15_000 } = options;
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  const began = performance.now();
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
    if (performance.now() - began > budgetMs && samples.length >= 3) break;
  }
  return samples;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? NaN;
}

export function timeRow(name: string, measuredMs: number, goalMs: number, note?: string): BenchRow {
  const ratio = measuredMs / goalMs;
  return {
    name,
    unit: 'ms',
    measured: round(measuredMs),
    goal: goalMs,
    ratio: round(ratio),
    pass: ratio <= 1,
    note,
  };
}

export function throughputRow(
  name: string,
  perSecond: number,
  goalPerSecond: number,
  note?: string,
): BenchRow {
  const ratio = goalPerSecond / perSecond;
  return {
    name,
    unit: 'ops/s',
    measured: round(perSecond),
    goal: goalPerSecond,
    ratio: round(ratio),
    pass: ratio <= 1,
    note,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
