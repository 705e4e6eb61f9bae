/**
 * Header blocks of label lines, as job boards export them ("Current Designation: HR Manager",
 * "Current Company: Acme", "Total Experience: 8 Year(s) 2 Month(s)", "Highest Degree: B.Tech").
 * They feed the matching fields; the current role becomes the first work entry when no dated
 * entry names it. "Key Skills:" lines are read by the skills extractor as an inline section.
 */
import type { DocLine, EducationEntry, Provenance, WorkEntry } from '../domain';
import { provenance } from './resume-lines';
import { sectionHeading } from './sections';
import { cleanPart } from './text-clues';

export interface HeaderField {
  value: string;
  line: number;
}

export interface HeaderBlock {
  designation?: HeaderField;
  company?: HeaderField;
  location?: HeaderField;
  totalYears?: { value: number; line: number };
  highestDegree?: HeaderField;
}

const LABELS: [keyof Omit<HeaderBlock, 'totalYears'> | 'totalYears', RegExp][] = [
  ['designation', /^(?:current\s+)?(?:designation|job\s+title|current\s+(?:role|title|position))$/i],
  ['company', /^current\s+(?:company|employer|organi[sz]ation)$/i],
  ['location', /^(?:current\s+)?location$/i],
  ['totalYears', /^(?:total\s+)?(?:work\s+)?experience$/i],
  ['highestDegree', /^(?:highest\s+(?:degree|qualification|education)|qualification)$/i],
];

/** "8 Year(s) 3 Month(s)", "5 years", "2.5 yrs" → years, or undefined. */
export function yearsFromText(text: string): number | undefined {
  const years = /(?<!\d)(\d+(?:\.\d+)?)\s*(?:years?|yrs?|year\(s\))/i.exec(text);
  const months = /(?<!\d)(\d+)\s*(?:months?|mos?|month\(s\))/i.exec(text);
  if (!years && !months) return undefined;
  const total = Number(years?.[1] ?? 0) + Number(months?.[1] ?? 0) / 12;
  return Math.round(total * 10) / 10;
}

/** Label lines before `limit` (the first work or education section). */
export function readHeaderBlock(lines: DocLine[], limit: number): HeaderBlock {
  const block: HeaderBlock = {};
  for (let index = 0; index < Math.min(limit, lines.length); index++) {
    const line = lines[index];
    if (!line || line.bullet) continue;
    const match = /^([^:：]{3,40}?)\s*[:：]\s*(.*)$/.exec(line.text.trim());
    if (!match) continue;
    const label = (match[1] ?? '').replace(/\s+/g, ' ').trim();
    const value = cleanPart(match[2] ?? '');
    if (!value) continue;
    for (const [field, pattern] of LABELS) {
      if (!pattern.test(label) || block[field]) continue;
      if (field === 'totalYears') {
        const years = yearsFromText(value);
        if (years !== undefined) block.totalYears = { value: years, line: index };
      } else if (!sectionHeading({ ...line, text: value })) {
        block[field] = { value, line: index };
      }
    }
  }
  return block;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Same employer: most words of the shorter name appear in the longer one. */
function sameCompany(a: string, b: string): boolean {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return false;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size >= 0.5;
}

/**
 * The current role from the header: fills the title of the dated entry that names the company,
 * or becomes the first entry (provenance indexes of the others move down by one).
 */
export function applyCurrentRole(
  block: HeaderBlock,
  work: WorkEntry[],
  provenanceMap: Record<string, Provenance>,
): void {
  const company = block.company?.value ?? '';
  const position = block.designation?.value ?? '';
  if (!company) return;
  const named = work.find((entry) => sameCompany(entry.company, company));
  if (named) {
    if (!named.position && position) named.position = position;
    return;
  }
  const line = block.company?.line ?? 0;
  for (const key of Object.keys(provenanceMap).sort((a, b) => workIndex(b) - workIndex(a))) {
    const index = workIndex(key);
    if (index < 0) continue;
    const value = provenanceMap[key];
    delete provenanceMap[key];
    if (value) provenanceMap[key.replace(/^work\.\d+\./, `work.${index + 1}.`)] = value;
  }
  work.unshift({ company, position, endDate: 'present', highlights: [], line });
  provenanceMap['work.0.company'] = provenance(line, 0.7);
  if (block.designation) provenanceMap['work.0.position'] = provenance(block.designation.line, 0.7);
}

function workIndex(key: string): number {
  const match = /^work\.(\d+)\./.exec(key);
  return match ? Number(match[1]) : -1;
}

/** The highest degree from the header when the education section gave no entry. */
export function applyHighestDegree(block: HeaderBlock, education: EducationEntry[]): void {
  if (!block.highestDegree || education.length > 0) return;
  education.push({ institution: '', studyType: block.highestDegree.value, line: block.highestDegree.line });
}
