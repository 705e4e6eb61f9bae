/**
 * Resume → Profile (JSON Resume shaped), without a model. Runs in the parse worker right after
 * parsing. Works only from the ParsedDocument (lines with layout flags, text, links), so every
 * format gets the same extraction; every field records the line it came from (provenance).
 *
 * Strategy: find section headings, read contact details from the header and the whole text,
 * anchor work/education entries on date ranges and institution/degree lines, and collect
 * skills both from the taxonomy anywhere in the text and from every item of a skills section.
 */
import type {
  DocLine,
  EducationEntry,
  Profile,
  ProfileBasics,
  Provenance,
  SectionSpan,
  WorkEntry,
} from '../domain';
import type { ParsedDocument } from '../domain';
import { findDateRanges, mergedYears } from './dates';
import { EMAIL, EMAIL_GLOBAL, findEmail, findLinks, findName, findPhone } from './resume-contact';
import { extractEducation } from './resume-education';
import { applyCurrentRole, applyHighestDegree, readHeaderBlock } from './resume-header';
import { isHeaderLike, provenance, sectionLines, stripDates } from './resume-lines';
import { extractLanguages, extractSkills } from './resume-skills';
import { extractWork } from './resume-work';
import { findSections, sectionHeading } from './sections';
import { findLocation, titleScore } from './text-clues';

export { makeLineLookup } from './resume-lines';

export interface ExtractResumeOptions {
  /** Reference date for "present" and total years (defaults to the current date). */
  now?: Date;
}

function extractProjects(lines: DocLine[], sections: SectionSpan[]): Profile['projects'] {
  const projects: Profile['projects'] = [];
  for (const section of sections.filter((candidate) => candidate.name === 'projects')) {
    for (let index = section.startLine; index <= section.endLine; index++) {
      const line = lines[index];
      if (!line || !line.text.trim()) continue;
      if (!line.bullet && isHeaderLike(line) && line.text.length <= 80) {
        const name =
          stripDates(line.text, findDateRanges(line.text))
            .split(/\s[|–—-]\s|:\s/)[0]
            ?.trim() ?? '';
        if (name) projects.push({ name, line: index });
      } else {
        const last = projects[projects.length - 1];
        if (last)
          last.description = last.description ? `${last.description} ${line.text.trim()}` : line.text.trim();
      }
    }
  }
  return projects;
}

function extractCertificates(lines: DocLine[], sections: SectionSpan[]): Profile['certificates'] {
  return sectionLines(lines, sections, 'certifications')
    .map(({ text, line }) => ({
      name: stripDates(text, findDateRanges(text))
        .replace(/[,–—-]\s*$/, '')
        .trim(),
      line,
    }))
    .filter((certificate) => certificate.name.length > 1);
}

/** Resume-likeness, 0..1: sections, dates, contact details and skills all count. */
function resumeConfidence(profile: Omit<Profile, 'confidence' | 'warnings'>): number {
  const names = new Set(profile.sections.map((section) => section.name));
  let score = 0;
  if (profile.basics.name) score += 0.15;
  if (profile.basics.email || profile.basics.phone) score += 0.15;
  if (names.has('experience')) score += 0.15;
  if (names.has('education')) score += 0.1;
  if (names.has('skills')) score += 0.1;
  if (profile.work.length > 0) score += 0.15;
  if (profile.education.length > 0) score += 0.1;
  if (profile.skills.length >= 3) score += 0.1;
  return Math.round(Math.min(1, score) * 100) / 100;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, offset) => from + offset);
}

