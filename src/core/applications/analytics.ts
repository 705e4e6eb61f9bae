/**
 * Analytics over tracked applications: applications per week, the funnel by status, the response
 * rate, time spent in each stage, and match score at application against outcome. Pure and
 * deterministic: the Analytics page draws these numbers and shows the same numbers in tables.
 */
import { APPLICATION_STATUSES, CLOSED, RESPONDED, type Application, type ApplicationStatus } from './model';

const DAY_MS = 86_400_000;

export interface WeekCount {
  /** Monday of the week (UTC), "YYYY-MM-DD". */
  week: string;
  count: number;
}

function mondayOf(epochMs: number): number {
  const date = new Date(epochMs);
  const utcDay = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(utcDay).getUTCDay() + 6) % 7;
  return utcDay - weekday * DAY_MS;
}

/** When it was applied: the first move to "applied" or beyond, else undefined (only saved). */
export function appliedAt(application: Application): number | undefined {
  return application.timeline.find((change) => change.status !== 'saved')?.at;
}

/** Applications per week of applying, every week between the first and last (zeros included). */
export function applicationsPerWeek(applications: readonly Application[]): WeekCount[] {
  const counts = new Map<number, number>();
  for (const application of applications) {
    const at = appliedAt(application);
    if (at === undefined) continue;
    const week = mondayOf(at);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const weeks = [...counts.keys()].sort((a, b) => a - b);
  const result: WeekCount[] = [];
  for (let week = weeks[0]!; week <= weeks[weeks.length - 1]!; week += 7 * DAY_MS) {
    result.push({ week: new Date(week).toISOString().slice(0, 10), count: counts.get(week) ?? 0 });
  }
  return result;
}

export interface FunnelStage {
  status: ApplicationStatus;
  /** Applications now in this status. */
  current: number;
  /** Applications that ever reached this status (from their timeline). */
  reached: number;
}

/** Per status: how many are in it now and how many ever reached it. */
export function funnel(applications: readonly Application[]): FunnelStage[] {
  return APPLICATION_STATUSES.map((status) => ({
    status,
    current: applications.filter((application) => application.status === status).length,
    reached: applications.filter((application) =>
      application.timeline.some((change) => change.status === status),
    ).length,
  }));
}

export interface ResponseRate {
  applied: number;
  responded: number;
  /** responded / applied, 0 when nothing was applied for. */
  rate: number;
}

/** Of the applications sent, how many got an answer beyond a rejection (screening or later). */
export function responseRate(applications: readonly Application[]): ResponseRate {
  const sent = applications.filter((application) => appliedAt(application) !== undefined);
  const responded = sent.filter((application) =>
    application.timeline.some((change) => RESPONDED.has(change.status)),
  );
  return {
    applied: sent.length,
    responded: responded.length,
    rate: sent.length ? responded.length / sent.length : 0,
  };
}

export interface StageTime {
  status: ApplicationStatus;
  /** Number of stays measured (left the stage, or still in it at `now`). */
  count: number;
  /** Mean and median days spent. */
  meanDays: number;
  medianDays: number;
}

/** Time spent in each non-final stage, from consecutive timeline entries (open ones up to now). */
export function timeInStage(applications: readonly Application[], now: number): StageTime[] {
  const stays = new Map<ApplicationStatus, number[]>();
  for (const application of applications) {
    const timeline = application.timeline;
    timeline.forEach((change, index) => {
      if (CLOSED.has(change.status)) return;
      const end = timeline[index + 1]?.at ?? now;
      const list = stays.get(change.status) ?? [];
      list.push(Math.max(0, end - change.at) / DAY_MS);
      stays.set(change.status, list);
    });
  }
  return APPLICATION_STATUSES.filter((status) => !CLOSED.has(status)).map((status) => {
    const days = (stays.get(status) ?? []).sort((a, b) => a - b);
    const mean = days.length ? days.reduce((sum, d) => sum + d, 0) / days.length : 0;
    const mid = Math.floor(days.length / 2);
    const median = days.length === 0 ? 0 : days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
    return { status, count: days.length, meanDays: round1(mean), medianDays: round1(median) };
  });
}

export type Outcome = 'interview' | 'no-interview' | 'open';

export interface ScoreBand {
  /** "0–49", "50–64", "65–79", "80–100". */
  band: string;
  min: number;
  max: number;
  total: number;
  /** Reached interview or later. */
  interviews: number;
  /** Closed without an interview (rejected or withdrawn before one). */
  noInterview: number;
  /** interviews / (interviews + noInterview), undefined when none of the band is decided. */
  interviewRate?: number;
}

/** Does a higher match score at application get more interviews? Bands of the score tracked. */
export function scoreVsOutcome(applications: readonly Application[]): ScoreBand[] {
  const bands: ScoreBand[] = [
    { band: '0–49', min: 0, max: 49, total: 0, interviews: 0, noInterview: 0 },
    { band: '50–64', min: 50, max: 64, total: 0, interviews: 0, noInterview: 0 },
    { band: '65–79', min: 65, max: 79, total: 0, interviews: 0, noInterview: 0 },
    { band: '80–100', min: 80, max: 100, total: 0, interviews: 0, noInterview: 0 },
  ];
  for (const application of applications) {
    if (application.matchScore === undefined) continue;
    const band = bands.find((b) => application.matchScore! >= b.min && application.matchScore! <= b.max);
    if (!band) continue;
    band.total++;
    const outcome = outcomeOf(application);
    if (outcome === 'interview') band.interviews++;
    else if (outcome === 'no-interview') band.noInterview++;
  }
  for (const band of bands) {
    const decided = band.interviews + band.noInterview;
    if (decided > 0) band.interviewRate = band.interviews / decided;
  }
  return bands;
}

export function outcomeOf(application: Application): Outcome {
  const reachedInterview = application.timeline.some(
    (change) => change.status === 'interview' || change.status === 'offer' || change.status === 'accepted',
  );
  if (reachedInterview) return 'interview';
  if (application.status === 'rejected' || application.status === 'withdrawn') return 'no-interview';
  return 'open';
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
