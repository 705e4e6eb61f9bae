/**
 * A small read-only ZIP reader for archives from strangers. The central directory is walked to
 * its real end (not to the count the end record claims) and checked against every local header
 * before anything is inflated; entries are then inflated under a byte budget that is enforced
 * while the bytes come out, so an archive whose headers lie is stopped the moment it passes the
 * budget or its own declared size. Used by the sniffer (names only) and the DOCX parser, which
 * hands mammoth a re-packed, uncompressed copy of what was inflated here.
 */
import { Inflate } from 'fflate';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** What validation and inflation need beyond the listing. */
interface ZipEntryRecord extends ZipEntryInfo {
  method: number;
  crc: number;
  localHeaderOffset: number;
  rawName: Uint8Array;
}

export interface ZipLimits {
  /** Most entries an archive may have (a DOCX has a few dozen). */
  maxEntries: number;
  /** Budget for all entries unpacked, declared and actual. */
  maxUnzippedBytes: number;
  /** Highest compression ratio of one entry once it is over `ratioFloorBytes`. */
  maxEntryRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxEntryRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** The archive breaks a limit (too many entries, too big, too compressed, or its headers lie). */
export class ZipLimitError extends Error {
  readonly limit: 'entries' | 'size' | 'ratio' | 'lying-size';
  /** Unpacked bytes when the limit was hit (or declared, when refused before inflating). */
  readonly bytes: number;

