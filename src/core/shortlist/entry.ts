/**
 * Shortlists as data: per subject (the job a recruiter ranks resumes for, or the resume a job
 * seeker ranks jobs for), one entry per candidate with a star, a pipeline stage, a note and tags.
 * Pure functions over plain values; src/db/shortlists.repo.ts stores them.
 */

/** Pipeline stages in order; hired and rejected are both ends. */
export const SHORTLIST_STAGES = ['new', 'screened', 'interview', 'offer', 'hired', 'rejected'] as const;
export type ShortlistStage = (typeof SHORTLIST_STAGES)[number];

export const STAGE_LABELS: Record<ShortlistStage, string> = {
  new: 'New',
  screened: 'Screened',
  interview: 'Interview',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
};

export type ShortlistSubjectKind = 'job' | 'resume';

export interface ShortlistEntry {
  /** `${subjectId}|${candidateId}` */
  id: string;
  subjectKind: ShortlistSubjectKind;
  /** The job (recruiter view) or resume (job-seeker view) the candidate is shortlisted for. */
  subjectId: string;
  /** The resume (recruiter view) or job (job-seeker view) on the list. */
  candidateId: string;
  starred: boolean;
  stage: ShortlistStage;
  note: string;
  tags: string[];
  updatedAt: number;
}

export type ShortlistChange = Partial<Pick<ShortlistEntry, 'starred' | 'stage' | 'note' | 'tags'>>;

/** Longest note kept; longer text is cut (a note is a reminder, not a document). */
export const MAX_NOTE_LENGTH = 4000;
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 40;

export function shortlistEntryId(subjectId: string, candidateId: string): string {
  return `${subjectId}|${candidateId}`;
}

export function isShortlistStage(value: unknown): value is ShortlistStage {
  return typeof value === 'string' && (SHORTLIST_STAGES as readonly string[]).includes(value);
}

/** Tags typed as "a, b, B" → ["a", "b"]: trimmed, lower-cased, unique, bounded. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = tag.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH);
    if (clean) seen.add(clean);
    if (seen.size >= MAX_TAGS) break;
  }
  return [...seen];
}

export function blankEntry(
  subjectKind: ShortlistSubjectKind,
  subjectId: string,
  candidateId: string,
  now: number,
): ShortlistEntry {
  return {
    id: shortlistEntryId(subjectId, candidateId),
    subjectKind,
    subjectId,
    candidateId,
    starred: false,
    stage: 'new',
    note: '',
    tags: [],
    updatedAt: now,
  };
}

/** The entry after a change (a new object; the input is untouched). Unknown stages are refused. */
export function applyShortlistChange(
  entry: ShortlistEntry,
  change: ShortlistChange,
  now: number,
): ShortlistEntry {
  if (change.stage !== undefined && !isShortlistStage(change.stage)) {
    throw new RangeError(`Unknown shortlist stage "${String(change.stage)}"`);
  }
  return {
    ...entry,
    ...(change.starred !== undefined ? { starred: change.starred } : {}),
    ...(change.stage !== undefined ? { stage: change.stage } : {}),
    ...(change.note !== undefined ? { note: change.note.slice(0, MAX_NOTE_LENGTH) } : {}),
    ...(change.tags !== undefined ? { tags: normaliseTags(change.tags) } : {}),
    updatedAt: now,
  };
}

/** An entry that says nothing (not starred, stage new, no note or tags) need not be stored. */
export function isEmptyEntry(entry: ShortlistEntry): boolean {
  return !entry.starred && entry.stage === 'new' && entry.note === '' && entry.tags.length === 0;
}
