/**
 * Skills (taxonomy matches anywhere, plus every item of a skills section) and spoken languages.
 */
import type { DocLine, ParsedDocument, Profile, SectionSpan, SkillMention } from '../domain';
import { canonicalSkill, findSkills, isSpokenLanguage, skillKind } from '../taxonomy';
import { findDateRanges } from './dates';
import { makeLineLookup, sectionLines } from './resume-lines';
import { sectionHeading } from './sections';

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

export function extractSkills(doc: ParsedDocument, sections: SectionSpan[]): SkillMention[] {
  const mentions = new Map<string, SkillMention>();
  const lineOf = makeLineLookup(doc.lines);
  const add = (mention: SkillMention): void => {
    const key = mention.name.toLowerCase();
    if (!mentions.has(key)) mentions.set(key, mention);
  };
  const skillSections = sections.filter((section) => section.name === 'skills');
  for (const match of findSkills(doc.text)) {
    add({
      name: match.canonical,
      surface: match.surface,
      known: true,
      kind: match.kind,
      line: lineOf(match.start),
    });
  }
  const listed = new Set<number>();
  for (const section of skillSections) {
    for (let index = section.startLine; index <= section.endLine; index++) listed.add(index);
  }
  for (const index of tagCloudLines(doc.lines)) listed.add(index);
  for (const index of [...listed].sort((a, b) => a - b)) {
    const line = doc.lines[index];
    if (!line) continue;
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
        // The name with its spacing normalised ("Javascript  GO" as the PDF spaced it).
        if (item.split(/\s+/).length <= 6)
          add({ name: item.replace(/\s+/g, ' ').trim(), surface: item, known: false, line: index });
      }
    }
  }
  return [...mentions.values()];
}

const MIN_CLOUD_LINES = 4;

/**
 * A sidebar of skill groups with no "Skills" heading (group names over rows of tags, all set as
 * styled short lines, often read after the main text): a run of at least four such lines with no
 * date, address or section title among them and a known skill in it is read as a skills list.
 * Entry headers never run that long undated (a date, a plain title or a description breaks them).
 */
function tagCloudLines(lines: DocLine[]): number[] {
  const tagLike = (line: DocLine | undefined): boolean => {
    if (!line || !line.heading || line.bullet) return false;
    const text = line.text.trim();
    return (
      text.length <= 40 &&
      text.split(/\s+/).length <= 6 &&
      /\p{L}/u.test(text) &&
      !/[@/]{2}|@|https?:|www\./i.test(text) &&
      findDateRanges(text).length === 0 &&
      !sectionHeading(line)
    );
  };
  // "Languages" set like the cloud's other group names, over a row of tags ("Ruby C# Go"), is one
  // more group of the cloud (programming languages), not a section that ends it.
  const groupNamedLanguages = (line: DocLine, index: number): boolean => {
    const first = lines[run[0] ?? -1];
    return (
      first !== undefined &&
      Math.abs(first.fontSize - line.fontSize) < 0.3 &&
      Math.abs(first.x - line.x) <= 2 &&
      sectionHeading(line)?.section === 'languages' &&
      tagLike(lines[index + 1])
    );
  };
  const found: number[] = [];
  let run: number[] = [];
  const close = () => {
    if (run.length >= MIN_CLOUD_LINES && run.some((index) => findSkills(lines[index]?.text ?? '').length > 0))
      found.push(...run);
    run = [];
  };
  lines.forEach((line, index) => {
    if (tagLike(line) || groupNamedLanguages(line, index)) run.push(index);
    else close();
  });
  close();
  return found;
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

const FLUENCY =
  /\b(native|fluent|bilingual|professional(?: working)?|conversational|intermediate|basic|beginner|advanced|elementary|limited working|full professional|mother tongue|[ABC][12])\b/i;

export function extractLanguages(lines: DocLine[], sections: SectionSpan[]): Profile['languages'] {
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
