/**
 * Synthetic resumes and jobs for benchmarks, end-to-end tests and the Library's "Try with sample
 * data" button. Pure and deterministic: the same seed always gives the same texts. The output is
 * plain text in the shape people write (header, summary, experience with dates and bullets,
 * education, skills), so it goes through the same parseText + extract path as a real file.
 *
 * Nothing here is a real person: names, companies and places are combined from short lists.
 */

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; plenty for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  }
  return chosen;
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

export interface Occupation {
  field: string;
  titles: readonly string[];
  /** Skills as the taxonomy names them, most characteristic first. */
  skills: readonly string[];
  /** Bullet templates; {skill} is replaced with one of the person's skills. */
  bullets: readonly string[];
  degreeAreas: readonly string[];
  soft: readonly string[];
}

export const OCCUPATIONS: readonly Occupation[] = [
  {
    field: 'software',
    titles: ['Software Engineer', 'Backend Engineer', 'Full Stack Developer', 'Frontend Engineer'],
    skills: [
      'Python',
      'JavaScript',
      'TypeScript',
      'Java',
      'Go',
      'React',
      'Node.js',
      'Django',
      'PostgreSQL',
      'Docker',
      'Kubernetes',
      'AWS',
      'GraphQL',
      'Redis',
      'Git',
      'REST APIs',
      'Microservices',
      'CI/CD',
    ],
    bullets: [
      'Built and maintained {skill} services handling 2 million requests a day',
      'Migrated a legacy monolith to {skill}, cutting release time by 40%',
      'Designed REST APIs with {skill} for the billing and payments platform',
      'Introduced automated tests and code review for the {skill} codebase',
      'Reduced page load time by 35% by profiling and optimising {skill} code',
    ],
    degreeAreas: ['Computer Science', 'Software Engineering', 'Mathematics'],
    soft: ['Communication', 'Teamwork', 'Problem Solving'],
  },
  {
    field: 'data',
    titles: ['Data Scientist', 'Data Engineer', 'Data Analyst', 'Machine Learning Engineer'],
    skills: [
      'Python',
      'SQL',
      'Pandas',
      'NumPy',
      'scikit-learn',
      'PyTorch',
      'TensorFlow',
      'Apache Spark',
      'Apache Airflow',
      'Tableau',
      'Statistics',
      'Machine Learning',
      'Snowflake',
      'dbt',
      'Power BI',
      'A/B Testing',
    ],
    bullets: [
      'Built forecasting models with {skill} that improved demand accuracy by 18%',
      'Designed batch pipelines in {skill} processing 3 TB of events per day',
      'Created {skill} dashboards used weekly by the sales leadership team',
      'Ran experiments and analysed results with {skill} for the growth team',
      'Cleaned and modelled customer data with {skill} for churn prediction',
    ],
    degreeAreas: ['Statistics', 'Computer Science', 'Economics', 'Physics'],
    soft: ['Communication', 'Analytical Skills', 'Attention to Detail'],
  },
  {
    field: 'design',
    titles: ['Product Designer', 'UX Designer', 'UI Designer', 'Graphic Designer'],
    skills: [
      'Figma',
      'Sketch',
      'Adobe Photoshop',
      'Adobe Illustrator',
      'User Research',
      'Prototyping',
      'Wireframing',
      'Design Systems',
      'Usability Testing',
      'Typography',
      'Adobe InDesign',
      'Web Accessibility',
    ],
    bullets: [
      'Led the redesign of the mobile checkout in {skill}, lifting conversion by 12%',
      'Built and documented a shared design system in {skill}',
      'Ran moderated sessions and {skill} with 40 customers to shape the roadmap',
      'Produced brand and campaign assets with {skill} for product launches',
    ],
    degreeAreas: ['Graphic Design', 'Human-Computer Interaction', 'Fine Arts'],
    soft: ['Communication', 'Creativity', 'Collaboration'],
  },
  {
    field: 'healthcare',
    titles: ['Registered Nurse', 'Clinical Nurse', 'Medical Assistant', 'Physical Therapist'],
    skills: [
      'Patient Care',
      'Electronic Health Records',
      'Epic',
      'Basic Life Support',
      'CPR',
      'Phlebotomy',
      'Medication Administration',
      'Triage',
      'Infection Control',
      'HIPAA',
      'Wound Care',
      'Patient Education',
    ],
    bullets: [
      'Provided {skill} for up to 6 patients per shift on a 30-bed surgical unit',
      'Documented assessments and care plans in {skill}',
      'Trained new staff on {skill} procedures and unit protocols',
      'Coordinated discharge planning and {skill} with physicians and families',
    ],
    degreeAreas: ['Nursing', 'Health Sciences', 'Physical Therapy'],
    soft: ['Communication', 'Empathy', 'Teamwork'],
  },
  {
    field: 'finance',
    titles: ['Financial Analyst', 'Accountant', 'Auditor', 'Controller'],
    skills: [
      'Financial Modeling',
      'Excel',
      'Forecasting',
      'Budgeting',
      'GAAP',
      'Financial Reporting',
      'SAP',
      'Variance Analysis',
      'Accounts Payable',
      'Auditing',
      'QuickBooks',
      'Tax Preparation',
    ],
    bullets: [
      'Built {skill} for a 120 million dollar annual operating plan',
      'Prepared monthly close and {skill} for the executive team',
      'Automated reconciliations in {skill}, saving 20 hours per month',
      'Led {skill} reviews across four business units',
    ],
    degreeAreas: ['Finance', 'Accounting', 'Economics'],
    soft: ['Attention to Detail', 'Communication', 'Analytical Skills'],
  },
  {
    field: 'sales',
    titles: ['Account Executive', 'Sales Manager', 'Business Development Representative', 'Account Manager'],
    skills: [
      'Salesforce',
      'CRM',
      'Lead Generation',
      'Negotiation',
      'Cold Calling',
      'Account Management',
      'Pipeline Management',
      'HubSpot',
      'B2B Sales',
      'Sales Forecasting',
      'Forecasting',
    ],
    bullets: [
      'Closed 1.8 million dollars in new business using a disciplined {skill} process',
      'Exceeded quota by 130% through {skill} in the mid-market segment',
      'Managed a portfolio of 60 accounts with {skill}',
      'Coached new representatives on {skill} and discovery calls',
    ],
    degreeAreas: ['Business Administration', 'Marketing', 'Communications'],
    soft: ['Communication', 'Negotiation', 'Relationship Building'],
  },
  {
    field: 'education',
    titles: ['Teacher', 'Math Teacher', 'Instructional Designer', 'Curriculum Developer'],
    skills: [
      'Curriculum Development',
      'Lesson Planning',
      'Classroom Management',
      'Google Classroom',
      'Differentiated Instruction',
      'Student Assessment',
      'Special Education',
      'Canvas LMS',
      'Instructional Design',
      'Tutoring',
    ],
    bullets: [
      'Designed {skill} for 5 sections of grade 9 algebra',
      'Raised state test pass rates by 15% through {skill}',
      'Introduced {skill} across the department',
      'Mentored two student teachers in {skill}',
    ],
    degreeAreas: ['Education', 'Mathematics', 'English'],
    soft: ['Communication', 'Patience', 'Leadership'],
  },
  {
    field: 'trades',
    titles: ['Electrician', 'HVAC Technician', 'Maintenance Technician', 'Plumber'],
    skills: [
      'Electrical Wiring',
      'Blueprint Reading',
      'Troubleshooting',
      'OSHA Certification',
      'Preventive Maintenance',
      'HVAC',
      'Welding',
      'PLC Programming',
      'Plumbing',
      'Power Tools',
      'Carpentry',
    ],
    bullets: [
      'Installed and serviced systems using {skill} on commercial job sites',
      'Performed {skill} on 40 units per month with zero safety incidents',
      'Read {skill} to plan installs for new construction',
      'Trained apprentices in {skill} and site safety',
    ],
    degreeAreas: ['Electrical Technology', 'Industrial Maintenance', 'Construction Technology'],
    soft: ['Attention to Detail', 'Reliability', 'Teamwork'],
  },
];

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Carla',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Nikhil',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
];
const LAST_NAMES = [
  'Anders',
  'Brooks',
  'Chen',
  'Diallo',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Johnson',
  'Kim',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quist',
  'Rossi',
  'Silva',
  'Tanaka',
  'Usman',
  'Varga',
  'Walsh',
  'Xu',
  'Yilmaz',
  'Zhang',
];
const COMPANIES = [
  'Northwind',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Retail',
  'Acme Corp',
  'Blue Harbor',
  'Pioneer Labs',
  'Summit Bank',
  'Riverbend Schools',
  'Keystone Builders',
  'Evergreen Clinic',
];
const PLACES = [
  'Austin, TX',
  'Boston, MA',
  'Chicago, IL',
  'Denver, CO',
  'Seattle, WA',
  'Atlanta, GA',
  'Portland, OR',
  'Phoenix, AZ',
  'Raleigh, NC',
  'Minneapolis, MN',
];
const UNIVERSITIES = [
  'State University',
  'Riverside University',
  'Lakeshore College',
  'Northern Institute of Technology',
  'Central Community College',
  'Coastal University',
];
const DEGREES = [
  { short: 'BSc', level: 'bachelor' },
  { short: 'BA', level: 'bachelor' },
  { short: 'MSc', level: 'master' },
  { short: 'Associate of Applied Science', level: 'associate' },
] as const;

