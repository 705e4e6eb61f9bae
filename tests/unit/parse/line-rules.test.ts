import { describe, expect, it } from 'vitest';
import { stripBullet } from '../../../src/core/parse/line-rules';

describe('stripBullet', () => {
  it.each([
    ['• Built the billing service', { text: 'Built the billing service', bullet: true }],
    ['- Built the billing service', { text: 'Built the billing service', bullet: true }],
    ['– Led 2019 hiring for the team', { text: 'Led 2019 hiring for the team', bullet: true }],
  ])('takes the glyph off a list item: %s', (line, expected) => {
    expect(stripBullet(line)).toEqual(expected);
  });

  // A theme that prints a role with no start date leaves "– Sep, 2022": a range open at its start.
  it.each(['- Sep, 2022', '– September 2022', '— 05/2021', '- 2019'])(
    'keeps the dash before a lone date: %s',
    (line) => {
      expect(stripBullet(line)).toEqual({ text: line, bullet: false });
    },
  );
});
