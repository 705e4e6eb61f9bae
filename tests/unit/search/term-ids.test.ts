import { describe, expect, it } from 'vitest';
import { hasSortedId, sortedTermIds, termId } from '../../../src/core/search/tokenize';
import { jobTitleTerms, titleSimilarityFrom, type TitleStems } from '../../../src/core/score/components';

describe('term ids', () => {
  it('gives one id per distinct term, the same every time it is asked', () => {
    const python = termId('python-term-ids-test');
    expect(python).toBeGreaterThanOrEqual(0);
    expect(termId('python-term-ids-test')).toBe(python);
    expect(termId('kafka-term-ids-test')).not.toBe(python);
  });

  it('keeps ids ascending without duplicates, and finds exactly the ids it holds', () => {
    const terms = ['delta', 'alpha', 'charlie', 'alpha', 'bravo', 'delta'];
    const ids = sortedTermIds(terms);
    expect(ids.length).toBe(4);
    for (let index = 1; index < ids.length; index++) expect(ids[index]!).toBeGreaterThan(ids[index - 1]!);
    for (const term of terms) expect(hasSortedId(ids, termId(term))).toBe(true);
    expect(hasSortedId(ids, termId('echo'))).toBe(false);
    expect(hasSortedId(new Int32Array(0), termId('alpha'))).toBe(false);
  });

  it('title similarity reads stems that got no id (a full id table) from their strings', () => {
    const wanted = jobTitleTerms({ title: 'Pastry Chef', required: [], preferred: [], warnings: [] });
    // As if the table had been full for both sides: every job term has id -1, every resume stem
    // is kept as a string.
    const full = {
      ...wanted,
      terms: wanted.terms.map((term) => ({ ...term, stemId: -1, occupationStemId: -1 })),
    };
    const stems = (own: string[], elsewhere: string[]): TitleStems => ({
      own: new Int32Array(0),
      elsewhere: new Int32Array(0),
      overflow: { own: new Set(own), elsewhere: new Set(elsewhere) },
      occupations: [],
    });
    const all = wanted.terms.map((term) => term.stem);
    expect(titleSimilarityFrom(full, stems(all, []))).toBe(1);
    expect(titleSimilarityFrom(full, stems([], all))).toBeCloseTo(0.5);
    expect(titleSimilarityFrom(full, stems([], []))).toBe(0);
  });
});
