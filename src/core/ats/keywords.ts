/**
 * Keyword coverage against a job: for every skill the job asks for, how often the job names it
 * and how often the resume does (the skill itself, an alias, or a skill that implies it, as the
 * scorer counts evidence; a degree by the education the resume shows). Hard and soft skills are reported apart; the target is a share of the
 * job's hard skills.
 */
import { findSkills, impliedSkills } from '../taxonomy';
import { textMeetsDegree } from '../taxonomy/degrees';
import type { JobSpec, Requirement } from '../domain';
import type { AtsFinding, KeywordCoverage, KeywordRow } from './types';

/** Share of the job's hard skills a resume should name before applying. */
export const KEYWORD_TARGET = 0.75;

function counts(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const match of findSkills(text)) {
    for (const name of [match.canonical, ...impliedSkills(match.canonical)]) {
      result.set(name, (result.get(name) ?? 0) + (name === match.canonical ? 1 : 0));
      if (name !== match.canonical && !result.get(name)) result.set(name, 0);
    }
  }
  return result;
}

/** Mentions, counting implied skills as one mention each when the skill is never named. */
function resumeMentions(text: string): Map<string, number> {
  const named = counts(text);
  for (const match of findSkills(text)) {
    for (const implied of impliedSkills(match.canonical)) {
      if ((named.get(implied) ?? 0) === 0) named.set(implied, 1);
    }
  }
  return named;
}

function share(found: number, total: number): number {
  return total === 0 ? 1 : found / total;
}

export function keywordCoverage(resumeText: string, job: { spec: JobSpec; text: string }): KeywordCoverage {
  const inJob = counts(job.text);
  const inResume = resumeMentions(resumeText);
  const seen = new Set<string>();
  const rows: KeywordRow[] = [];
  const add = (requirement: Requirement, importance: KeywordRow['importance']) => {
    if (seen.has(requirement.skill)) return;
    seen.add(requirement.skill);
    rows.push({
      skill: requirement.skill,
      kind: requirement.kind === 'soft' ? 'soft' : 'hard',
      importance,
      jobCount: Math.max(1, inJob.get(requirement.skill) ?? 0),
      // A degree is shown by the resume's education ("B.Sc." meets "Bachelor's degree"), not named.
      resumeCount:
        requirement.kind === 'degree'
          ? Number(textMeetsDegree(resumeText, requirement.skill))
          : (inResume.get(requirement.skill) ?? 0),
    });
  };
  for (const requirement of job.spec.required) add(requirement, 'required');
  for (const requirement of job.spec.preferred) add(requirement, 'preferred');
  const tally = (kind: KeywordRow['kind']) => {
    const ofKind = rows.filter((row) => row.kind === kind);
    const found = ofKind.filter((row) => row.resumeCount > 0).length;
    return { found, total: ofKind.length, coverage: share(found, ofKind.length) };
  };
  return { rows, hard: tally('hard'), soft: tally('soft'), target: KEYWORD_TARGET };
}

export function checkKeywords(coverage: KeywordCoverage): AtsFinding[] {
  const missing = coverage.rows.filter((row) => row.resumeCount === 0);
  if (coverage.hard.coverage >= coverage.target && missing.every((row) => row.importance === 'preferred'))
    return [];
  const required = missing.filter((row) => row.importance === 'required').map((row) => row.skill);
  const percent = Math.round(coverage.hard.coverage * 100);
  return [
    {
      rule: 'keywords-missing',
      part: 'keywords',
      severity: coverage.hard.coverage < coverage.target / 2 ? 'major' : 'minor',
      title: `The resume names ${coverage.hard.found} of the job's ${coverage.hard.total} hard skills (${percent}%; target ${Math.round(coverage.target * 100)}%)`,
      detail: required.length
        ? `Required and not found: ${required.join(', ')}.`
        : 'Some of the job’s skills are not named in the resume.',
      fix: 'Where you have the experience, name the skill as the job writes it, in a bullet that shows it. Never add skills you do not have.',
      lines: [],
    },
  ];
}
