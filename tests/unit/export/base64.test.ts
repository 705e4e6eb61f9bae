import { describe, expect, it } from 'vitest';
import { BASE64_PATTERN, decodeBase64, encodeBase64 } from '../../../src/core/export/base64';
import { isBase64 } from '../../../src/core/export/json-schema';

describe('base64', () => {
  it('matches Node Buffer for every length around the padding boundaries and a large buffer', () => {
    for (let length = 0; length < 40; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 31) & 0xff);
      const encoded = encodeBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(encoded)).toEqual(bytes);
      expect(new RegExp(BASE64_PATTERN).test(encoded)).toBe(true);
    }
    const large = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) & 0xff);
    const encoded = encodeBase64(large.buffer);
    expect(encoded).toBe(Buffer.from(large).toString('base64'));
    expect(decodeBase64(encoded)).toEqual(large);
  });

  it('rejects malformed input', () => {
    for (const bad of ['abc', 'ab=c', 'a===', '@@@@', 'ab==ab==', 'é123']) {
      expect(() => decodeBase64(bad), bad).toThrow(/damaged/);
      expect(new RegExp(BASE64_PATTERN).test(bad), bad).toBe(false);
      expect(isBase64(bad), bad).toBe(false);
    }
  });

  it('isBase64 accepts what decodeBase64 accepts, and checks a 30 MB string without overflowing', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100]) {
      expect(isBase64(encodeBase64(Uint8Array.from({ length }, (_, i) => i * 37))), String(length)).toBe(
        true,
      );
    }
    const large = encodeBase64(new Uint8Array(22 * 1024 * 1024).fill(201));
    expect(isBase64(large)).toBe(true);
    expect(isBase64(`${large.slice(0, -4)}!AAA`)).toBe(false);
  });
});
