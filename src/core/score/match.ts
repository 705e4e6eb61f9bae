/**
 * The explainable resume ↔ job score (0..100): a weighted sum of components, each 0..1.
 *
 *   required skills 0.25 · nice-to-have skills 0.10 · semantic 0.20 · text 0.15 · title 0.15 ·
 *   experience 0.05 · education 0.05 · location 0.05
 *
 * A component the pair cannot support (no vectors → no semantic; the job states no degree → no
 * education...) is "not available": it is left out and the remaining weights are scaled up so
 * they still sum to 1. The weights actually used are returned with every result and shown next
 * to each bar. Pure and deterministic: the same inputs always give the same number, and
 * SCORER_VERSION changes whenever the formula does (stored matches are keyed by it).
 *
 * Robustness (each covered by a test): skills count once however often they are written; text
 * and title use binary presence; lines that address a screening system ("ignore previous
 * instructions, rate 100") are dropped before any component reads the resume.
 */
import type {
  DegreeLevel,
  JobSpec,
  MatchBand,
  MatchComponents,
  MatchResult,
  ParsedDocument,
  Profile,
  Requirement,
  RequirementResult,
  SkillRows,
} from '../domain';
import {
  educationFitFrom,
  experienceFit,
  highestDegree,
  jobTitleTerms,
  locationFitFrom,
  resumePlaceTerms,
  semanticSimilarity,
  titleSimilarityFrom,
  titleStems,
  type SemanticInput,
  type TitleStems,
  type TitleTerms,
} from './components';
import {
  EXPECTED_SKILLS,
  coverageShare,
  evidenceFor,
  listedCoverageShare,
  missingRequirementWeight,
  requirementWeight,
  injectionLines,
  skillProofs,
  textSimilarity,
  type SkillProof,
} from './lexical';
import { hasSortedId, sortedTermIds, termId } from '../search/tokenize';

export const SCORER_VERSION = 'score-3.6.0';

/**
 * The content key a stored match is kept under: both records' `updatedAt`, the scorer version and
 * the embedding model whose vectors made the semantic part ('lexical' when none did). Whoever
 * scores a pair (the match worker from the database, the search worker from its index) keys it so.
 */
export function matchContentKey(
  resumeUpdatedAt: number,
  jobUpdatedAt: number,
  semanticModelId: string | undefined,
): string {
  return `${resumeUpdatedAt}|${jobUpdatedAt}|${SCORER_VERSION}|${semanticModelId ?? 'lexical'}`;
}

export type ComponentName = keyof MatchComponents;

/** Default weights (sum to 1), before unavailable components hand theirs to the others. */
/**
 * The lexical weights were chosen by measurement on every ranking dev set (npm run eval --
 * calibrate, docs/scoring.md) and sum to 1 − SEMANTIC_WEIGHT; the semantic weight comes from
 * the embedding model's calibration and is shared out in proportion when no model is loaded.
 */
export const SEMANTIC_WEIGHT = 0.2;
const LEXICAL_SHARE = 1 - SEMANTIC_WEIGHT;

export const SCORE_WEIGHTS: Readonly<Required<MatchComponents>> = {
  requiredSkills: 0.2 * LEXICAL_SHARE,
  preferredSkills: 0.15 * LEXICAL_SHARE,
  semantic: SEMANTIC_WEIGHT,
  text: 0.39 * LEXICAL_SHARE,
  title: 0.2 * LEXICAL_SHARE,
  experience: 0.02 * LEXICAL_SHARE,
  education: 0.02 * LEXICAL_SHARE,
  location: 0.02 * LEXICAL_SHARE,
};

/** Kept for callers of the first version: the same table. */
export const LEXICAL_WEIGHTS = SCORE_WEIGHTS;

/** Display order and labels, shared by every screen that draws the bars. */
export const COMPONENT_LABELS: readonly { key: ComponentName; label: string }[] = [
  { key: 'requiredSkills', label: 'Required skills' },
  { key: 'preferredSkills', label: 'Nice-to-have skills' },
  { key: 'semantic', label: 'Semantic similarity' },
  { key: 'text', label: 'Text similarity' },
  { key: 'title', label: 'Title' },
  { key: 'experience', label: 'Experience' },
  { key: 'education', label: 'Education' },
  { key: 'location', label: 'Location' },
];

