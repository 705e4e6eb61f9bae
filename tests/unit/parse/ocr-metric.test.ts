import { describe, expect, it } from 'vitest';
import { levenshtein, lineAlignedDistance } from '../../../scripts/eval/ocr';

/** A generated two-block page: a main column and a sidebar, each a few lines. */
const MAIN = ['Experience', 'Data Engineer, Northwind Analytics', 'Built pipelines in Python.'];
const SIDE = ['Contact', 'ada@example.org', 'Lyon, France'];
const TABLE_ENTRY = '2018 to now Lead Designer, Atelier';

describe('OCR character errors without the reading order', () => {
  it('a page read in another block order has no error; read in order it had many', () => {
    const truth = [...MAIN, ...SIDE].join('\n');
    const read = [...SIDE, ...MAIN].join('\n');
    expect(lineAlignedDistance(truth, read)).toBe(0);
    expect(levenshtein(truth.replace(/\n/g, ' '), read.replace(/\n/g, ' '))).toBeGreaterThan(20);
  });

  it('a table cell read apart from its line joins that line again', () => {
    const truth = ['Experience', TABLE_ENTRY, 'Lyon'].join('\n');
    const read = ['Experience', 'Lead Designer, Atelier', 'Lyon', '2018 to now'].join('\n');
    // Joined in reading order the line is "Lead Designer, Atelier 2018 to now": the order inside a
    // line still counts, only the order of lines does not.
    expect(lineAlignedDistance(truth, read)).toBe(
      levenshtein(TABLE_ENTRY, 'Lead Designer, Atelier 2018 to now'),
    );
    expect(
      lineAlignedDistance(truth, ['Experience', '2018 to now', 'Lead Designer, Atelier', 'Lyon'].join('\n')),
    ).toBe(0);
  });

  it('every wrong, missing and extra character still counts', () => {
    const truth = [...MAIN, ...SIDE].join('\n');
    const misread = [...MAIN.slice(0, 2), 'Bui1t pipelines in Pyth0n.', ...SIDE].join('\n');
    expect(lineAlignedDistance(truth, misread)).toBe(2);
    const missing = [...MAIN, ...SIDE.slice(0, 2)].join('\n');
    expect(lineAlignedDistance(truth, missing)).toBe('Lyon, France'.length);
    const speckle = [...MAIN, 'Ss Ee Ss SN ce', ...SIDE].join('\n');
    expect(lineAlignedDistance(truth, speckle)).toBe('Ss Ee Ss SN ce'.length);
  });

  it('a line written twice is matched twice', () => {
    const truth = ['Lyon, France', 'Experience', 'Lyon, France'].join('\n');
    expect(lineAlignedDistance(truth, truth)).toBe(0);
  });
});
