import { describe, expect, it } from 'vitest';
import { BASE64_PATTERN, decodeBase64, encodeBase64 } from '../../../src/core/export/base64';

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
    }
  });
});
