/**
 * Education entries: institutions and degrees found line by line in education sections, with
 * the study area, score (GPA) and dates of each entry.
 */
import type { DocLine, EducationEntry, Provenance, SectionSpan } from '../domain';
import { findDateRanges } from './dates';
import { provenance, stripDates } from './resume-lines';
import { cleanPart, isLocationPart, splitHeaderParts } from './text-clues';

const GPA =
  /\b(?:GPA|CGPA|grade point average)\b[:\s]*([0-9](?:[.,][0-9]{1,2})?(?:\s*\/\s*[0-9](?:[.,][0-9]{1,2})?)?)|\b([0-9][.,][0-9]{1,2})\s*(?:\/\s*[0-9](?:[.,][0-9]{1,2})?\s*)?GPA\b/i;
// Letter lookarounds instead of \b, which does not see "é" as part of a word ("Université").
const INSTITUTION =
  /(?<!\p{L})(?:university|universit[éäà]t?|universitat|universiteit|universidad|universidade|università|hogeschool|escola|escuela|lyc[ée]e|gymnasium|college|institute|institut|school|academy|polytechnic|politecnico|hochschule|école|ecole|conservatory|faculty|facult[ée]|fakult[äa]t|iit|postech|kaist|mit|ucla|caltech)(?!\p{L})/iu;
