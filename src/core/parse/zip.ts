/**
 * A tiny read-only ZIP central directory reader (no dependency, no decompression). Used by the
 * sniffer to tell a DOCX from other ZIPs and by the DOCX parser to refuse zip bombs *before*
 * anything is inflated: the central directory states every entry's uncompressed size.
 */

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** The central directory could not be read: the bytes are not a complete ZIP archive. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_RECORD = 0x06064b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const MAX_COMMENT_LENGTH = 0xffff;
const END_RECORD_SIZE = 22;

/** True when the bytes start like a ZIP archive (local file header or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/** 64-bit little-endian read; sizes above 2^53 are clamped, which still trips every limit. */
function readUint64(view: DataView, offset: number): number {
  const low = view.getUint32(offset, true);
  const high = view.getUint32(offset + 4, true);
  return Math.min(high * 2 ** 32 + low, Number.MAX_SAFE_INTEGER);
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - MAX_COMMENT_LENGTH);
  for (let offset = view.byteLength - END_RECORD_SIZE; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new ZipFormatError('No ZIP end-of-central-directory record (the file is truncated or not a ZIP).');
}

/** Where the central directory starts and how many entries it has, following ZIP64 when used. */
function locateCentralDirectory(view: DataView, endOffset: number): { offset: number; count: number } {
  let count = view.getUint16(endOffset + 10, true);
  let offset = view.getUint32(endOffset + 16, true);
  const usesZip64 = count === 0xffff || offset === 0xffffffff;
  const locatorOffset = endOffset - 20;
  if (usesZip64 && locatorOffset >= 0 && view.getUint32(locatorOffset, true) === ZIP64_END_LOCATOR) {
    const recordOffset = readUint64(view, locatorOffset + 8);
    if (recordOffset + 56 > view.byteLength || view.getUint32(recordOffset, true) !== ZIP64_END_RECORD) {
      throw new ZipFormatError('Broken ZIP64 end record.');
    }
    count = readUint64(view, recordOffset + 32);
    offset = readUint64(view, recordOffset + 48);
  }
  return { offset, count };
}

/** Reads the ZIP64 extended sizes of one entry when its 32-bit fields say "see extra field". */
function applyZip64Sizes(
  view: DataView,
  extraStart: number,
  extraEnd: number,
  sizes: { compressedSize: number; uncompressedSize: number },
): void {
  let cursor = extraStart;
  while (cursor + 4 <= extraEnd) {
    const headerId = view.getUint16(cursor, true);
    const length = view.getUint16(cursor + 2, true);
    if (headerId === ZIP64_EXTRA_FIELD) {
      // The 64-bit values appear only for the fields that were 0xffffffff, in this order.
      let field = cursor + 4;
      if (sizes.uncompressedSize === 0xffffffff && field + 8 <= extraEnd) {
        sizes.uncompressedSize = readUint64(view, field);
        field += 8;
      }
      if (sizes.compressedSize === 0xffffffff && field + 8 <= extraEnd) {
        sizes.compressedSize = readUint64(view, field);
      }
      return;
    }
    cursor += 4 + length;
  }
}

/** Lists the entries of a ZIP archive from its central directory. Throws ZipFormatError. */
export function readZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  if (bytes.length < END_RECORD_SIZE) throw new ZipFormatError('Too short to be a ZIP archive.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endOffset = findEndOfCentralDirectory(view);
  const directory = locateCentralDirectory(view, endOffset);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let cursor = directory.offset;
  for (let index = 0; index < directory.count; index++) {
    if (cursor + 46 > view.byteLength || view.getUint32(cursor, true) !== CENTRAL_FILE_HEADER) {
      throw new ZipFormatError('The ZIP central directory is damaged.');
    }
    const sizes = {
      compressedSize: view.getUint32(cursor + 20, true),
      uncompressedSize: view.getUint32(cursor + 24, true),
    };
    const nameLength = view.getUint16(cursor + 28, true);
    const extraLength = view.getUint16(cursor + 30, true);
    const commentLength = view.getUint16(cursor + 32, true);
    const nameStart = cursor + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > view.byteLength) throw new ZipFormatError('The ZIP central directory is truncated.');
    applyZip64Sizes(view, extraStart, extraStart + extraLength, sizes);
    entries.push({ name: decoder.decode(bytes.subarray(nameStart, extraStart)), ...sizes });
    cursor = next;
  }
  return entries;
}