/** Extracts a Profile from a parsed resume. Pure and deterministic for a given `now`. */
export function extractResume(doc: ParsedDocument, options: ExtractResumeOptions = {}): Profile {
  const now = options.now ?? new Date();
  const lines = doc.lines;
  const sections = findSections(lines);
  const firstSection = sections[0]?.startLine ?? lines.length;
  const headerEnd = Math.min(Math.max(firstSection - 1, 0) || Math.min(lines.length, 10), 15);
  const provenanceMap: Record<string, Provenance> = {};

  const basics: ProfileBasics = { profiles: [] };
  const name = findName(lines, Math.max(headerEnd, Math.min(lines.length, 4)));
  if (name) {
    basics.name = name.name;
    provenanceMap['basics.name'] = provenance(name.line, name.confidence);
    const next = lines[name.line + 1];
    if (
      next &&
      !sectionHeading(next) &&
      titleScore(next.text) > 0 &&
      next.text.length <= 80 &&
      !EMAIL.test(next.text)
    ) {
      basics.label = next.text.trim();
      provenanceMap['basics.label'] = provenance(name.line + 1, 0.6);
    }
  }
  const email = findEmail(lines);
  if (email) {
    basics.email = email.email;
    provenanceMap['basics.email'] = provenance(email.line, 0.95);
  }
  const phone =
    findPhone(lines, 0, Math.max(headerEnd + 3, 12)) ??
    // A sidebar's "Contact" block is read after the main column (LinkedIn exports, sidebar templates).
    sections
      .filter((section) => section.name === 'contact')
      .map((section) => findPhone(lines, section.startLine, section.endLine + 1))
      .find((found) => found !== undefined) ??
    // A contact block without a heading (a theme's sidebar, read after the main text): the
    // phone sits next to the email address.
    (email
      ? findPhone(lines, Math.max(0, email.line - 3), Math.min(lines.length, email.line + 4))
      : undefined);
  if (phone) {
    basics.phone = phone.phone;
    provenanceMap['basics.phone'] = provenance(phone.line, 0.85);
  }
  const links = findLinks(doc, basics.email);
  basics.url = links.url;
  basics.profiles = links.profiles;
  const contactLines = sections
    .filter((section) => section.name === 'contact')
    .flatMap((section) => range(section.startLine, section.endLine + 1));
  const locationLines = [...range(0, Math.min(lines.length, Math.max(headerEnd + 2, 6))), ...contactLines];
  for (const index of locationLines) {
    const line = lines[index];
    if (!line || (name && index === name.line && line.text.trim() === name.name)) continue;
    const location = findLocation(line.text.replace(EMAIL_GLOBAL, ' '));
    if (location) {
      basics.location = location;
      provenanceMap['basics.location'] = provenance(index, 0.7);
      break;
    }
  }

  const work: WorkEntry[] = [];
  const education: EducationEntry[] = [];
  for (const section of sections) {
    // Volunteer and project entries are not employment: they stay in the text (and its skills)
    // but are no work entries and add no years, unless the heading itself calls them experience
    // ("Volunteer Experience", as LinkedIn heads them). "Volunteer Work" (JSON Resume themes print
    // the resume's separate volunteer list under it) stays out like a bare "Volunteer".
    if (
      section.name === 'experience' ||
      (section.name === 'volunteer' && /experience/i.test(section.heading))
    )
      work.push(...extractWork(lines, section, provenanceMap, work.length));
    if (section.name === 'education')
      education.push(...extractEducation(lines, section, provenanceMap, education.length));
  }
  const firstEntrySection =
    sections.find((section) => section.name === 'experience' || section.name === 'education')?.startLine ??
    lines.length;
  const header = readHeaderBlock(lines, firstEntrySection);
  applyCurrentRole(header, work, provenanceMap);
  applyHighestDegree(header, education);
  if (!basics.location && header.location) {
    basics.location = header.location.value;
    provenanceMap['basics.location'] = provenance(header.location.line, 0.7);
  }
  const skills = extractSkills(doc, sections);
  const datedYears = mergedYears(
    work.map((entry) => ({ start: entry.startDate, end: entry.endDate })),
    now,
  );
  // A stated total ("Total Experience: 8 Year(s)") counts when the dated entries say less.
  const totalYears = Math.max(datedYears, header.totalYears?.value ?? 0);
  const partial = {
    basics,
    work,
    education,
    skills,
    projects: extractProjects(lines, sections),
    certificates: extractCertificates(lines, sections),
    languages: extractLanguages(lines, sections),
    sections,
    totalYears,
    provenance: provenanceMap,
  };
  const confidence = resumeConfidence(partial);
  const warnings: string[] = [];
  if (confidence < 0.4) {
    warnings.push(
      "This doesn't look like a resume: no clear sections, dates or contact details were found. " +
        'Check that the right file was chosen; matching will still run on the text.',
    );
  }
  return { ...partial, confidence, warnings };
}
