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
  ParsedDocument,
  Profile,
  ProfileBasics,
  Provenance,
  SectionSpan,
  SkillMention,
  WorkEntry,
} from '../domain';
import { canonicalSkill, findSkills, isSpokenLanguage, skillKind } from '../taxonomy';
import { findDateRanges, mergedYears, type DateRange } from './dates';
import { findSections, sectionHeading } from './sections';
import {
  cleanPart,
  companyScore,
  findLocation,
  isLocationPart,
  splitHeaderParts,
  titleScore,
} from './text-clues';

export interface ExtractResumeOptions {
  /** Reference date for "present" and total years (defaults to the current date). */
  now?: Date;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
const EMAIL_GLOBAL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Digits with the separators phone numbers use; validated by digit count afterwards. */
const PHONE = /(?:\+\s?\(?\d{1,3}\)?[\s.-]?)?(?:\(\+?\d{1,4}\)\s?)?\d[\d\s().-]{6,}\d/g;
const URL =
  /(?<![\w-])(?<![\w-]\.)(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/[^\s,;|)]*)?/gi;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|de|da|del|der|van|von|la|le|di|du|bin|al|dos|das|ter)$/u;
const NOT_A_NAME =
  /\b(?:resume|curriculum|vitae|cv|engineer|developer|manager|street|road|avenue|university|college|inc|llc|ltd|summary|profile|experience|education|skills|objective)\b/i;
const GPA =
  /\b(?:GPA|CGPA|grade point average)\b[:\s]*([0-9](?:[.,][0-9]{1,2})?(?:\s*\/\s*[0-9](?:[.,][0-9]{1,2})?)?)|\b([0-9][.,][0-9]{1,2})\s*(?:\/\s*[0-9](?:[.,][0-9]{1,2})?\s*)?GPA\b/i;
// Letter lookarounds instead of \b, which does not see "é" as part of a word ("Université").
const INSTITUTION =
  /(?<!\p{L})(?:university|universit[éäà]t?|universidad|universidade|università|college|institute|institut|school|academy|polytechnic|politecnico|hochschule|école|ecole|conservatory|iit|postech|kaist|mit|ucla|caltech)(?!\p{L})/iu;
