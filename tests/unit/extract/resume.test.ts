import { describe, expect, it } from 'vitest';
import { extractResume } from '../../../src/core/extract/resume';
import { buildDocument, parseText } from '../../../src/core/parse/text';

const NOW = new Date(Date.UTC(2024, 5, 1));

const ONE_COLUMN = `Zoë Ångström
Senior Software Engineer
Berlin, Germany | zoe.angstrom@example.com | +49 30 1234 5678 | linkedin.com/in/zoe-a | github.com/zoea

Summary
Backend engineer building distributed systems.

Experience
Senior Software Engineer at Acme GmbH — Berlin, Germany    Jan 2020 – Present
- Led the migration to k8s and Postgres
- Built REST APIs in Go and Python

Globex Corporation
Software Engineer
01/2016 - 12/2019
- Developed the ReactJS front end
- Maintained Jenkins pipelines

Education
Technical University of Munich
MSc Computer Science, 2014 – 2016, GPA: 1.3

Skills
Languages: Go, Python, TypeScript, R
Tools: Docker, Terraform, Foobarizer

Certifications
AWS Certified Solutions Architect, 2021

Languages
English (Fluent), German (Native)
`;

describe('extractResume: one-column text resume', () => {
  const profile = extractResume(parseText(ONE_COLUMN), { now: NOW });

  it('reads contact details, including a unicode name', () => {
    expect(profile.basics).toMatchObject({
      name: 'Zoë Ångström',
      label: 'Senior Software Engineer',
      email: 'zoe.angstrom@example.com',
      phone: '+49 30 1234 5678',
      location: 'Berlin, Germany',
    });
    expect(profile.basics.profiles.map((entry) => entry.network)).toEqual(['LinkedIn', 'GitHub']);
    expect(profile.provenance['basics.name']).toMatchObject({ line: 0, source: 'heuristic' });
    expect(profile.provenance['basics.email']?.line).toBe(2);
  });

  it('finds the sections by their titles', () => {
    expect(profile.sections.map((section) => section.name)).toEqual([
      'summary',
      'experience',
      'education',
      'skills',
      'certifications',
      'languages',
    ]);
  });

  it('reads "Title at Company" and "Company / Title / Dates" work entries', () => {
    expect(
      profile.work.map(({ company, position, location, startDate, endDate }) => ({
        company,
        position,
        location,
        startDate,
        endDate,
      })),
    ).toEqual([
      {
        company: 'Acme GmbH',
        position: 'Senior Software Engineer',
        location: 'Berlin, Germany',
        startDate: '2020-01',
        endDate: 'present',
      },
      {
        company: 'Globex Corporation',
        position: 'Software Engineer',
        location: undefined,
        startDate: '2016-01',
        endDate: '2019-12',
      },
    ]);
    expect(profile.work[0]?.highlights).toEqual([
      'Led the migration to k8s and Postgres',
      'Built REST APIs in Go and Python',
    ]);
    expect(profile.work[1]?.highlights).toHaveLength(2);
  });

  it('reads education with degree, area, dates and GPA', () => {
    expect(profile.education).toEqual([
      expect.objectContaining({
        institution: 'Technical University of Munich',
        studyType: 'MSc',
        area: 'Computer Science',
        startDate: '2014',
        endDate: '2016',
        score: '1.3',
      }),
    ]);
  });

  it('keeps taxonomy skills with their surface and unknown skills-section items', () => {
    const byName = new Map(profile.skills.map((skill) => [skill.name, skill]));
    expect(byName.get('Kubernetes')).toMatchObject({ surface: 'k8s', known: true, kind: 'tool' });
    expect(byName.get('PostgreSQL')).toMatchObject({ surface: 'Postgres', known: true });
    expect(byName.get('R')).toMatchObject({ known: true });
    expect(byName.get('Foobarizer')).toMatchObject({ known: false, surface: 'Foobarizer' });
    expect(byName.has('English (Fluent')).toBe(false);
  });

  it('reads certificates, spoken languages and total years', () => {
    expect(profile.certificates.map((certificate) => certificate.name)).toEqual([
      'AWS Certified Solutions Architect',
    ]);
    expect(profile.languages).toEqual([
      expect.objectContaining({ language: 'English', fluency: 'Fluent' }),
      expect.objectContaining({ language: 'German', fluency: 'Native' }),
    ]);
    // 2016-01 → 2019-12 then 2020-01 → 2024-06: back to back, one stretch of 101 months.
    expect(profile.totalYears).toBe(8.4);
    expect(profile.confidence).toBeGreaterThan(0.8);
    expect(profile.warnings).toEqual([]);
  });
});

