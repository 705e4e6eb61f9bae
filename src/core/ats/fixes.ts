/**
 * Rule-based fixes, computed at once from the report: each is a before → after edit of the
 * resume text that the person accepts or rejects (accepting makes a new resume version; see
 * core/llm/apply.ts for how the edit is applied). They only reword, reorder or reformat what
 * is already there: no fix adds a fact.
 */
import { findDateRanges } from '../extract/dates';
import { sectionHeading } from '../extract/sections';
import { bulletText, STANDARD_HEADINGS } from './checks';
import type { AtsInput, AtsReport, AtsRule } from './types';

export interface RuleFix {
  /** Stable within a report: rule and first line. */
  id: string;
  rule: AtsRule;
  title: string;
  /** Text as it is in the resume (whitespace may differ: applied whitespace-tolerantly). */
  before: string;
  after: string;
  lines: number[];
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  if (date === 'present') return 'Present';
  const [year, month] = date.split('-');
  return month ? `${MONTH_NAMES[Number(month) - 1]} ${year}` : year;
}

/** A line with every date range written "Mon YYYY – Mon YYYY" (seasons and lone years kept). */
export function normaliseLineDates(text: string): string {
  let result = '';
  let cursor = 0;
  for (const range of findDateRanges(text)) {
    const raw = text.slice(range.index, range.index + range.length);
    result += text.slice(cursor, range.index);
    cursor = range.index + range.length;
    const start = formatDate(range.start);
    const end = formatDate(range.end);
    if (/spring|summer|fall|autumn|winter/i.test(raw) || !start) result += raw;
    else result += range.isRange && end ? `${start} – ${end}` : start;
  }
  return result + text.slice(cursor);
}

const upperFirst = (text: string): string => text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());

/** One sentence without first-person pronouns ("I built…" → "Built…", "my team" → "the team"). */
export function removePronouns(sentence: string): string {
  return sentence
    .replace(
      /(^|[.!?;]\s+)(?:I\s+am|I'm|I’m|I\s+have|I've|I’ve)\s+(?:a\s+|an\s+)?(\S)/g,
      (_m, lead: string, next: string) => lead + next.toUpperCase(),
    )
    .replace(/(^|[.!?;]\s+)I\s+(\S)/g, (_m, lead: string, next: string) => lead + next.toUpperCase())
    .replace(/\b(and|but|where|then)\s+I\s+/g, '$1 ')
    .replace(/(^|[.!?;]\s+)My\s+/g, '$1The ')
    .replace(/\bmy\s+/g, 'the ')
    .replace(/(?<!\s)\s+(?:me|myself)\b/g, '')
    .replace(/\b([Mm])ine\b/g, (_m, m: string) => (m === 'M' ? 'It' : 'it'));
}

/**
 * Sentences holding a pronoun on one of `lines`, with the lines each spans. Paragraphs break at
 * headings, bullets and blank lines; a sentence ends at . ! ? followed by a space or the end.
 */
function sentencesWithPronouns(input: AtsInput, lines: number[]): { text: string; lines: number[] }[] {
  const wanted = new Set(lines);
  const result: { text: string; lines: number[] }[] = [];
  const paragraphs: number[][] = [];
  input.document.lines.forEach((line, index) => {
    const current = paragraphs[paragraphs.length - 1];
    if (!line.text) return;
    const previous = input.document.lines[index - 1];
    const breaks =
      !current ||
      line.heading ||
      line.bullet ||
      !previous?.text ||
      (previous && sectionHeading(previous)) ||
      sectionHeading(line);
    if (breaks) paragraphs.push([index]);
    else current.push(index);
  });
  for (const paragraph of paragraphs) {
    if (!paragraph.some((index) => wanted.has(index))) continue;
    const offsets: number[] = [];
    let text = '';
    for (const index of paragraph) {
      if (text) text += ' ';
      offsets.push(text.length);
      text += input.document.lines[index]!.text;
    }
    for (const match of text.matchAll(/(?:[^.!?]|[.!?](?!\s|$))+[.!?]?/g)) {
      const sentence = match[0].trim();
      const start = match.index;
      const end = start + match[0].length;
      const spanned = paragraph.filter((_index, i) => {
        const lineStart = offsets[i]!;
        const lineEnd = lineStart + input.document.lines[paragraph[i]!]!.text.length;
        return lineEnd > start && lineStart < end;
      });
      if (sentence && removePronouns(sentence) !== sentence) result.push({ text: sentence, lines: spanned });
    }
  }
  return result;
}

const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /\+?\d[\d\s().-]{7,}\d/;

export function ruleFixes(input: AtsInput, report: AtsReport): RuleFix[] {
  const fixes: RuleFix[] = [];
  const lines = input.document.lines;
  const push = (fix: Omit<RuleFix, 'id'>) => {
    if (fix.before.trim() === fix.after.trim()) return;
    const id = `${fix.rule}:${fix.lines[0] ?? -1}:${fixes.length}`;
    fixes.push({ id, ...fix });
  };
  for (const finding of report.findings) {
    switch (finding.rule) {
      case 'heading-nonstandard':
        for (const index of finding.lines) {
          const line = lines[index];
          const section = line ? sectionHeading(line)?.section : undefined;
          const standard = section ? STANDARD_HEADINGS[section] : undefined;
          if (!line || !standard) continue;
          const upper = line.text === line.text.toUpperCase();
          push({
            rule: finding.rule,
            title: 'Use a standard heading',
            before: line.text,
            after: upper ? standard.toUpperCase() : standard,
            lines: [index],
          });
        }
        break;
      case 'date-formats':
        for (const index of finding.lines) {
          const line = lines[index];
          if (!line) continue;
          push({
            rule: finding.rule,
            title: 'Write dates the same way',
            before: line.text,
            after: normaliseLineDates(line.text),
            lines: [index],
          });
        }
        break;
      case 'first-person':
        for (const sentence of sentencesWithPronouns(input, finding.lines)) {
          push({
            rule: finding.rule,
            title: 'Remove first-person pronouns',
            before: sentence.text,
            after: upperFirst(removePronouns(sentence.text)),
            lines: sentence.lines,
          });
        }
        break;
      case 'contact-header-footer': {
        const hidden = input.headerFooterText ?? '';
        const contact = [EMAIL.exec(hidden)?.[0], PHONE.exec(hidden)?.[0]].filter(Boolean).join(' · ');
        const first = lines.findIndex((line) => line.text.trim() !== '');
        if (!contact || first < 0) break;
        push({
          rule: finding.rule,
          title: 'Move contact details into the body',
          before: lines[first]!.text,
          after: `${lines[first]!.text}\n${contact}`,
          lines: [first],
        });
        break;
      }
      default:
        break;
    }
  }
  return fixes;
}

/**
 * The bullets the report found weak (no measurable result, or a weak opening), weak verb first,
 * as the text the AI fixes rewrite: the combined improvement call lists them (core/llm/prompts.ts).
 */
export function weakBullets(input: AtsInput, report: AtsReport): string[] {
  const lines = new Set<number>();
  for (const rule of ['bullet-weak-verb', 'bullet-no-metric'] as const)
    for (const finding of report.findings)
      if (finding.rule === rule) finding.lines.forEach((l) => lines.add(l));
  return [...new Set([...lines].map((index) => bulletText(input, index).trim()).filter(Boolean))];
}

export { bulletText };
