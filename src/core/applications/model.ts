/**
 * Job applications as the job seeker tracks them: the status pipeline, the timeline of status
 * changes, and the pure operations on one application. Pure data (structured-clone safe): the
 * same objects are stored in the Dexie `applications` table and go into the backup as they are.
 */
import { ShortlistError } from '../errors';

/** The pipeline, in order. The last three are outcomes (a closed application). */
export const APPLICATION_STATUSES = [
  'saved',
  'applied',
  'screening',
  'interview',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  saved: 'Saved',
  applied: 'Applied',
  screening: 'Screening',
  interview: 'Interview',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** Statuses that mean the employer answered (used by the response rate). */
export const RESPONDED: ReadonlySet<ApplicationStatus> = new Set([
  'screening',
  'interview',
  'offer',
  'accepted',
]);
/** Statuses that end an application. */
export const CLOSED: ReadonlySet<ApplicationStatus> = new Set(['accepted', 'rejected', 'withdrawn']);

export interface StatusChange {
  status: ApplicationStatus;
  /** Epoch milliseconds. */
  at: number;
}

export interface SalaryRange {
  min?: number;
  max?: number;
  /** ISO 4217 code as typed ("EUR"), free text kept short. */
  currency?: string;
}

/** One tracked application (one per job). */
export interface Application {
  /** The job applied to; also the primary key (one application per job). */
  jobId: string;
  /** The resume version sent (a resume id; versions are resume records with a parentId). */
  resumeId?: string;
  /** The job's title when it was tracked, so the board reads well even after the job is renamed. */
  jobTitle: string;
  company?: string;
  status: ApplicationStatus;
  /** Every status change, oldest first; the first entry is when it was tracked. */
  timeline: StatusChange[];
  /** Application deadline, "YYYY-MM-DD". */
  deadline?: string;
  contact?: string;
  salary?: SalaryRange;
  postingUrl?: string;
  notes: string;
  /** "Next step on" date, "YYYY-MM-DD", with what the step is. */
  nextStepOn?: string;
  nextStep?: string;
  /** The match score (0..100) of resume and job when it was tracked: analytics compares outcomes. */
  matchScore?: number;
  createdAt: number;
  updatedAt: number;
}

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export interface NewApplication {
  jobId: string;
  jobTitle: string;
  resumeId?: string;
  company?: string;
  matchScore?: number;
  postingUrl?: string;
  status?: ApplicationStatus;
}

export function createApplication(input: NewApplication, now: number): Application {
  const status = input.status ?? 'saved';
  return {
    jobId: input.jobId,
    jobTitle: input.jobTitle,
    ...(input.resumeId ? { resumeId: input.resumeId } : {}),
    ...(input.company ? { company: input.company } : {}),
    ...(input.matchScore !== undefined ? { matchScore: input.matchScore } : {}),
    ...(input.postingUrl ? { postingUrl: input.postingUrl } : {}),
    status,
    timeline: [{ status, at: now }],
    notes: '',
    createdAt: now,
    updatedAt: now,
  };
}

/** A new application object with its status changed and the change on the timeline. */
export function moveApplication(
  application: Application,
  status: ApplicationStatus,
  now: number,
): Application {
  if (!isApplicationStatus(status))
    throw new ShortlistError('invalid-input', `"${String(status)}" is not a status.`);
  if (application.status === status) return application;
  return {
    ...application,
    status,
    timeline: [...application.timeline, { status, at: now }],
    updatedAt: now,
  };
}

/** The status one step left / right on the board, or undefined at either end. */
export function neighbourStatus(status: ApplicationStatus, step: -1 | 1): ApplicationStatus | undefined {
  const index = APPLICATION_STATUSES.indexOf(status) + step;
  return APPLICATION_STATUSES[index];
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Validates a "YYYY-MM-DD" date typed by the person (empty → undefined). */
export function parseDay(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!DAY_RE.test(trimmed) || Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`))) {
    throw new ShortlistError('invalid-input', `"${trimmed}" is not a date; use YYYY-MM-DD.`);
  }
  return trimmed;
}

/** Local "YYYY-MM-DD" of an epoch time (for "due today" comparisons). */
export function dayOf(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface DueItem {
  application: Application;
  /** "overdue" before today, "today", or "soon" within the horizon. */
  when: 'overdue' | 'today' | 'soon';
}

/**
 * Open applications whose next step is due by `today + horizonDays`, most urgent first. Closed
 * applications have no next step.
 */
export function dueList(applications: readonly Application[], today: string, horizonDays = 7): DueItem[] {
  const limit = dayOf(Date.parse(`${today}T12:00:00`) + horizonDays * 86_400_000);
  const items: DueItem[] = [];
  for (const application of applications) {
    const due = application.nextStepOn;
    if (!due || CLOSED.has(application.status) || due > limit) continue;
    items.push({ application, when: due < today ? 'overdue' : due === today ? 'today' : 'soon' });
  }
  return items.sort(
    (a, b) =>
      (a.application.nextStepOn ?? '').localeCompare(b.application.nextStepOn ?? '') ||
      a.application.jobTitle.localeCompare(b.application.jobTitle),
  );
}

export type ApplicationSortKey =
  'jobTitle' | 'company' | 'status' | 'updatedAt' | 'nextStepOn' | 'matchScore';

export interface ApplicationQuery {
  search?: string;
  statuses?: readonly ApplicationStatus[];
  sort?: ApplicationSortKey;
  descending?: boolean;
}

/** Filter (statuses, words in title / company / contact / notes) and sort for the table view. */
export function queryApplications(
  applications: readonly Application[],
  query: ApplicationQuery,
): Application[] {
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const statuses = query.statuses && query.statuses.length > 0 ? new Set(query.statuses) : null;
  const rows = applications.filter((application) => {
    if (statuses && !statuses.has(application.status)) return false;
    if (words.length === 0) return true;
    const haystack = [application.jobTitle, application.company, application.contact, application.notes]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const key = query.sort ?? 'updatedAt';
  const direction = query.descending ? -1 : 1;
  const value = (application: Application): string | number => {
    switch (key) {
      case 'status':
        return APPLICATION_STATUSES.indexOf(application.status);
      case 'matchScore':
        return application.matchScore ?? -1;
      case 'updatedAt':
        return application.updatedAt;
      default:
        return (application[key] ?? '').toLowerCase();
    }
  };
  return rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const order =
      typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return order * direction || a.jobId.localeCompare(b.jobId);
  });
}
