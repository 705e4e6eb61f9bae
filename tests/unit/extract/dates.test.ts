import { describe, expect, it } from 'vitest';
import { findDateRanges, mergedYears, normaliseDate, wrappedRangeEnd } from '../../../src/core/extract/dates';

const rangeOf = (text: string): { start?: string; end?: string } | undefined => {
  const [range] = findDateRanges(text);
  return range && { start: range.start, end: range.end };
};

describe('normaliseDate', () => {
  it.each([
    ['Jan 2020', '2020-01'],
    ['January 2020', '2020-01'],
    ['Sept. 2019', '2019-09'],
    ["March '19", '2019-03'],
    ['01/2020', '2020-01'],
    ['3/2021', '2021-03'],
    ['2020-11', '2020-11'],
    ['2018.09', '2018-09'],
    ['2019', '2019'],
    ['Summer 2022', '2022'],
    ['Present', 'present'],
    ['Current', 'present'],
    ['now', 'present'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseDate(raw)).toBe(expected);
  });

  it('rejects things that are not dates', () => {
    expect(normaliseDate('13/2020')).toBeUndefined();
    expect(normaliseDate('Python 3')).toBeUndefined();
  });
});

describe('findDateRanges', () => {
  it.each([
    ['Software Engineer  Jan 2020 – Present', { start: '2020-01', end: 'present' }],
    ['01/2020 - 03/2021', { start: '2020-01', end: '2021-03' }],
    ['Acme 2019–2021', { start: '2019', end: '2021' }],
    ['2018 to now', { start: '2018', end: 'present' }],
    ['March 2019 - Current', { start: '2019-03', end: 'present' }],
    ['Jan 2019 - Present (3 years)', { start: '2019-01', end: 'present' }],
    ['Sep. 2023 Mar. 2024', { start: '2023-09', end: '2024-03' }],
    ['Mar. 2016 Exp. Jun. 2017', { start: '2016-03', end: '2017-06' }],
    ['Summer 2022', { start: '2022', end: undefined }],
    ['since 2017', { start: '2017', end: 'present' }],
    // An open end left blank or clipped by a theme.
    ['Harbor Labs 2022-08-15 —', { start: '2022-08', end: 'present' }],
    ['September 2025 – Curr', { start: '2025-09', end: 'present' }],
    ['Acme 2019 -', { start: '2019', end: 'present' }],
    // A month glued to the place before it: a lower-case letter meets the month's capital.
    ['Software Engineer BarcelonaSept 2019 - Present', { start: '2019-09', end: 'present' }],
    ['Acme, BerlinJan 2018 – Mar 2020', { start: '2018-01', end: '2020-03' }],
    // Not inside a word: "Grammar 2019" holds a year, no month.
    ['Grammar 2019', { start: '2019', end: undefined }],
    ['GRAMMAR 2019', { start: '2019', end: undefined }],
    // A blank start left by a theme: the lone date after the dash is the end.
    ['– September 2022', { start: undefined, end: '2022-09' }],
    ['- Sep, 2022', { start: undefined, end: '2022-09' }],
    ['— 2019', { start: undefined, end: '2019' }],
  ])('%s', (text, expected) => {
    expect(rangeOf(text)).toEqual(expected);
  });

  it('reports where the range is in the line', () => {
    const text = 'Acme Corp, Jan 2020 - Dec 2021';
    const [range] = findDateRanges(text);
    expect(text.slice(range?.index, (range?.index ?? 0) + (range?.length ?? 0))).toBe('Jan 2020 - Dec 2021');
  });

  it('reads no date inside a web address', () => {
    expect(findDateRanges('https://blog.example.com/a/2014/launch-of-the-2014-site. Maintainer')).toEqual([]);
    expect(rangeOf('example.com/2019/post, Jan 2020 - Mar 2021')).toEqual({
      start: '2020-01',
      end: '2021-03',
    });
  });

  it('does not read a phone number as a range', () => {
    expect(findDateRanges('+1 (415) 555-0134').filter((range) => range.isRange)).toEqual([]);
  });
});

describe('mergedYears', () => {
  const now = new Date(Date.UTC(2024, 0, 1));
  it('counts overlapping ranges once', () => {
    expect(
      mergedYears(
        [
          { start: '2018-01', end: '2020-01' },
          { start: '2019-01', end: '2021-01' },
        ],
        now,
      ),
    ).toBe(3);
  });

  it('runs open ranges up to the reference date and ignores ranges without a start', () => {
    expect(mergedYears([{ start: '2022-01', end: 'present' }, { end: '2010' }], now)).toBe(2);
  });

  it('adds disjoint ranges', () => {
    expect(
      mergedYears(
        [
          { start: '2010', end: '2012' },
          { start: '2015-01', end: '2016-07' },
        ],
        now,
      ),
    ).toBe(3.5);
  });
});

describe('wrappedRangeEnd', () => {
  const end = (line: string, next: string) => wrappedRangeEnd(line, findDateRanges(line)[0]!, next);
  it('finds the end date that opens the next line after an open start and a dash', () => {
    expect(end('June 2020 – Developer, Acme', 'Present Working on the app.')).toBe('present');
    expect(end('July 2015 - Developer, Acme', 'May 2020 Built the portal.')).toBe('2020-05');
    // Not a wrapped column: no dash, a whole range, a date inside the line, no date below.
    expect(end('June 2020 Developer, Acme', 'Present Working on the app.')).toBeUndefined();
    expect(end('2015 – 2020 Developer, Acme', '2021 Built it.')).toBeUndefined();
    expect(end('Developer since June 2020 – Acme', 'Present')).toBeUndefined();
    expect(end('June 2020 – Developer, Acme', 'Built the portal in 2021.')).toBeUndefined();
  });
});
