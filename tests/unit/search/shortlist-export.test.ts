import { describe, expect, it } from 'vitest';
import type { RankRow } from '../../../src/core/contracts/search-api';
import {
  csvCell,
  SHORTLIST_CSV_COLUMNS,
  shortlistCsv,
  shortlistJson,
} from '../../../src/core/search/shortlist-export';

const ROW: RankRow = {
  id: 'r1',
  rank: 1,
  name: '=HYPERLINK("http://evil")',
  score: 82,
  rawScore: 0.82,
  mode: 'lexical',
  components: { requiredSkills: 0.875, preferredSkills: 0.5, text: 0.6123 },
  weights: { requiredSkills: 0.5, preferredSkills: 0.2, text: 0.3 },
  years: 9.84,
  location: 'Austin, TX',
  topEvidence: { skill: 'Python', text: 'Built "fast" APIs in Python', from: 22, to: 28 },
  missing: ['Kafka', 'Rust'],
  matchedCount: 3,
  requirementCount: 5,
};

describe('shortlist export', () => {
  it('writes a header and one quoted, formula-safe line per row', () => {
    const lines = shortlistCsv([ROW]).split('\r\n');
    expect(lines[0]).toBe(SHORTLIST_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      `1,r1,"'=HYPERLINK(""http://evil"")",82,lexical,0.875,0.5,,0.612,,,,,9.8,"Austin, TX",Kafka; Rust,Python,"Built ""fast"" APIs in Python"`,
    );
    expect(lines[2]).toBe('');
    expect(csvCell('-1+2')).toBe(`"'-1+2"`);
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes the versioned JSON document', () => {
    const json = shortlistJson([ROW], {
      view: 'recruiter',
      subject: { id: 'j1', name: 'Data Engineer' },
      exportedAt: new Date(Date.UTC(2026, 0, 2)),
    });
    expect(json).toMatchObject({
      format: 'shortlist-ranking',
      version: 1,
      exportedAt: '2026-01-02T00:00:00.000Z',
      subject: { id: 'j1', name: 'Data Engineer' },
    });
    expect(json.items[0]).toMatchObject({
      rank: 1,
      missingRequired: ['Kafka', 'Rust'],
      evidence: { skill: 'Python', highlight: [22, 28] },
    });
  });
});
