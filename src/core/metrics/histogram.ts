/**
 * A bounded window of duration samples (ring buffer) plus lifetime counters. The window keeps
 * the most recent `capacity` samples so percentiles follow current behaviour and memory stays
 * fixed however long the app runs; `count` and `errors` cover the whole lifetime.
 */

/**
 * Nearest-rank percentile of an ascending array: the smallest sample such that at least p % of
 * the samples are less than or equal to it (rank = ceil(p/100 × n), 1-based). It is always a
 * real sample, never an interpolation. NaN for an empty array.
 */
export function nearestRank(sortedAscending: ArrayLike<number>, percent: number): number {
  const n = sortedAscending.length;
  if (n === 0) return Number.NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil((percent / 100) * n)));
  return sortedAscending[rank - 1] ?? Number.NaN;
}

export interface HistogramSummary {
  count: number;
  errors: number;
  windowCount: number;
  mean: number;
  min: number;
  max: number;
  last: number;
  p50: number;
  p95: number;
  p99: number;
}

export class Histogram {
  readonly capacity: number;
  readonly #window: Float64Array;
  /** Next write position in the ring. */
  #next = 0;
  #filled = 0;
  #count = 0;
  #errors = 0;
  #last = Number.NaN;
  /** Sorted copy of the window, rebuilt only when a summary is asked for after new samples. */
  #sorted: Float64Array | undefined;

  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('Histogram capacity must be >= 1');
    this.capacity = Math.floor(capacity);
    this.#window = new Float64Array(this.capacity);
  }

  /** A failed operation counts towards count and errors; only successful durations enter the window. */
  add(ms: number, ok: boolean): void {
    this.#count += 1;
    if (!ok) {
      this.#errors += 1;
      return;
    }
    this.#push(ms);
  }

  /**
   * Seeds the window and counters from a persisted snapshot (oldest sample first). The lifetime
   * count is at least the number of samples restored.
   */
  restore(samples: readonly number[], count: number, errors: number): void {
    for (const ms of samples) this.#push(ms);
    this.#count += Math.max(count, samples.length + Math.max(0, errors));
    this.#errors += Math.max(0, errors);
  }

  #push(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.#window[this.#next] = ms;
    this.#next = (this.#next + 1) % this.capacity;
    this.#filled = Math.min(this.#filled + 1, this.capacity);
    this.#last = ms;
    this.#sorted = undefined;
  }

  /** Window samples, oldest first. */
  samples(): number[] {
    const start = this.#filled < this.capacity ? 0 : this.#next;
    const out: number[] = [];
    for (let i = 0; i < this.#filled; i += 1) out.push(this.#window[(start + i) % this.capacity] ?? 0);
    return out;
  }

  summary(): HistogramSummary {
    const sorted = this.#sortedWindow();
    let sum = 0;
    for (const value of sorted) sum += value;
    const n = sorted.length;
    return {
      count: this.#count,
      errors: this.#errors,
      windowCount: n,
      mean: n === 0 ? Number.NaN : sum / n,
      min: n === 0 ? Number.NaN : (sorted[0] ?? Number.NaN),
      max: n === 0 ? Number.NaN : (sorted[n - 1] ?? Number.NaN),
      last: this.#last,
      p50: nearestRank(sorted, 50),
      p95: nearestRank(sorted, 95),
      p99: nearestRank(sorted, 99),
    };
  }

  #sortedWindow(): Float64Array {
    if (!this.#sorted) this.#sorted = this.#window.slice(0, this.#filled).sort();
    return this.#sorted;
  }
}
