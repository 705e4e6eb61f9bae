import { describe, expect, it } from 'vitest';
import {
  applicationsPerWeek,
  createApplication,
  dueList,
  funnel,
  moveApplication,
  queryApplications,
  responseRate,
  scoreVsOutcome,
  timeInStage,
  type Application,
  type ApplicationStatus,
} from '../../../src/core/applications';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9); // Monday 2 Nov 2026

function app(jobId: string, path: [ApplicationStatus, number][], score?: number): Application {
  let application = createApplication(
    { jobId, jobTitle: `Job ${jobId}`, ...(score !== undefined ? { matchScore: score } : {}) },
    T0,
  );
  for (const [status, day] of path) application = moveApplication(application, status, T0 + day * DAY);
  return application;
}

describe('application analytics', () => {
  const apps = [
    app(
      'a',
      [
        ['applied', 0],
        ['screening', 3],
        ['interview', 10],
        ['offer', 20],
      ],
      85,
    ),
    app(
      'b',
      [
        ['applied', 1],
        ['rejected', 5],
      ],
      40,
    ),
    app(
      'c',
      [
        ['applied', 8],
        ['screening', 9],
        ['rejected', 12],
      ],
      70,
    ),
    app('d', [], 60), // saved only
  ];

  it('counts applications per week of applying, with empty weeks', () => {
    const extra = app('e', [['applied', 21]]);
    expect(applicationsPerWeek([...apps, extra])).toEqual([
      { week: '2026-11-02', count: 2 },
      { week: '2026-11-09', count: 1 },
      { week: '2026-11-16', count: 0 },
      { week: '2026-11-23', count: 1 },
    ]);
  });

  it('funnel: current and ever-reached per status', () => {
    const stages = Object.fromEntries(funnel(apps).map((s) => [s.status, [s.current, s.reached]]));
    expect(stages).toMatchObject({
      saved: [1, 4],
      applied: [0, 3],
      screening: [0, 2],
      interview: [0, 1],
      offer: [1, 1],
      rejected: [2, 2],
      accepted: [0, 0],
    });
  });

  it('response rate counts screening or later, not rejections', () => {
    expect(responseRate(apps)).toEqual({ applied: 3, responded: 2, rate: 2 / 3 });
    expect(responseRate([]).rate).toBe(0);
  });

  it('time in stage uses consecutive timeline entries', () => {
    const times = Object.fromEntries(timeInStage(apps, T0 + 30 * DAY).map((s) => [s.status, s]));
    // screening: a 3→10 = 7 days, c 9→12 = 3 days
    expect(times['screening']).toMatchObject({ count: 2, meanDays: 5, medianDays: 5 });
    // offer is still open at day 30: 10 days
    expect(times['offer']).toMatchObject({ count: 1, meanDays: 10 });
  });

  it('score bands against outcome', () => {
    const bands = Object.fromEntries(scoreVsOutcome(apps).map((b) => [b.band, b]));
    expect(bands['80–100']).toMatchObject({ total: 1, interviews: 1, interviewRate: 1 });
    expect(bands['0–49']).toMatchObject({ total: 1, noInterview: 1, interviewRate: 0 });
    expect(bands['50–64']).toMatchObject({ total: 1, interviews: 0, noInterview: 0 });
    expect(bands['50–64']!.interviewRate).toBeUndefined();
  });
});

describe('due list and table query', () => {
  it('lists open next steps by date, overdue first, closed ones never', () => {
    const withStep = (a: Application, day: string): Application => ({ ...a, nextStepOn: day });
    const items = dueList(
      [
        withStep(app('x', [['applied', 0]]), '2026-11-20'),
        withStep(app('y', [['applied', 0]]), '2026-11-18'),
        withStep(app('z', [['rejected', 0]]), '2026-11-10'),
        withStep(app('w', [['applied', 0]]), '2026-12-30'),
      ],
      '2026-11-20',
    );
    expect(items.map((i) => [i.application.jobId, i.when])).toEqual([
      ['y', 'overdue'],
      ['x', 'today'],
    ]);
  });

  it('filters by status and words, sorts both ways', () => {
    const rows = [
      { ...app('a', [['applied', 0]], 80), company: 'Northwind', notes: 'referral from Kim' },
      { ...app('b', [['screening', 0]], 50), company: 'Contoso' },
      { ...app('c', [['applied', 0]], 65), company: 'Fabrikam' },
    ];
    expect(
      queryApplications(rows, { statuses: ['applied'], sort: 'matchScore' }).map((r) => r.jobId),
    ).toEqual(['c', 'a']);
    expect(queryApplications(rows, { search: 'kim', sort: 'company' }).map((r) => r.jobId)).toEqual(['a']);
    expect(queryApplications(rows, { sort: 'company', descending: true }).map((r) => r.company)).toEqual([
      'Northwind',
      'Fabrikam',
      'Contoso',
    ]);
  });

  it('rejects an unknown status', () => {
    expect(() => moveApplication(app('a', []), 'hired' as ApplicationStatus, 1)).toThrow(/not a status/);
  });
});
