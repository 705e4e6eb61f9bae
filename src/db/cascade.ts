/**
 * Shared write paths for resumes and jobs, which own a document and appear in matches. Each is
 * one read-write transaction, so a crash or closed tab leaves the whole record or nothing.
 */
import { ShortlistError } from '../core/errors';
import type { AppDb } from './app-db';
import type { DocumentRecord, DocumentRole } from './records';
import { withStorageErrors } from './storage-errors';

interface OwnedRecord {
  id: string;
  documentId: string;
}

/** Rejects a pair whose halves do not belong together (a programming error, caught before writing). */
export function assertOwnedDocument(role: DocumentRole, document: DocumentRecord, record: OwnedRecord): void {
  if (document.role !== role) {
    throw new ShortlistError(
      'invalid-input',
      `Expected a ${role} document, got a ${document.role} document.`,
    );
  }
  if (record.documentId !== document.id) {
    throw new ShortlistError(
      'invalid-input',
      `The ${role} points at document "${record.documentId}" but document "${document.id}" was given.`,
    );
  }
}

/**
 * Deletes a resume or job with everything derived from it (document, matches, vectors,
 * suggestions, application status, shortlist entries) in one transaction. Returns false when absent.
 */
export function deleteOwnerCascade(db: AppDb, role: DocumentRole, id: string): Promise<boolean> {
  const table = role === 'resume' ? db.resumes : db.jobs;
  const matchField = role === 'resume' ? 'resumeId' : 'jobId';
  return withStorageErrors(() =>
    db.transaction(
      'rw',
      [table, db.documents, db.matches, db.vectors, db.suggestions, db.applications, db.shortlists],
      async () => {
        const record = await table.get(id);
        if (!record) return false;
        await db.matches.where(matchField).equals(id).delete();
        await db.vectors.where('ownerId').equals(id).delete();
        await db.suggestions.where(matchField).equals(id).delete();
        if (role === 'job') await db.applications.delete(id);
        // Its shortlist entries, both as the subject of a list and as a candidate on one.
        await db.shortlists.where('subjectId').equals(id).delete();
        await db.shortlists.where('candidateId').equals(id).delete();
        await db.documents.delete(record.documentId);
        await table.delete(id);
        return true;
      },
    ),
  );
}
