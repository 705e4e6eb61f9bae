/**
 * Standard base64 (RFC 4648, with padding) for the export bundle. Written here because core
 * may not rely on btoa/atob (absent from core's type environment) or Node's Buffer, and because
 * btoa needs a binary string that would double the memory of a 20 MB file.
 */
import { ShortlistError } from '../errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Matches exactly the strings decodeBase64 accepts. Shared with the bundle validator and schema. */
export const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const PAD = 61; // '='

export function encodeBase64(input: Uint8Array | ArrayBuffer): string {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // Character codes go into a typed array and become text 32K characters at a time: one string
  // concatenation per character is slow for the megabytes of a file.
  const chunks: string[] = [];
  const CHUNK = 3 * 8192;
  const codes = new Uint8Array((CHUNK / 3) * 4);
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, bytes.length);
    let written = 0;
    for (let i = offset; i < end; i += 3) {
      const b0 = bytes[i] ?? 0;
      const b1 = bytes[i + 1] ?? 0;
      const b2 = bytes[i + 2] ?? 0;
      const remaining = end - i;
      codes[written++] = ALPHABET_CODES[b0 >> 2] ?? PAD;
      codes[written++] = ALPHABET_CODES[((b0 & 0x03) << 4) | (b1 >> 4)] ?? PAD;
      codes[written++] = remaining > 1 ? (ALPHABET_CODES[((b1 & 0x0f) << 2) | (b2 >> 6)] ?? PAD) : PAD;
      codes[written++] = remaining > 2 ? (ALPHABET_CODES[b2 & 0x3f] ?? PAD) : PAD;
    }
    chunks.push(String.fromCharCode(...codes.subarray(0, written)));
  }
  return chunks.join('');
}

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const value = code < 128 ? (DECODE[code] ?? -1) : -1;
  if (value < 0) {
    throw new ShortlistError('invalid-input', `The backup file is damaged: invalid base64 at ${index}.`);
  }
  return value;
}

/** Decodes padded standard base64; throws ShortlistError('invalid-input') on anything else. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0) {
    throw new ShortlistError(
      'invalid-input',
      'The backup file is damaged: base64 length is not a multiple of 4.',
    );
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let written = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const c0 = sextet(text, i);
    const c1 = sextet(text, i + 1);
    const pad2 = last && padding === 2;
    const pad3 = last && padding >= 1;
    const c2 = pad2 ? 0 : sextet(text, i + 2);
    const c3 = pad3 ? 0 : sextet(text, i + 3);
    out[written++] = (c0 << 2) | (c1 >> 4);
    if (!pad2) out[written++] = ((c1 & 0x0f) << 4) | (c2 >> 2);
    if (!pad3) out[written++] = ((c2 & 0x03) << 6) | c3;
  }
  return out;
}
