/**
 * The ATS rules, one function per concern. Each reads the parsed document (lines, layout flags)
 * and the extracted profile and returns findings tied to line indexes. General rules only: no
 * rule names a person, an employer or a file.
 */
import { findDateRanges, monthIndex } from '../extract/dates';
import { findSections, sectionHeading, sectionOfLine } from '../extract/sections';
import type { DocLine, SectionSpan } from '../domain';
import { removedHeaderFooter as headerFooterRemoved } from '../parse/notices';
import { detectColumns, detectTableRows } from './layout';
import type { AtsFinding, AtsInput } from './types';

/** Section name → the heading an ATS recognises best (what the fix renames to). */
export const STANDARD_HEADINGS: Record<string, string> = {
  summary: 'Summary',
  experience: 'Experience',
  education: 'Education',
  skills: 'Skills',
  projects: 'Projects',
  certifications: 'Certifications',
  languages: 'Languages',
  awards: 'Awards',
  publications: 'Publications',
  volunteer: 'Volunteer Experience',
  contact: 'Contact',
  interests: 'Interests',
  references: 'References',
};

/**
 * Sections an ATS must find (the candidate record is filled from them). A heading of one of
 * these is standard when it names the section's own word ("Technical Skills", "Work
 * Experience"); other synonyms ("About", "Work", "Academic Background") get a rename. Headings
 * of other sections (Volunteer, Patents, Courses) are left alone.
 */
const CORE_SECTION_WORDS: Record<string, RegExp> = {
  summary: /\b(?:summary|profile|objective)\b/,
  experience: /\b(?:experience|employment|work history)\b/,
  education: /\beducation\b/,
  skills: /\bskills\b/,
};
/** Letter-spaced headings ("S K I L L S") are read by many ATS as single letters. */
const LETTER_SPACED = /^(?:\p{L} ){3,}\p{L}$/u;

const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+?\d[\d\s().-]{7,}\d)/;
const METRIC = /\d|%|\$|€|£|¥/;
const WEAK_OPENERS =
  /^(?:responsible for|responsibilities included|duties included|worked on|helped|assisted|tasked with|involved in|participated in|in charge of|handled|was|were|did|i\b|my\b|we\b)/i;
