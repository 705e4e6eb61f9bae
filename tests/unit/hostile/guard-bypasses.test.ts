/**
 * The anti-fabrication guard against rewrites that add a fact in disguise: spelled-out numbers,
 * multipliers and durations, lower-case titles / degrees / employers, names found only inside
 * another word, and numbers borrowed from the phone number or a date. Each one must be dropped
 * with a reason naming what it added; generated variants cover the classes, not just the cases.
 */
import { describe, expect, it } from 'vitest';
import { extractResume } from '../../../src/core/extract/resume';
import { guardFacts, guardSuggestion } from '../../../src/core/llm/guard';
import { parseText } from '../../../src/core/parse/text';

const RESUME = [
  'Robin Okafor',
  'Software Engineer',
  'robin.okafor@example.com | (415) 555-0134',
  '',
  'Experience',
  'Software Engineer, Harbor Freight Analytics',
  'Jun 2015 - Present',
  '- Built metadata services for 30 customers in Go and PostgreSQL',
  '- Cut page load time by 25% by caching queries',
  '',
  'Data Analyst, Lakeview Logistics',
  'Jan 2012 - May 2015',
  '- Wrote reports for 12 regional teams',
  '',
  'Education',
  'BSc Computer Science, Northfield University, 2011',
  '',
  'Skills',
  'Go, PostgreSQL, Python, Redis',
].join('\n');

const context = { text: RESUME, profile: extractResume(parseText(RESUME, 'txt')) };
const facts = guardFacts(context);
const BULLET = 'Built metadata services for 30 customers in Go and PostgreSQL';
const SPEED = 'Cut page load time by 25% by caching queries';

function verdict(after: string, before = BULLET) {
  return guardSuggestion({ kind: 'bullet', before, after }, context, facts);
}

function expectDropped(after: string, reason: RegExp, before = BULLET): void {
  const result = verdict(after, before);
  expect(result.ok, `should drop: ${after}`).toBe(false);
  if (!result.ok) expect(result.reason, after).toMatch(reason);
}

describe('the 12 reviewed guard bypasses are dropped with their reason', () => {
  const cases: [string, RegExp, string?][] = [
    ['Cut page load time by forty percent by caching queries', /invents a number: "forty"/, SPEED],
    [
      'Built metadata services for 30 customers in Go and PostgreSQL, tripling throughput',
      /invents a number: "tripling"/,
    ],
    [
      'Over a decade building metadata services for 30 customers in Go and PostgreSQL',
      /invents a number: "decade"/,
    ],
    [
      'Built metadata services for 30 customers in Go and PostgreSQL as principal architect',
      /job title.*"principal architect"/,
    ],
    [
      "Built metadata services for 30 customers in Go and PostgreSQL during my master's degree",
      /degree.*"master's"/,
    ],
    ['Built metadata services at google for 30 customers in Go and PostgreSQL', /employer.*"google"/],
    ['Built metadata services at Meta for 30 customers in Go and PostgreSQL', /employer.*"Meta"/],
    [
      'Built metadata services for 415 customers in Go and PostgreSQL',
      /invents a number: "415" is not in this bullet/,
    ],
    [
      'Built metadata services worth $2,015 for 30 customers in Go and PostgreSQL',
      /invents a number: "2,015"/,
    ],
    [
      'Built metadata services for 30 customers in Go and PostgreSQL, saving 555 hours',
      /invents a number: "555"/,
    ],
    [
      'Built metadata services for 12 customers in Go and PostgreSQL',
      /invents a number: "12" is not in this bullet/,
    ],
    [
      'Built metadata services for 30 customers in Go and PostgreSQL since 2012',
      /date: "2012" is not in this bullet/,
    ],
  ];
  for (const [after, reason, before] of cases) {
    it(after, () => expectDropped(after, reason, before));
  }
});

describe('faithful rewrites still pass', () => {
  it.each([
    'Designed and built metadata services in Go and PostgreSQL that serve 30 customers',
    'Built Go and PostgreSQL metadata services used by thirty customers',
    'Delivered metadata services for 30 customers, written in Go on PostgreSQL',
  ])('%s', (after) => {
    expect(verdict(after)).toEqual({ ok: true });
  });
});

/** Generated variants: each template adds one fact in a disguise of its class. */
describe('generated rewrites that add a fact are each dropped with a reason', () => {
  const numberWords = ['forty', 'fifty-five', 'two hundred', 'a dozen', 'ninety'];
  const multipliers = ['doubling', 'tripled', 'quadrupling', '3x', 'tenfold', 'twice'];
  const durations = ['over a decade', 'two decades', 'half a decade'];
  const titles = [
    'as senior architect',
    'as principal engineer',
    'promoted to director',
    'as the lead developer',
    'as head of engineering',
  ];
  const degrees = [
    "my master's degree",
    'my masters in data science',
    'a bachelor of arts',
    'my phd',
    'an MBA',
  ];
  const employers = ['at google', 'at Meta', 'joined initech', 'at Globex Corporation', 'at Umbrella Labs'];
  const borrowed = ['415', '555', '0134', '2,011', '$2,015', '2011 clients'];
  const names = ['alongside Priya Raman', 'for Contoso', 'with Fabrikam'];
  const misspelt = ['Kubernates', 'Postgressql', 'Djanggo'];
  const generated: [string, RegExp][] = [
    ...numberWords.map((word): [string, RegExp] => [
      `Built metadata services for ${word} customers in Go and PostgreSQL`,
      /invents a number/,
    ]),
    ...multipliers.map((word): [string, RegExp] => [
      `Built metadata services in Go and PostgreSQL for 30 customers, ${word} revenue`,
      /invents a number/,
    ]),
    ...durations.map((word): [string, RegExp] => [
      `Spent ${word} building metadata services for 30 customers in Go and PostgreSQL`,
      /invents a number/,
    ]),
    ...titles.map((phrase): [string, RegExp] => [
      `Built metadata services for 30 customers in Go and PostgreSQL ${phrase}`,
      /job title|employer|names something/,
    ]),
    ...degrees.map((phrase): [string, RegExp] => [
      `Built metadata services for 30 customers in Go and PostgreSQL during ${phrase}`,
      /degree/,
    ]),
    ...employers.map((phrase): [string, RegExp] => [
      `Built metadata services ${phrase} for 30 customers in Go and PostgreSQL`,
      /employer/,
    ]),
    ...borrowed.map((number): [string, RegExp] => [
      `Built metadata services for 30 customers in Go and PostgreSQL, ${number} requests a day`,
      /invents a number|date/,
    ]),
    ...names.map((phrase): [string, RegExp] => [
      `Built metadata services ${phrase} for 30 customers in Go and PostgreSQL`,
      /names something|employer/,
    ]),
    ...misspelt.map((word): [string, RegExp] => [
      `Built metadata services for 30 customers in Go, PostgreSQL and ${word.toLowerCase()}`,
      /misspells a skill|adds a skill/,
    ]),
  ];
  for (const [after, reason] of generated) {
    it(after, () => expectDropped(after, reason));
  }
});
