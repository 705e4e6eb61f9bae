import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from '../../../src/core/metrics/registry';
import { TARGETS } from '../../../src/core/metrics/targets';

/** Looks like a metric id ("parse.pdf", "llm.improve.firstToken"), not words. */
const METRIC_ID = /\b[a-z]+(?:\.[a-zA-Z]+)+\b/;

describe('the words the Performance page shows for each goal', () => {
  it('every target has a plain-language name that is not its metric id', () => {
    for (const target of TARGETS) {
      expect(target.label.trim().length, target.name).toBeGreaterThan(3);
      expect(target.label, target.name).not.toMatch(METRIC_ID);
      expect(target.label[0], target.name).toBe(target.label[0]?.toUpperCase());
    }
  });

  it('plain names are unique, so two rows never read the same', () => {
    const labels = TARGETS.map((target) => target.label.toLowerCase());
    expect(labels.filter((label, index) => labels.indexOf(label) !== index)).toEqual([]);
    expect(new Set(TARGETS.map((target) => target.name)).size).toBe(TARGETS.length);
  });

  it('every target says what it measures and why its goal is what it is, in sentences', () => {
    for (const target of TARGETS) {
      for (const words of [target.measures, target.why]) {
        expect(words.trim().split(/\s+/).length, target.name).toBeGreaterThanOrEqual(6);
        expect(words, target.name).toMatch(/[.)]$/);
      }
      expect(target.measures, target.name).not.toBe(target.why);
    }
  });

  it('the snapshot carries the words with the goal, for the page and the JSON export', () => {
    const registry = new MetricsRegistry({ now: () => 0, wallClock: () => 0 });
    registry.record('parse.pdf', 12);
    const snapshot = registry.get('parse.pdf');
    const target = TARGETS.find((each) => each.name === 'parse.pdf');
    expect(snapshot.label).toBe(target?.label);
    expect(snapshot.target).toEqual({
      goal: target?.goal,
      percentile: target?.percentile,
      measures: target?.measures,
      why: target?.why,
    });
  });
});