/** First-person pronouns (the uppercase "I" alone, the others any case). */
const PRONOUN = /(?:^|[^\p{L}])(I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?=$|[^\p{L}'’])/u;
/** Private-use code points (icon fonts), the replacement character, and dingbat / emoji icons. */
const ICON_GLYPH = /[\uE000-\uF8FF\uFFFD\u2700-\u27BF\u260E\u2706\u2709]|\p{Extended_Pictographic}/u;

const MAX_BULLET_WORDS = 40;
const MIN_WORDS = 250;
const MAX_WORDS_PER_PAGE = 700;
const MAX_PAGES = 2;
const GAP_MONTHS = 6;

function heading(line: DocLine): string {
  return line.text.trim().replace(/[:：]\s*$/, '');
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function bodyLines(input: AtsInput, sections: SectionSpan[], names: string[]): number[] {
  const result: number[] = [];
  for (const section of sections) {
    if (!names.includes(section.name)) continue;
    for (let index = section.startLine; index <= section.endLine; index++) result.push(index);
  }
  return result.filter((index) => (input.document.lines[index]?.text ?? '') !== '');
}

export function checkText(input: AtsInput): AtsFinding[] {
  const characters = input.document.text.replace(/\s+/g, '').length;
  if (characters >= 200) return [];
  return [
    {
      rule: 'no-text',
      part: 'parsing',
      severity: 'critical',
      title: characters === 0 ? 'No text can be extracted' : 'Almost no text can be extracted',
      detail: `Only ${characters} characters of text were found. A scanned or image-only resume is read by OCR at best, and an ATS may see nothing.`,
      fix: 'Export the resume from your editor as a text PDF or DOCX (not a scan or a picture).',
      lines: [],
    },
  ];
}

export function checkLayout(input: AtsInput): AtsFinding[] {
  const findings: AtsFinding[] = [];
  const columns = detectColumns(input.document);
  if (columns.lines.length > 0) {
    findings.push({
      rule: 'layout-columns',
      part: 'parsing',
      severity: 'major',
      title: 'Multi-column or table layout',
      detail: `${columns.lines.length} lines sit in a separate column or cell (${columns.jumps} place${columns.jumps === 1 ? '' : 's'} where reading order jumps back up the page). Many ATS read straight across and mix the columns.`,
      fix: 'Use a single-column layout: put these lines in their own section below the main text.',
      lines: columns.lines,
    });
  }
  const rows = detectTableRows(input.document);
  if (rows.length > 0) {
    findings.push({
      rule: 'layout-table',
      part: 'parsing',
      severity: 'minor',
      title: 'Content in a table',
      detail: `${rows.length} lines come from table cells. Some ATS skip tables or read their cells out of order.`,
      fix: 'Replace the table with plain paragraphs (title, company and dates on one line).',
      lines: rows,
    });
  }
  return findings;
}

export function checkSections(input: AtsInput, sections: SectionSpan[]): AtsFinding[] {
  const findings: AtsFinding[] = [];
  const present = new Set(sections.map((section) => section.name));
  const required: [string, AtsFinding['severity']][] = [
    ['experience', 'major'],
    ['education', 'minor'],
    ['skills', 'minor'],
  ];
  for (const [name, severity] of required) {
    if (present.has(name)) continue;
    findings.push({
      rule: 'section-missing',
      part: 'sections',
      severity,
      title: `No "${STANDARD_HEADINGS[name]}" heading found`,
      detail: `An ATS files content by section; without a recognisable ${STANDARD_HEADINGS[name]} heading it may not find this part of the resume.`,
      fix: `Add a heading named "${STANDARD_HEADINGS[name]}" above that content.`,
      lines: [],
    });
  }
  const nonstandard: number[] = [];
  input.document.lines.forEach((line, index) => {
    const match = sectionHeading(line);
    if (!match || match.rest) return;
    const text = heading(line).trim();
    const words = CORE_SECTION_WORDS[match.section];
    if (LETTER_SPACED.test(text) || (words && !words.test(text.toLowerCase()))) nonstandard.push(index);
  });
  if (nonstandard.length > 0) {
    findings.push({
      rule: 'heading-nonstandard',
      part: 'sections',
      severity: 'minor',
      title: 'Non-standard section headings',
      detail: `${nonstandard.length} heading${nonstandard.length === 1 ? '' : 's'} use a wording an ATS may not map to a section.`,
      fix: 'Rename them to the standard heading (suggested below).',
      lines: nonstandard,
    });
  }
  return findings;
}

export function checkContact(input: AtsInput): AtsFinding[] {
  const findings: AtsFinding[] = [];
  const { basics } = input.profile;
  const body = input.document.text;
  const hidden = input.headerFooterText ?? '';
  const removedHeaderFooter = headerFooterRemoved(input.document);
  const emailInBody = Boolean(basics.email) || EMAIL.test(body);
  const phoneInBody = Boolean(basics.phone) || PHONE.test(body.slice(0, 600));
  const onlyInHeader = [
    !emailInBody && EMAIL.test(hidden) ? 'email' : '',
    !phoneInBody && PHONE.test(hidden) ? 'phone number' : '',
  ].filter(Boolean);
  if (onlyInHeader.length > 0) {
    findings.push({
      rule: 'contact-header-footer',
      part: 'contact',
      severity: 'major',
      title: `Your ${onlyInHeader.join(' and ')} ${onlyInHeader.length === 1 ? 'is' : 'are'} only in the page header or footer`,
      detail: 'Many ATS ignore page headers and footers, so the recruiter never sees how to reach you.',
      fix: 'Move your contact details into the body, just under your name.',
      lines: [0],
    });
  }
  if (!emailInBody && !onlyInHeader.includes('email')) {
    findings.push({
      rule: 'contact-email-missing',
      part: 'contact',
      severity: 'critical',
      title: 'No email address found',
      detail: removedHeaderFooter
        ? 'No email in the body; repeated header/footer lines were removed while reading, and an ATS may skip them too.'
        : 'An ATS fills the candidate record from the resume; without an email a recruiter cannot reply.',
      fix: 'Add your email address under your name, as plain text (not an icon or an image).',
      lines: [],
    });
  }
  if (!phoneInBody && !onlyInHeader.includes('phone number')) {
    findings.push({
      rule: 'contact-phone-missing',
      part: 'contact',
      severity: 'minor',
      title: 'No phone number found',
      detail: 'Most application forms expect a phone number; recruiters often call first.',
      fix: 'Add a phone number under your name, with its country code.',
      lines: [],
    });
  }
  if (!basics.name) {
    findings.push({
      rule: 'contact-name-missing',
      part: 'contact',
      severity: 'major',
      title: 'Your name was not recognised',
      detail: 'The first lines should start with your name, on a line of its own.',
      fix: 'Put your full name alone on the first line, as text.',
      lines: [],
    });
  }
  return findings;
}

type DateStyle = 'month-name' | 'numeric' | 'iso' | 'year' | 'season';

function dateStyle(raw: string): DateStyle {
  if (/spring|summer|fall|autumn|winter/i.test(raw)) return 'season';
  if (/[a-z]{3}/i.test(raw.replace(/present|current|now|today|to date/gi, ''))) return 'month-name';
  if (/\d{4}\s*[-/.]\s*\d{1,2}(?!\d)/.test(raw)) return 'iso';
  if (/\d{1,2}\s*[/.]\s*\d{4}/.test(raw)) return 'numeric';
  return 'year';
}

export function checkDates(input: AtsInput, sections: SectionSpan[], now: Date): AtsFinding[] {
  const findings: AtsFinding[] = [];
  const styles = new Map<DateStyle, number[]>();
  for (const index of bodyLines(input, sections, ['experience'])) {
    const text = input.document.lines[index]!.text;
    for (const range of findDateRanges(text)) {
      if (!range.isRange && !range.start) continue;
      const style = dateStyle(text.slice(range.index, range.index + range.length));
      styles.set(style, [...(styles.get(style) ?? []), index]);
    }
  }
  // A bare year is a precision, not a format: "2019 – 2021" beside "Jan 2020 – Present" is fine.
  styles.delete('year');
  if (styles.size > 1) {
    const lines = [...new Set([...styles.values()].flat())].sort((a, b) => a - b);
    findings.push({
      rule: 'date-formats',
      part: 'dates',
      severity: 'minor',
      title: 'Dates are written in different formats',
      detail: `Experience dates use ${styles.size} formats (${[...styles.keys()].join(', ')}); an ATS computes your years of experience from them and mixed formats are misread more often.`,
      fix: 'Write every date the same way, e.g. "Jan 2020 – Present".',
      lines,
    });
  }
  const work = input.profile.work;
  const undated = work.filter((entry) => !entry.startDate && !entry.endDate);
  if (work.length > 0 && undated.length > 0) {
    findings.push({
      rule: 'date-missing',
      part: 'dates',
      severity: 'minor',
      title: `${undated.length} job${undated.length === 1 ? ' has' : 's have'} no dates`,
      detail: 'Without start and end dates an ATS cannot count your experience.',
      fix: 'Add start and end months to every job.',
      lines: undated.map((entry) => entry.line).filter((line) => line >= 0),
    });
  }
  const spans = work
    .map((entry) => ({
      entry,
      start: entry.startDate ? monthIndex(entry.startDate, now) : undefined,
      end: entry.endDate ? monthIndex(entry.endDate, now) : undefined,
    }))
    .filter((span): span is typeof span & { start: number } => span.start !== undefined)
    .sort((a, b) => a.start - b.start);
  let coveredUntil: number | undefined;
  let previousLine = -1;
  const gapLines: number[] = [];
  const gaps: number[] = [];
  for (const span of spans) {
    if (coveredUntil !== undefined && span.start - coveredUntil > GAP_MONTHS) {
      gaps.push(span.start - coveredUntil);
      gapLines.push(previousLine, span.entry.line);
    }
    const end = span.end ?? span.start;
    if (coveredUntil === undefined || end > coveredUntil) {
      coveredUntil = end;
      previousLine = span.entry.line;
    }
  }
  if (gaps.length > 0) {
    findings.push({
      rule: 'date-gap',
      part: 'dates',
      severity: 'info',
      title: `${gaps.length} gap${gaps.length === 1 ? '' : 's'} of more than ${GAP_MONTHS} months between jobs`,
      detail: `Gaps of ${gaps.map((months) => `${months} months`).join(', ')}. Some screens flag gaps; a line of context helps.`,
      fix: 'If there is a reason (study, care, a sabbatical, freelance work), say so in one line.',
      lines: [...new Set(gapLines.filter((line) => line >= 0))],
    });
  }
  return findings;
}

export function checkLength(input: AtsInput, sections: SectionSpan[]): AtsFinding[] {
  const findings: AtsFinding[] = [];
  const words = wordsIn(input.document.text);
  const pages = input.document.pages;
  if (input.document.text.trim() === '') return findings;
  if (pages > MAX_PAGES || words > MAX_PAGES * MAX_WORDS_PER_PAGE) {
    findings.push({
      rule: 'too-long',
      part: 'length',
      severity: pages > MAX_PAGES + 1 ? 'major' : 'minor',
      title: 'The resume is long',
      detail: `${pages} page${pages === 1 ? '' : 's'}, ${words} words. Recruiters skim; two pages is the usual limit.`,
      fix: 'Cut older roles to one line each and keep the bullets that show results.',
      lines: [],
    });
  } else if (words < MIN_WORDS) {
    findings.push({
      rule: 'too-short',
      part: 'length',
      severity: 'major',
      title: 'The resume is short',
      detail: `${words} words. Under ${MIN_WORDS} words leaves an ATS few keywords to match.`,
      fix: 'Describe each role with two to four bullets: what you did, with what, and the result.',
      lines: [],
    });
  }
  const long = bulletLines(input, sections).filter(
    (index) => wordsIn(bulletText(input, index)) > MAX_BULLET_WORDS,
  );
  if (long.length > 0) {
    findings.push({
      rule: 'bullet-too-long',
      part: 'length',
      severity: 'minor',
      title: `${long.length} bullet${long.length === 1 ? ' is' : 's are'} over ${MAX_BULLET_WORDS} words`,
      detail: 'Long bullets bury the result; keep each to one or two lines.',
      fix: 'Split each into one action and one result.',
      lines: long,
    });
  }
  return findings;
}

/** Bullet lines of experience and projects (a wrapped continuation joins its bullet). */
export function bulletLines(input: AtsInput, sections: SectionSpan[]): number[] {
  return bodyLines(input, sections, ['experience', 'projects']).filter(
    (index) => input.document.lines[index]!.bullet,
  );
}

/** A bullet's text with its wrapped continuation lines (non-bullet lines further right). */
export function bulletText(input: AtsInput, index: number): string {
  const lines = input.document.lines;
  const first = lines[index]!;
  const parts = [first.text];
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next]!;
    if (line.bullet || line.heading || !line.text || line.x <= first.x || line.page !== first.page) break;
    parts.push(line.text);
  }
  return parts.join(' ');
}

export function checkBullets(input: AtsInput, sections: SectionSpan[]): AtsFinding[] {
  const findings: AtsFinding[] = [];
  const bullets = bulletLines(input, sections);
  if (bullets.length === 0) return findings;
  const noMetric = bullets.filter((index) => !METRIC.test(bulletText(input, index)));
  const weak = bullets.filter((index) => WEAK_OPENERS.test(bulletText(input, index).trim()));
  if (noMetric.length > 0) {
    const share = noMetric.length / bullets.length;
    findings.push({
      rule: 'bullet-no-metric',
      part: 'bullets',
      severity: share > 0.6 ? 'major' : 'minor',
      title: `${noMetric.length} of ${bullets.length} bullets show no measurable result`,
      detail: 'Numbers (%, time, money, volume, team size) are what recruiters and ranking tools pick out.',
      fix: 'Add the result you can prove: how much, how many, how fast. Do not invent numbers.',
      lines: noMetric,
    });
  }
  if (weak.length > 0) {
    findings.push({
      rule: 'bullet-weak-verb',
      part: 'bullets',
      severity: 'minor',
      title: `${weak.length} bullet${weak.length === 1 ? ' starts' : 's start'} without a strong verb`,
      detail: '"Responsible for", "worked on", "helped" describe duties, not what you did.',
      fix: 'Start with the action: Built, Led, Cut, Designed, Shipped…',
      lines: weak,
    });
  }
  return findings;
}

export function checkPronouns(input: AtsInput, sections: SectionSpan[]): AtsFinding[] {
  const firstBody = sections[0]?.startLine ?? 0;
  const lines: number[] = [];
  input.document.lines.forEach((line, index) => {
    if (index < firstBody - 1) return; // the header (name, contact) is not prose
    if (PRONOUN.test(line.text)) lines.push(index);
  });
  if (lines.length === 0) return [];
  return [
    {
      rule: 'first-person',
      part: 'language',
      severity: 'minor',
      title: `First-person pronouns on ${lines.length} line${lines.length === 1 ? '' : 's'}`,
      detail: 'Resumes are written without "I", "me" and "my"; they read as informal.',
      fix: 'Drop the pronoun and start with the verb ("I design…" → "Design…").',
      lines,
    },
  ];
}

export function checkGlyphs(input: AtsInput): AtsFinding[] {
  const lines: number[] = [];
  input.document.lines.forEach((line, index) => {
    if (ICON_GLYPH.test(line.text)) lines.push(index);
  });
  if (lines.length === 0) return [];
  return [
    {
      rule: 'icon-glyphs',
      part: 'file',
      severity: 'minor',
      title: 'Icons or symbol fonts carry text',
      detail: `${lines.length} line${lines.length === 1 ? ' has' : 's have'} icon glyphs; an ATS reads them as unknown characters, and text inside icons or images is lost.`,
      fix: 'Replace icons with words ("Email:", "Phone:") and keep all text as real text.',
      lines,
    },
  ];
}

const ONE_MB = 1_000_000;

export function checkFile(input: AtsInput): AtsFinding[] {
  const { kind, size } = input.file;
  const findings: AtsFinding[] = [];
  if (kind === 'md') {
    findings.push({
      rule: 'file-type',
      part: 'file',
      severity: 'minor',
      title: 'Markdown is not an upload format',
      detail: 'ATS uploads accept PDF and DOCX (sometimes TXT); Markdown syntax shows as stray symbols.',
      fix: 'Export the resume as PDF or DOCX (Templates & export below).',
      lines: [],
    });
  }
  if (size > 2 * ONE_MB) {
    findings.push({
      rule: 'file-size',
      part: 'file',
      severity: size > 5 * ONE_MB ? 'major' : 'minor',
      title: `The file is ${(size / ONE_MB).toFixed(1)} MB`,
      detail: 'Many application portals refuse uploads over 2–5 MB; a text resume is usually under 200 KB.',
      fix: 'Remove photos and graphics, or export again without embedded images.',
      lines: [],
    });
  }
  return findings;
}

export function sectionsOf(input: AtsInput): SectionSpan[] {
  return input.profile.sections.length > 0 ? input.profile.sections : findSections(input.document.lines);
}

export { sectionOfLine };
