import { describe, expect, it } from 'vitest';
import { extractJob } from '../../../src/core/extract/job';
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';
import { scoreMatch } from '../../../src/core/score';
import { normaliseFilters, passesFilters } from '../../../src/core/search/filters';

const RESUME = `Ada Park
Data engineer with 8 years of experience

Experience
Senior Data Engineer, Northwind (2018 - Present)
- Built streaming pipelines in Python on Apache Kafka for the enterprise
  systems of three business units, cutting latency by half
- Mentored four junior engineers

Skills
Python, SQL, Apache Kafka`;

const JOB = `Lead Data Engineer
Requirements
- Python, SQL and Kafka
- Data engineering and mentoring experience
- Communication skills
- Scala
- Kubernetes
Nice to have
- Airflow`;

describe('honest breakdown', () => {
  const resume = parseText(RESUME);
  const job = parseText(JOB);
  const result = scoreMatch({ resume, profile: extractResume(resume), job, spec: extractJob(job) });

  it('reports the ✓ share of each skill list and says why the score differs from it', () => {
    for (const key of ['requiredSkills', 'preferredSkills'] as const) {
      const rows = result.requirements.filter(
        (row) => row.importance === (key === 'requiredSkills' ? 'required' : 'preferred'),
      );
      const shown = result.skillRows?.[key];
      expect(shown?.total).toBe(rows.length);
      expect(shown?.matched).toBe(rows.filter((row) => row.matched).length);
      expect(shown?.share).toBeCloseTo(rows.filter((row) => row.matched).length / rows.length);
      if (Math.round((result.components[key] ?? 0) * 100) !== Math.round((shown?.share ?? 0) * 100))
        expect(shown?.note).toMatch(/✓; the score uses \d+% because/);
    }
  });

  it('counts "data engineer" and "mentored" in the resume as the skills', () => {
    const matched = result.requirements.filter((row) => row.matched).map((row) => row.skill);
    expect(matched).toEqual(expect.arrayContaining(['Data Engineering', 'Mentoring', 'Apache Kafka']));
  });

  it('shows the whole wrapped bullet as evidence, never a line cut mid-sentence', () => {
    const kafka = result.requirements.find((row) => row.skill === 'Python');
    expect(kafka?.evidence?.text).toMatch(/^Built streaming pipelines .* cutting latency by half$/);
    const evidence = kafka!.evidence!;
    expect(
      evidence.text.slice(evidence.start - evidence.lineStart!, evidence.end - evidence.lineStart!),
    ).toBe('Python');
  });
});

describe('must-have filters use the taxonomy', () => {
  it('"Kafka" keeps a resume that lists "Apache Kafka"; "JS" finds JavaScript', () => {
    const facts = { skills: new Set(['apache kafka', 'javascript']), years: 5 };
    expect(passesFilters(facts, normaliseFilters({ mustHave: ['Kafka'] }))).toBe(true);
    expect(passesFilters(facts, normaliseFilters({ mustHave: ['JS', 'kafka'] }))).toBe(true);
    expect(passesFilters(facts, normaliseFilters({ mustHave: ['Scala'] }))).toBe(false);
    expect(normaliseFilters({ mustHave: ['Kafka'] })).toEqual(
      normaliseFilters({ mustHave: ['apache kafka'] }),
    );
  });
});
