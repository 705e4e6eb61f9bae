import { describe, expect, it } from 'vitest';
import { extractJob } from '../../../src/core/extract/job';
import {
  headingKind,
  knowledgePhrases,
  listItemPhrase,
  sentenceCue,
  linesOutsideTheWork,
  toolListLines,
} from '../../../src/core/extract/job-sections';
import { parseText } from '../../../src/core/parse/text';

const skills = (requirements: { skill: string }[]): string[] => requirements.map((r) => r.skill);

/** A generated posting: one block per section kind, each naming skills it must (not) yield. */
function posting(blocks: Record<string, string>): string {
  return Object.entries(blocks)
    .map(([heading, body]) => (heading ? `${heading}\n${body}` : body))
    .join('\n\n');
}

describe('job posting sections', () => {
  it('recognises every section kind in its usual spellings', () => {
    const cases: [string, string][] = [
      ['About us', 'company'],
      ['Who We Are', 'company'],
      ['Responsibilities', 'responsibilities'],
      ["What you'll do:", 'responsibilities'],
      ['Requirements', 'requirements'],
      ['Minimum Qualifications', 'requirements'],
      ["What we're looking for", 'requirements'],
      ['Preferred qualifications', 'preferred'],
      ['Optional Skills:', 'preferred'],
      ['Nice to have', 'preferred'],
      ['Bonus points', 'preferred'],
      ['Benefits', 'benefits'],
      ['What we offer', 'benefits'],
      ['Compensation & Benefits', 'benefits'],
      ['Equal Opportunity Employer', 'legal'],
      ['How to apply', 'apply'],
      ['Job type', 'facts'],
    ];
    for (const [heading, kind] of cases) expect(headingKind(heading), heading).toBe(kind);
    expect(headingKind('We use Python and Kafka every day.')).toBeUndefined();
  });

  it('judges prose sentences by their own cues', () => {
    expect(sentenceCue('Our pay transparency policy covers sales incentives and bonuses.')).toBe('legal');
    expect(sentenceCue('We offer a competitive salary, sales incentives and a 401(k).')).toBe('benefits');
    expect(sentenceCue('We are an equal opportunity employer.')).toBe('legal');
    expect(sentenceCue('Please send your CV and cover letter by Friday.')).toBe('apply');
    expect(sentenceCue('We build HRIS and ERP software for hospitals.')).toBe('company');
    expect(sentenceCue('You have 3+ years of experience with Kafka.')).toBe('requirement');
  });

  it('takes no requirement from benefits, pay, company or EEO text', () => {
    const spec = extractJob(
      parseText(
        posting({
          'Account Executive': '',
          'About us':
            'We are a fast-growing company that builds HRIS and ERP software, now at a valuation of $2.1 billion.',
          Requirements: '- 3+ years of B2B sales experience\n- Salesforce',
          'Compensation and benefits':
            'Base salary $90k plus sales incentives. Health insurance, 401(k) and Excel training budget.',
          'Equal opportunity': 'We do not discriminate on the basis of race, religion or disability.',
        }),
      ),
    );
    const all = skills([...spec.required, ...spec.preferred]);
    expect(all).toContain('Salesforce');
    expect(all).not.toContain('HRIS');
    expect(all).not.toContain('ERP');
    expect(all).not.toContain('Valuation');
    expect(all).not.toContain('Insurance');
    expect(all).not.toContain('Excel');
  });

  it('a benefits paragraph naming "sales incentives" does not make Sales a requirement', () => {
    const spec = extractJob(
      parseText(
        'Data Analyst\nRequirements\n- SQL and Tableau\n\nPay transparency: the range is $70k–$90k; this role is eligible for sales incentives.',
      ),
    );
    expect(skills(spec.required)).toEqual(expect.arrayContaining(['SQL', 'Tableau']));
    expect(skills([...spec.required, ...spec.preferred])).not.toContain('Sales');
  });

  it('an "Optional Skills:" list is nice to have, never required', () => {
    const spec = extractJob(
      parseText(
        posting({
          'Mobile Engineer': '',
          'Required Skills:': '- React\n- TypeScript',
          'Optional Skills:': '- React Native\n- Redux\n- GraphQL',
        }),
      ),
    );
    expect(skills(spec.required)).toEqual(['React', 'TypeScript']);
    expect(skills(spec.preferred)).toEqual(expect.arrayContaining(['React Native', 'Redux', 'GraphQL']));
  });

  it('a "Tools and technologies" or "Tech stack" list is nice to have, never required', () => {
    for (const heading of ['Tools and technologies:', 'Tech stack', 'Technologies', 'Our stack']) {
      expect(headingKind(heading), heading).toBe('preferred');
      const spec = extractJob(
        parseText(
          posting({
            'Payroll Accountant': '',
            Requirements: '- QuickBooks\n- GAAP',
            [heading]: 'Microsoft Excel, Microsoft Outlook, SAP software, Tableau',
          }),
        ),
      );
      expect(skills(spec.required), heading).toEqual(['QuickBooks', 'GAAP']);
      expect(skills(spec.preferred), heading).toEqual(expect.arrayContaining(['Excel', 'SAP', 'Tableau']));
    }
  });

  it('skills given as examples ("such as A, B or C") are alternatives of one requirement; parts after "including" are not', () => {
    const spec = extractJob(
      parseText(
        posting({
          'Backend Engineer': '',
          Requirements: [
            '- Proficiency with server-side languages such as Python, Ruby, Java, PHP, and .Net.',
            '- Proficiency in web markup, including HTML5, CSS3.',
            '- Familiarity with code versioning tools such as Git.',
            '- A cloud platform, e.g. AWS or GCP.',
          ].join('\n'),
        }),
      ),
    );
    const key = (skill: string) =>
      [...spec.required, ...spec.preferred].find((requirement) => requirement.skill === skill)?.alternatives;
    // The kind of thing exemplified, right before "such as", belongs to the same requirement.
    const languages = ['Server-side languages', 'Python', 'Ruby', 'Java', 'PHP', '.NET'].map(key);
    expect(languages[0]).toBeDefined();
    expect(new Set(languages).size).toBe(1);
    expect(key('AWS')).toBeDefined();
    expect(key('AWS')).toBe(key('Google Cloud'));
    expect(key('AWS')).not.toBe(languages[0]);
    expect(key('Git')).toBeDefined();
    expect(key('Git')).toBe(key('Code versioning tools'));
    // Parts of what is asked stand alone.
    expect(key('HTML')).toBeUndefined();
    expect(key('CSS')).toBeUndefined();
  });

  it('inline cues decide required vs preferred inside a requirement list', () => {
    const spec = extractJob(
      parseText(
        posting({
          'Lead Data Engineer': '',
          Qualifications:
            '- Must have Python, Spark and SQL\n- Kafka is a plus\n- Ideally experience with Airflow\n- Bonus points for dbt',
        }),
      ),
    );
    expect(skills(spec.required)).toEqual(expect.arrayContaining(['Python', 'Apache Spark', 'SQL']));
    expect(skills(spec.preferred)).toEqual(expect.arrayContaining(['Apache Kafka', 'Apache Airflow', 'dbt']));
    expect(skills(spec.required)).not.toContain('Apache Kafka');
  });

  it('responsibilities count less than requirements: nice to have when requirements are listed', () => {
    const spec = extractJob(
      parseText(
        posting({
          'Backend Engineer': '',
          Responsibilities: '- Maintain our Terraform modules',
          Requirements: '- Go and PostgreSQL',
        }),
      ),
    );
    expect(skills(spec.required)).toEqual(['Go', 'PostgreSQL']);
    expect(skills(spec.preferred)).toContain('Terraform');
  });

  it('a company blurb alone gives nothing when the post has requirements', () => {
    const spec = extractJob(
      parseText(
        'Nurse\nOur hospital is a leader in oncology and we serve 20,000 patients with Epic.\nRequirements\n- BLS certification\n- Registered Nurse licence',
      ),
    );
    expect(skills([...spec.required, ...spec.preferred])).not.toContain('Epic');
    expect(skills(spec.required)).toContain('Basic Life Support');
  });

  it('headings glued to text ("RESPONSIBILITIES Develop…") still open their section', () => {
    const spec = extractJob(
      parseText(
        'Controller\nRESPONSIBILITIES Prepare monthly reports in QuickBooks.\nQUALIFICATIONS CPA and GAAP knowledge required.',
      ),
    );
    expect(skills(spec.required)).toEqual(expect.arrayContaining(['GAAP']));
  });

  it('reads what a requirement asks for beyond the taxonomy, in short phrases', () => {
    const phrases = knowledgePhrases('Knowledge of predictive processing and music cognition, ideally EEG.');
    expect(phrases.map((phrase) => phrase.text)).toEqual(['predictive processing', 'music cognition']);
    expect(knowledgePhrases('Experience in one or more of these areas.')).toEqual([]);
  });

  it('reads "Job benefits", "Further information" and "FAQ" as headings that yield nothing', () => {
    expect(headingKind('Job benefits:')).toBe('benefits');
    expect(headingKind('Further information')).toBe('apply');
    expect(headingKind('Additional Information')).toBe('apply');
    expect(headingKind('FAQ')).toBe('apply');
    const spec = extractJob(
      parseText(
        posting({
          '': 'Platform Engineer',
          Requirements: '- Experience with Kubernetes',
          'Job benefits:': '- Meal allowance\n- Gym membership',
          'Further information': 'Questions about Salesforce go to the hiring team.',
        }),
        'paste',
      ),
    );
    expect(skills(spec.required)).toEqual(['Kubernetes']);
    expect(skills(spec.preferred)).toEqual([]);
  });

  it('a short item of a requirement list is a requirement by itself', () => {
    expect(listItemPhrase('• JS frameworks')?.text).toBe('JS frameworks');
    expect(listItemPhrase('- Clean architecture')?.text).toBe('Clean architecture');
    for (const text of ['Mandatory', 'Job benefits: -', 'Strong', 'You are curious.', 'Written', 'Fit'])
      expect(listItemPhrase(text), text).toBeUndefined();
    const spec = extractJob(
      parseText(
        posting({ '': 'Planner', 'Must have:': '• Kubernetes\n• Bridge inspection\n• Mandatory' }),
        'paste',
      ),
    );
    expect(skills(spec.required)).toEqual(['Kubernetes', 'Bridge inspection']);
  });

  it('takes the examples after "such as" / "including" as separate phrases', () => {
    const text =
      'Understanding of software skills such as business analysis, maintenance and process improvement';
    expect(knowledgePhrases(text).map((phrase) => phrase.text)).toEqual(
      expect.arrayContaining(['business analysis', 'maintenance', 'process improvement']),
    );
    // A phrase made only of words that name no skill is not a requirement.
    expect(knowledgePhrases('Proficiency in writing and speech').map((phrase) => phrase.text)).toEqual([]);
    expect(knowledgePhrases('Experience with latest versions of the tools').map((p) => p.text)).toEqual([]);
  });

  it('a skill written as a role name (the job title, a colleague) is not a requirement', () => {
    const spec = extractJob(
      parseText(
        posting({
          '': 'Senior Backend Developer',
          'What you will do': 'You will work alongside UX designers and DevOps software engineers.',
          Requirements: '- 5+ years of Go\n- Experience with PostgreSQL',
        }),
        'paste',
      ),
    );
    const all = [...skills(spec.required), ...skills(spec.preferred)];
    expect(all).toEqual(expect.arrayContaining(['PostgreSQL']));
    expect(all).not.toContain('Backend Development');
    expect(all).not.toContain('DevOps');
    expect(all).not.toContain('UX Design');
  });

  it('a role asked of the candidate ("experience as a data engineer") stays a requirement', () => {
    const spec = extractJob(
      parseText(
        posting({
          '': 'Senior Data Engineer',
          'What you will do': 'You will work alongside backend developers.',
          Requirements: '- 5+ years of experience as a data engineer\n- Strong Python',
        }),
        'paste',
      ),
    );
    expect(skills(spec.required)).toEqual(expect.arrayContaining(['Data Engineering', 'Python']));
    expect([...skills(spec.required), ...skills(spec.preferred)]).not.toContain('Backend Development');
  });
});

