/**
 * Resume section detection: which lines are section headings ("Work Experience", "SKILLS",
 * "Education:") and which lines each section spans. Uses the parser's layout flags (heading,
 * bold) together with a dictionary of section titles, because neither alone is reliable:
 * plain text has no flags, and PDFs bold many things that are not headings.
 */
import type { DocLine, SectionSpan } from '../domain';
import { canonicalSkill, isSpokenLanguage } from '../taxonomy';
import { findDateRanges } from './dates';

/** Normalised section name → titles as people write them (lower-case, no punctuation). */
const SECTION_TITLES: Record<string, string[]> = {
  summary: [
    'summary',
    'profile',
    'about',
    'about me',
    'professional summary',
    'career summary',
    'objective',
    'career objective',
    'personal profile',
    'executive summary',
    'overview',
    'professional profile',
    'summary of qualifications',
    'introduction',
    'bio',
  ],
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'relevant experience',
    'experiences',
    'industry experience',
    'research experience',
    'work',
    'positions',
    'professional background',
    'career',
    'internships',
    'internship experience',
    'teaching experience',
    'leadership experience',
    'job history',
    'campus involvement',
    'on campus involvement',
    'involvement',
    'military experience',
    'freelance experience',
  ],
  education: [
    'education',
    'academic background',
    'education and training',
    'academics',
    'qualifications',
    'academic qualifications',
    'educational background',
    'education & training',
    'degrees',
    'academic history',
    'education background',
  ],
  skills: [
    'skills',
    'technical skills',
    'core competencies',
    'competencies',
    'key skills',
    'skills summary',
    'technologies',
    'tools',
    'skills and tools',
    'expertise',
    'areas of expertise',
    'technical proficiencies',
    'skills & abilities',
    'skills and abilities',
    'tech stack',
    'technical expertise',
    'proficiencies',
    'skill set',
    'skillset',
    'core skills',
    'relevant skills',
    'technical summary',
    'programming languages',
    'tools and technologies',
    'tools & technologies',
    'top skills',
    'strengths',
    'skills & interests',
    'skills and interests',
    'additional skills',
    'computer skills',
    'software',
    'technical competencies',
    'it skills',
    'key skills and competencies',
  ],
  projects: [
    'projects',
    'personal projects',
    'selected projects',
    'key projects',
    'academic projects',
    'side projects',
    'project experience',
    'projects experience',
    'open source',
    'open source projects',
    'open source contributions',
    'open source work',
    'portfolio',
    'research projects',
  ],
  certifications: [
    'certifications',
    'certificates',
    'licenses',
    'licenses and certifications',
    'licenses & certifications',
    'certifications and licenses',
    'professional certifications',
    'certification',
    'courses',
    'training',
    'courses and certifications',
    'professional development',
  ],
  languages: ['languages', 'language skills', 'spoken languages', 'language proficiency'],
  awards: [
    'awards',
    'honors',
    'honours',
    'achievements',
    'awards and honors',
    'honors and awards',
    'honours and awards',
    'accomplishments',
    'scholarships',
    'awards and achievements',
  ],
  publications: [
    'publications',
    'papers',
    'selected publications',
    'research',
    'patents',
    'presentations',
    'talks',
  ],
  volunteer: ['volunteer', 'volunteering', 'volunteer experience', 'community service', 'volunteer work'],
  activities: [
    'extracurricular activities',
    'extracurricular activity',
    'extracurricular',
    'activities',
    'leadership and activities',
    'community',
    'memberships',
    'professional memberships',
    'affiliations',
    'program committees',
    'committees',
    'presentation',
    'writing',
    'conferences',
    'workshops',
  ],
  interests: ['interests', 'hobbies', 'hobbies and interests', 'personal interests'],
  references: ['references', 'referees'],
  contact: ['contact', 'contact information', 'contact details', 'personal details', 'personal information'],
};

/** Sub-headings an education entry may carry for its own course list. */
const COURSE_TITLES = new Set([
  'courses',
  'coursework',
  'relevant coursework',
  'major courses',
  'key courses',
]);

/** Titles that are also ordinary words: only headings when the layout or casing says so. */
const WEAK_TITLES = new Set([
  'work',
  'software',
  'career',
  'research',
  'training',
  'tools',
  'community',
  'writing',
  'presentation',
  'bio',
]);

const TITLE_TO_SECTION = new Map<string, string>();
for (const [section, titles] of Object.entries(SECTION_TITLES)) {
  for (const title of titles) TITLE_TO_SECTION.set(title, section);
}

