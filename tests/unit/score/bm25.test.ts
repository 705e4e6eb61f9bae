import { describe, expect, it } from 'vitest';
import { Bm25Index, bm25Idf, bm25TermWeight } from '../../../src/core/search/bm25';
import { tokenize } from '../../../src/core/search/tokenize';

describe('tokenize', () => {
  it('lower-cases, drops stop words and keeps technology tokens whole', () => {
    expect(tokenize('The C++ and C# devs use .NET, Node.js and CI/CD at AT&T')).toEqual([
      'c++',
      'c#',
      'devs',
      'use',
      '.net',
      'node.js',
      'ci',
      'cd',
      'at&t',
    ]);
    expect(tokenize('Zoë Ångström’s café')).toEqual(['zoë', 'ångström', 'café']);
  });
});

describe('Bm25Index', () => {
  // Corpus: d1 = [apple apple banana] (3), d2 = [banana cherry] (2), d3 = [cherry cherry cherry date] (4).
  // N = 3, avgdl = 3. Query "apple cherry".
  // idf(apple)  = ln(1 + (3 - 1 + 0.5) / (1 + 0.5)) = ln(1 + 2.5/1.5) = ln(2.6667) = 0.980829
  // idf(cherry) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6)                     = 0.470004
  // d1: apple tf 2, dl 3 → 2·2.2 / (2 + 1.2·(0.25 + 0.75·1)) = 4.4 / 3.2 = 1.375 → 1.348640
  // d2: cherry tf 1, dl 2 → 2.2 / (1 + 1.2·(0.25 + 0.5)) = 2.2 / 1.9 = 1.157895 → 0.544215
  // d3: cherry tf 3, dl 4 → 6.6 / (3 + 1.2·(0.25 + 1)) = 6.6 / 4.5 = 1.466667 → 0.689339
  const build = (): Bm25Index<string> => {
    const index = new Bm25Index<string>();
    index.add('d1', ['apple', 'apple', 'banana']);
    index.add('d2', ['banana', 'cherry']);
    index.add('d3', ['cherry', 'cherry', 'cherry', 'date']);
    return index;
  };

  it('matches a hand-computed example', () => {
    const index = build();
    expect(index.idf('apple')).toBeCloseTo(0.980829, 5);
    expect(index.idf('cherry')).toBeCloseTo(0.470004, 5);
    expect(index.score(['apple', 'cherry'], 'd1')).toBeCloseTo(1.34864, 4);
    expect(index.score(['apple', 'cherry'], 'd2')).toBeCloseTo(0.544215, 4);
    expect(index.score(['apple', 'cherry'], 'd3')).toBeCloseTo(0.689339, 4);
    expect(index.search(['apple', 'cherry']).map((hit) => hit.id)).toEqual(['d1', 'd3', 'd2']);
  });

  it('supports removing and re-adding documents', () => {
    const index = build();
    expect(index.remove('d1')).toBe(true);
    expect(index.remove('d1')).toBe(false);
    expect(index.size).toBe(2);
    expect(index.averageLength).toBe(3);
    expect(index.documentFrequency('apple')).toBe(0);
    expect(index.search(['apple'])).toEqual([]);
    index.add('d1', ['apple', 'apple', 'banana']);
    expect(index.score(['apple', 'cherry'], 'd1')).toBeCloseTo(1.34864, 4);
    index.add('d1', ['kiwi']);
    expect(index.size).toBe(3);
    expect(index.score(['apple'], 'd1')).toBe(0);
  });

  it('exposes the formula pieces', () => {
    expect(bm25Idf(3, 1)).toBeCloseTo(0.980829, 5);
    expect(bm25TermWeight(0, 10, 10)).toBe(0);
    expect(bm25TermWeight(1, 10, 10)).toBeCloseTo(1, 10);
  });
});