export interface GeneratedResume {
  /** File-name friendly id, unique within one corpus. */
  id: string;
  name: string;
  field: string;
  title: string;
  years: number;
  location: string;
  skills: string[];
  text: string;
}

export interface GeneratedJob {
  id: string;
  field: string;
  title: string;
  minYears: number;
  location: string;
  remote: boolean;
  required: string[];
  preferred: string[];
  text: string;
}

/** Reference year of the generated dates, fixed so the texts never change with the clock. */
const CURRENT_YEAR = 2026;

function generateResume(random: Random, index: number): GeneratedResume {
  const occupation = pick(random, OCCUPATIONS);
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const name = `${first} ${last}`;
  const title = pick(random, occupation.titles);
  const location = pick(random, PLACES);
  const years = between(random, 1, 18);
  const skills = sample(
    random,
    occupation.skills,
    between(random, 5, Math.min(10, occupation.skills.length)),
  );
  // Some people cross fields (a data analyst who knows a little design...).
  if (random() < 0.25) skills.push(pick(random, pick(random, OCCUPATIONS).skills));
  const uniqueSkills = [...new Set(skills)];
  const lines: string[] = [
    name,
    `${first.toLowerCase()}.${last.toLowerCase()}${index}@example.com | (555) 010-${String(1000 + (index % 9000)).padStart(4, '0')} | ${location}`,
    '',
    'Summary',
    `${title} with ${years} years of experience in ${occupation.field}, strong in ${uniqueSkills.slice(0, 3).join(', ')}.`,
    '',
    'Experience',
  ];
  let end = CURRENT_YEAR;
  let remaining = years;
  const jobs = Math.min(3, Math.max(1, Math.ceil(years / 5)));
  for (let job = 0; job < jobs; job++) {
    const span = job === jobs - 1 ? remaining : Math.max(1, Math.floor(remaining / (jobs - job)));
    remaining -= span;
    const start = end - span;
    const position = job === 0 ? title : pick(random, occupation.titles);
    lines.push(`${position}, ${pick(random, COMPANIES)}    ${start} - ${job === 0 ? 'Present' : end}`);
    for (const bullet of sample(random, occupation.bullets, between(random, 2, 3))) {
      lines.push(`- ${bullet.replace('{skill}', pick(random, uniqueSkills))}`);
    }
    end = start;
  }
  const degree = pick(random, DEGREES);
  const graduation = CURRENT_YEAR - years;
  lines.push(
    '',
    'Education',
    pick(random, UNIVERSITIES),
    `${degree.short} ${pick(random, occupation.degreeAreas)}, ${graduation - 4} - ${graduation}`,
    '',
    'Skills',
    [...uniqueSkills, ...sample(random, occupation.soft, 2)].join(', '),
  );
  return {
    id: `resume-${String(index + 1).padStart(5, '0')}`,
    name,
    field: occupation.field,
    title,
    years,
    location,
    skills: uniqueSkills,
    text: `${lines.join('\n')}\n`,
  };
}

