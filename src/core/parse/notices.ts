/**
 * What reading a document reports besides its text, sorted by level: warnings (something may be
 * wrong: hidden text, pages left out, a suspicious file) and notes (worth knowing, not a
 * problem: repeated header/footer lines left out). The import list and the resume page show
 * notes as information, never with a warning's style.
 *
 * Records stored before notes existed carry the header/footer sentence in `warnings`;
 * documentNotices moves it to the notes when they are read, so an old record reads like a new
 * one without being rewritten (and old backups still validate: `notes` is optional).
 */
/** The note a PDF gets when repeated header, footer or page-number lines were left out. */
export function headerFooterNote(removed: number): string {
  return `Left out ${removed} line${removed === 1 ? '' : 's'} repeated on every page (header, footer or page number).`;
}

/** The note above, and the warning older versions stored for the same thing. */
const HEADER_FOOTER = /repeated on every page \(header, footer|repeated header\/footer or page-number line/;

export function isHeaderFooterNotice(text: string): boolean {
  return HEADER_FOOTER.test(text);
}

export interface DocumentNotices {
  warnings: string[];
  notes: string[];
}

/** The part of a stored ParsedDocument read here; tolerant of any stored shape. */
export interface StoredNotices {
  warnings?: readonly string[];
  notes?: readonly string[];
}

/** A document's warnings and notes, with notes that older versions stored as warnings moved to notes. */
export function documentNotices(document: StoredNotices): DocumentNotices {
  const stored = document.warnings ?? [];
  return {
    warnings: stored.filter((warning) => !isHeaderFooterNotice(warning)),
    notes: [...(document.notes ?? []), ...stored.filter((warning) => isHeaderFooterNotice(warning))],
  };
}

/** Whether reading left out repeated header/footer lines (an ATS may skip them too). */
export function removedHeaderFooter(document: StoredNotices): boolean {
  return documentNotices(document).notes.some(isHeaderFooterNotice);
}