describe('words that name a skill but ask nothing of the candidate', () => {
  const languages = ['Danish', 'German', 'Finnish', 'Italian', 'Spanish'];
  const all = (text: string): string[] => {
    const spec = extractJob(parseText(text));
    return skills([...spec.required, ...spec.preferred]);
  };

  it('a language used as a nationality is not a language requirement; a language asked for is', () => {
    for (const language of languages) {
      const nationality = all(
        `Account Manager\nRequirements\n- Knowledge of ${language} employment law\n- Experience with the ${language} Market and its retailers`,
      );
      expect(nationality, language).not.toContain(language);
      for (const asked of [
        `Fluent ${language}`,
        `${language} is an advantage`,
        `Speak and write ${language} fluently`,
        `Written and spoken ${language} Strong planning skills`,
        `${language} language skills`,
      ]) {
        expect(all(`Receptionist\nRequirements\n- ${asked}\n- Scheduling`), asked).toContain(language);
      }
    }
  });

  it('an activity done to the candidate ("you will be onboarded", "to be recruited") is not a skill', () => {
    expect(
      all('Chef\nAbout the job\nYou will be extensively onboarded by our head chef.\nRequirements\n- HACCP'),
    ).not.toContain('Onboarding');
    expect(
      all('Nurse\nThe candidate has to be recruited before October.\nRequirements\n- BLS'),
    ).not.toContain('Recruiting');
    expect(all('HR Partner\nRequirements\n- You have recruited and trained staff before')).toContain(
      'Recruiting',
    );
  });

  it('"in collaboration with" / "in compliance with" are idioms, not skills', () => {
    const idioms = all(
      'Research Assistant\nThe project runs in collaboration with two hospitals.\nRequirements\n- Statistics\n- Work in collaboration with partners',
    );
    expect(idioms).not.toContain('Collaboration');
    expect(all('Research Assistant\nRequirements\n- Strong collaboration skills')).toContain('Collaboration');
  });

  it('sentences about interviews, the recruitment process and the application yield nothing', () => {
    const spec = all(
      [
        'Office Manager',
        'Interviews will be held as candidates apply.',
        'The recruitment process is handled by our recruitment partner.',
        'The application must be in English and include a teaching portfolio.',
        'Requirements',
        '- Bookkeeping',
      ].join('\n'),
    );
    expect(spec).toContain('Bookkeeping');
    for (const name of ['Interviewing', 'Recruiting', 'English', 'Teaching'])
      expect(spec).not.toContain(name);
  });
});

