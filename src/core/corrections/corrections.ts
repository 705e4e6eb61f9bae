/**
 * User corrections to extracted fields. They are stored next to the extracted result and always
 * win: re-extraction (a better parser, a new scorer) recomputes the heuristic profile and then
 * applies the corrections again, so a person's fix is never lost and always feeds matching.
 */
import type { JobSpec, Profile, ProfileBasics, Requirement, SkillMention } from '../domain';
import { canonicalSkill, skillKind } from '../taxonomy';

export type BasicsField = 'name' | 'label' | 'email' | 'phone' | 'url' | 'location';
export const BASICS_FIELDS: readonly BasicsField[] = ['name', 'label', 'email', 'phone', 'url', 'location'];

export interface ProfileCorrections {
  /** A value replaces the extracted one; an empty string clears it. */
  basics?: Partial<Record<BasicsField, string>>;
  /** Skills the person added (surface form) and canonical names they removed. */
  skillsAdded?: string[];
  skillsRemoved?: string[];
  /** When present, replaces the extracted work / education lists entirely. */
  work?: Profile['work'];
  education?: Profile['education'];
  totalYears?: number;
}

export interface JobCorrections {
  title?: string;
  /** When present, replaces the extracted lists (surface forms; canonicalised on apply). */
  required?: string[];
  preferred?: string[];
  minYears?: number | null;
  location?: string;
  remote?: boolean;
}

const USER = { line: -1, confidence: 1, source: 'user' as const };

function mention(surface: string): SkillMention {
  const canonical = canonicalSkill(surface);
  const kind = canonical ? skillKind(canonical) : undefined;
  return {
    name: canonical ?? surface.trim(),
    surface: surface.trim(),
    known: canonical !== undefined,
    line: -1,
    ...(kind ? { kind } : {}),
  };
}

export function applyProfileCorrections(
  extracted: Profile,
  corrections: ProfileCorrections | undefined,
): Profile {
  if (!corrections) return extracted;
  const provenance = { ...extracted.provenance };
  const basics: ProfileBasics = { ...extracted.basics };
  for (const field of BASICS_FIELDS) {
    const value = corrections.basics?.[field];
    if (value === undefined) continue;
    if (value.trim() === '') delete basics[field];
    else basics[field] = value.trim();
    provenance[`basics.${field}`] = USER;
  }
  const removed = new Set((corrections.skillsRemoved ?? []).map((name) => name.toLowerCase()));
  const skills = extracted.skills.filter((skill) => !removed.has(skill.name.toLowerCase()));
  for (const surface of corrections.skillsAdded ?? []) {
    const added = mention(surface);
    if (!added.name || removed.has(added.name.toLowerCase())) continue;
    if (!skills.some((skill) => skill.name.toLowerCase() === added.name.toLowerCase())) skills.push(added);
  }
  if (corrections.skillsAdded?.length || corrections.skillsRemoved?.length) provenance.skills = USER;
  const work = corrections.work ?? extracted.work;
  if (corrections.work) provenance.work = USER;
  const education = corrections.education ?? extracted.education;
  if (corrections.education) provenance.education = USER;
  const totalYears = corrections.totalYears ?? extracted.totalYears;
  if (corrections.totalYears !== undefined) provenance.totalYears = USER;
  return { ...extracted, basics, skills, work, education, totalYears, provenance };
}

function requirement(surface: string): Requirement {
  const canonical = canonicalSkill(surface);
  // skillKind also knows the degrees a job asks for ("Bachelor's degree" stays a degree when moved).
  const kind = skillKind(canonical ?? surface.trim());
  return { skill: canonical ?? surface.trim(), surface: surface.trim(), line: -1, ...(kind ? { kind } : {}) };
}

export function applyJobCorrections(extracted: JobSpec, corrections: JobCorrections | undefined): JobSpec {
  if (!corrections) return extracted;
  const spec: JobSpec = { ...extracted };
  if (corrections.title !== undefined && corrections.title.trim()) spec.title = corrections.title.trim();
  if (corrections.required) spec.required = corrections.required.filter((s) => s.trim()).map(requirement);
  if (corrections.preferred) spec.preferred = corrections.preferred.filter((s) => s.trim()).map(requirement);
  if (corrections.minYears === null) delete spec.minYears;
  else if (corrections.minYears !== undefined) spec.minYears = corrections.minYears;
  if (corrections.location !== undefined) spec.location = corrections.location;
  if (corrections.remote !== undefined) spec.remote = corrections.remote;
  return spec;
}
