/**
 * Merging a validated LLM extraction into the heuristic result, field by field, with provenance.
 * Precedence: user > llm > heuristic. A field the person corrected is never touched (and the
 * corrections are applied again at the end, so they win even if this code had a bug); an LLM
 * value replaces a heuristic one only when it is grounded in the document text: names, employers,
 * titles and schools must appear in it, skills must be found in it, dates must use its years.
 * Anything else is rejected with the reason, never merged.
 */
import type { JobSpec, Profile, Provenance, Requirement, SkillMention } from '../domain';
import {
  applyJobCorrections,
  applyProfileCorrections,
  type JobCorrections,
  type ProfileCorrections,
} from '../corrections/corrections';
import { normaliseDate } from '../extract/dates';
import { canonicalSkill, findSkills, skillKind } from '../taxonomy';
import type { JobLlmFields, ResumeLlmFields } from './schemas';

export interface MergedField {
  path: string;
  before: string;
  after: string;
}

export interface RejectedField {
  path: string;
  value: string;
  reason: string;
}

export interface MergeReport {
  changed: MergedField[];
  rejected: RejectedField[];
}

const LLM: Provenance = { line: -1, confidence: 0.8, source: 'llm' };

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function grounded(sourceLower: string, value: string): boolean {
  const needle = squash(value);
  return needle.length > 0 && sourceLower.includes(needle);
}

function isUser(provenance: Record<string, Provenance> | undefined, path: string): boolean {
  return provenance?.[path]?.source === 'user';
}

/** A date from the model, accepted only when normalised and its year is in the text. */
function groundedDate(sourceText: string, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const date = normaliseDate(raw);
  if (!date) return undefined;
  if (date === 'present') return date;
  return sourceText.includes(date.slice(0, 4)) ? date : undefined;
}

/** Skills named by the model that the text really mentions, as canonical names (or the surface). */
function evidencedSkills(
  sourceText: string,
  names: readonly string[],
): { kept: string[]; rejected: string[] } {
  const found = new Set<string>();
  for (const match of findSkills(sourceText, { listContext: true })) found.add(match.canonical.toLowerCase());
  const lower = sourceText.toLowerCase();
  const kept: string[] = [];
  const rejected: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const canonical = canonicalSkill(name);
    if (canonical ? found.has(canonical.toLowerCase()) : grounded(lower, name)) kept.push(canonical ?? name);
    else rejected.push(name);
  }
  return { kept: [...new Set(kept)], rejected };
}