  constructor(limit: ZipLimitError['limit'], message: string, bytes = 0) {
    super(message);
    this.name = 'ZipLimitError';
    this.limit = limit;
    this.bytes = bytes;
  }
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
const LOCAL_FILE_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
/**
 * Compressed bytes pushed per inflate step: at deflate's ~1000:1 at most ~4 MB comes out per step
 * before the size checks run. Each step costs fflate a fresh 160 KB window buffer and two 32 KB
 * copies, so 1 KB steps spent more time allocating and copying than inflating (inflate 1.1 → 0.8 ms
 * per dev-set DOCX at best, 4 → 1.8 ms on average with the garbage collection they caused).
 */
const INFLATE_STEP_BYTES = 4 * 1024;
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
function locateCentralDirectory(
  view: DataView,
  endOffset: number,
): { offset: number; count: number; end: number } {
  let count = view.getUint16(endOffset + 10, true);
  let offset = view.getUint32(endOffset + 16, true);
  let end = endOffset;
  const usesZip64 = count === 0xffff || offset === 0xffffffff;
  const locatorOffset = endOffset - 20;
  if (usesZip64 && locatorOffset >= 0 && view.getUint32(locatorOffset, true) === ZIP64_END_LOCATOR) {
    const recordOffset = readUint64(view, locatorOffset + 8);
    if (recordOffset + 56 > view.byteLength || view.getUint32(recordOffset, true) !== ZIP64_END_RECORD) {
      throw new ZipFormatError('Broken ZIP64 end record.');
    }
    count = readUint64(view, recordOffset + 32);
    offset = readUint64(view, recordOffset + 48);
    end = recordOffset;
  }
  return { offset, count, end };
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

/**
 * Walks the central directory from its start to where it really ends (the end record, or the
 * ZIP64 end record), whatever count the end record claims: an unzip library reads them all, so
 * a check that stops at the claimed count can be bypassed by hiding entries after it.
 */
function readCentralDirectory(bytes: Uint8Array): ZipEntryRecord[] {
  if (bytes.length < END_RECORD_SIZE) throw new ZipFormatError('Too short to be a ZIP archive.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endOffset = findEndOfCentralDirectory(view);
  const directory = locateCentralDirectory(view, endOffset);
  if (directory.offset > directory.end)
    throw new ZipFormatError('The ZIP central directory is out of place.');
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryRecord[] = [];
  let cursor = directory.offset;
  while (cursor < directory.end) {
    if (
      cursor + CENTRAL_HEADER_SIZE > directory.end ||
      view.getUint32(cursor, true) !== CENTRAL_FILE_HEADER
    ) {
      throw new ZipFormatError('The ZIP central directory is damaged.');
    }
    const sizes = {
      compressedSize: view.getUint32(cursor + 20, true),
      uncompressedSize: view.getUint32(cursor + 24, true),
    };
    const nameLength = view.getUint16(cursor + 28, true);
    const extraLength = view.getUint16(cursor + 30, true);
    const commentLength = view.getUint16(cursor + 32, true);
    let localHeaderOffset = view.getUint32(cursor + 42, true);
    const nameStart = cursor + CENTRAL_HEADER_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directory.end) throw new ZipFormatError('The ZIP central directory is truncated.');
    const wasOffsetInExtra = localHeaderOffset === 0xffffffff;
    applyZip64Sizes(view, extraStart, extraStart + extraLength, sizes);
    if (wasOffsetInExtra) localHeaderOffset = Number.MAX_SAFE_INTEGER;
    const rawName = bytes.subarray(nameStart, extraStart);
    entries.push({
      name: decoder.decode(rawName),
      rawName,
      method: view.getUint16(cursor + 10, true),
      crc: view.getUint32(cursor + 16, true),
      localHeaderOffset,
      ...sizes,
    });
    cursor = next;
  }
  if (entries.length !== directory.count) {
    throw new ZipFormatError(
      `The ZIP end record claims ${directory.count} entries but the central directory holds ${entries.length}.`,
    );
  }
  return entries;
}

/** Lists the entries of a ZIP archive from its central directory. Throws ZipFormatError. */
export function readZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  return readCentralDirectory(bytes).map(({ name, compressedSize, uncompressedSize }) => ({
    name,
    compressedSize,
    uncompressedSize,
  }));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** Where each entry's compressed data starts, after checking its local header agrees. */
function dataStart(bytes: Uint8Array, view: DataView, entry: ZipEntryRecord, directoryStart: number): number {
  const offset = entry.localHeaderOffset;
  if (offset + LOCAL_HEADER_SIZE > directoryStart || view.getUint32(offset, true) !== LOCAL_FILE_HEADER) {
    throw new ZipFormatError(`The local header of "${entry.name}" is missing.`);
  }
  const method = view.getUint16(offset + 8, true);
  const nameLength = view.getUint16(offset + 26, true);
  const extraLength = view.getUint16(offset + 28, true);
  const name = bytes.subarray(offset + LOCAL_HEADER_SIZE, offset + LOCAL_HEADER_SIZE + nameLength);
  if (method !== entry.method || !sameBytes(name, entry.rawName)) {
    throw new ZipFormatError(`The local header of "${entry.name}" does not match the central directory.`);
  }
  const start = offset + LOCAL_HEADER_SIZE + nameLength + extraLength;
  if (start + entry.compressedSize > directoryStart) {
    throw new ZipFormatError(`The data of "${entry.name}" runs past the end of the archive.`);
  }
  return start;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Everything that can be known before inflating: entry count, declared sizes and ratios, local
 * headers that agree with the central directory, and no two entries sharing compressed bytes
 * (overlapping entries are how a small archive unpacks to gigabytes). Returns each data start.
 */
function validate(bytes: Uint8Array, entries: ZipEntryRecord[], limits: ZipLimits): number[] {
  if (entries.length > limits.maxEntries) {
    throw new ZipLimitError(
      'entries',
      `The archive has ${entries.length} entries (at most ${limits.maxEntries}).`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directoryStart = locateCentralDirectory(view, findEndOfCentralDirectory(view)).offset;
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxUnzippedBytes) {
    throw new ZipLimitError(
      'size',
      `The archive would unpack to ${megabytes(declared)}, over the ${megabytes(limits.maxUnzippedBytes)} limit.`,
      declared,
    );
  }
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipFormatError(
        `"${entry.name}" uses a compression method (${entry.method}) that is not supported.`,
      );
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw new ZipLimitError(
        'lying-size',
        `"${entry.name}" is stored uncompressed but its two sizes differ.`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxEntryRatio) {
      throw new ZipLimitError(
        'ratio',
        `"${entry.name}" is compressed ${Math.round(ratio)}x, which only happens with deliberately crafted files.`,
        entry.uncompressedSize,
      );
    }
  }
  const starts = entries.map((entry) => dataStart(bytes, view, entry, directoryStart));
  const ranges = entries
    .map((entry, index) => ({
      from: entry.localHeaderOffset,
      to: (starts[index] ?? 0) + entry.compressedSize,
    }))
    .sort((a, b) => a.from - b.from);
  for (let index = 1; index < ranges.length; index++) {
    if ((ranges[index]?.from ?? 0) < (ranges[index - 1]?.to ?? 0)) {
      throw new ZipFormatError('Two entries of the archive share the same bytes.');
    }
  }
  return starts;
}

/** Checks an archive without inflating anything. Throws ZipFormatError or ZipLimitError. */
export function validateZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  const entries = readCentralDirectory(bytes);
  validate(bytes, entries, limits);
  return entries.map(({ name, compressedSize, uncompressedSize }) => ({
    name,
    compressedSize,
    uncompressedSize,
  }));
}

/**
 * Inflates one entry into `target` at `at`, a step at a time; throws the moment the output
 * passes the entry's declared size (a lying header) or the remaining budget.
 */
function inflateEntry(compressed: Uint8Array, entry: ZipEntryRecord, target: Uint8Array, at: number): void {
  if (entry.method === 0) {
    target.set(compressed, at);
    return;
  }
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.uncompressedSize) {
      throw new ZipLimitError(
        'lying-size',
        `"${entry.name}" unpacks to more than the ${megabytes(entry.uncompressedSize)} its header declares.`,
        at + written + chunk.length,
      );
    }
    target.set(chunk, at + written);
    written += chunk.length;
  });
  for (let offset = 0; offset < compressed.length; offset += INFLATE_STEP_BYTES) {
    const end = Math.min(compressed.length, offset + INFLATE_STEP_BYTES);
    inflater.push(compressed.subarray(offset, end), end === compressed.length);
  }
  if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  if (written !== entry.uncompressedSize) {
    throw new ZipFormatError(`"${entry.name}" unpacks to a different size than its header declares.`);
  }
}

