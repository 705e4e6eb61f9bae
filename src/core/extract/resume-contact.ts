/**
 * Contact details of a resume: the person's name, email, phone and links. Reads the header lines
 * (and a sidebar "Contact" block) of the ParsedDocument; every value keeps the line it came from.
 */
import type { DocLine, ParsedDocument, ProfileBasics } from '../domain';
import { canonicalSkill } from '../taxonomy';
import { findDateRanges, WEB_ADDRESS } from './dates';
import { sectionHeading } from './sections';
import { titleScore } from './text-clues';

export const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
export const EMAIL_GLOBAL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Digits with the separators phone numbers use; validated by digit count afterwards. */
export const PHONE = /(?:\+\s?\(?\d{1,3}\)?[\s.-]?)?(?:\(\+?\d{1,4}\)\s?)?\d[\d\s().-]{6,}\d/g;
export const URL =
  /(?<![\w-])(?<![\w-]\.)(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/[^\s,;|)]*)?/gi;
export const NAME_WORD =
  /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|de|da|del|der|van|von|la|le|di|du|bin|al|dos|das|ter)$/u;
export const NOT_A_NAME =
  /\b(?:resume|curriculum|vitae|cv|engineer|developer|manager|street|road|avenue|university|college|inc|llc|ltd|summary|profile|experience|education|skills|objective)\b/i;
export const PROFILE_NETWORKS: [string, RegExp][] = [
  ['LinkedIn', /linkedin\.com\/(?:in|pub)\/([^/?#\s]+)/i],
  ['GitHub', /github\.com\/([^/?#\s]+)/i],
  ['GitLab', /gitlab\.com\/([^/?#\s]+)/i],
  ['Twitter', /(?:twitter|x)\.com\/([^/?#\s]+)/i],
  ['Stack Overflow', /stackoverflow\.com\/users\/([^?#\s]+)/i],
  ['Behance', /behance\.net\/([^/?#\s]+)/i],
  ['Dribbble', /dribbble\.com\/([^/?#\s]+)/i],
];
export const NOT_PERSONAL_SITE =
  /(?:linkedin|github|gitlab|twitter|x|stackoverflow|behance|dribbble|facebook|instagram|mailto|google)\./i;

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

export function isYearRange(text: string): boolean {
  return (
    /^\s*(?:19|20)\d{2}\s*[-–—.]\s*(?:(?:19|20)\d{2}|\d{1,2})\s*$/.test(text) ||
    /^\s*\d{1,2}[/.]\d{4}/.test(text)
  );
}

/** Emails, including one broken across two lines ("alice.smith@exam-" + "ple.com"). */
export function findEmail(lines: DocLine[]): { email: string; line: number } | undefined {
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

export function findPhone(
  lines: DocLine[],
  from: number,
  limit: number,
): { phone: string; line: number } | undefined {
  let best: { phone: string; line: number; score: number } | undefined;
  for (let index = from; index < Math.min(lines.length, limit); index++) {
    const text = lines[index]?.text ?? '';
    // Web addresses go too: a DOI or a profile path ("doi.org/10.1016/j.x.2023.12.001") is no phone.
    const withoutEmails = text.replace(EMAIL_GLOBAL, ' ').replace(WEB_ADDRESS, ' ');
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

/**
 * Badges job boards glue to a name ("Jane DoeFeatured Resume", "Premium CV") and credentials
 * written after it ("Jane Doe - SHRM-CP", "Jane Doe, MBA").
 */
const NAME_BADGE =
  /(?:featured|premium|verified|top|hot|new|active|recommended|pro)\s*(?:resume|cv|profile|candidate|member|applicant)\b/gi;
const CREDENTIAL =
  /^(?:[A-Z]{2,}(?:-[A-Z]{1,4})?|Ph\.?D\.?|M\.?D\.?|MBA|CPA|PMP|CFA|PE|RN|Esq\.?|Jr\.?|Sr\.?|II|III|MSc\.?|BSc\.?)$/;

/** A name candidate without badges, credentials or a "Name:" label. */
export function cleanNameCandidate(text: string): string {
  let value = text
    .replace(NAME_BADGE, ' ')
    .replace(/^(?:name)\s*[:：]\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  // "Jane Doe - SHRM-CP", "Jane Doe, MBA, PMP": drop credentials set off by a comma or a dash.
  for (;;) {
    const tail = /(?<!\s)(?:\s*,\s*|\s+[–—-]\s+)([^\s,–—]+)$/.exec(value);
    if (!tail || !CREDENTIAL.test(tail[1] ?? '') || value.split(/\s+/).length <= 2) break;
    value = value.slice(0, tail.index).trim();
  }
  return value.replace(/(?<![\s,–—-])[\s,–—-]+$/, '');
}

/** "JANE DOE" → "Jane Doe"; a name already in mixed case is kept as written ("McArthur"). */
export function titleCaseName(name: string): string {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters !== letters.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(
      /(^|[\s'’-])(\p{Ll})/gu,
      (_whole, before: string, letter: string) => before + letter.toUpperCase(),
    );
}

export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (/[\d@/:|_]/.test(text) || NOT_A_NAME.test(text)) return false;
  // A file name, a job title or a software product is never the person's name.
  if (/\.(?:pdf|docx?|txt|rtf|odt)\b/i.test(text)) return false;
  if (titleScore(text) >= 2) return false;
  if (canonicalSkill(text) || words.some((word) => /^(?:ms|microsoft|adobe|google)$/i.test(word)))
    return false;
  return words.every((word) => NAME_WORD.test(word) || /^\p{Lu}+$/u.test(word));
}

/** The person's name: the first prominent header line (or its first segment) shaped like a name. */
export function findName(
  lines: DocLine[],
  headerEnd: number,
): { name: string; line: number; confidence: number } | undefined {
  const candidates: { name: string; line: number; confidence: number }[] = [];
  const maxFont = Math.max(0, ...lines.slice(0, headerEnd).map((line) => line.fontSize));
  for (let index = 0; index < headerEnd; index++) {
    const line = lines[index];
    if (!line || sectionHeading(line)) continue;
    const cleaned = cleanNameCandidate(line.text);
    const first = cleaned.split(/\s*[|•·,;–—]\s*|\s+-\s+|\s{2,}/)[0] ?? '';
    const segment = cleanNameCandidate(first);
    if (!looksLikeName(segment)) continue;
    const prominent = line.heading || line.bold || (maxFont > 0 && line.fontSize === maxFont);
    candidates.push({
      name: titleCaseName(segment),
      line: index,
      confidence: prominent ? 0.95 : 0.8 - index * 0.05,
    });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.line - b.line);
  return candidates[0];
}

export function findLinks(
  doc: ParsedDocument,
  email?: string,
): { url?: string; profiles: ProfileBasics['profiles'] } {
  const found = new Set<string>();
  for (const link of doc.links) found.add(link.trim());
  const textWithoutEmails = doc.text.replace(EMAIL_GLOBAL, ' ');
  for (const match of textWithoutEmails.matchAll(URL)) {
    const value = match[0].replace(/(?<![.,;])[.,;]+$/, '');
    // "B.Com", "M.Sc": a one-letter first label is an abbreviation, not a web address.
    if (!/^(?:https?:\/\/|www\.)/i.test(value) && /^[\p{L}]\./u.test(value)) continue;
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
