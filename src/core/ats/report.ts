/**
 * The ATS check: runs every rule, then the 0–100 readiness score. Each part starts at 1 and
 * loses a fixed penalty per finding by severity; the parts are weighted (weights of the parts
 * that apply are renormalised to sum to 1, as the match score does). Deterministic: the same
 * input gives the same report; ATS_VERSION names the rules and weights.
 */
import {
  checkBullets,
  checkContact,
  checkDates,
  checkFile,
  checkGlyphs,
  checkLayout,
  checkLength,
  checkPronouns,
  checkSections,
  checkText,
  sectionsOf,
} from './checks';
import { checkKeywords, keywordCoverage } from './keywords';
import {
  ATS_VERSION,
  type AtsFinding,
  type AtsInput,
  type AtsPart,
  type AtsReport,
  type AtsScorePart,
  type AtsSeverity,
} from './types';

export const PART_WEIGHTS: Record<AtsPart, number> = {
  parsing: 0.2,
  contact: 0.15,
  sections: 0.12,
  bullets: 0.12,
  dates: 0.08,
  length: 0.08,
  language: 0.05,
  file: 0.05,
  keywords: 0.15,
};

export const PART_LABELS: Record<AtsPart, string> = {
  parsing: 'Readable text and layout',
  contact: 'Contact details',
  sections: 'Standard sections',
  bullets: 'Bullets with results',
  dates: 'Dates',
  length: 'Length',
  language: 'Wording',
  file: 'File, icons and images',
  keywords: 'Job keywords',
};

export const SEVERITY_PENALTY: Record<AtsSeverity, number> = { critical: 1, major: 0.5, minor: 0.2, info: 0 };
const SEVERITY_ORDER: Record<AtsSeverity, number> = { critical: 0, major: 1, minor: 2, info: 3 };

export function checkResume(input: AtsInput, now: Date = new Date()): AtsReport {
  const sections = sectionsOf(input);
  const findings: AtsFinding[] = [...checkText(input)];
  const hasText = findings.length === 0;
  if (hasText) {
    findings.push(
      ...checkLayout(input),
      ...checkSections(input, sections),
      ...checkContact(input),
      ...checkDates(input, sections, now),
      ...checkLength(input, sections),
      ...checkBullets(input, sections),
      ...checkPronouns(input, sections),
      ...checkGlyphs(input),
    );
  }
  findings.push(...checkFile(input));
  const keywords = input.job ? keywordCoverage(input.document.text, input.job) : undefined;
  if (keywords) findings.push(...checkKeywords(keywords));
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.lines[0] ?? -1) - (b.lines[0] ?? -1) ||
      a.rule.localeCompare(b.rule),
  );
  const parts = scoreParts(
    findings,
    keywords ? Math.min(1, keywords.hard.coverage / keywords.target) : undefined,
    hasText,
  );
  const score = Math.round(parts.reduce((sum, part) => sum + part.weight * part.score, 0) * 100);
  return { version: ATS_VERSION, score, parts, findings, ...(keywords ? { keywords } : {}) };
}

/** `keywordScore`: hard-skill coverage over the target (capped at 1); undefined without a job. */
function scoreParts(
  findings: AtsFinding[],
  keywordScore: number | undefined,
  hasText: boolean,
): AtsScorePart[] {
  const parts = (Object.keys(PART_WEIGHTS) as AtsPart[]).filter(
    (part) => keywordScore !== undefined || part !== 'keywords',
  );
  const total = parts.reduce((sum, part) => sum + PART_WEIGHTS[part], 0);
  return parts.map((part) => {
    const penalty = findings
      .filter((finding) => finding.part === part)
      .reduce((sum, finding) => sum + SEVERITY_PENALTY[finding.severity], 0);
    // Without text nothing else can be checked, so nothing else can earn points either.
    const earned = part === 'keywords' ? (keywordScore ?? 0) : Math.max(0, 1 - penalty);
    const score = hasText || part === 'file' ? earned : 0;
    const weight = PART_WEIGHTS[part] / total;
    return { part, label: PART_LABELS[part], weight, score, points: Math.round(weight * score * 1000) / 10 };
  });
}
