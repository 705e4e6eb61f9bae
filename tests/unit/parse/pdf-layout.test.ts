import { describe, expect, it } from 'vitest';
import { layoutPage, type TextFragment } from '../../../src/core/parse/pdf-layout';

/** One fragment per line of text; width estimated at half the font size per character. */
function fragment(text: string, x: number, baseline: number, fontSize = 10, bold = false): TextFragment {
  return { text, x, baseline, width: text.length * fontSize * 0.5, fontSize, bold };
}

function texts(fragments: TextFragment[]): string[] {
  return layoutPage(fragments).map((line) => line.text);
}

describe('layoutPage', () => {
  it('joins fragments on one baseline left to right, with spaces only at gaps', () => {
    const lines = texts([fragment('World', 100, 50), fragment('Hello', 60, 50.4), fragment('!', 125, 50)]);
    expect(lines).toEqual(['Hello World!']);
  });

  it('reads two independent columns one after the other', () => {
    const left = [
      'Experience',
      'Built pipelines',
      'in Python and',
      'Apache Airflow',
      'for analytics',
      'and pricing',
    ];
    const right = ['Skills', 'Python', 'SQL', 'Snowflake'];
    const fragments = [
      ...left.map((text, index) => fragment(text, 50, 100 + index * 13)),
      ...right.map((text, index) => fragment(text, 330, 104 + index * 17, 9)),
    ];
    expect(texts(fragments)).toEqual([...left, ...right]);
  });

  it('keeps label/value rows together instead of reading them as columns', () => {
    const rows = [
      ['Languages', 'Python, SQL, Scala'],
      ['Cloud', 'AWS, Google Cloud'],
      ['Tools', 'Airflow, dbt, Git'],
      ['Databases', 'PostgreSQL, Snowflake'],
    ] as const;
    const fragments = rows.flatMap(([label, value], index) => [
      fragment(label, 50, 100 + index * 14, 10, true),
      fragment(value, 200, 100 + index * 14),
    ]);
    expect(texts(fragments)).toEqual(rows.map(([label, value]) => `${label} ${value}`));
  });

  it('keeps a moderncv-style date gutter next to its entries', () => {
    const fragments = [
      fragment('2020 – now', 50, 100),
      fragment('Data Engineer, Northwind', 180, 100),
      fragment('Built pipelines in Python', 180, 113),
      fragment('Cut costs by a third', 180, 126),
      fragment('2017 – 2019', 50, 146),
      fragment('Data Engineer, Contoso', 180, 146),
      fragment('Maintained PostgreSQL', 180, 159),
      fragment('2015 – 2017', 50, 179),
      fragment('Analyst, Fabrikam', 180, 179),
      fragment('Automated reports', 180, 192),
    ];
    const lines = texts(fragments);
    expect(lines[0]).toBe('2020 – now Data Engineer, Northwind');
    expect(lines[3]).toBe('2017 – 2019 Data Engineer, Contoso');
  });

  it('keeps table label cells (a section title row, a dates cell) in reading order', () => {
    const fragments = [
      fragment('SUMMARY', 60, 100, 11, true),
      fragment('Designer who turns research into', 170, 125),
      fragment('simple interfaces for people', 170, 138),
      fragment('EXPERIENCE', 60, 165, 11, true),
      fragment('2018 to now', 60, 190),
      fragment('Lead Designer, Atelier', 170, 190),
      fragment('Led user research for an app', 170, 203),
      fragment('Built the design system', 170, 216),
    ];
    expect(texts(fragments)).toEqual([
      'SUMMARY',
      'Designer who turns research into',
      'simple interfaces for people',
      'EXPERIENCE',
      '2018 to now Lead Designer, Atelier',
      'Led user research for an app',
      'Built the design system',
    ]);
  });

  it('reads a full-width header first, then the main column, then a narrow sidebar', () => {
    const fragments = [
      fragment('Alice Martin', 200, 40, 22, true),
      ...['Contact', 'alice@example.com', 'Skills', 'Python', 'SQL'].map((text, index) =>
        fragment(text, 24, 90 + index * 11, 8.5),
      ),
      ...[
        'Summary',
        'Data engineer with eight years',
        'of experience building pipelines',
        'Experience',
        'Northwind',
      ].map((text, index) => fragment(text, 200, 94 + index * 13)),
    ];
    expect(texts(fragments)).toEqual([
      'Alice Martin',
      'Summary',
      'Data engineer with eight years',
      'of experience building pipelines',
      'Experience',
      'Northwind',
      'Contact',
      'alice@example.com',
      'Skills',
      'Python',
      'SQL',
    ]);
  });
});