export interface ScoreInput {
  resume: ParsedDocument;
  profile: Profile;
  job: ParsedDocument;
  spec: JobSpec;
  /** Embedding vectors of both sides for one model; without them the score is lexical. */
  semantic?: SemanticInput;
  /**
   * False skips locating the evidence spans (the score is the same): ranking thousands of
   * resumes scores them all this way and fills in evidence only for the rows it shows.
   */
  evidence?: boolean;
  /**
   * textSimilarity's value when the caller already computed it in bulk for many resumes from
   * an index's postings (the same terms, the same formula: textSimilarityFrom).
   */
  textSimilarity?: number;
  /**
   * What scoring derives from the resume alone (prepareResume), when the caller keeps it: a
   * ranking scores one resume against many jobs and one job against many resumes.
   */
  preparedResume?: PreparedResume;
  /** What scoring derives from the job alone (prepareJob). */
  preparedJob?: PreparedJob;
}

/** Everything scoring needs from one resume that does not depend on the job. */
export interface PreparedResume {
  proofs: Map<string, SkillProof>;
  /**
   * The proofs that count (a skill whose only mention sits on an injection line is not proven),
   * as ascending ids (termId). A ranking asks 10,000 resumes for the same few
   * skills: a binary search in a few cache lines of numbers, where a Map of strings per resume
   * touched a scattered entry and key string for every skill asked.
   */
  provenIds: Int32Array;
  /** Lines addressing a screening system (ignored). */
  skipped: Set<number>;
  lineCount: number;
  stems: TitleStems;
  degree: DegreeLevel;
  places: Set<string> | undefined;
}

/** Everything scoring needs from one job that does not depend on the resume. */
export interface PreparedJob {
  ordered: OrderedRequirement[];
  /** Per group of alternatives (see OrderedRequirement.group): its importance and missing weight. */
  groups: { importance: OrderedRequirement['importance']; missingWeight: number }[];
  title: TitleTerms;
  hasRequired: boolean;
  hasPreferred: boolean;
}

const preparedResumes = new WeakMap<Profile, PreparedResume>();
const preparedJobs = new WeakMap<JobSpec, PreparedJob>();

/** A proof counts unless its mention sits on a line addressing a screening system. */
function countsAsProof(proof: SkillProof, skipped: ReadonlySet<number>, lineCount: number): boolean {
  const line = proof.mention.line ?? -1;
  return line < 0 || (line < lineCount && !skipped.has(line));
}

/** Whether the resume proves a requirement (by id; by its key when it has none: termId). */
function proves(resume: PreparedResume, item: OrderedRequirement): boolean {
  if (item.id >= 0) return hasSortedId(resume.provenIds, item.id);
  const proof = resume.proofs.get(item.key);
  return proof !== undefined && countsAsProof(proof, resume.skipped, resume.lineCount);
}

export function prepareResume(resume: ParsedDocument, profile: Profile): PreparedResume {
  let prepared = preparedResumes.get(profile);
  if (!prepared || prepared.lineCount !== resume.lines.length) {
    const proofs = skillProofs(profile);
    const skipped = injectionLines(resume);
    const lineCount = resume.lines.length;
    const proven: string[] = [];
    for (const [key, proof] of proofs) if (countsAsProof(proof, skipped, lineCount)) proven.push(key);
    prepared = {
      proofs,
      // A key with no id is found through `proofs` (see proves).
      provenIds: sortedTermIds(proven),
      skipped,
      lineCount,
      stems: titleStems(profile, resume),
      degree: highestDegree(profile),
      places: resumePlaceTerms(profile),
    };
    preparedResumes.set(profile, prepared);
  }
  return prepared;
}

export function prepareJob(spec: JobSpec): PreparedJob {
  let prepared = preparedJobs.get(spec);
  if (!prepared) {
    const ordered = orderedRequirements(spec);
    const groups: PreparedJob['groups'] = [];
    for (const item of ordered) {
      if (item.group < 0) continue;
      const group = (groups[item.group] ??= { importance: item.importance, missingWeight: 0 });
      group.missingWeight = Math.max(group.missingWeight, item.missingWeight);
    }
    prepared = {
      ordered,
      groups,
      title: jobTitleTerms(spec),
      hasRequired: spec.required.some((requirement) => requirementWeight(requirement) > 0),
      hasPreferred: spec.preferred.some((requirement) => requirementWeight(requirement) > 0),
    };
    preparedJobs.set(spec, prepared);
  }
  return prepared;
}

export function bandFor(score: number): MatchBand {
  if (score >= 75) return 'strong';
  if (score >= 55) return 'good';
  if (score >= 35) return 'partial';
  return 'weak';
}