describe('extractResume: LinkedIn-export-like layout', () => {
  const text = `Alice Smith
alice.smith@
example.com
Experience
Initech
Product Manager
Jan 2019 - Present (5 years 5 months)
San Francisco, CA
Owned the roadmap for the billing product.
Hooli
Associate Product Manager
March 2016 - Current
Education
Stanford University
Bachelor of Science in Economics, 2012 - 2016
Top Skills
Product Management
Roadmapping
SQL`;
  const profile = extractResume(parseText(text), { now: NOW });

  it('joins an email split after the @', () => {
    expect(profile.basics.email).toBe('alice.smith@example.com');
    expect(profile.basics.name).toBe('Alice Smith');
  });

  it('reads Company / Title / Dates entries', () => {
    expect(
      profile.work.map(({ company, position, startDate, endDate }) => [
        company,
        position,
        startDate,
        endDate,
      ]),
    ).toEqual([
      ['Initech', 'Product Manager', '2019-01', 'present'],
      ['Hooli', 'Associate Product Manager', '2016-03', 'present'],
    ]);
    expect(profile.work[0]?.highlights).toContain('Owned the roadmap for the billing product.');
  });

  it('reads a spelled-out degree and the skills list', () => {
    expect(profile.education[0]).toMatchObject({
      institution: 'Stanford University',
      studyType: 'Bachelor of Science',
      area: 'Economics',
      startDate: '2012',
      endDate: '2016',
    });
    expect(profile.skills.map((skill) => skill.name)).toEqual(
      expect.arrayContaining(['Product Management', 'SQL']),
    );
    // March 2016 → June 2024 (the reference date): 8.25 years, rounded to one decimal.
    expect(profile.totalYears).toBe(8.3);
  });
});

