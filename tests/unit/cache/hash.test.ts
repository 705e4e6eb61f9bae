import { describe, expect, it } from 'vitest';
import { cacheKey, fnv1a64, stableStringify } from '../../../src/core/cache/hash';

/** Reference FNV-1a 64 with BigInt, to check the limb arithmetic. */
function referenceFnv(input: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('matches published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('matches a BigInt reference on varied input, including non-ASCII', () => {
    let text = '';
    for (let i = 0; i < 300; i += 1) {
      text += String.fromCharCode(32 + ((i * 7919) % 95)) + (i % 50 === 0 ? 'é日本' : '');
      expect(fnv1a64(text)).toBe(referenceFnv(text));
    }
  });

  it('hashes bytes the same as the equivalent string', () => {
    expect(fnv1a64(new TextEncoder().encode('résumé'))).toBe(fnv1a64('résumé'));
  });
});

describe('cacheKey', () => {
  it('ignores object key order and undefined members', () => {
    expect(cacheKey({ a: 1, b: [1, 2], c: undefined })).toBe(cacheKey({ b: [1, 2], a: 1 }));
    expect(stableStringify({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('distinguishes different parameters and argument boundaries', () => {
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
    expect(cacheKey({ topK: 10 })).not.toBe(cacheKey({ topK: 11 }));
    expect(cacheKey(1)).not.toBe(cacheKey('1'));
  });
});