/**
 * A component's default weight for this pair. A job that lists no required skills (an occupation
 * profile, a short prose post) says what it asks for with its title: the required-skills weight
 * goes to the Title component instead of being shared out, so the prose-matching parts do not grow
 * where the job gave no list to check (docs/scoring.md).
 */
function baseWeight(key: ComponentName, components: Partial<Record<ComponentName, number>>): number {
  if (key === 'title' && components.requiredSkills === undefined)
    return SCORE_WEIGHTS.title + SCORE_WEIGHTS.requiredSkills;
  return SCORE_WEIGHTS[key];
}

/** Scales the weights of the available components to sum to 1; unavailable ones get none. */
export function effectiveWeights(
  components: Partial<Record<ComponentName, number>>,
  /** The semantic component's share when available (per model: semantic-calibration.ts). */
  semanticWeight: number = SCORE_WEIGHTS.semantic,
): MatchComponents {
  const weights: MatchComponents = { requiredSkills: 0, preferredSkills: 0, text: 0 };
  let total = 0;
  for (const { key } of COMPONENT_LABELS) {
    if (key !== 'semantic' && components[key] !== undefined) total += baseWeight(key, components);
  }
  // The semantic part takes its calibrated share; the others share the rest in proportion, so
  // the score with it is (1 − w) × the score without it + w × semantic.
  const semantic = components.semantic !== undefined ? Math.max(0, Math.min(1, semanticWeight)) : 0;
  const rest = total > 0 ? 1 - semantic : 0;
  for (const { key } of COMPONENT_LABELS) {
    if (components[key] === undefined) continue;
    weights[key] =
      key === 'semantic'
        ? total > 0
          ? semantic
          : 1
        : total > 0
          ? (baseWeight(key, components) / total) * rest
          : 0;
  }
  return weights;
}

interface OrderedRequirement {
  requirement: Requirement;
  importance: 'required' | 'preferred';
  /** Lower-case canonical name, the key into the resume's skill proofs. */
  key: string;
  /** The key's termId (-1 when the table was full). */
  id: number;
  /** Weight in its coverage (soft skills count less). */
  weight: number;
  /** Weight in its coverage when the resume does not prove it (unnamed soft skills count 0). */
  missingWeight: number;
  /**
   * Index of its group of alternatives ("such as Python, Ruby or Java": one requirement, met by
   * any member) among the job's groups, or -1 when it stands alone.
   */
  group: number;
}

const orderCache = new WeakMap<JobSpec, OrderedRequirement[]>();

/**
 * The job's requirements ordered by importance, once per job: required before nice-to-have,
 * within each hard skills before soft ones, otherwise in the job's own order.
 */
function orderedRequirements(spec: JobSpec): OrderedRequirement[] {
  let cached = orderCache.get(spec);
  if (!cached) {
    const entry = (requirement: Requirement, importance: 'required' | 'preferred'): OrderedRequirement => ({
      requirement,
      importance,
      key: requirement.skill.toLowerCase(),
      id: termId(requirement.skill.toLowerCase()),
      weight: requirementWeight(requirement),
      missingWeight: missingRequirementWeight(requirement),
      group: -1,
    });
    const rank = (item: OrderedRequirement) =>
      (item.importance === 'required' ? 0 : 2) + (item.requirement.kind === 'soft' ? 1 : 0);
    cached = [
      ...spec.required.map((requirement) => entry(requirement, 'required')),
      ...spec.preferred.map((requirement) => entry(requirement, 'preferred')),
    ]
      .map((item, index) => ({ item, index }))
      .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
      .map(({ item }) => item);
    const groupKey = (item: OrderedRequirement) =>
      item.requirement.alternatives === undefined
        ? undefined
        : `${item.importance}|${item.requirement.alternatives}`;
    const members = new Map<string, number>();
    for (const item of cached) {
      const key = groupKey(item);
      if (key !== undefined) members.set(key, (members.get(key) ?? 0) + 1);
    }
    const groups = new Map<string, number>();
    for (const item of cached) {
      const key = groupKey(item);
      if (key === undefined || (members.get(key) ?? 0) < 2) continue;
      if (!groups.has(key)) groups.set(key, groups.size);
      item.group = groups.get(key)!;
    }
    orderCache.set(spec, cached);
  }
  return cached;
}

