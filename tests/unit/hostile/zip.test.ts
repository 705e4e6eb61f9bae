/**
 * Hostile ZIP archives, each generated here: a bomb whose headers lie about its size, entries
 * hidden past the count the end record claims, too many entries, one over-compressed entry,
 * local headers that disagree with the central directory, and entries sharing bytes. Each is
 * refused with its own message within the time budget, before or while inflating.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import { parseDocx, type MammothLike } from '../../../src/core/parse/docx';
import { inflateToStoredZip, validateZip, ZipFormatError, ZipLimitError } from '../../../src/core/parse/zip';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { makeResumeDocx, ALICE } from '../../fixtures/resume-fixtures';
import { deflateRepeated, makeLyingDocxBomb, makeZip } from '../../fixtures/zip-fixtures';

const LIMITS = { maxUnzippedBytes: 100 * 1024 * 1024 };
const BUDGET_MS = 2000;
let mammoth: MammothLike;
beforeAll(async () => {
  mammoth = await nodeParseLibs.loadMammoth();
});

async function refusal(bytes: Uint8Array): Promise<{ error: ParseError; ms: number }> {
  const started = performance.now();
  try {
    await parseDocx(bytes, mammoth, LIMITS);
  } catch (error) {
    if (error instanceof ParseError) return { error, ms: performance.now() - started };
    throw error;
  }
  throw new Error('expected the archive to be refused');
}

/** Rewrites the end record's entry count (to hide entries past it). */
function withClaimedCount(zip: Uint8Array, count: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const end = copy.length - 22;
  view.setUint16(end + 8, count, true);
  view.setUint16(end + 10, count, true);
  return copy;
}

describe('hostile ZIP archives', () => {
  it('stops a DOCX whose headers claim 20 KB but which unpacks to 120 MB, as soon as it passes 20 KB', async () => {
    const bomb = makeLyingDocxBomb(120 * 1024 * 1024, 20 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { error, ms } = await refusal(bomb);
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toMatch(/unpacks to more than its own headers declare/);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('stops a lying bomb whose claimed size is within budget but real size is not (streaming budget)', () => {
    const bomb = makeLyingDocxBomb(30 * 1024 * 1024, 9 * 1024 * 1024);
    expect(() =>
      inflateToStoredZip(bomb, {
        maxEntries: 100,
        maxUnzippedBytes: 10 * 1024 * 1024,
        maxEntryRatio: 1e9,
        ratioFloorBytes: 0,
      }),
    ).toThrow(ZipLimitError);
  });

  it('peak memory while refusing a 400 MB lying bomb stays under 2x the 50 MB limit (child process)', () => {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'zip-memory-probe.ts')],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
      code: string;
      growth: number;
      limit: number;
      ms: number;
    };
    expect(result.code).toBe('zip-bomb');
    expect(result.growth).toBeLessThan(2 * result.limit);
    expect(result.ms).toBeLessThan(BUDGET_MS);
  });

  it('walks the central directory to its real end: entries hidden past the claimed count are found', () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: '<w:document/>' },
      { name: 'hidden-1.xml', data: 'x'.repeat(100), deflate: true },
      { name: 'hidden-2.xml', data: 'y'.repeat(100), deflate: true },
    ]);
    const lying = withClaimedCount(zip, 1);
    expect(() => validateZip(lying)).toThrow(/claims 1 entries but the central directory holds 3/);
  });

  it('refuses an archive with too many entries before inflating', () => {
    const entries = Array.from({ length: 2100 }, (_, index) => ({ name: `part-${index}.xml`, data: 'a' }));
    const zip = makeZip(entries);
    const started = performance.now();
    expect(() => validateZip(zip)).toThrow(/2100 entries \(at most 2000\)/);
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  });

  it('refuses one over-compressed entry even when the total is under the limit', async () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: '<w:document/>' },
      { name: 'word/media/fill.bin', data: '', deflated: deflateRepeated('\u0000', 40 * 1024 * 1024) },
    ]);
    const { error, ms } = await refusal(zip);
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toMatch(/"word\/media\/fill.bin" is compressed \d+x/);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('refuses a local header that disagrees with the central directory', async () => {
    const zip = makeZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    const tampered = zip.slice();
    tampered[30] = 'W'.charCodeAt(0); // first byte of the local file name
    const { error } = await refusal(tampered);
    expect(error.code).toBe('corrupt-file');
    expect(() => validateZip(tampered)).toThrow(/does not match the central directory/);
  });

  it('refuses two entries that share the same compressed bytes', () => {
    const zip = makeZip([
      { name: 'a.xml', data: 'a'.repeat(50) },
      { name: 'a.xml', data: 'b'.repeat(50) },
    ]);
    const view = new DataView(zip.buffer, zip.byteOffset);
    // Point the second central entry at the first local header.
    const end = zip.length - 22;
    const directory = view.getUint32(end + 16, true);
    const second = directory + 46 + 'a.xml'.length;
    view.setUint32(second + 42, 0, true);
    expect(() => validateZip(zip)).toThrow(ZipFormatError);
  });

  it('still opens a real DOCX, inflated and re-packed under the budget', async () => {
    const document = await parseDocx(await makeResumeDocx(ALICE), mammoth, LIMITS);
    expect(document.lines.length).toBeGreaterThan(5);
    expect(document.text).toContain(ALICE.name);
  });
});