describe('product names listed beside known skills', () => {
  /** Made-up product names the taxonomy cannot know, in the shapes names take. */
  const names = ['Zorblex', 'QTX', 'Frobnik2', 'hyperGrid'];
  const all = (text: string): string[] => {
    const spec = extractJob(parseText(text));
    return [...spec.required, ...spec.preferred].map((requirement) => requirement.surface);
  };

  it('a name joined to known skills by list separators is one more item of the list', () => {
    for (const name of names) {
      for (const line of [
        `Experience with Python ${name} and Docker`,
        `Tools: Jira, ${name}, Confluence`,
        `Knowledge of Kafka/${name}`,
      ]) {
        expect(all(`Support Engineer\nRequirements\n- ${line}\n- Linux`), line).toContain(name);
      }
    }
  });

  it('ordinary capitalised words, clause openers and company text are not names', () => {
    const posting = [
      'Support Engineer',
      'We run everything on Kubernetes Zorblex and Go.',
      'Requirements',
      '- Experience with Jenkins Write clean code every day',
      '- Python Responsible for the build',
      '- Docker Support for the team; you support customers',
    ].join('\n');
    const found = all(posting);
    expect(found).toContain('Jenkins');
    for (const word of ['Zorblex', 'Write', 'Responsible', 'Support']) expect(found).not.toContain(word);
  });
});