const DEGREE =
  /\b(?:Ph\.?\s?D\.?|D\.?Phil|Doctor(?:ate)? of [\p{L} ]+?|M\.?\s?Sc\.?|M\.?\s?S\.?|M\.?\s?A\.?|M\.?B\.?A\.?|M\.?\s?Eng\.?|M\.?\s?Tech|M\.?\s?Phil|Master(?:'s|’s|s)?(?: of [\p{L} ]+?| Degree)?|B\.?\s?Sc\.?|B\.?\s?S\.?|B\.?\s?A\.?|B\.?\s?Eng\.?|B\.?\s?E\.?|B\.?\s?Tech|B\.?B\.?A\.?|B\.?F\.?A\.?|BSN|MSN|MPH|MSW|MFA|LL\.?B|LL\.?M|J\.?D\.?|M\.?D\.?|Pharm\.?D|Ed\.?D|Bachelor(?:'s|’s|s)?(?: of [\p{L} ]+?| Degree)?|Associate(?:'s|’s)?(?: of [\p{L} ]+?| Degree)|A\.?A\.?S\.?|High School Diploma|Diploma|GED)(?=$|[\s,;:|(–—-])/u;
const DURATION = /\(?\b\d+\s*(?:years?|yrs?|months?|mos?)\b(?:\s*,?\s*\d+\s*(?:months?|mos?))?\)?/gi;
const EMPLOYMENT_WORDS =
  /^(?:full[- ]time|part[- ]time|contract|internship|freelance|self[- ]employed|temporary|remote|hybrid|on[- ]site)$/i;
const PROFILE_NETWORKS: [string, RegExp][] = [
  ['LinkedIn', /linkedin\.com\/(?:in|pub)\/([^/?#\s]+)/i],
  ['GitHub', /github\.com\/([^/?#\s]+)/i],
  ['GitLab', /gitlab\.com\/([^/?#\s]+)/i],
  ['Twitter', /(?:twitter|x)\.com\/([^/?#\s]+)/i],
  ['Stack Overflow', /stackoverflow\.com\/users\/([^?#\s]+)/i],
  ['Behance', /behance\.net\/([^/?#\s]+)/i],
  ['Dribbble', /dribbble\.com\/([^/?#\s]+)/i],
];
const NOT_PERSONAL_SITE =
  /(?:linkedin|github|gitlab|twitter|x|stackoverflow|behance|dribbble|facebook|instagram|mailto|google)\./i;

function provenance(line: number, confidence: number): Provenance {
  return { line, confidence, source: 'heuristic' };
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function isYearRange(text: string): boolean {
  return (
    /^\s*(?:19|20)\d{2}\s*[-–—.]\s*(?:(?:19|20)\d{2}|\d{1,2})\s*$/.test(text) ||
    /^\s*\d{1,2}[/.]\d{4}/.test(text)
  );
}

/** Emails, including one broken across two lines ("alice.smith@exam-" + "ple.com"). */
function findEmail(lines: DocLine[]): { email: string; line: number } | undefined {
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]?.text ?? '';
    const next = lines[index + 1]?.text.trim() ?? '';
    const broken = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}.-]*))$/u.exec(text.trim());
    if (broken && next && !EMAIL.test(text.slice(0, text.length))) {
      const head = broken[1] ?? '';
      const firstToken = next.split(/\s+/)[0] ?? '';
      const joined = head.endsWith('-') ? head.slice(0, -1) + firstToken : head + firstToken;
      const match = EMAIL.exec(joined);
      if (match && match.index === 0) return { email: match[0].replace(/\.$/, ''), line: index };
    }
    const local = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)$/u.exec(text.trim());
    if (local && /^@[\p{L}\p{N}.-]+\.\p{L}{2,}/u.test(next)) {
      const match = EMAIL.exec((local[1] ?? '') + next.split(/\s+/)[0]);
      if (match) return { email: match[0], line: index };
    }
    const whole = EMAIL.exec(text);
    if (whole) return { email: whole[0].replace(/\.$/, ''), line: index };
  }
  return undefined;
}

function findPhone(
  lines: DocLine[],
  from: number,
  limit: number,
): { phone: string; line: number } | undefined {
  let best: { phone: string; line: number; score: number } | undefined;
  for (let index = from; index < Math.min(lines.length, limit); index++) {
    const text = lines[index]?.text ?? '';
    const withoutEmails = text.replace(EMAIL_GLOBAL, ' ');
    for (const match of withoutEmails.matchAll(PHONE)) {
      const candidate = match[0].trim().replace(/(?<![\s.-])[\s.-]+$/, '');
      const digits = digitsOf(candidate);
      if (digits.length < 7 || digits.length > 15 || isYearRange(candidate)) continue;
      if (findDateRanges(candidate).some((range) => range.isRange)) continue;
      const labelled = /\b(?:phone|tel|mobile|cell|ph)\b/i.test(text);
      const score = (labelled ? 2 : 0) + (digits.length >= 10 ? 1 : 0) + (/[+()-]/.test(candidate) ? 1 : 0);
      if (!best || score > best.score) best = { phone: candidate, line: index, score };
    }
  }
  return best && { phone: best.phone, line: best.line };
}

function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (/[\d@/:|]/.test(text) || NOT_A_NAME.test(text)) return false;
  return words.every((word) => NAME_WORD.test(word) || /^\p{Lu}+$/u.test(word));
}

/** The person's name: the first prominent header line (or its first segment) shaped like a name. */
function findName(
  lines: DocLine[],
  headerEnd: number,
): { name: string; line: number; confidence: number } | undefined {
  const candidates: { name: string; line: number; confidence: number }[] = [];
  const maxFont = Math.max(0, ...lines.slice(0, headerEnd).map((line) => line.fontSize));
  for (let index = 0; index < headerEnd; index++) {
    const line = lines[index];
    if (!line || sectionHeading(line)) continue;
    const first = line.text.split(/\s*[|•·,;–—]\s*|\s{2,}/)[0] ?? '';
    const segment = first.replace(/^(?:name)\s*[:：]\s*/i, '').trim();
    if (!looksLikeName(segment)) continue;
    const prominent = line.heading || line.bold || (maxFont > 0 && line.fontSize === maxFont);
    candidates.push({ name: segment, line: index, confidence: prominent ? 0.95 : 0.8 - index * 0.05 });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.line - b.line);
  return candidates[0];
}

function findLinks(
  doc: ParsedDocument,
  email?: string,
): { url?: string; profiles: ProfileBasics['profiles'] } {
  const found = new Set<string>();
  for (const link of doc.links) found.add(link.trim());
  const textWithoutEmails = doc.text.replace(EMAIL_GLOBAL, ' ');
  for (const match of textWithoutEmails.matchAll(URL)) {
    const value = match[0].replace(/(?<![.,;])[.,;]+$/, '');
    if (
      /^(?:https?:\/\/|www\.)/i.test(value) ||
      /\.(?:com|io|dev|me|org|net|ai|co|app)\b|\/in\//i.test(value)
    ) {
      found.add(value);
    }
  }
  const profiles: ProfileBasics['profiles'] = [];
  let url: string | undefined;
  for (const link of found) {
    if (/^mailto:/i.test(link) || /^tel:/i.test(link)) continue;
    // The tail of an email broken across lines ("exam-" + "ple.com") is not a website.
    if (email && email.toLowerCase().endsWith(link.toLowerCase())) continue;
    let matchedNetwork = false;
    for (const [network, pattern] of PROFILE_NETWORKS) {
      const match = pattern.exec(link);
      if (!match) continue;
      matchedNetwork = true;
      if (!profiles.some((profile) => profile.network === network)) {
        profiles.push({ network, url: link, username: match[1] });
      }
    }
    if (!matchedNetwork && !url && !NOT_PERSONAL_SITE.test(link) && /[a-z]\.[a-z]{2,}/i.test(link))
      url = link;
  }
  return { url, profiles };
}

interface Anchor {
  line: number;
  range: DateRange;
}

function isHeaderLike(line: DocLine | undefined): boolean {
  if (!line || line.bullet) return false;
  const text = line.text.trim();
  if (!text || text.length > 110) return false;
  if (/^[\p{Ll}]/u.test(text)) return false;
  return !/[.;]$/.test(text) || /\b(?:inc|ltd|co|corp|llc)\.$/i.test(text);
}

function stripDates(text: string, ranges: DateRange[]): string {
  let result = text;
  for (const range of [...ranges].sort((a, b) => b.index - a.index)) {
    result = result.slice(0, range.index) + ' ' + result.slice(range.index + range.length);
  }
  return result
    .replace(DURATION, ' ')
    .replace(/\b(?:since|from|expected(?: graduation)?|graduat(?:ed|ion)|anticipated)\s*[:：]?\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Company and title from the header parts of one entry. */
function assignRoles(parts: string[]): { company: string; position: string; location?: string } {
  let location: string | undefined;
  const kept: string[] = [];
  for (const part of parts) {
    if (isLocationPart(part)) location ??= part;
    else if (!EMPLOYMENT_WORDS.test(part)) kept.push(part);
  }
  if (kept.length === 0) return { company: '', position: '', location };
  if (kept.length === 1) {
    const only = kept[0] ?? '';
    return titleScore(only) > companyScore(only)
      ? { company: '', position: only, location }
      : { company: only, position: '', location };
  }
  let titleIndex = 0;
  let bestScore = -Infinity;
  kept.forEach((part, index) => {
    const score = titleScore(part) - companyScore(part);
    if (score > bestScore) {
      bestScore = score;
      titleIndex = index;
    }
  });
  const others = kept.filter((_, index) => index !== titleIndex);
  let company = others[0] ?? '';
  let bestCompany = -Infinity;
  for (const part of others) {
    const score = companyScore(part) - titleScore(part);
    if (score > bestCompany) {
      bestCompany = score;
      company = part;
    }
  }
  return { company, position: kept[titleIndex] ?? '', location };
}

function headerParts(text: string, allowAt = true): string[] {
  const at = allowAt ? /^(.*?\S)\s+(?:at|@)\s+(.+)$/i.exec(text) : null;
  if (at && titleScore(at[1] ?? '') > 0) return [cleanPart(at[1] ?? ''), ...splitHeaderParts(at[2] ?? '')];
  return splitHeaderParts(text);
}

function extractWork(
  lines: DocLine[],
  section: SectionSpan,
  provenanceOut: Record<string, Provenance>,
  offset: number,
): WorkEntry[] {
  const anchors: Anchor[] = [];
  for (let index = section.startLine; index <= section.endLine; index++) {
    const line = lines[index];
    if (!line) continue;
    const ranges = findDateRanges(line.text);
    const range = ranges.find((candidate) => candidate.isRange) ?? (line.bullet ? undefined : ranges[0]);
    if (range) anchors.push({ line: index, range });
  }
  const claimed = new Set<number>();
  const entries: WorkEntry[] = [];
  let previousCompany = '';
  anchors.forEach((anchor, anchorIndex) => {
    const anchorLine = lines[anchor.line];
    if (!anchorLine) return;
    const parts: string[] = [];
    const headerLines: number[] = [];
    const remainder = cleanPart(stripDates(anchorLine.text, findDateRanges(anchorLine.text)));
    const previousAnchor = anchors[anchorIndex - 1]?.line ?? section.startLine - 1;
    // Header lines above the date: up to three short, non-bullet lines.
    const above: number[] = [];
    for (let index = anchor.line - 1; index > previousAnchor && above.length < 3; index--) {
      if (claimed.has(index)) break;
      const line = lines[index];
      if (!isHeaderLike(line)) break;
      if (line && findDateRanges(line.text).length > 0) break;
      above.unshift(index);
    }
    for (const index of above) {
      parts.push(...headerParts(lines[index]?.text ?? ''));
      headerLines.push(index);
      claimed.add(index);
    }
    // "Title at Company" only when no separate company line was found above.
    if (!anchorLine.bullet && remainder) parts.push(...headerParts(remainder, above.length === 0));
    claimed.add(anchor.line);
    const nextAnchor = anchors[anchorIndex + 1]?.line ?? section.endLine + 1;
    let bodyStart = anchor.line + 1;
    const meaningful = (): number =>
      parts.filter((part) => !isLocationPart(part) && !EMPLOYMENT_WORDS.test(part)).length;
    const hasTitle = (): boolean => parts.some((part) => titleScore(part) > companyScore(part));
    // Date-first layouts put the title and company below the date; others put the title below
    // a "Company, Place  Dates" line.
    for (let index = anchor.line + 1; index < nextAnchor && index <= anchor.line + 2; index++) {
      const line = lines[index];
      if (!isHeaderLike(line) || !line || line.text.length > 80) break;
      if (meaningful() >= 2 && (hasTitle() || titleScore(line.text) === 0)) break;
      parts.push(...headerParts(stripDates(line.text, findDateRanges(line.text))));
      headerLines.push(index);
      claimed.add(index);
      bodyStart = index + 1;
    }
    const roles = assignRoles(parts.filter(Boolean));
    if (!roles.company && roles.position && previousCompany) roles.company = previousCompany;
    if (!roles.company && !roles.position) return;
    const highlights: string[] = [];
    if (anchorLine.bullet) {
      const text = stripDates(anchorLine.text, [anchor.range]);
      if (text) highlights.push(text);
    }
    const nextHeaderStart = Math.min(
      nextAnchor,
      ...findNextHeaderStart(lines, anchors, anchorIndex + 1, section),
    );
    // Left edge of the bullet glyph of the highlight being read: a PDF line indented past it is the
    // bullet's wrapped continuation even when it starts with a capital ("TypeScript.").
    let bulletX: number | undefined;
    for (let index = bodyStart; index < nextHeaderStart && index <= section.endLine; index++) {
      const line = lines[index];
      if (!line || claimed.has(index) || !line.text.trim()) continue;
      const text = line.text.replace(DURATION, ' ').trim();
      if (!text) continue;
      const wrapped = bulletX !== undefined && line.x > bulletX + 1;
      if (!line.bullet && highlights.length > 0 && (wrapped || /^[\p{Ll}]/u.test(text))) {
        highlights[highlights.length - 1] += ` ${text}`;
      } else if (!isLocationPart(text)) {
        highlights.push(text);
        bulletX = line.bullet && line.x > 0 ? line.x : undefined;
      } else if (!line.bullet && highlights.length === 0) {
        // A place on its own line under the title ("Oslo, Norway"), as LinkedIn and many templates write.
        roles.location ??= text;
      }
    }
    const entryIndex = offset + entries.length;
    const firstHeader = headerLines[0] ?? anchor.line;
    entries.push({
      company: roles.company,
      position: roles.position,
      location: roles.location,
      startDate: anchor.range.start,
      endDate: anchor.range.end ?? (anchor.range.isRange ? undefined : anchor.range.start),
      highlights,
      line: firstHeader,
    });
    const confidence = roles.company && roles.position ? 0.8 : 0.5;
    provenanceOut[`work.${entryIndex}.company`] = provenance(firstHeader, confidence);
    provenanceOut[`work.${entryIndex}.position`] = provenance(firstHeader, confidence);
    provenanceOut[`work.${entryIndex}.startDate`] = provenance(anchor.line, 0.9);
    previousCompany = roles.company;
  });
  return entries;
}

/** Where the header block of the next entry begins (so its title lines are not our highlights). */
function findNextHeaderStart(
  lines: DocLine[],
  anchors: Anchor[],
  nextIndex: number,
  section: SectionSpan,
): number[] {
  const next = anchors[nextIndex];
  if (!next) return [section.endLine + 1];
  let start = next.line;
  for (let index = next.line - 1; index >= 0 && start - index <= 3; index--) {
    const line = lines[index];
    if (!isHeaderLike(line) || (line && findDateRanges(line.text).length > 0)) break;
    start = index;
  }
  return [start];
}

function parseDegree(text: string): { studyType?: string; area?: string; rest: string } {
  const match = DEGREE.exec(text);
  if (!match) return { rest: text };
  const studyType = match[0].trim().replace(/(?<!\s)\s+of$/i, '');
  const before = text.slice(0, match.index).trim();
  let after = text.slice(match.index + match[0].length).trim();
  after = after.replace(/^(?:(?:in|of)\s+|[,:–—-]\s*)/i, '').trim();
  // LinkedIn repeats the degree as an abbreviation: "Master of Science - MS, Finance".
  const abbreviation = DEGREE.exec(after);
  if (abbreviation?.index === 0 && /^\s*,/.test(after.slice(abbreviation[0].length)))
    after = after.slice(abbreviation[0].length).replace(/^\s*,\s*/, '');
  const areaMatch = /^([^,|;()·•]+?)(?<!\s)(?:\s*(?:[,|;(·•]|\s[-–—]\s|$))/.exec(after);
  let area = areaMatch?.[1]?.trim();
  if (area && (INSTITUTION.test(area) || GPA.test(area))) area = undefined;
  if (area && /^(?:degree|program)$/i.test(area)) area = undefined;
  return { studyType, area: area || undefined, rest: `${before} ${after}`.trim() };
}

function extractEducation(
  lines: DocLine[],
  section: SectionSpan,
  provenanceOut: Record<string, Provenance>,
  offset: number,
): EducationEntry[] {
  const entries: EducationEntry[] = [];
  let current: EducationEntry | undefined;
  const start = (line: number): EducationEntry => {
    const entry: EducationEntry = { institution: '', line };
    entries.push(entry);
    return entry;
  };
  for (let index = section.startLine; index <= section.endLine; index++) {
    const line = lines[index];
    if (!line || !line.text.trim()) continue;
    const ranges = findDateRanges(line.text);
    const withoutDates = stripDates(line.text, ranges);
    const gpa = GPA.exec(withoutDates);
    const body = withoutDates.replace(GPA, ' ').replace(/\s+/g, ' ').trim();
    const bulletOnly = line.bullet;
    const parts = bulletOnly ? [] : splitHeaderParts(body);
    const institutionPart = parts.find((part) => INSTITUTION.test(part));
    const degreeInfo = bulletOnly || !DEGREE.test(body) ? undefined : parseDegree(body);
    if (institutionPart) {
      if (!current || current.institution) current = start(index);
      // "PhD Princeton University": the degree prefix is not part of the institution's name.
      const degreeInPart = DEGREE.exec(institutionPart);
      current.institution =
        degreeInPart && degreeInPart.index === 0
          ? institutionPart.slice(degreeInPart[0].length).trim()
          : institutionPart;
      provenanceOut[`education.${offset + entries.length - 1}.institution`] = provenance(index, 0.8);
    }
    if (degreeInfo?.studyType) {
      if (!current || (current.studyType && !institutionPart)) current = start(index);
      current.studyType ??= degreeInfo.studyType;
      let area = degreeInfo.area;
      if (area && institutionPart && institutionPart.includes(area)) area = undefined;
      if (!area && institutionPart) {
        area = parts.find((part) => part !== institutionPart && !DEGREE.test(part) && !isLocationPart(part));
      }
      if (area && !INSTITUTION.test(area)) current.area ??= area.replace(/^(?:in|of)\s+/i, '');
    } else if (!bulletOnly && current && !institutionPart && !current.area) {
      const major = /^(?:major|field of study|concentration)\s*[:：]\s*(.+)$/i.exec(body);
      if (major) current.area = major[1]?.trim();
    }
    if (gpa && current) current.score ??= (gpa[1] ?? gpa[2] ?? '').trim();
    const range = ranges[0];
    if (range && current && !current.startDate && !current.endDate) {
      if (range.isRange) {
        current.startDate = range.start;
        current.endDate = range.end;
      } else {
        // One date (a graduation date): the entry starts and ends there as far as we know.
        current.startDate = range.start;
        current.endDate = range.start;
      }
    }
  }
  return entries.filter((entry) => entry.institution || entry.studyType);
}

function splitListItems(text: string): string[] {
  return text
    .split(/\s*(?:[,;|•·●▪]|\s[-–—]\s|\s{2,})\s*/)
    .map((item) =>
      item
        .replace(/(?<!\s)\s*\([^)]*\)?/g, ' ')
        .replace(/^(?:and|or|&)\s+/i, '')
        .replace(/^[\s(:]+|(?<![\s).:])[\s).:]+$/g, '')
        .trim(),
    )
    .filter((item) => item.length > 1 && item.length <= 40 && /\p{L}/u.test(item));
}

function extractSkills(doc: ParsedDocument, sections: SectionSpan[]): SkillMention[] {
  const mentions = new Map<string, SkillMention>();
  const lineOf = makeLineLookup(doc.lines);
  const add = (mention: SkillMention): void => {
    const key = mention.name.toLowerCase();
    if (!mentions.has(key)) mentions.set(key, mention);
  };
  const skillSections = sections.filter((section) => section.name === 'skills');
  const inSkillsSection = (line: number): boolean =>
    skillSections.some((section) => line >= section.startLine && line <= section.endLine);
  for (const match of findSkills(doc.text)) {
    add({
      name: match.canonical,
      surface: match.surface,
      known: true,
      kind: match.kind,
      line: lineOf(match.start),
    });
  }
  for (const section of skillSections) {
    for (let index = section.startLine; index <= section.endLine; index++) {
      const line = doc.lines[index];
      if (!line || !inSkillsSection(index)) continue;
      const heading = sectionHeading(line);
      const text = heading?.rest ? heading.rest : line.text;
      const matches = findSkills(text, { listContext: true });
      for (const match of matches) {
        add({ name: match.canonical, surface: match.surface, known: true, kind: match.kind, line: index });
      }
      // Items the taxonomy does not know are kept too: the person listed them as skills.
      const body = text.replace(/^[^:：]{1,30}[:：]\s*/, '');
      for (const item of splitListItems(body)) {
        const canonical = canonicalSkill(item);
        if (canonical) {
          add({ name: canonical, surface: item, known: true, kind: skillKind(canonical), line: index });
        } else if (
          !matches.some((match) => item.toLowerCase() === match.surface.toLowerCase()) &&
          !onlyKnownSkills(item, matches)
        ) {
          if (item.split(/\s+/).length <= 6) add({ name: item, surface: item, known: false, line: index });
        }
      }
    }
  }
  return [...mentions.values()];
}

/**
 * "Figma User Research Prototyping": a row of table cells (or a space-separated list) whose words
 * are all known skills, so it is those skills and not one unknown skill called that.
 */
function onlyKnownSkills(item: string, matches: { surface: string }[]): boolean {
  let rest = item.toLowerCase();
  let found = 0;
  for (const { surface } of matches) {
    const at = rest.indexOf(surface.toLowerCase());
    if (at < 0) continue;
    rest = `${rest.slice(0, at)} ${rest.slice(at + surface.length)}`;
    found++;
  }
  return found >= 2 && !/[\p{L}\p{N}]/u.test(rest);
}

/** Offset in doc.text → line index (binary search over line starts). */
export function makeLineLookup(lines: DocLine[]): (offset: number) => number {
  return (offset: number): number => {
    let low = 0;
    let high = lines.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const line = lines[middle];
      if (!line) break;
      if (offset < line.start) high = middle - 1;
      else if (offset > line.end) low = middle + 1;
      else return middle;
    }
    return Math.max(0, Math.min(lines.length - 1, low));
  };
}

function sectionLines(
  lines: DocLine[],
  sections: SectionSpan[],
  name: string,
): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  for (const section of sections.filter((candidate) => candidate.name === name)) {
    for (let index = section.startLine; index <= section.endLine; index++) {
      const line = lines[index];
      if (!line || !line.text.trim()) continue;
      const heading = sectionHeading(line);
      result.push({ text: heading?.rest ? heading.rest : line.text.trim(), line: index });
    }
  }
  return result;
}

const FLUENCY =
  /\b(native|fluent|bilingual|professional(?: working)?|conversational|intermediate|basic|beginner|advanced|elementary|limited working|full professional|mother tongue|[ABC][12])\b/i;

function extractLanguages(lines: DocLine[], sections: SectionSpan[]): Profile['languages'] {
  const languages: Profile['languages'] = [];
  for (const { text, line } of sectionLines(lines, sections, 'languages')) {
    for (const item of text.split(/(?<!\s)\s*[,;|•·]\s*/)) {
      const language = /^(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/u.exec(item.trim())?.[1];
      if (!language || FLUENCY.test(language)) continue;
      // "Languages: Python, Go" lists programming languages; those are skills, not languages spoken.
      const canonical = canonicalSkill(language);
      if (canonical ? !isSpokenLanguage(canonical) : !FLUENCY.test(item)) continue;
      const fluency = FLUENCY.exec(item)?.[1];
      languages.push({ language, fluency, line });
    }
  }
  return languages;
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
      .find((found) => found !== undefined);
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
    if (section.name === 'experience' || section.name === 'volunteer')
      work.push(...extractWork(lines, section, provenanceMap, work.length));
    if (section.name === 'education')
      education.push(...extractEducation(lines, section, provenanceMap, education.length));
  }
  const skills = extractSkills(doc, sections);
  const totalYears = mergedYears(
    work.map((entry) => ({ start: entry.startDate, end: entry.endDate })),
    now,
  );
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