const LEVELS = [
  { word: '', years: 2 },
  { word: 'Senior ', years: 5 },
  { word: 'Junior ', years: 1 },
  { word: 'Lead ', years: 8 },
];

function generateJob(random: Random, index: number): GeneratedJob {
  const occupation = pick(random, OCCUPATIONS);
  const level = pick(random, LEVELS);
  const baseTitle = pick(random, occupation.titles);
  const title = `${level.word}${baseTitle}`;
  const remote = random() < 0.3;
  const location = pick(random, PLACES);
  const skills = sample(random, occupation.skills, between(random, 5, 8));
  const required = skills.slice(0, Math.max(3, skills.length - 3));
  const preferred = skills.slice(required.length);
  const minYears = level.years + between(random, 0, 2);
  const company = pick(random, COMPANIES);
  const lines = [
    title,
    `${company} · ${remote ? 'Remote' : location}`,
    '',
    'About the role',
    `${company} is hiring a ${title} to join a growing ${occupation.field} team.`,
    '',
    'Requirements',
    `- ${minYears}+ years of experience as a ${baseTitle}`,
    ...required.map((skill) => `- Experience with ${skill}`),
    `- ${pick(random, occupation.soft)} skills`,
    '',
    'Nice to have',
    ...preferred.map((skill) => `- ${skill}`),
    '',
    'Education',
    `- Bachelor's degree in ${pick(random, occupation.degreeAreas)} or equivalent experience`,
  ];
  return {
    id: `job-${String(index + 1).padStart(4, '0')}`,
    field: occupation.field,
    title,
    minYears,
    location,
    remote,
    required,
    preferred,
    text: `${lines.join('\n')}\n`,
  };
}

export interface Corpus {
  resumes: GeneratedResume[];
  jobs: GeneratedJob[];
}

/** N resumes and M jobs from one seed; the same arguments always give the same texts. */
export function generateCorpus(options: { resumes: number; jobs: number; seed?: number }): Corpus {
  const random = seededRandom(options.seed ?? 42);
  const resumes: GeneratedResume[] = [];
  for (let index = 0; index < options.resumes; index++) resumes.push(generateResume(random, index));
  const jobs: GeneratedJob[] = [];
  for (let index = 0; index < options.jobs; index++) jobs.push(generateJob(random, index));
  return { resumes, jobs };
}