describe('toolListLines', () => {
  /** The text of the lines toolListLines picks out of a generated posting. */
  const picked = (text: string): string[] => {
    const { lines } = parseText(text);
    const found = toolListLines(lines);
    return lines.filter((_, index) => found.has(index)).map((line) => line.text);
  };

  it('takes a labelled tool list line, and nothing of the prose around it', () => {
    const text = posting({
      '': 'Widget Inspectors\n\nInspect widgets and record defects.',
      'Tools and technologies: Alpha Suite, Beta Tracker, Gamma Sheets.': '',
      Requirements: '- Three years inspecting widgets',
    });
    expect(picked(text)).toEqual(['Tools and technologies: Alpha Suite, Beta Tracker, Gamma Sheets.']);
  });

  it('follows a labelled list wrapped after a trailing comma, and stops at the first line without one', () => {
    const text =
      'Operators\nTech stack: Alpha Suite, Beta Tracker,\nGamma Sheets, Delta Board\nYou will run the line.';
    expect(picked(text)).toEqual(['Tech stack: Alpha Suite, Beta Tracker,', 'Gamma Sheets, Delta Board']);
  });

  it('takes a tool list heading with its lines up to the next heading', () => {
    const text = posting({
      '': 'Widget Inspectors',
      'Our stack': '- Alpha Suite\n- Beta Tracker',
      Responsibilities: '- Inspect widgets',
    });
    expect(picked(text)).toEqual(['Our stack', 'Alpha Suite', 'Beta Tracker']);
  });

  it('finds nothing in a posting without a tool list (its skills lists stay)', () => {
    const text = posting({
      '': 'Widget Inspectors',
      Requirements: '- Alpha Suite\n- Three years inspecting widgets',
      'Nice to have': '- Beta Tracker',
    });
    expect(picked(text)).toEqual([]);
  });
});

