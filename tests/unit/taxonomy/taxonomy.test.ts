import { describe, expect, it } from 'vitest';
import {
  allSkillNames,
  canonicalSkill,
  findSkills,
  impliedSkills,
  isSpokenLanguage,
  singularForms,
  skillKind,
  taxonomyIssues,
  taxonomySize,
} from '../../../src/core/taxonomy';

const names = (text: string, listContext = false): string[] =>
  findSkills(text, { listContext }).map((match) => match.canonical);

describe('taxonomy data', () => {
  it('holds at least 1,500 distinct skills across kinds', () => {
    expect(taxonomySize()).toBeGreaterThanOrEqual(1500);
    expect(new Set(allSkillNames()).size).toBe(taxonomySize());
    const kinds = new Set(allSkillNames().map((name) => skillKind(name)));
    expect([...kinds].sort()).toEqual(['certification', 'hard', 'language', 'soft', 'tool']);
  });

  it('has no duplicate forms and no implication to an unknown skill', () => {
    expect(taxonomyIssues()).toEqual([]);
  });

  it('covers the domains the product serves', () => {
    for (const skill of [
      'Phlebotomy',
      'Financial Modeling',
      'Cold Calling',
      'Lesson Planning',
      'TIG Welding',
      'Figma',
      'Teamwork',
    ]) {
      expect(canonicalSkill(skill), skill).toBe(skill);
    }
  });
});

describe('canonicalSkill / impliedSkills / skillKind', () => {
  it.each([
    ['JS', 'JavaScript'],
    ['k8s', 'Kubernetes'],
    ['Postgres', 'PostgreSQL'],
    ['psql', 'PostgreSQL'],
    ['MS Excel', 'Excel'],
    ['ReactJS', 'React'],
    ['React.js', 'React'],
    ['golang', 'Go'],
    ['c sharp', 'C#'],
    ['sklearn', 'scikit-learn'],
  ])('%s → %s', (alias, canonical) => {
    expect(canonicalSkill(alias)).toBe(canonical);
  });

  it('returns undefined for unknown names', () => {
    expect(canonicalSkill('Foobarizer 3000')).toBeUndefined();
  });

  it('follows implications transitively', () => {
    expect(impliedSkills('PostgreSQL')).toEqual(expect.arrayContaining(['SQL', 'Relational Databases']));
    expect(impliedSkills('React')).toContain('JavaScript');
    expect(impliedSkills('TypeScript')).toContain('JavaScript');
    expect(impliedSkills('Django')).toContain('Python');
    expect(impliedSkills('Kubernetes')).toContain('Containers');
    expect(impliedSkills('Next.js')).toEqual(expect.arrayContaining(['React', 'JavaScript']));
    expect(impliedSkills('SQL')).toEqual([]);
  });

  it('knows kinds and spoken languages', () => {
    expect(skillKind('Docker')).toBe('tool');
    expect(skillKind('Teamwork')).toBe('soft');
    expect(skillKind('PMP')).toBe('certification');
    expect(isSpokenLanguage('Spanish')).toBe(true);
    expect(isSpokenLanguage('Python')).toBe(false);
  });
});

describe('findSkills boundaries', () => {
  it('keeps C, C++, C#, .NET and Node.js apart and never matches C inside CSS or C-level', () => {
    expect(names('Built services in C, C++, C# and .NET; styles in CSS; servers in Node.js.')).toEqual([
      'C',
      'C++',
      'C#',
      '.NET',
      'CSS',
      'Node.js',
    ]);
    expect(names('Presented to C-level executives about CSS and HTML.')).toEqual(['CSS', 'HTML']);
  });

  it('reports offsets and the surface as written', () => {
    const text = 'Deployed on k8s with Postgres';
    const [kubernetes, postgres] = findSkills(text);
    expect(kubernetes).toMatchObject({ canonical: 'Kubernetes', surface: 'k8s', viaAlias: true });
    expect(text.slice(kubernetes?.start, kubernetes?.end)).toBe('k8s');
    expect(postgres).toMatchObject({ canonical: 'PostgreSQL', surface: 'Postgres' });
  });

  it('reads Go as the language only in skill-like context', () => {
    expect(names('I go to the office and let things go.')).toEqual([]);
    expect(names('Go to the store.')).toEqual([]);
    expect(names('Services written in Go and PostgreSQL')).toEqual(['Go', 'PostgreSQL']);
    expect(names('Wrote Golang microservices')).toEqual(['Go', 'Microservices']);
    expect(names('Go, Rust', true)).toEqual(['Go', 'Rust']);
    expect(names('Languages: Go, Rust, Swift')).toEqual(['Go', 'Rust', 'Swift']);
  });

  it('treats R, Swift, Rust, Spring and Excel with the same care', () => {
    expect(names('R&D budget of $2M')).toEqual([]);
    expect(names('Statistical models in R and Python')).toEqual(['R', 'Python']);
    expect(names('Students excel in a supportive environment')).toEqual([]);
    expect(names('Advanced Excel and SQL for the finance team')).toEqual(['Excel', 'SQL']);
    expect(names('Spring 2022 intern at a bank')).toEqual([]);
    expect(names('Java with Spring and Hibernate')).toEqual(['Java', 'Spring', 'Hibernate']);
    expect(names('A swift response prevented rust on the hull')).toEqual([]);
    expect(names('Objective-C and Swift for iOS apps')).toEqual(['Objective-C', 'Swift', 'iOS']);
  });

  it('matches multi-word skills, plurals and slashed names', () => {
    expect(names('Built REST APIs and microservices with CI/CD')).toEqual([
      'REST APIs',
      'Microservices',
      'CI/CD',
    ]);
    expect(names('machine learning and deep  learning')).toEqual(['Machine Learning', 'Deep Learning']);
    expect(names('Ran A/B testing on the checkout')).toEqual(['A/B Testing']);
  });

  it('reads a product named by an everyday word and punctuation ("Act!") only as written', () => {
    expect(names('Act as a leader within the company')).toEqual([]);
    expect(names('Act on feedback from Salesforce users')).toEqual(['Salesforce']);
    expect(names('CRM tools: Salesforce, Act! and HubSpot')).toEqual([
      'CRM',
      'Salesforce',
      'Act!',
      'HubSpot',
    ]);
  });

  it('reads a multi-word skill whose last word is an -ies or -es plural ("product strategies")', () => {
    expect(names('Developing product strategies for the checkout')).toEqual(['Product Strategy']);
    expect(names('Set pricing strategies')).toEqual(['Pricing Strategy']);
    expect(singularForms('strategies')).toContain('strategy');
    expect(singularForms('processes')).toContain('process');
    expect(singularForms('apis')).toEqual(['api']);
    expect(singularForms('bus')).toEqual([]);
  });

  it('does not read "M&A" into "I\'m a" nor CompTIA Security+ into "security"', () => {
    expect(names("I'm a developer")).toEqual([]);
    expect(names('Led M&A due diligence')).toEqual(['Mergers and Acquisitions', 'Due Diligence']);
    expect(names('Physical security platform')).toEqual([]);
    expect(names('Holds CompTIA Security+')).toEqual(['CompTIA Security+']);
  });
});
