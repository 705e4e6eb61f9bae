/**
 * The non-skill score components: title similarity, experience, education, location and the
 * optional semantic similarity. Each returns a number in 0..1, or undefined when the pair does
 * not give enough information ("not available": the job states no degree, there are no vectors,
 * ...). Pure and deterministic; nothing here reads the resume's text as instructions.
 */
import {
  DEFAULT_SEMANTIC_CALIBRATION,
  mapCosine,
  semanticCalibration,
  type SemanticCalibration,
} from './semantic-calibration';
import type { DegreeLevel, JobSpec, ParsedDocument, Profile, Seniority } from '../domain';
import { bm25Idf } from '../search/bm25';
import { hasSortedId, sortedTermIds, termId, tokenize } from '../search/tokenize';
import { backgroundDocumentFrequency, BACKGROUND_DOCUMENTS } from './background';
import { collectResumeTerms, injectionLines } from './lexical';
import { occupationCloseness, occupationFor, titleStem, withoutExclusion } from './title-lexicon';
import { DEGREE_ORDER, heldDegreeLevel } from '../taxonomy/degrees';

/**
 * Words in a job title that describe level, schedule or hiring programme rather than the work
 * itself: "Senior", "II", "New Grad", "2025 Start". They are judged by the experience component.
 */
const TITLE_NOISE = new Set(
  (
    'senior sr sr. junior jr jr. staff lead principal distinguished fellow head chief i ii iii iv v vi ' +
    'new grad graduate graduates early career campus start starts remote hybrid onsite on-site contract ' +
    'contractor temporary temp full-time part-time full time part level mid entry intern internship ' +
    'experienced associate team member position role opening opportunity job usa us united states ' +
    'based'
  ).split(' '),
);

/** Full credit for a title word found in the resume's own titles, half for one found elsewhere. */
const TITLE_ELSEWHERE_CREDIT = 0.5;

/** A deliberately small stemmer so "developer"/"development" and "engineer"/"engineering" meet. */
export function lightStem(term: string): string {
  let stem = term;
  for (let pass = 0; pass < 2; pass++) {
    const next = stem.replace(/(?:ing|ment|ers|er|ed|s)$/, '');
    if (next.length < 4 || next === stem) break;
    stem = next;
  }
  return stem;
}

