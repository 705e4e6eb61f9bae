/**
 * Identical files are not imported twice: the parse worker hashes the bytes (SHA-256) and asks
 * here before parsing. Reads the documents table only.
 */
import { ParseError } from '../core/errors';
import type { DocumentRepository } from './documents.repo';
import type { DocumentRole } from './records';

/** Throws ParseError('duplicate-file') when a document of this role has the same content hash. */
export async function refuseDuplicate(
  documents: Pick<DocumentRepository, 'findByHash'>,
  hash: string,
  role: DocumentRole,
  fileName: string,
): Promise<void> {
  const existing = await documents.findByHash(hash, role);
  if (!existing) return;
  const same = existing.fileName === fileName ? '' : ` (as “${existing.fileName}”)`;
  throw new ParseError(
    'duplicate-file',
    `“${fileName}” is already in your library${same}: it is the same file, so it was not added again.`,
  );
}