const DEGREE =
  /\b(?:Ph\.?\s?D\.?|D\.?Phil|Doctor(?:ate)? of [\p{L} ]+?|M\.?\s?Sc\.?|M\.?\s?S\.?|M\.?\s?A\.?|M\.?B\.?A\.?|M\.?\s?Eng\.?|M\.?\s?Tech|M\.?\s?Phil|Master(?:'s|’s|s)?(?: of [\p{L} ]+?| [Dd]egree)?|B\.?\s?Sc\.?|B\.?\s?S\.?|B\.?\s?A\.?|B\.?\s?Eng\.?|B\.?\s?E\.?|B\.?\s?Tech|B\.?B\.?A\.?|B\.?F\.?A\.?|BSN|MSN|MPH|MSW|MFA|LL\.?B|LL\.?M|J\.?D\.?|M\.?D\.?|Pharm\.?D|Ed\.?D|Bachelor(?:'s|’s|s)?(?: of [\p{L} ]+?| [Dd]egree)?|Associate(?:'s|’s)?(?: of [\p{L} ]+?| Degree)|A\.?A\.?S\.?|High School Diploma|Diploma|GED|(?:Engineer(?:ing)?|University|Professional|Graduate|Undergraduate|Associate(?:'s|’s)?) [Dd]egree)(?=$|[\s,;:|(–—-])/u;

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

export function extractEducation(
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
  const logical = joinWrappedLines(lines, section);
  // The style of the line that named the first school: later lines set the same way open entries
  // too, whatever they are called ("Cloudera" / "certification" / "Developer Training").
  let openerStyle: { fontSize: number; bold: boolean } | undefined;
  logical.forEach(({ index, line, text: lineText }, position) => {
    const ranges = findDateRanges(lineText);
    const withoutDates = stripDates(lineText, ranges);
    const gpa = GPA.exec(withoutDates);
    let body = withoutDates.replace(GPA, ' ').replace(/\s+/g, ' ').trim();
    const bulletOnly = line.bullet;
    // "Bachelor Computer Science at Universidad Central": what follows "at" is the school.
    let atInstitution: string | undefined;
    const degreeAt = bulletOnly ? null : (DEGREE.exec(body) ?? /^High school\b/i.exec(body));
    if (degreeAt) {
      const at = /(?<!\s)\s+at\s+(\S.*)$/.exec(body.slice(degreeAt.index));
      if (at?.[1]) {
        atInstitution = cleanPart(at[1]);
        body = body.slice(0, degreeAt.index + at.index).trim();
      }
    }
    const parts = bulletOnly ? [] : splitHeaderParts(body);
    // "Computer Science, University degree, Universitat de X": the part naming a degree is not the school.
    let institutionPart =
      atInstitution ??
      [...parts]
        .reverse()
        .find((part) => INSTITUTION.test(part) && !/\bdegree\b/i.test(part) && !namesDegreeOnly(part));
    // "Corporate Learning, Classroom Training, Acme Power": a comma-separated entry header (its
    // dates on it or on the next line) names the school last, whatever the school is called.
    const startsEntry = !current?.institution || current.startDate !== undefined;
    if (!institutionPart && !bulletOnly && body.includes(',') && parts.length <= 4 && startsEntry) {
      const dated = ranges.length > 0 || findDateRanges(logical[position + 1]?.text ?? '').length > 0;
      const last = parts[parts.length - 1] ?? '';
      if (dated && !DEGREE.test(last) && !isLocationPart(last) && /^\p{Lu}/u.test(last))
        institutionPart = last;
    }
    if (
      !institutionPart &&
      openerStyle &&
      !bulletOnly &&
      (line.bold || line.heading) &&
      line.bold === openerStyle.bold &&
      Math.abs(line.fontSize - openerStyle.fontSize) < 0.3 &&
      body !== '' &&
      !DEGREE.test(body) &&
      !/[:.]$/.test(body) &&
      !isLocationPart(body) &&
      // A sub-heading of the entry ("Significant Coursework", "Honors"), not a school.
      !/\b(?:courses?|coursework|modules|honou?rs|awards|activities|thesis|achievements|projects|highlights)\b/i.test(
        body,
      ) &&
      body.split(/\s+/).length <= 6
    )
      institutionPart = body;
    if (institutionPart && !openerStyle && (line.bold || line.heading))
      openerStyle = { fontSize: line.fontSize, bold: line.bold };
    // "CIFRE PhD thesis in partnership with …": a sentence that mentions a degree is a description.
    const sentence = /\.$/.test(body) && body.split(/\s+/).length > 8;
    const degreeInfo = bulletOnly || sentence || !DEGREE.test(body) ? undefined : parseDegree(body);
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
    // Only when no school is already waiting for its degree.
    const waiting = current !== undefined && current.institution !== '' && !current.studyType;
    if (degreeInfo?.studyType && !institutionPart && !waiting) {
      // "EFREI" / "UERJ": a short styled line just above the degree (web address lines skipped)
      // names the school even without a school word.
      const above = previousContentLine(lines, index, section.startLine);
      const text = above?.line.text.trim() ?? '';
      if (
        above &&
        (above.line.bold || above.line.heading) &&
        !above.line.bullet &&
        text.split(/\s+/).length <= 5 &&
        !DEGREE.test(text) &&
        !isLocationPart(text) &&
        findDateRanges(text).length === 0 &&
        !INSTITUTION.test(text)
      ) {
        if (!current || current.institution || current.studyType) current = start(above.index);
        current.institution = text;
        provenanceOut[`education.${offset + entries.length - 1}.institution`] = provenance(above.index, 0.6);
      }
    }
    if (degreeInfo?.studyType) {
      // "Master" / "Master Computer Science": a theme printing the degree, then degree and area,
      // names one degree, not two.
      const repeated =
        current !== undefined &&
        current.studyType === degreeInfo.studyType &&
        !current.area &&
        !current.startDate &&
        !institutionPart;
      if (!current || (current.studyType && !institutionPart && !repeated)) current = start(index);
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
  });
  return entries.filter((entry) => entry.institution || entry.studyType);
}

/** "High School Diploma in Arts": the school word belongs to the degree, no school is named. */
function namesDegreeOnly(part: string): boolean {
  const degree = DEGREE.exec(part);
  if (!degree) return false;
  const rest = `${part.slice(0, degree.index)} ${part.slice(degree.index + degree[0].length)}`;
  return INSTITUTION.test(degree[0]) && !INSTITUTION.test(rest);
}

/** A word that cannot end a name or a degree: the line wraps onto the next one. */
const OPEN_ENDING = /(?:^|\s)(?:of|de|des|del|della|du|la|le|für|and|for|the|in|&|[-–—])$/iu;

interface LogicalLine {
  /** Index of the first visual line. */
  index: number;
  line: DocLine;
  text: string;
}

/**
 * Visual lines of an education section joined where one name or degree wraps onto the next line:
 * after an open ending ("Universitat Oberta de" / "Catalunya"), under a "Degree at School" header
 * set in the header's own size, and between styled lines of one style ("Zurich University of
 * Applied" / "Sciences" in bold). A line with dates, a degree or a bullet starts its own line.
 */
function joinWrappedLines(lines: DocLine[], section: SectionSpan): LogicalLine[] {
  const joined: LogicalLine[] = [];
  let previous: DocLine | undefined;
  for (let index = section.startLine; index <= section.endLine; index++) {
    const line = lines[index];
    if (!line || !line.text.trim()) continue;
    const last = joined[joined.length - 1];
    const text = line.text.trim();
    if (last && previous && continues(last.text, previous, line, text)) {
      last.text = `${last.text} ${text}`;
    } else {
      joined.push({ index, line, text });
    }
    previous = line;
  }
  return joined;
}

function continues(joinedText: string, previous: DocLine, line: DocLine, text: string): boolean {
  if (line.bullet || findDateRanges(text).length > 0 || DEGREE.test(text) || /:/.test(text)) return false;
  if (line.page !== previous.page && line.fontSize > 0) return false;
  const previousText = stripDates(joinedText, findDateRanges(joinedText));
  if (OPEN_ENDING.test(previousText)) return true;
  const sameStyle =
    line.fontSize > 0 &&
    Math.abs(line.fontSize - previous.fontSize) < 0.3 &&
    Math.abs(line.x - previous.x) <= 2 &&
    line.bold === previous.bold &&
    line.y - previous.y > 0 &&
    line.y - previous.y <= line.fontSize * 1.6;
  if (!sameStyle) return false;
  // The school of "PhD Retrieval at INSA Lyon - Institut" continues in the header's size.
  const degree = DEGREE.exec(joinedText);
  if (degree && /\sat\s/.test(joinedText.slice(degree.index))) return true;
  // Two styled lines of one style, neither dated nor a degree: one name set on two lines.
  return (
    (previous.bold || previous.heading) && findDateRanges(joinedText).length === 0 && !DEGREE.test(joinedText)
  );
}

/** The nearest non-empty line above `index` in the section, skipping web-address lines. */
function previousContentLine(
  lines: DocLine[],
  index: number,
  sectionStart: number,
): { line: DocLine; index: number } | undefined {
  for (let candidate = index - 1; candidate >= sectionStart && candidate >= index - 3; candidate--) {
    const line = lines[candidate];
    if (!line || !line.text.trim()) continue;
    if (/^(?:https?:\/\/|www\.)\S+$/i.test(line.text.trim())) continue;
    return { line, index: candidate };
  }
  return undefined;
}
