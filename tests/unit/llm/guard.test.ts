import { describe, expect, it } from 'vitest';
import { guardSuggestion } from '../../../src/core/llm/guard';
import { guardContext } from './fixtures';

const BULLET = '- Built ETL pipelines in Python and PostgreSQL processing 2 million rows a day';
const before = 'Built ETL pipelines in Python and PostgreSQL processing 2 million rows a day';

function check(after: string, kind: 'bullet' | 'summary' | 'skills' = 'bullet', quoted = before) {
  return guardSuggestion({ kind, before: quoted, after }, guardContext());
}

describe('anti-fabrication guard', () => {
  it('passes a faithful rewrite that surfaces existing evidence', () => {
    expect(
      check('Designed and ran ETL data pipelines in Python and PostgreSQL that process 2 million rows a day'),
    ).toEqual({ ok: true });
    expect(BULLET).toContain(before);
  });

  it('accepts implied skills and aliases as evidence (PostgreSQL implies SQL; "Postgres")', () => {
    expect(check('Built ETL pipelines in Python and Postgres (SQL) processing 2 million rows a day')).toEqual(
      {
        ok: true,
      },
    );
  });

  it('passes a skills reordering that keeps the same skills', () => {
    const verdict = check(
      'Airflow, Python, PostgreSQL, Docker',
      'skills',
      'Python, PostgreSQL, Airflow, Docker',
    );
    expect(verdict).toEqual({ ok: true });
  });

  it('rejects an invented number', () => {
    const verdict = check('Built ETL pipelines in Python and PostgreSQL processing 5 million rows a day');
    expect(verdict).toEqual({ ok: false, reason: 'invents a number: "5 million" is not in the resume' });
  });

  it('rejects an invented percentage even when the other numbers are real', () => {
    const verdict = check(
      'Cut report run time by 65% by rewriting SQL queries',
      'bullet',
      'Cut report run time by 40% by rewriting SQL queries',
    );
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('"65"');
  });

  it('rejects a new employer', () => {
    const verdict = check(
      'Built ETL pipelines at Globex Corporation in Python processing 2 million rows a day',
    );
    expect(verdict.ok).toBe(false);
    if (!verdict.ok)
      expect(verdict.reason).toMatch(/^names an employer not in the resume: "Globex Corporation"/);
  });

  it('rejects a changed date', () => {
    const verdict = check('Mar 2017 - Present', 'bullet', 'Mar 2019 - Present');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toBe('adds or changes a date: "2017" is not in the resume');
  });

  it('rejects a changed month with the same year', () => {
    const verdict = check('Jan 2019 - Present', 'bullet', 'Mar 2019 - Present');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('Jan 2019');
  });

  it('rejects a new degree', () => {
    const verdict = check(
      'MSc Computer Science, Lakeside University, 2018',
      'bullet',
      'BSc Computer Science, Lakeside University, 2018',
    );
    expect(verdict).toEqual({ ok: false, reason: 'claims a degree not in the resume: "MSc"' });
  });

  it('rejects a new institution', () => {
    const verdict = check(
      'BSc Computer Science, Harbor Institute of Technology, 2018',
      'bullet',
      'BSc Computer Science, Lakeside University, 2018',
    );
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/^names an institution not in the resume/);
  });

  it('rejects an inflated job title', () => {
    const verdict = check(
      'Senior Data Engineer, Northwind Analytics',
      'bullet',
      'Data Engineer, Northwind Analytics',
    );
    expect(verdict).toEqual({
      ok: false,
      reason: 'claims a job title not in the resume: "Senior Data Engineer"',
    });
  });

  it('rejects a skill the resume does not evidence', () => {
    const verdict = check(
      'Built ETL pipelines in Python, PostgreSQL and Kubernetes processing 2 million rows a day',
    );
    expect(verdict).toEqual({ ok: false, reason: 'adds a skill the resume does not show: "Kubernetes"' });
  });

  it('rejects a suggestion whose "before" is not in the resume, and a no-op', () => {
    expect(check('Anything', 'bullet', 'Led a team of engineers')).toEqual({
      ok: false,
      reason: 'quotes text that is not in the resume',
    });
    expect(check(before)).toEqual({ ok: false, reason: 'changes nothing' });
  });
});