const BASICS_FROM_LLM = [
  ['name', 'name'],
  ['label', 'headline'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['location', 'location'],
] as const;

export function mergeResume(
  heuristic: Profile,
  llm: ResumeLlmFields,
  sourceText: string,
  corrections?: ProfileCorrections,
): { profile: Profile; report: MergeReport } {
  const lower = sourceText.toLowerCase();
  const report: MergeReport = { changed: [], rejected: [] };
  const provenance = { ...heuristic.provenance };
  const basics = { ...heuristic.basics };
  const userBasics = corrections?.basics ?? {};

  for (const [field, llmField] of BASICS_FROM_LLM) {
    const value = llm[llmField]?.trim();
    const path = `basics.${field}`;
    if (!value || isUser(provenance, path) || userBasics[field] !== undefined) continue;
    if (!grounded(lower, value)) {
      report.rejected.push({ path, value, reason: 'not found in the document' });
      continue;
    }
    if (squash(basics[field] ?? '') === squash(value)) continue;
    report.changed.push({ path, before: basics[field] ?? '', after: value });
    basics[field] = value;
    provenance[path] = LLM;
  }

  let skills: SkillMention[] = heuristic.skills;
  if (!isUser(provenance, 'skills') && !corrections?.skillsAdded && !corrections?.skillsRemoved) {
    const { kept, rejected } = evidencedSkills(sourceText, llm.skills);
    for (const value of rejected)
      report.rejected.push({ path: 'skills', value, reason: 'not mentioned in the document' });
    const have = new Set(skills.map((skill) => skill.name.toLowerCase()));
    const added = kept.filter((name) => !have.has(name.toLowerCase()));
    if (added.length > 0) {
      skills = [
        ...skills,
        ...added.map((name): SkillMention => {
          const kind = skillKind(name);
          return {
            name,
            surface: name,
            known: canonicalSkill(name) !== undefined,
            line: -1,
            ...(kind ? { kind } : {}),
          };
        }),
      ];
      added.forEach((name, offset) => {
        provenance[`skills.${heuristic.skills.length + offset}`] = LLM;
        report.changed.push({ path: 'skills', before: '', after: name });
      });
    }
  }

  let work = heuristic.work;
  if (!isUser(provenance, 'work') && !corrections?.work) {
    work = heuristic.work.map((entry) => ({ ...entry }));
    llm.work.forEach((item) => {
      const company = item.company.trim();
      const position = item.position.trim();
      if (!grounded(lower, company) || !grounded(lower, position)) {
        report.rejected.push({
          path: 'work',
          value: `${position} at ${company}`,
          reason: 'not found in the document',
        });
        return;
      }
      let index = work.findIndex((entry) => squash(entry.company) === squash(company));
      if (index < 0) {
        work.push({ company, position, highlights: [], line: -1 });
        index = work.length - 1;
        provenance[`work.${index}.company`] = LLM;
        provenance[`work.${index}.position`] = LLM;
        report.changed.push({ path: `work.${index}`, before: '', after: `${position} at ${company}` });
      }
      const entry = work[index];
      if (!entry) return;
      if (!entry.position.trim()) {
        entry.position = position;
        provenance[`work.${index}.position`] = LLM;
        report.changed.push({ path: `work.${index}.position`, before: '', after: position });
      }
      for (const key of ['startDate', 'endDate'] as const) {
        const date = groundedDate(sourceText, item[key]);
        if (date && !entry[key]) {
          entry[key] = date;
          provenance[`work.${index}.${key}`] = LLM;
          report.changed.push({ path: `work.${index}.${key}`, before: '', after: date });
        }
      }
    });
  }

  let education = heuristic.education;
  if (!isUser(provenance, 'education') && !corrections?.education) {
    education = heuristic.education.map((entry) => ({ ...entry }));
    llm.education.forEach((item) => {
      const institution = item.institution.trim();
      if (!grounded(lower, institution)) {
        report.rejected.push({ path: 'education', value: institution, reason: 'not found in the document' });
        return;
      }
      let index = education.findIndex((entry) => squash(entry.institution) === squash(institution));
      if (index < 0) {
        education.push({ institution, line: -1 });
        index = education.length - 1;
        provenance[`education.${index}.institution`] = LLM;
        report.changed.push({ path: `education.${index}`, before: '', after: institution });
      }
      const entry = education[index];
      if (!entry) return;
      const fill = (key: 'studyType' | 'area', value: string | undefined) => {
        const clean = value?.trim();
        if (!clean || entry[key] || !grounded(lower, clean)) return;
        entry[key] = clean;
        provenance[`education.${index}.${key}`] = LLM;
        report.changed.push({ path: `education.${index}.${key}`, before: '', after: clean });
      };
      fill('studyType', item.degree);
      fill('area', item.field);
      const endDate = groundedDate(sourceText, item.endDate);
      if (endDate && !entry.endDate) {
        entry.endDate = endDate;
        provenance[`education.${index}.endDate`] = LLM;
      }
    });
  }

  const merged: Profile = { ...heuristic, basics, skills, work, education, provenance };
  // The person's corrections are applied last: they win over both the heuristics and the model.
  return { profile: applyProfileCorrections(merged, corrections), report };
}

function requirementOf(name: string): Requirement {
  const kind = skillKind(name);
  return { skill: name, surface: name, line: -1, ...(kind ? { kind } : {}) };
}

export function mergeJob(
  heuristic: JobSpec,
  llm: JobLlmFields,
  sourceText: string,
  corrections?: JobCorrections,
): { spec: JobSpec; report: MergeReport } {
  const lower = sourceText.toLowerCase();
  const report: MergeReport = { changed: [], rejected: [] };
  const provenance: Record<string, Provenance> = { ...(heuristic.provenance ?? {}) };
  const spec: JobSpec = { ...heuristic };

  const title = llm.title.trim();
  if (title && corrections?.title === undefined && !isUser(provenance, 'title')) {
    if (!grounded(lower, title))
      report.rejected.push({ path: 'title', value: title, reason: 'not found in the document' });
    else if (squash(title) !== squash(spec.title)) {
      report.changed.push({ path: 'title', before: spec.title, after: title });
      spec.title = title;
      provenance.title = LLM;
    }
  }

  const listed = new Set([...spec.required, ...spec.preferred].map((r) => r.skill.toLowerCase()));
  for (const [list, names] of [
    ['required', llm.requiredSkills],
    ['preferred', llm.preferredSkills],
  ] as const) {
    if (corrections?.[list]) continue;
    const { kept, rejected } = evidencedSkills(sourceText, names);
    for (const value of rejected)
      report.rejected.push({ path: list, value, reason: 'not mentioned in the document' });
    const added = kept.filter((name) => !listed.has(name.toLowerCase()));
    if (added.length === 0) continue;
    spec[list] = [...spec[list], ...added.map(requirementOf)];
    for (const name of added) {
      listed.add(name.toLowerCase());
      report.changed.push({ path: list, before: '', after: name });
    }
    provenance[list] = LLM;
  }

  if (
    llm.minYears !== undefined &&
    spec.minYears === undefined &&
    corrections?.minYears === undefined &&
    new RegExp(`\\b${llm.minYears}\\b`).test(sourceText)
  ) {
    spec.minYears = llm.minYears;
    provenance.minYears = LLM;
    report.changed.push({ path: 'minYears', before: '', after: String(llm.minYears) });
  }
  if (llm.seniority && !spec.seniority) {
    spec.seniority = llm.seniority;
    provenance.seniority = LLM;
    report.changed.push({ path: 'seniority', before: '', after: llm.seniority });
  }
  if (llm.degree && llm.degree !== 'none' && !spec.degree) {
    spec.degree = llm.degree;
    provenance.degree = LLM;
    report.changed.push({ path: 'degree', before: '', after: llm.degree });
  }
  const location = llm.location?.trim();
  if (location && !spec.location && corrections?.location === undefined) {
    if (grounded(lower, location)) {
      spec.location = location;
      provenance.location = LLM;
      report.changed.push({ path: 'location', before: '', after: location });
    } else report.rejected.push({ path: 'location', value: location, reason: 'not found in the document' });
  }
  if (
    llm.remote !== undefined &&
    spec.remote === undefined &&
    corrections?.remote === undefined &&
    /remote/i.test(sourceText)
  ) {
    spec.remote = llm.remote;
    provenance.remote = LLM;
    report.changed.push({ path: 'remote', before: '', after: String(llm.remote) });
  }
  const userProvenance: Record<string, Provenance> = {};
  if (corrections) {
    for (const key of Object.keys(corrections))
      userProvenance[key] = { line: -1, confidence: 1, source: 'user' };
  }
  return {
    spec: {
      ...applyJobCorrections({ ...spec, provenance }, corrections),
      provenance: { ...provenance, ...userProvenance },
    },
    report,
  };
}
