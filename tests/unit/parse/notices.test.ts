import { describe, expect, it } from 'vitest';
import {
  documentNotices,
  headerFooterNote,
  isHeaderFooterNotice,
  removedHeaderFooter,
} from '../../../src/core/parse/notices';

/** What versions before notes existed stored for a PDF with a running header. */
const LEGACY = 'Removed 3 repeated header/footer or page-number line(s).';
const HIDDEN = '2 hidden lines ignored (invisible, white or tiny text that a reader cannot see).';

describe('document notices', () => {
  it('words the header/footer note for one line and for many', () => {
    expect(headerFooterNote(1)).toBe(
      'Left out 1 line repeated on every page (header, footer or page number).',
    );
    expect(headerFooterNote(4)).toMatch(/^Left out 4 lines repeated/);
    expect(isHeaderFooterNotice(headerFooterNote(4))).toBe(true);
    expect(isHeaderFooterNotice(HIDDEN)).toBe(false);
  });

  it('reads a new record as it was stored', () => {
    const notes = [headerFooterNote(2)];
    expect(documentNotices({ warnings: [HIDDEN], notes })).toEqual({ warnings: [HIDDEN], notes });
    expect(documentNotices({ warnings: [] })).toEqual({ warnings: [], notes: [] });
  });

  it('moves the header/footer warning of an old record to the notes, keeping real warnings', () => {
    expect(documentNotices({ warnings: [LEGACY, HIDDEN] })).toEqual({ warnings: [HIDDEN], notes: [LEGACY] });
  });

  it('tells whether header/footer lines were left out, old record or new', () => {
    expect(removedHeaderFooter({ warnings: [LEGACY] })).toBe(true);
    expect(removedHeaderFooter({ warnings: [], notes: [headerFooterNote(1)] })).toBe(true);
    expect(removedHeaderFooter({ warnings: [HIDDEN] })).toBe(false);
  });
});