function titleTerms(text: string): string[] {
  return tokenize(text).filter((term) => !TITLE_NOISE.has(term) && !/^[\d.,+#-]+$/.test(term));
}

/** Most lines a headline above the first section may span, and most words in one. */
const HEADLINE_LINES = 3;
const HEADLINE_WORDS = 6;

/** Short lines above the resume's first section (its name and headline: "SENIOR ACCOUNTANT"). */
function headlineLines(
  profile: Profile,
  resume: ParsedDocument,
  usable: (line: number) => boolean,
): string[] {
  const firstSection = Math.min(HEADLINE_LINES, ...profile.sections.map((section) => section.startLine));
  const lines: string[] = [];
  for (let line = 0; line < Math.min(firstSection, resume.lines.length); line++) {
    const text = resume.lines[line]?.text.trim() ?? '';
    if (!usable(line) || !text || /[@\d]/.test(text) || text.split(/\s+/).length > HEADLINE_WORDS) continue;
    lines.push(text);
  }
  return lines;
}

/** The titles a resume gives its owner: headline, label and work positions, latest first. */
function resumeTitles(profile: Profile, resume: ParsedDocument, usable: (line: number) => boolean): string[] {
  const titles = [...headlineLines(profile, resume, usable)];
  if (profile.basics.label) titles.push(profile.basics.label);
  for (const entry of profile.work) if (entry.position) titles.push(entry.position);
  return titles;
}

/** The resume's own words for what the person does: work titles, headline and summary section. */
function resumeTitleText(
  profile: Profile,
  resume: ParsedDocument,
  usable: (line: number) => boolean,
): string {
  const parts: string[] = resumeTitles(profile, resume, usable);
  for (const section of profile.sections) {
    if (section.name !== 'summary') continue;
    for (let line = section.startLine; line <= section.endLine; line++) {
      if (usable(line)) parts.push(resume.lines[line]?.text ?? '');
    }
  }
  return parts.join('\n');
}

/**
 * Title similarity: the job title's content words (level and schedule words removed), each
 * weighted by its background IDF so "Machine Learning" outweighs "Engineer"; a word counts fully
 * when the resume's titles, headline or summary use it and half when it appears anywhere else in
 * the resume. Presence is binary, so repeating a word changes nothing.
 */
export function titleSimilarity(spec: JobSpec, profile: Profile, resume: ParsedDocument): number | undefined {
  return titleSimilarityFrom(jobTitleTerms(spec), titleStems(profile, resume));
}

/** The stems of a resume's own titles/summary and of all its words, once per resume. */
export function titleStems(profile: Profile, resume: ParsedDocument): TitleStems {
  let stems = titleStemCache.get(profile);
  if (!stems) {
    const skipped = injectionLines(resume);
    stems = makeTitleStems(
      // Both stems of each title word (see TitleTerms.terms).
      tokenize(resumeTitleText(profile, resume, (line) => !skipped.has(line))).flatMap((term) => [
        lightStem(term),
        titleStem(term),
      ]),
      // Not resumeTerms(): ranking thousands of resumes reads their text through an index and
      // should not keep a second copy of every resume's words alive.
      [...collectResumeTerms(resume).terms].map(lightStem),
      [
        ...new Set(
          resumeTitles(profile, resume, (line) => !skipped.has(line))
            .slice(0, MAX_TITLES_PLACED)
            .flatMap((title) => occupationFor(title)?.codes ?? []),
        ),
      ],
    );
    titleStemCache.set(profile, stems);
  }
  return stems;
}

/** A resume's TitleStems from its title stems, the stems of all its words and its occupations. */
export function makeTitleStems(
  own: Iterable<string>,
  elsewhere: Iterable<string>,
  occupations: string[],
): TitleStems {
  const overflowOwn = new Set<string>();
  const overflowElsewhere = new Set<string>();
  const stems: TitleStems = {
    own: sortedTermIds(own, overflowOwn),
    elsewhere: sortedTermIds(elsewhere, overflowElsewhere),
    occupations,
  };
  if (overflowOwn.size > 0 || overflowElsewhere.size > 0)
    stems.overflow = { own: overflowOwn, elsewhere: overflowElsewhere };
  return stems;
}

/** Whether a resume's stems (ids, or the strings that got none) hold a stem. */
function holds(
  ids: Int32Array,
  overflow: ReadonlySet<string> | undefined,
  id: number,
  stem: string,
): boolean {
  return id >= 0 ? hasSortedId(ids, id) : (overflow?.has(stem) ?? false);
}

/** titleSimilarity from its prepared halves (see jobTitleTerms and titleStems). */
export function titleSimilarityFrom(wanted: TitleTerms, stems: TitleStems): number | undefined {
  if (wanted.possible <= 0) return undefined;
  const { own, elsewhere, overflow } = stems;
  let found = 0;
  for (const term of wanted.terms) {
    if (
      holds(own, overflow?.own, term.stemId, term.stem) ||
      holds(own, overflow?.own, term.occupationStemId, term.occupationStem)
    )
      found += term.weight;
    else if (holds(elsewhere, overflow?.elsewhere, term.stemId, term.stem))
      found += term.weight * TITLE_ELSEWHERE_CREDIT;
  }
  let occupational = 0;
  for (const jobCode of wanted.occupations) {
    for (const code of stems.occupations)
      occupational = Math.max(occupational, occupationCloseness(jobCode, code));
  }
  return Math.max(found / wanted.possible, occupational * OCCUPATION_CREDIT);
}

/** How many of a resume's titles (headline, label, latest positions) are placed in occupations. */
const MAX_TITLES_PLACED = 8;
/** Credit for the same occupation when the titles share no words ("Pilot" ~ "Airline Pilots"). */
const OCCUPATION_CREDIT = 1;

export interface TitleStems {
  /**
   * Ascending termIds of the stems of the resume's own titles, headline and summary (both
   * stemmers), and of all its words (lightStem): a ranking asks 10,000 resumes for the same few
   * stems, and ids are read in a few cache lines each (see termId). Build with makeTitleStems.
   */
  own: Int32Array;
  elsewhere: Int32Array;
  /** Stems that got no id (the id table was full); almost always absent. */
  overflow?: { own: Set<string>; elsewhere: Set<string> };
  /** O*NET-SOC codes of the resume's titles (see ./title-lexicon.ts). */
  occupations: string[];
}

export interface TitleTerms {
  /**
   * The title's words: `stem` (lightStem: "engineering" and "engineer" meet) and `occupationStem`
   * (the title lexicon's titleStem: "financial" and "finance", "accounting" and "accountant" meet);
   * a resume title word counts when it shares either. Words elsewhere in the resume count by `stem`.
   */
  terms: { stem: string; occupationStem: string; stemId: number; occupationStemId: number; weight: number }[];
  possible: number;
  /** O*NET-SOC codes the job title is placed in (empty when none fits). */
  occupations: string[];
}

const jobTitleCache = new WeakMap<JobSpec, TitleTerms>();
/** Per resume (its profile): stems of its own titles/summary, and of all its words. */
const titleStemCache = new WeakMap<Profile, TitleStems>();

/** The job title's content words with their IDF weights, computed once per job. */
export function jobTitleTerms(spec: JobSpec): TitleTerms {
  let cached = jobTitleCache.get(spec);
  if (!cached) {
    const terms = [...new Set(titleTerms(withoutExclusion(spec.title)))].map((term) => ({
      stem: lightStem(term),
      occupationStem: titleStem(term),
      stemId: termId(lightStem(term)),
      occupationStemId: termId(titleStem(term)),
      weight: bm25Idf(BACKGROUND_DOCUMENTS, backgroundDocumentFrequency(term)),
    }));
    cached = {
      terms,
      possible: terms.reduce((sum, entry) => sum + entry.weight, 0),
      occupations: occupationFor(spec.title)?.codes ?? [],
    };
    jobTitleCache.set(spec, cached);
  }
  return cached;
}

/** Typical minimum years behind a seniority word when the job states no number. */
export const SENIORITY_YEARS: Readonly<Record<Seniority, number>> = {
  intern: 0,
  junior: 0,
  mid: 2,
  senior: 5,
  lead: 8,
  principal: 10,
  executive: 12,
};

/** The years a job expects: its stated minimum or what its seniority implies, whichever is higher. */
export function expectedYears(spec: JobSpec): number | undefined {
  if (spec.minYears === undefined && spec.seniority === undefined) return undefined;
  return Math.max(spec.minYears ?? 0, spec.seniority ? SENIORITY_YEARS[spec.seniority] : 0);
}

/**
 * Experience: 1 when the resume's merged work years reach what the job expects, else the share
 * reached (4 of 8 years → 0.5). Being over-qualified is not penalised.
 */
export function experienceFit(spec: JobSpec, profile: Profile): number | undefined {
  const expected = expectedYears(spec);
  if (expected === undefined) return undefined;
  if (expected <= 0) return 1;
  return Math.max(0, Math.min(1, profile.totalYears / expected));
}

const degreeCache = new WeakMap<Profile, DegreeLevel>();

/** The highest degree the resume lists ('none' when it lists none we recognise). */
export function highestDegree(profile: Profile): DegreeLevel {
  const cached = degreeCache.get(profile);
  if (cached) return cached;
  let best = 0;
  for (const entry of profile.education) {
    const text = `${entry.studyType ?? ''} ${entry.area ?? ''}`;
    const level = heldDegreeLevel(text);
    if (level) best = Math.max(best, DEGREE_ORDER.indexOf(level));
  }
  const degree = DEGREE_ORDER[best] ?? 'none';
  degreeCache.set(profile, degree);
  return degree;
}

/** Education: 1 when the resume's highest degree meets the job's, 0.5 one level short, else 0. */
export function educationFit(spec: JobSpec, profile: Profile): number | undefined {
  return educationFitFrom(spec, highestDegree(profile));
}

export function educationFitFrom(spec: JobSpec, degree: DegreeLevel): number | undefined {
  if (!spec.degree || spec.degree === 'none') return undefined;
  const gap = DEGREE_ORDER.indexOf(spec.degree) - DEGREE_ORDER.indexOf(degree);
  return gap <= 0 ? 1 : gap === 1 ? 0.5 : 0;
}

const PLACE_NOISE = new Set(['remote', 'hybrid', 'onsite', 'office', 'area', 'greater', 'metro', 'city']);

const placeCache = new Map<string, Set<string>>();
/** Bounded memo: place strings repeat across a resume pool (a few hundred cities). */
const PLACE_CACHE_LIMIT = 5000;

function placeTerms(text: string): Set<string> {
  let terms = placeCache.get(text);
  if (!terms) {
    terms = new Set(tokenize(text).filter((term) => !PLACE_NOISE.has(term)));
    if (placeCache.size >= PLACE_CACHE_LIMIT) placeCache.clear();
    placeCache.set(text, terms);
  }
  return terms;
}

/** Location: 1 for remote jobs or a shared place name (city, state, country), 0 otherwise. */
export function locationFit(spec: JobSpec, profile: Profile): number | undefined {
  return locationFitFrom(spec, resumePlaceTerms(profile));
}

/** The place words of a resume (its location, else its latest job's), undefined when none. */
export function resumePlaceTerms(profile: Profile): Set<string> | undefined {
  const place = profile.basics.location ?? profile.work[0]?.location;
  return place ? placeTerms(place) : undefined;
}

export function locationFitFrom(spec: JobSpec, resumePlaces: Set<string> | undefined): number | undefined {
  if (spec.remote === true) return 1;
  if (!spec.location || !resumePlaces) return undefined;
  const jobPlaces = placeTerms(spec.location);
  for (const term of resumePlaces) if (jobPlaces.has(term)) return 1;
  return 0;
}

/** Embedding vectors for one pair, as stored per model (see db VectorRecord). */
export interface SemanticInput {
  /** The model the vectors came from; both sides must use the same one. */
  modelId: string;
  dims: number;
  /** The resume's chunk vectors, L2-normalised, concatenated (chunk i at i·dims). */
  resumeChunks: Float32Array;
  /** The job's chunk vectors (its requirement lines), L2-normalised, concatenated. */
  jobChunks: Float32Array;
  /** The resume's document vector (for models calibrated on document vectors). */
  resumeDocument?: Float32Array;
  /** The job's document vector. */
  jobDocument?: Float32Array;
}

/** The default cosine range (models without a calibration, see semantic-calibration.ts). */
export const SEMANTIC_FLOOR = DEFAULT_SEMANTIC_CALIBRATION.floor;
export const SEMANTIC_CEIL = DEFAULT_SEMANTIC_CALIBRATION.ceil;

export interface SemanticDetail {
  score: number;
  /** The cosine the score was mapped from (mean best-chunk cosine, or the document cosine). */
  cosine: number;
  /** For each job chunk: the index of its best resume chunk and their cosine ('best-chunk' only). */
  best: { resumeChunk: number; cosine: number }[];
  /** Which model made it, and how it was read. */
  calibration: SemanticCalibration;
}

/**
 * Semantic similarity, read the way the model's calibration says: 'best-chunk' takes for every job
 * chunk (a requirement line) its best resume chunk by cosine (dot product of unit vectors) and
 * averages those; 'document' takes the cosine of the two document vectors. Either is mapped
 * linearly from [floor, ceil] to [0, 1]. A resume that says one thing many times gains nothing: only
 * the best chunk per requirement counts, and a document vector is a mean.
 */
export function semanticSimilarity(
  input: SemanticInput,
  calibration: SemanticCalibration = semanticCalibration(input.modelId),
): SemanticDetail | undefined {
  const { dims, resumeDocument, jobDocument } = input;
  if (dims <= 0) return undefined;
  if (
    calibration.method === 'document' &&
    resumeDocument &&
    jobDocument &&
    resumeDocument.length >= dims &&
    jobDocument.length >= dims
  ) {
    // One dot product per pair: ranking thousands of resumes reads only the document vectors.
    let cosine = 0;
    for (let d = 0; d < dims; d++) cosine += (resumeDocument[d] ?? 0) * (jobDocument[d] ?? 0);
    return { score: mapCosine(cosine, calibration), cosine, best: [], calibration };
  }
  const best = bestChunks(input);
  if (best.length === 0) return undefined;
  const cosine = best.reduce((sum, entry) => sum + entry.cosine, 0) / best.length;
  return { score: mapCosine(cosine, calibration), cosine, best, calibration };
}

/** For each job chunk, its best resume chunk by cosine (dot product of unit vectors). */
function bestChunks({ dims, resumeChunks, jobChunks }: SemanticInput): SemanticDetail['best'] {
  const resumeCount = Math.floor(resumeChunks.length / dims);
  const jobCount = Math.floor(jobChunks.length / dims);
  const best: SemanticDetail['best'] = [];
  for (let j = 0; j < jobCount && resumeCount > 0; j++) {
    const jobOffset = j * dims;
    let bestCosine = -1;
    let bestIndex = 0;
    for (let r = 0; r < resumeCount; r++) {
      const resumeOffset = r * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++)
        dot += (jobChunks[jobOffset + d] ?? 0) * (resumeChunks[resumeOffset + d] ?? 0);
      if (dot > bestCosine) {
        bestCosine = dot;
        bestIndex = r;
      }
    }
    best.push({ resumeChunk: bestIndex, cosine: bestCosine });
  }
  return best;
}