describe('linesOutsideTheWork', () => {
  /** The text of the lines linesOutsideTheWork picks out of a generated posting. */
  const picked = (text: string): string[] => {
    const { lines } = parseText(text);
    const found = linesOutsideTheWork(lines);
    return lines.filter((_, index) => found.has(index)).map((line) => line.text);
  };

  it('takes benefits, legal and how-to-apply blocks with their headings, and the tool list', () => {
    const text = posting({
      '': 'Widget Inspector',
      'About us': 'We build widgets for farms and hospitals.',
      Responsibilities: '- Inspect widgets on the line',
      Requirements: '- Three years inspecting widgets',
      'Tools and technologies: Alpha Suite, Beta Tracker.': '',
      Benefits: '- Paid holidays and a pension plan',
      'Equal Opportunity Employer': 'We welcome applicants regardless of race or religion.',
      'How to apply': 'Send your CV with a cover letter.',
    });
    expect(picked(text)).toEqual([
      'Tools and technologies: Alpha Suite, Beta Tracker.',
      'Benefits',
      'Paid holidays and a pension plan',
      'Equal Opportunity Employer',
      'We welcome applicants regardless of race or religion.',
      'How to apply',
      'Send your CV with a cover letter.',
    ]);
  });

  it('takes a pay or EEO line inside other prose by its own cues, and keeps the work around it', () => {
    const text = [
      'Widget Inspector',
      'You will inspect widgets and log every defect.',
      'The salary range is $50,000 to $60,000 per year.',
      'Train new inspectors on the line.',
      'We are an equal opportunity employer.',
    ].join('\n');
    expect(picked(text)).toEqual([
      'The salary range is $50,000 to $60,000 per year.',
      'We are an equal opportunity employer.',
    ]);
  });

  it('keeps the company blurb (it names the field) and a posting with no boilerplate whole', () => {
    expect(
      picked(posting({ '': 'Widget Inspector', 'About us': 'We build widgets for hospitals.' })),
    ).toEqual([]);
  });
});