/**
 * Validates and inflates an archive under `limits`, and returns the same archive with every
 * entry stored uncompressed (for libraries such as mammoth that unzip on their own: what they
 * read is exactly what was inflated and counted here). Throws ZipFormatError or ZipLimitError.
 *
 * Memory: the output is allocated once at the declared total (already checked against the
 * budget) and every entry is inflated straight into it, so the peak is about one budget.
 */
export function inflateToStoredZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Uint8Array {
  const entries = readCentralDirectory(bytes);
  const starts = validate(bytes, entries, limits);
  let headers = END_RECORD_SIZE;
  for (const entry of entries) headers += LOCAL_HEADER_SIZE + CENTRAL_HEADER_SIZE + 2 * entry.rawName.length;
  const dataTotal = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const output = new Uint8Array(headers + dataTotal);
  const view = new DataView(output.buffer);
  const localOffsets: number[] = [];
  let cursor = 0;
  entries.forEach((entry, index) => {
    localOffsets.push(cursor);
    view.setUint32(cursor, LOCAL_FILE_HEADER, true);
    view.setUint16(cursor + 4, 20, true);
    view.setUint32(cursor + 14, entry.crc, true);
    view.setUint32(cursor + 18, entry.uncompressedSize, true);
    view.setUint32(cursor + 22, entry.uncompressedSize, true);
    view.setUint16(cursor + 26, entry.rawName.length, true);
    output.set(entry.rawName, cursor + LOCAL_HEADER_SIZE);
    cursor += LOCAL_HEADER_SIZE + entry.rawName.length;
    const start = starts[index] ?? 0;
    inflateEntry(bytes.subarray(start, start + entry.compressedSize), entry, output, cursor);
    cursor += entry.uncompressedSize;
  });
  const directoryOffset = cursor;
  entries.forEach((entry, index) => {
    view.setUint32(cursor, CENTRAL_FILE_HEADER, true);
    view.setUint16(cursor + 4, 20, true);
    view.setUint16(cursor + 6, 20, true);
    view.setUint32(cursor + 16, entry.crc, true);
    view.setUint32(cursor + 20, entry.uncompressedSize, true);
    view.setUint32(cursor + 24, entry.uncompressedSize, true);
    view.setUint16(cursor + 28, entry.rawName.length, true);
    view.setUint32(cursor + 42, localOffsets[index] ?? 0, true);
    output.set(entry.rawName, cursor + CENTRAL_HEADER_SIZE);
    cursor += CENTRAL_HEADER_SIZE + entry.rawName.length;
  });
  view.setUint32(cursor, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(cursor + 8, entries.length, true);
  view.setUint16(cursor + 10, entries.length, true);
  view.setUint32(cursor + 12, cursor - directoryOffset, true);
  view.setUint32(cursor + 16, directoryOffset, true);
  return output;
}