describe('extractResume: other layouts and fields', () => {
  it('joins an email hyphenated across lines and keeps the broken tail out of the website', () => {
    const profile = extractResume(
      parseText('Bob Jones\nbob.jones@exam-\nple.com\nExperience\nAcme Inc, Engineer, 2020 - 2021'),
      { now: NOW },
    );
    expect(profile.basics.email).toBe('bob.jones@example.com');
    expect(profile.basics.url).toBeUndefined();
  });

  it('reads "Company — Title" with the date on the next line, and dates first', () => {
    const profile = extractResume(
      parseText(
        [
          'Carol King',
          'carol@example.org · (415) 555-0134',
          'WORK HISTORY',
          'Umbrella Corp — Data Analyst',
          '2018 to now',
          '• Built Tableau dashboards',
          'Jun 2015 - Aug 2017',
          'Research Assistant',
          'Tyrell University',
          '• Cleaned survey data in R and Python',
        ].join('\n'),
      ),
      { now: NOW },
    );
    expect(profile.basics.phone).toBe('(415) 555-0134');
    expect(
      profile.work.map(({ company, position, startDate, endDate }) => [
        company,
        position,
        startDate,
        endDate,
      ]),
    ).toEqual([
      ['Umbrella Corp', 'Data Analyst', '2018', 'present'],
      ['Tyrell University', 'Research Assistant', '2015-06', '2017-08'],
    ]);
    expect(profile.work[1]?.highlights).toEqual(['Cleaned survey data in R and Python']);
  });

  it('uses the bold/heading flags of a parsed PDF for sections', () => {
    const doc = buildDocument('pdf', [
      { text: 'Dana Scully', fontSize: 24, bold: true },
      { text: 'dana@fbi.gov' },
      { text: 'Professional Experience', bold: true, heading: true },
      { text: 'FBI, Special Agent Washington, DC 1993 – 2002' },
      { text: 'Investigated unexplained cases', bullet: true },
      { text: 'Education', heading: true },
      { text: 'MD Stanford University, Medicine 1986 – 1990' },
    ]);
    const profile = extractResume(doc, { now: NOW });
    expect(profile.work[0]).toMatchObject({
      company: 'FBI',
      position: 'Special Agent',
      location: 'Washington, DC',
      startDate: '1993',
      endDate: '2002',
    });
    expect(profile.education[0]).toMatchObject({
      institution: 'Stanford University',
      studyType: 'MD',
      area: 'Medicine',
    });
  });

  it('warns when the text does not look like a resume', () => {
    const profile = extractResume(
      parseText('Grocery list\nmilk, eggs, bread\nremember to call the plumber'),
      { now: NOW },
    );
    expect(profile.confidence).toBeLessThan(0.4);
    expect(profile.warnings[0]).toMatch(/doesn't look like a resume/);
  });

  it('is deterministic for a fixed reference date', () => {
    const doc = parseText(ONE_COLUMN);
    expect(extractResume(doc, { now: NOW })).toEqual(extractResume(doc, { now: NOW }));
  });
});

describe('extractResume: contact and skill details that rendering round trips rely on', () => {
  it('a DOI or a web path with dotted numbers is not a phone', () => {
    const profile = extractResume(
      parseText(
        [
          'Jonah Price',
          'jonah.price@example.com · doi.org/10.1016/j.ymben.2023.12.001 · github.com/jprice/tools-2024.01',
          '',
          'Experience',
          'Process Engineer, Curio Bioscience  Jan 2022 – Dec 2023',
        ].join('\n'),
        'txt',
      ),
      { now: NOW },
    );
    expect(profile.basics.phone).toBeUndefined();
  });

  it('a skill the taxonomy does not know keeps its words, not the spacing the file had', () => {
    const profile = extractResume(
      parseText(['Skills', 'Frobnicator  Pro  Suite, Quuxware   Studio'].join('\n'), 'txt'),
      { now: NOW },
    );
    const names = profile.skills.map((skill) => skill.name);
    expect(names).toContain('Frobnicator Pro Suite');
    expect(names).toContain('Quuxware Studio');
  });
});

describe('extractResume: a one-line header with a qualified title', () => {
  it('keeps the part between the title and the employer with the title', () => {
    const profile = extractResume(
      parseText(
        [
          'Experience',
          'Senior Programmer/Analyst, IS&T Retail Internet Applications, Apple Computer, Inc.  Feb 2005 – Nov 2005',
          '- Built the online store checkout.',
        ].join('\n'),
        'txt',
      ),
      { now: NOW },
    );
    expect(profile.work.map(({ company, position }) => [company, position])).toEqual([
      ['Apple Computer, Inc.', 'Senior Programmer/Analyst, IS&T Retail Internet Applications'],
    ]);
  });
});

describe('extractResume: a date column wrapped in two (start and dash, end on the next line)', () => {
  /** Generated: each entry's date starts its header line and its end date starts the next line. */
  const entries: [string, string, string, string][] = [
    [
      'June 2020',
      'Present',
      'Platform Developer, Umbrella Labs, Austin, USA',
      'Working on the billing platform.',
    ],
    ['July 2015', 'May 2020', 'Web Developer, Initech, Dallas, USA', 'Built the customer portal in React.'],
    ['2011', '2015', 'Junior Developer, Hooli, Reno, USA', 'Maintained internal tools.'],
  ];
  const text = [
    'Casey Rivera',
    'casey@example.com',
    'Experience',
    ...entries.flatMap(([start, end, header, detail]) => [`${start} – ${header}`, `${end} ${detail}`]),
    'Education',
    '2007 – 2011 BSc Computer Science, State University',
  ].join('\n');

  it('reads each range whole and takes no end-date line for an entry of its own', () => {
    const profile = extractResume(parseText(text), { now: NOW });
    expect(profile.work.map((entry) => [entry.startDate, entry.endDate])).toEqual([
      ['2020-06', 'present'],
      ['2015-07', '2020-05'],
      ['2011', '2015'],
    ]);
    expect(profile.work.map((entry) => entry.position)).toEqual([
      'Platform Developer',
      'Web Developer',
      'Junior Developer',
    ]);
    expect(profile.totalYears).toBeGreaterThan(12);
  });
});
