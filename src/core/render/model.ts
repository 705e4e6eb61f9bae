/**
 * A resume version → the blocks of a clean, single-column, ATS-friendly document, shared by the
 * PDF and DOCX renderers: name, one contact line, then standard headings (Summary, Experience,
 * Education, Skills, Certifications, Languages) in that order. Entry lines are written the way
 * our own parser (and ATS parsers) read best: "Title, Company" with the dates on the same line.
 */
import type { ParsedDocument, Profile } from '../domain';

export const TEMPLATE_IDS = ['classic', 'compact', 'modern'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export type RenderFormat = 'pdf' | 'docx';

export type RenderBlock =
  | { kind: 'name'; text: string }
  | { kind: 'label'; text: string }
  | { kind: 'contact'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'entry'; title: string; dates: string }
  | { kind: 'meta'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'text'; text: string }
  /** A comma-separated list (skills) that wraps only between items, never inside one. */
  | { kind: 'list'; items: string[] };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2020-01" → "Jan 2020", "2020" → "2020", "present" → "Present". */
export function displayDate(date: string | undefined): string {
  if (!date) return '';
  if (date === 'present') return 'Present';
  const [year, month] = date.split('-');
  return month ? `${MONTHS[Number(month) - 1] ?? ''} ${year}`.trim() : (year ?? '');
}

export function displayRange(start: string | undefined, end: string | undefined): string {
  const from = displayDate(start);
  const to = displayDate(end);
  if (from && to) return `${from} – ${to}`;
  return from || to;
}

/** `text` has `phrase` as a whole word or phrase (not inside a longer word). */
function containsWord(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  const before = text[at - 1] ?? ' ';
  const after = text[at + phrase.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The summary paragraph as written in the source (the summary section's lines). */
function summaryOf(profile: Profile, document: ParsedDocument | undefined): string {
  const section = profile.sections.find((candidate) => candidate.name === 'summary');
  if (!section || !document) return '';
  return clean(
    document.lines
      .slice(section.startLine, section.endLine + 1)
      .map((line) => line.text)
      .join(' '),
  );
}

export function resumeBlocks(profile: Profile, document?: ParsedDocument): RenderBlock[] {
  const blocks: RenderBlock[] = [];
  const { basics } = profile;
  if (basics.name) blocks.push({ kind: 'name', text: clean(basics.name) });
  if (basics.label) blocks.push({ kind: 'label', text: clean(basics.label) });
  // Links without "https://www." (shorter, and no protocol word for a keyword scanner to misread).
  const link = (url: string | undefined) =>
    clean(url)
      .replace(/^https?:\/\/(?:www\.)?/i, '')
      .replace(/\/$/, '');
  const contact = [
    basics.email,
    basics.phone,
    basics.location,
    link(basics.url),
    ...basics.profiles.map((p) => link(p.url)),
  ]
    .map(clean)
    .filter((part, index, all) => part !== '' && all.indexOf(part) === index);
  if (contact.length > 0) blocks.push({ kind: 'contact', text: contact.join(' · ') });

  const summary = summaryOf(profile, document);
  if (summary) blocks.push({ kind: 'heading', text: 'Summary' }, { kind: 'text', text: summary });

  if (profile.work.length > 0) {
    blocks.push({ kind: 'heading', text: 'Experience' });
    for (const entry of profile.work) {
      const title = [clean(entry.position), clean(entry.company)].filter(Boolean).join(', ');
      blocks.push({ kind: 'entry', title, dates: displayRange(entry.startDate, entry.endDate) });
      if (entry.location) blocks.push({ kind: 'meta', text: clean(entry.location) });
      for (const highlight of entry.highlights) {
        const text = clean(highlight);
        if (text) blocks.push({ kind: 'bullet', text });
      }
    }
  }

  if (profile.education.length > 0) {
    blocks.push({ kind: 'heading', text: 'Education' });
    for (const entry of profile.education) {
      const institution = clean(entry.institution);
      blocks.push({ kind: 'entry', title: institution, dates: '' });
      // A degree the school's line already names ("UG: B.Tech/B.E. (Civil) from … college") is
      // not repeated under it: read twice, it would be a second degree.
      const studyType = clean(entry.studyType);
      const named = studyType !== '' && containsWord(institution, studyType);
      const degree = [named ? '' : studyType, clean(entry.area)].filter(Boolean).join(', ');
      const line = [degree, displayRange(entry.startDate, entry.endDate)].filter(Boolean).join(', ');
      if (line) blocks.push({ kind: 'meta', text: line });
    }
  }

  const skills = [...new Set(profile.skills.map((skill) => clean(skill.name)).filter(Boolean))];
  if (skills.length > 0) blocks.push({ kind: 'heading', text: 'Skills' }, { kind: 'list', items: skills });

  if (profile.certificates.length > 0) {
    blocks.push({ kind: 'heading', text: 'Certifications' });
    for (const certificate of profile.certificates)
      blocks.push({ kind: 'bullet', text: clean(certificate.name) });
  }
  if (profile.languages.length > 0) {
    blocks.push({ kind: 'heading', text: 'Languages' });
    blocks.push({
      kind: 'text',
      text: profile.languages
        .map((language) => [clean(language.language), clean(language.fluency)].filter(Boolean).join(' — '))
        .join(', '),
    });
  }
  return blocks;
}
