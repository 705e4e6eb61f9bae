import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import { DocumentRepository } from '../../../src/db/documents.repo';
import { refuseDuplicate } from '../../../src/db/duplicates';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { resume, resumeDocument, uniqueDbName } from './fixtures';

const opened: AppDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('refuseDuplicate', () => {
  it('refuses a file whose hash is already stored for the same role, and says so', async () => {
    const db = await openAppDb(uniqueDbName('dupes'));
    opened.push(db);
    const documents = new DocumentRepository(db);
    const stored = resumeDocument('d1');
    await new ResumeRepository(db).saveImportedResume(stored, resume('r1', 'd1', 'Jane Doe', 1, []));

    const again = refuseDuplicate(documents, stored.hash, 'resume', 'copy of cv.pdf');
    await expect(again).rejects.toBeInstanceOf(ParseError);
    await expect(again).rejects.toMatchObject({ code: 'duplicate-file' });
    await expect(again).rejects.toThrow(/already in your library \(as “d1\.pdf”\).*not added again/);
    // The same bytes as a job description, or different bytes, are new.
    await expect(refuseDuplicate(documents, stored.hash, 'job', 'x.pdf')).resolves.toBeUndefined();
    await expect(refuseDuplicate(documents, 'other-hash', 'resume', 'x.pdf')).resolves.toBeUndefined();
  });
});
