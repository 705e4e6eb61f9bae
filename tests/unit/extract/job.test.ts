import { describe, expect, it } from 'vitest';
import { cleanTitle, extractJob } from '../../../src/core/extract/job';
import { parseText } from '../../../src/core/parse/text';

const JOB = `Senior Backend Engineer
Location: Austin, TX (Hybrid)
Full-time

About the role
You will build payment services used by millions.

Requirements
- 5+ years of Python and Django
- Experience with PostgreSQL and Docker
- Bachelor's degree in Computer Science or equivalent

Nice to have
- Kubernetes
- Experience with Go is a plus

Benefits
- Health insurance and 401k`;

const skills = (requirements: { skill: string }[]): string[] =>
  requirements.map((requirement) => requirement.skill);

describe('extractJob', () => {
  const spec = extractJob(parseText(JOB));

  it('reads the title and seniority', () => {
    expect(spec.title).toBe('Senior Backend Engineer');
    expect(spec.seniority).toBe('senior');
  });

  it('splits required and preferred skills by section heading', () => {
    expect(skills(spec.required)).toEqual(
      expect.arrayContaining(['Python', 'Django', 'PostgreSQL', 'Docker']),
    );
    expect(skills(spec.preferred)).toEqual(expect.arrayContaining(['Kubernetes', 'Go']));
    expect(skills(spec.required)).not.toContain('Kubernetes');
    expect(skills(spec.preferred)).not.toContain('Python');
    expect(skills([...spec.required, ...spec.preferred])).not.toContain('Insurance');
  });

  it('reads minimum years per skill and overall, degree, location, hybrid and type', () => {
    const python = spec.required.find((requirement) => requirement.skill === 'Python');
    const django = spec.required.find((requirement) => requirement.skill === 'Django');
    expect(python?.minYears).toBe(5);
    expect(django?.minYears).toBe(5);
    expect(spec.required.find((requirement) => requirement.skill === 'Docker')?.minYears).toBeUndefined();
    expect(spec.minYears).toBe(5);
    expect(spec.degree).toBe('bachelor');
    expect(spec.location).toBe('Austin, TX (Hybrid)');
    expect(spec.remote).toBe(false);
    expect(spec.employmentType).toBe('full-time');
  });

  it('applies inline cues inside one line', () => {
    const inline = extractJob(
      parseText('Data Analyst\nMust have SQL and Tableau. Python (nice to have). R is a plus.'),
    );
    expect(skills(inline.required)).toEqual(['SQL', 'Tableau']);
    expect(skills(inline.preferred)).toEqual(['Python', 'R']);
  });

  it('treats every skill as required when the post has no requirement section', () => {
    const plain = extractJob(
      parseText('Product Engineer (Remote)\nWe build apps with React and TypeScript.'),
    );
    expect(skills(plain.required)).toEqual(['React', 'TypeScript']);
    expect(plain.preferred).toEqual([]);
    expect(plain.remote).toBe(true);
  });

  it('recovers headings glued to the previous sentence in pasted posts', () => {
    const glued = extractJob(
      parseText(
        'Platform Engineer\nWe move fast.Requirements 3+ years with Terraform and AWS.Nice to have Experience with Rust.',
      ),
    );
    expect(skills(glued.required)).toEqual(['Terraform', 'AWS']);
    expect(skills(glued.preferred)).toEqual(['Rust']);
    expect(glued.minYears).toBe(3);
  });

  it('reads "Job Title:" labels, internships and doctorates', () => {
    const intern = extractJob(
      parseText('ACME LABS\nJob Title: Machine Learning Intern\nRequirements: PhD in Statistics, PyTorch'),
    );
    expect(intern.title).toBe('Machine Learning Intern');
    expect(intern.seniority).toBe('intern');
    expect(intern.employmentType).toBe('internship');
    expect(intern.degree).toBe('doctorate');
    expect(skills(intern.required)).toContain('PyTorch');
  });

  it('warns when no skill is recognised', () => {
    expect(extractJob(parseText('Friendly person wanted\nCome say hi.')).warnings).toHaveLength(1);
  });

  it('reads the job title without a label, a years/schedule parenthesis or a wrapped line', () => {
    expect(cleanTitle('Job Description: Java Developer (3 Years of Experience)')).toBe('Java Developer');
    expect(cleanTitle('Position: Staff Accountant (m/f/d)')).toBe('Staff Accountant');
    expect(cleanTitle('Full Stack Engineer (React)')).toBe('Full Stack Engineer (React)');
    const wrapped = extractJob(
      parseText(
        'Job Description: Senior Full Stack Engineer (5+ Years of\nExperience)\nAbout Us\nWe build tools.',
      ),
    );
    expect(wrapped.title).toBe('Senior Full Stack Engineer');
  });
});

describe('the surface shown for a skill', () => {
  it('is the prose form when the post also writes the skill as a board tag', () => {
    for (const [tag, prose, skill] of [
      ['amazon-web-services', 'AWS', 'AWS'],
      ['reactjs', 'React', 'React'],
      ['apache-spark', 'Apache Spark', 'Apache Spark'],
    ] as const) {
      const spec = extractJob(
        parseText(
          `Data Engineer\nTechnologies: ${tag}, sql\n\nRequirements\n- Experience with ${prose} and Kafka`,
        ),
      );
      const requirement = [...spec.required, ...spec.preferred].find((entry) => entry.skill === skill);
      expect(requirement?.surface, tag).toBe(prose);
    }
  });
});
