/**
 * A record's fields as three layers: heuristic (re-extracted from the document whenever needed)
 * < llm (the validated fields a "Refine with AI" run returned, stored on the record) < user (the
 * person's corrections, stored on the record). The profile or spec used everywhere is always
 * rebuilt from all three, so saving a correction re-extracts without losing what the AI refined,
 * and refining again never overrides a correction.
 */
import { applyJobCorrections, applyProfileCorrections } from '../corrections/corrections';
import type { JobCorrections, ProfileCorrections } from '../corrections/corrections';
import type { JobSpec, Profile, Provenance } from '../domain';
import { mergeJob, mergeResume } from './merge';
import type { JobLlmFields, ResumeLlmFields } from './schemas';

/** The validated LLM fields of the last refine, kept as their own layer. */
export interface RefinedLayer<Fields> {
  modelId: string;
  fields: Fields;
  refinedAt: number;
}

export type RefinedResume = RefinedLayer<ResumeLlmFields>;
export type RefinedJob = RefinedLayer<JobLlmFields>;

export function layeredProfile(
  heuristic: Profile,
  sourceText: string,
  refined: RefinedResume | undefined,
  corrections: ProfileCorrections | undefined,
): Profile {
  if (!refined) return applyProfileCorrections(heuristic, corrections);
  return mergeResume(heuristic, refined.fields, sourceText, corrections).profile;
}

export function layeredSpec(
  heuristic: JobSpec,
  sourceText: string,
  refined: RefinedJob | undefined,
  corrections: JobCorrections | undefined,
): JobSpec {
  if (!refined) return applyJobCorrections(heuristic, corrections);
  return mergeJob(heuristic, refined.fields, sourceText, corrections).spec;
}

/** Where each field path came from, counted by layer (for the "N from AI, M corrected" summary). */
export function countSources(
  provenance: Readonly<Record<string, Provenance>> | undefined,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of Object.values(provenance ?? {})) counts[entry.source] = (counts[entry.source] ?? 0) + 1;
  return counts;
}
