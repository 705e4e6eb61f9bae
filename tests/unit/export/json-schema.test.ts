import { describe, expect, it } from 'vitest';
import {
  assertSupportedSchema,
  validateAgainstSchema,
  type JsonSchema,
} from '../../../src/core/export/json-schema';

describe('json-schema subset interpreter', () => {
  it('refuses keywords it does not implement instead of ignoring them', () => {
    expect(() =>
      assertSupportedSchema({ type: 'object', properties: { a: { oneOf: [] } as JsonSchema } }),
    ).toThrow(/Unsupported JSON Schema keyword "oneOf" at #\/properties\/a/);
  });

  it('checks integer vs number, nested refs and required members', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { items: { type: 'array', items: { $ref: '#/$defs/item' } } },
      required: ['items'],
      $defs: {
        item: { type: 'object', properties: { n: { type: 'integer', minimum: 0 } }, required: ['n'] },
      },
    };
    expect(validateAgainstSchema(schema, { items: [{ n: 1 }, { n: 2 }] })).toEqual([]);
    expect(validateAgainstSchema(schema, { items: [{ n: 1.5 }, {}, { n: -1 }] })).toEqual([
      '$/items/0/n: expected integer, got number',
      '$/items/1: missing "n"',
      '$/items/2/n: must be >= 0',
    ]);
    expect(validateAgainstSchema(schema, { items: [{ n: Number.NaN }] })).toEqual([
      '$/items/0/n: expected integer, got number',
    ]);
  });
});