/** Lower-case, '&' → 'and' variants kept, punctuation and spacing collapsed. */
function normaliseTitle(text: string): string {
  return (
    text
      .toLowerCase()
      // "Work Experience (12)": a count after the title.
      .replace(/(?<!\s)\s*\(\d+\)\s*$/, '')
      .replace(/(?<!\s)\s*[&/+]\s*/g, ' and ')
      .replace(/[:：|•·_*#=~-]+/g, ' ')
      .replace(/[^\p{L}\p{N}& ]/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The same titles with their spaces removed, for letter-spaced headings ("W O R K E X P"). */
const COMPACT_TITLE_TO_SECTION = new Map<string, string>();
for (const [title, section] of TITLE_TO_SECTION)
  COMPACT_TITLE_TO_SECTION.set(title.replace(/ /g, ''), section);

/**
 * Spaced-out headings ("E X P E R I E N C E", "W O R K E X P E R I E N C E", and "S U M M A RY"
 * where kerning glued two letters) are common in designed templates: most tokens are single
 * letters and none is longer than two. The word breaks are lost, so such a line is looked up
 * without spaces.
 */
function letterSpaced(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 4 || tokens.some((token) => token.length > 2 || !/^\p{L}+$/u.test(token))) return false;
  return tokens.filter((token) => token.length === 1).length >= tokens.length * 0.6;
}

export interface HeadingMatch {
  section: string;
  /** Text after "Skills:" on the same line, when the heading carries content. */
  rest: string;
}

/** The section a line opens, or undefined when it is not a section heading. */
export function sectionHeading(line: DocLine): HeadingMatch | undefined {
  const raw = line.text.trim();
  if (!raw) return undefined;
  const spaced = letterSpaced(raw);
  const title = raw.length > 60 ? '' : normaliseTitle(raw);
  const whole = !title
    ? undefined
    : spaced
      ? COMPACT_TITLE_TO_SECTION.get(title.replace(/ /g, ''))
      : TITLE_TO_SECTION.get(title);
  if (whole) {
    const strongLayout = line.heading || line.bold || /:\s*$/.test(raw) || raw === raw.toUpperCase();
    // A bare word like "Work" or "Software" is only a heading when the layout says so.
    const looksLikeHeading = strongLayout || (!WEAK_TITLES.has(title) && /^\p{Lu}/u.test(raw));
    if (looksLikeHeading && !line.bullet) return { section: whole, rest: '' };
  }
  const inline = /^([^:：]{3,40})[:：]\s*(.+)$/.exec(raw);
  if (inline && !line.bullet) {
    const section = TITLE_TO_SECTION.get(normaliseTitle(inline[1] ?? ''));
    if (section && ['skills', 'languages', 'certifications', 'interests'].includes(section)) {
      return { section, rest: inline[2] ?? '' };
    }
  }
  return undefined;
}

const ENTRY_SECTIONS = new Set(['experience', 'projects', 'volunteer']);
const LOOKAHEAD_LINES = 80;

/** Does a date range appear after this line before the next whole-line section heading? */
function datedBeforeNextHeading(lines: DocLine[], from: number): boolean {
  // Bounded, so a file of thousands of label lines stays linear.
  for (let index = from + 1; index < Math.min(lines.length, from + LOOKAHEAD_LINES); index++) {
    const line = lines[index];
    if (!line) continue;
    const heading = sectionHeading(line);
    if (heading && !heading.rest) return false;
    if (findDateRanges(line.text).some((range) => range.isRange)) return true;
  }
  return false;
}

/**
 * "Skills" / "Languages" / "Python" / "SQL": a "Languages" heading inside a skills section, over
 * a programming language (a known skill that is no spoken language), is the name of one skill
 * group, not a section of languages spoken.
 */
function programmingLanguagesFollow(lines: DocLine[], from: number): boolean {
  const next = lines[from + 1]?.text.trim() ?? '';
  const first = next.split(/[,;|•·]/)[0] ?? '';
  const skill = canonicalSkill(first.trim());
  return skill !== undefined && !isSpokenLanguage(skill);
}

/** Sections in document order. Lines before the first heading are the header (name, contact). */
export function findSections(lines: DocLine[]): SectionSpan[] {
  const sections: SectionSpan[] = [];
  let openingLine: DocLine | undefined;
  lines.forEach((line, index) => {
    const heading = sectionHeading(line);
    if (!heading) return;
    const previous = sections[sections.length - 1];
    // "Languages: Go, Python" inside a skills section is a sub-label, not a new section.
    if (heading.rest && previous?.name === 'skills') return;
    if (
      heading.section === 'languages' &&
      previous?.name === 'skills' &&
      programmingLanguagesFollow(lines, index)
    )
      return;
    // A section does not reopen itself: "Volunteer" as the role under a "Volunteer Experience"
    // heading is that entry's title.
    if (!heading.rest && previous?.name === heading.section && !line.heading && !line.bold) return;
    // "Technologies: Node.js, Java" under a role, with more dated entries after it, is that
    // entry's own line, not the end of the experience (or projects) section.
    if (heading.rest && previous && ENTRY_SECTIONS.has(previous.name) && datedBeforeNextHeading(lines, index))
      return;
    // "Courses" set smaller than the Education heading above it lists one degree's courses; so
    // does one followed by another dated school before the next heading (DOCX, which gives no sizes).
    if (
      previous?.name === 'education' &&
      COURSE_TITLES.has(normaliseTitle(line.text)) &&
      ((openingLine && line.fontSize > 0 && line.fontSize < openingLine.fontSize * 0.85) ||
        datedBeforeNextHeading(lines, index))
    )
      return;
    openingLine = line;
    if (previous) previous.endLine = index - 1;
    sections.push({
      name: heading.section,
      heading: line.text.trim(),
      // Inline headings ("Skills: Python, Go") keep their own line as the first body line.
      startLine: heading.rest ? index : index + 1,
      endLine: lines.length - 1,
    });
  });
  return sections;
}

/** The section a line belongs to, or undefined for the header before any heading. */
export function sectionOfLine(sections: SectionSpan[], lineIndex: number): SectionSpan | undefined {
  for (const section of sections) {
    if (lineIndex >= section.startLine && lineIndex <= section.endLine) return section;
  }
  return undefined;
}