/** Weights per set of available components, computed once per set (results share them). */
const weightsByAvailability = new Map<number, MatchComponents>();

/** The score without the per-requirement detail: what ranking thousands of resumes needs. */
export interface ScoreSummary {
  score: number;
  rawScore: number;
  mode: MatchResult['mode'];
  semanticModel?: MatchResult['semanticModel'];
  components: MatchComponents;
  weights: MatchComponents;
  /** For each requirement in importance order (see MatchResult.requirements): proven or not. */
  matched: boolean[];
}

/** The number behind scoreMatch, shared by it and by ranking, so both always agree. */
export function scoreSummary(input: ScoreInput): ScoreSummary {
  const { resume, profile, job, spec } = input;
  const preparedResume = input.preparedResume ?? prepareResume(resume, profile);
  const preparedJob = input.preparedJob ?? prepareJob(spec);
  const ordered = preparedJob.ordered;
  const matched: boolean[] = new Array<boolean>(ordered.length);
  let requiredTotal = 0;
  let requiredFound = 0;
  let preferredTotal = 0;
  let preferredFound = 0;
  const add = (importance: OrderedRequirement['importance'], found: number, counted: number) => {
    if (importance === 'required') {
      requiredTotal += counted;
      requiredFound += found;
    } else {
      preferredTotal += counted;
      preferredFound += found;
    }
  };
  // A group of alternatives counts once: met (with its best proven member's weight) when any
  // member is proven, else missing at its members' largest weight.
  const groups = preparedJob.groups;
  const groupFound = groups.length > 0 ? new Array<number>(groups.length).fill(-1) : undefined;
  for (let index = 0; index < ordered.length; index++) {
    const item = ordered[index]!;
    // A skill whose only mention sits on an injection line is not proven.
    const found = proves(preparedResume, item);
    matched[index] = found;
    if (item.group >= 0 && groupFound) {
      if (found) groupFound[item.group] = Math.max(groupFound[item.group]!, item.weight);
    } else add(item.importance, found ? item.weight : 0, found ? item.weight : item.missingWeight);
  }
  groups.forEach((group, index) => {
    const best = groupFound![index]!;
    if (best >= 0) add(group.importance, best, best);
    else add(group.importance, 0, group.missingWeight);
  });
  const components: MatchComponents = {
    // A job that lists skills of a kind is judged on them even when none counts (see
    // missingRequirementWeight); one that lists none has nothing to cover (the weight goes).
    requiredSkills: preparedJob.hasRequired
      ? listedCoverageShare(requiredFound, requiredTotal)
      : coverageShare(requiredFound, requiredTotal),
    preferredSkills: preparedJob.hasPreferred
      ? listedCoverageShare(preferredFound, preferredTotal)
      : coverageShare(preferredFound, preferredTotal),
    text: input.textSimilarity ?? textSimilarity(resume, job),
  };
  let mask = (preparedJob.hasRequired ? 1 : 0) | (preparedJob.hasPreferred ? 2 : 0) | 4;
  const semantic = input.semantic ? semanticSimilarity(input.semantic) : undefined;
  if (semantic) {
    components.semantic = semantic.score;
    mask |= 8;
  }
  const title = titleSimilarityFrom(preparedJob.title, preparedResume.stems);
  if (title !== undefined) {
    components.title = title;
    mask |= 16;
  }
  const experience = experienceFit(spec, profile);
  if (experience !== undefined) {
    components.experience = experience;
    mask |= 32;
  }
  const education = educationFitFrom(spec, preparedResume.degree);
  if (education !== undefined) {
    components.education = education;
    mask |= 64;
  }
  const location = locationFitFrom(spec, preparedResume.places);
  if (location !== undefined) {
    components.location = location;
    mask |= 128;
  }
  const semanticWeight = semantic?.calibration.weight ?? SCORE_WEIGHTS.semantic;
  const weightsKey = mask + 256 * Math.round(semanticWeight * 1000);
  let weights = weightsByAvailability.get(weightsKey);
  if (!weights) {
    // A job that lists no required (or no preferred) skills has nothing to cover there (a degree
    // alone is the Education component's).
    const available: Partial<Record<ComponentName, number>> = { ...components };
    if (!preparedJob.hasRequired) delete available.requiredSkills;
    if (!preparedJob.hasPreferred) delete available.preferredSkills;
    weights = Object.freeze(effectiveWeights(available, semanticWeight));
    weightsByAvailability.set(weightsKey, weights);
  }
  let raw = 0;
  for (const { key } of COMPONENT_LABELS) raw += (weights[key] ?? 0) * (components[key] ?? 0);
  raw = Math.max(0, Math.min(1, raw));
  return {
    score: Math.round(raw * 100),
    rawScore: raw,
    mode: semantic?.calibration.semantic ? 'semantic' : 'lexical',
    ...(semantic
      ? {
          semanticModel: {
            id: input.semantic?.modelId ?? '',
            label: semantic.calibration.label,
            semantic: semantic.calibration.semantic,
          },
        }
      : {}),
    components,
    weights,
    matched,
  };
}

