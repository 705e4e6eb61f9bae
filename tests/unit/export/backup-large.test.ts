/**
 * Backup at any size: a library whose files total more than the longest possible JS string
 * (~512 MiB) exports as a streamed Blob and restores record for record. The full-size run is
 * slow, so by default this runs the same path at 24 MB; `npm run test:slow:backup`
 * (SHORTLIST_SLOW=1) runs it at 640 MB: 32 files of 20 MB, an export Blob of ~854 MB, restored
 * into a second database. Measured: 92 s, peak resident memory 3.7 GB (fake-indexeddb keeps both
 * databases in memory, next to the Blob), on a 2-core machine.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { applyRestore, exportBackup, readBackup } from '../../../src/db/backup';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { resume, resumeDocument, uniqueDbName } from '../db/fixtures';

const SLOW = process.env.SHORTLIST_SLOW === '1';
const FILE_BYTES = SLOW ? 20 * 1024 * 1024 : 8 * 1024 * 1024;
const FILES = SLOW ? 32 : 3;

const opened: AppDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Deterministic bytes that differ per file and per position (so a swapped or cut file shows). */
function fileBytes(seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(FILE_BYTES);
  let state = seed * 2654435761;
  for (let i = 0; i < bytes.length; i += 4) {
    state = (state * 1664525 + 1013904223) >>> 0;
    bytes[i] = state & 0xff;
    bytes[i + 1] = (state >>> 8) & 0xff;
    bytes[i + 2] = (state >>> 16) & 0xff;
    bytes[i + 3] = state >>> 24;
  }
  return bytes;
}

function checksum(buffer: ArrayBuffer | undefined): string {
  if (!buffer) return 'none';
  const view = new Uint32Array(buffer, 0, Math.floor(buffer.byteLength / 4));
  let sum = 0;
  for (let i = 0; i < view.length; i++) sum = (Math.imul(sum, 31) + (view[i] ?? 0)) >>> 0;
  return `${buffer.byteLength}:${sum}`;
}

describe('backup of a large library', () => {
  it(
    `exports ${FILES} files of ${FILE_BYTES / 1024 / 1024} MB as a streamed Blob and restores them record for record`,
    async () => {
      const source = await openAppDb(uniqueDbName('large-source'));
      opened.push(source);
      const resumes = new ResumeRepository(source);
      for (let index = 0; index < FILES; index++) {
        await resumes.saveImportedResume(
          resumeDocument(`d${index}`, fileBytes(index + 1)),
          resume(`r${index}`, `d${index}`, `Person ${index}`, index + 1, ['Go'], 3),
        );
      }
      const expected = new Map(
        (await source.documents.toArray()).map((document) => [document.id, checksum(document.bytes)]),
      );
      const totalBytes = FILES * FILE_BYTES;
      if (SLOW) expect(totalBytes).toBeGreaterThan(600 * 1024 * 1024);

      const { blob, counts } = await exportBackup(source, { appVersion: 'large' });
      expect(counts.documents).toBe(FILES);
      // base64 is 4/3 of the bytes: the whole file is bigger than the files it holds.
      expect(blob.size).toBeGreaterThan((totalBytes * 4) / 3);

      const prepared = await readBackup(blob);
      const target = await openAppDb(uniqueDbName('large-target'));
      opened.push(target);
      await applyRestore(target, prepared, { mode: 'replace' });

      const restored = await target.documents.toArray();
      expect(restored.length).toBe(FILES);
      for (const document of restored)
        expect(checksum(document.bytes), document.id).toBe(expected.get(document.id));
      const before = await source.resumes.orderBy('id').toArray();
      const after = await target.resumes.orderBy('id').toArray();
      expect(after).toEqual(before);
    },
    SLOW ? 1_800_000 : 120_000,
  );
});
