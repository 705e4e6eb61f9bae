/**
 * The resume-layout tests' one way to read a generated PDF: parsed and extracted by the core as the
 * app does, on a fixed date ("Present" ends on 2024-07-01), and its work entries as rows.
 */
import type { ParsedDocument, Profile } from '../../../src/core/domain';
import { extractResume } from '../../../src/core/extract/resume';
import { parseDocument } from '../../../src/core/parse';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';

const NOW = new Date(Date.UTC(2024, 6, 1));

export function documentOf(bytes: Uint8Array): Promise<ParsedDocument> {
  return parseDocument(bytes, { fileName: 'theme.pdf', mimeType: '', maxBytes: 1e7 }, nodeParseLibs);
}

export async function profileOf(bytes: Uint8Array): Promise<Profile> {
  return extractResume(await documentOf(bytes), { now: NOW });
}

/** Each work entry as [company, position, startDate, endDate]. */
export const rows = (profile: Profile) =>
  profile.work.map((entry) => [entry.company, entry.position, entry.startDate, entry.endDate]);
