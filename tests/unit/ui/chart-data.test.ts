import { describe, expect, it } from 'vitest';
import {
  formatMs,
  histogramBins,
  niceStep,
  percentileWords,
  sparkline,
} from '../../../src/ui/components/chart-data';

const BOX = { width: 100, height: 20, pad: 2 };

describe('sparkline', () => {
  it('puts zero at the bottom, the largest run at the top, oldest on the left', () => {
    const line = sparkline([0, 5, 10], BOX);
    expect(line.points.map((point) => [point.x, point.y])).toEqual([
      [2, 18],
      [50, 10],
      [98, 2],
    ]);
    expect(line.path).toBe('M2 18 L50 10 L98 2');
    expect(line.goalY).toBeUndefined();
  });

  it('stretches to show a goal near the data and marks runs over it', () => {
    const line = sparkline([4, 8, 12], BOX, 10);
    expect(line.top).toBe(12);
    expect(line.goalY).toBeCloseTo(2 + 16 * (1 - 10 / 12), 2);
    expect(line.points.map((point) => point.over)).toEqual([false, false, true]);
    const stretched = sparkline([4, 5], BOX, 7);
    expect(stretched.top).toBe(7);
    expect(stretched.goalY).toBe(2);
  });

  it('leaves off a goal far above every run instead of flattening the line', () => {
    const line = sparkline([1, 2, 3], BOX, 4000);
    expect(line.top).toBe(3);
    expect(line.goalY).toBeUndefined();
  });

  it('draws one run in the middle and nothing for no runs', () => {
    expect(sparkline([7], BOX).points).toEqual([{ x: 50, y: 2, value: 7, over: false }]);
    expect(sparkline([], BOX).path).toBe('');
  });
});

describe('histogramBins', () => {
  it('counts every value once in bins with round edges', () => {
    const values = [1, 2, 2, 3, 9.5, 10, 14, 29.9];
    const bins = histogramBins(values, 6);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
    expect(bins[0]?.from).toBe(0);
    expect(bins.map((bin) => bin.to - bin.from)).toEqual(bins.map(() => 5));
    expect(bins.at(-1)?.to).toBeGreaterThanOrEqual(29.9);
    for (const value of values) {
      expect(bins.filter((bin) => value >= bin.from && value < bin.to)).toHaveLength(1);
    }
  });

  it('marks bins wholly over the goal', () => {
    const bins = histogramBins([1, 5, 12, 20], 4, 10);
    expect(bins.filter((bin) => bin.over).every((bin) => bin.from >= 10)).toBe(true);
    expect(bins.some((bin) => bin.over)).toBe(true);
  });

  it('handles runs that all took the same time, and no runs', () => {
    const bins = histogramBins([3, 3, 3]);
    expect(bins).toHaveLength(1);
    expect(bins[0]?.count).toBe(3);
    expect(histogramBins([])).toEqual([]);
  });
});

describe('formatting', () => {
  it('picks round steps and readable units', () => {
    expect([0.7, 1.2, 3, 7, 45].map(niceStep)).toEqual([1, 2, 5, 10, 50]);
    expect(formatMs(0.4219)).toBe('0.42 ms');
    expect(formatMs(37.4)).toBe('37 ms');
    expect(formatMs(4210)).toBe('4.2 s');
    expect(formatMs(Number.NaN)).toBe('—');
    expect(formatMs(0)).toBe('0 ms');
    expect(percentileWords('p95')).toBe('95 of every 100 runs');
    expect(percentileWords('p50')).toBe('half of all runs');
  });
});