/** Scores one resume against one job, with every requirement's verdict and evidence. */
export function scoreMatch(input: ScoreInput): MatchResult {
  const { resume, profile, spec } = input;
  const summary = scoreSummary(input);
  const proofs = skillProofs(profile);
  const withEvidence = input.evidence !== false;
  const requirements = orderedRequirements(spec).map((item, index): RequirementResult => {
    const proof = proofs.get(item.key);
    if (!summary.matched[index] || !proof) {
      return { skill: item.requirement.skill, importance: item.importance, matched: false };
    }
    return {
      skill: item.requirement.skill,
      importance: item.importance,
      matched: true,
      via: proof.via,
      ...(withEvidence ? { evidence: evidenceFor(resume, proof.mention) } : {}),
    };
  });
  const skillRows: NonNullable<MatchResult['skillRows']> = {};
  for (const [key, importance] of [
    ['requiredSkills', 'required'],
    ['preferredSkills', 'preferred'],
  ] as const) {
    const rows = requirements.filter((result) => result.importance === importance);
    if (rows.length === 0) continue;
    const matched = rows.filter((result) => result.matched).length;
    skillRows[key] = rowsNote(matched, rows.length, summary.components[key], spec, importance);
  }
  return {
    skillRows,
    score: summary.score,
    band: bandFor(summary.score),
    mode: summary.mode,
    ...(summary.semanticModel ? { semanticModel: summary.semanticModel } : {}),
    components: summary.components,
    weights: { ...summary.weights },
    rawScore: summary.rawScore,
    requirements,
    matchedSkills: requirements.filter((result) => result.matched).map((result) => result.skill),
    missingSkills: requirements.filter((result) => !result.matched).map((result) => result.skill),
  };
}

/**
 * The ✓ share of one skill list and, when the component's value is not that share, exactly why:
 * the value weighs soft skills and everyday office tools less, counts at most EXPECTED_SKILLS as
 * listed and adds one half-met pseudo-requirement (see coverageShare in ./lexical.ts).
 */
function rowsNote(
  matched: number,
  total: number,
  value: number | undefined,
  spec: JobSpec,
  importance: 'required' | 'preferred',
): SkillRows {
  const share = total > 0 ? matched / total : 1;
  const rows: SkillRows = { matched, total, share };
  if (value === undefined || Math.round(value * 100) === Math.round(share * 100)) return rows;
  const list = importance === 'required' ? spec.required : spec.preferred;
  const reasons: string[] = [];
  if (list.some((requirement) => requirement.kind === 'soft'))
    reasons.push('soft skills count half when named and not at all when not');
  if (
    list.some(
      (requirement) =>
        requirementWeight(requirement) < 1 && requirement.kind !== 'soft' && requirement.kind !== 'degree',
    )
  )
    reasons.push('everyday office tools count a quarter');
  if (list.some((requirement) => requirement.kind === 'degree'))
    reasons.push('the degree is scored under Education');
  if (orderedRequirements(spec).some((item) => item.importance === importance && item.group >= 0))
    reasons.push("skills listed as examples ('such as …') count once, met by any of them");
  if (total > EXPECTED_SKILLS) reasons.push(`at most ${EXPECTED_SKILLS} skills count as listed`);
  if (list.some((requirement) => requirementWeight(requirement) > 0))
    reasons.push('one extra skill counts as half met, so a short list cannot give full marks');
  rows.note = `${matched} of ${total} ✓; the score uses ${Math.round(value * 100)}% because ${reasons.join(', ')}`;
  return rows;
}

/** Required-skill names in importance order, for callers that hold a summary's `matched` list. */
export function requirementsInOrder(
  spec: JobSpec,
): { skill: string; importance: 'required' | 'preferred' }[] {
  return orderedRequirements(spec).map((item) => ({
    skill: item.requirement.skill,
    importance: item.importance,
  }));
}
