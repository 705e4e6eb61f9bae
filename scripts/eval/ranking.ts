/**
 * Ranking eval: scores every labelled resume × job pair of a set (format of
 * ../shared/eval/ranking/*: resumes/, jobs/, labels.csv) with the app's own pipeline
 * (parseDocument → extractResume / extractJob → scoreMatch) and, on the same parsed texts, three
 * baselines: BM25 (k1 1.2, b 0.75, IDF over the set's resumes and jobs), the share of the job's
 * skills found in the resume, and a keyword score (unique job tokens of 3+ characters, stop words
 * removed, found in the resume ÷ all such tokens). Also reports each score component alone, so the
 * report says which component carries the gain.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseDocument } from '../../src/core/parse';
import { extractResume } from '../../src/core/extract/resume';
import { extractJob } from '../../src/core/extract/job';
import {
  COMPONENT_LABELS,
  mapCosine,
  scoreMatch,
  semanticCalibration,
  type ComponentName,
  type SemanticCalibration,
  type SemanticInput,
} from '../../src/core/score';
import { jobEmbedStructure, type Embedder } from '../../src/core/embed/embedder';
import { cachedVectors, type CachedVectors } from './vector-cache';
import { Bm25Index } from '../../src/core/search/bm25';
import { tokenize } from '../../src/core/search/tokenize';
import { canonicalSkill, impliedSkills } from '../../src/core/taxonomy';
import type { JobSpec, ParsedDocument, Profile } from '../../src/core/domain';
import { nodeParseLibs } from '../lib/node-parse-libs';
import { summarise, type ScoredPair } from './ranking-metrics';

export function listRankingSets(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, 'labels.csv')))
    .sort();
}

export interface Label {
  resume: string;
  job: string;
  label: number;
}

export function readLabels(csv: string): Label[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const columns = (header ?? '').split(',').map((c) => c.trim());
  const at = (name: string) => columns.indexOf(name);
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.split(',').map((c) => c.trim());
      return {
        resume: cells[at('resume')] ?? '',
        job: cells[at('job')] ?? '',
        label: Number(cells[at('label')] ?? 0),
      };
    });
}

export async function parseFile(path: string): Promise<ParsedDocument> {
  const bytes = new Uint8Array(await readFile(path));
  return parseDocument(
    bytes,
    {
      fileName: basename(path),
      mimeType: '',
      maxBytes: 50 * 1024 * 1024,
      maxUnzippedBytes: 200 * 1024 * 1024,
    },
    nodeParseLibs,
  );
}

function skillSet(profile: Profile): Set<string> {
  const names = new Set<string>();
  for (const skill of profile.skills) {
    names.add(skill.name.toLowerCase());
    for (const implied of impliedSkills(skill.name)) names.add(implied.toLowerCase());
  }
  return names;
}

export function skillsCoverage(profile: Profile, spec: JobSpec): number {
  const wanted = [...spec.required, ...spec.preferred].map((r) =>
    (canonicalSkill(r.skill) ?? r.skill).toLowerCase(),
  );
  if (wanted.length === 0) return 0;
  const have = skillSet(profile);
  return wanted.filter((skill) => have.has(skill)).length / wanted.length;
}

export function keywordCoverage(resumeText: string, jobText: string): number {
  const resumeTokens = new Set(tokenize(resumeText));
  const jobTokens = [...new Set(tokenize(jobText).filter((token) => token.length >= 3))];
  if (jobTokens.length === 0) return 0;
  return jobTokens.filter((token) => resumeTokens.has(token)).length / jobTokens.length;
}

type Baseline = 'ours' | 'ours_lexical' | 'bm25' | 'skills_coverage' | 'keyword_coverage';

/** Cosine variants of one pair, for the document-vector vs chunks comparison and the fit. */
const COSINE_VARIANTS = ['document', 'whole', 'mean_chunks', 'best_chunk'] as const;
type CosineVariant = (typeof COSINE_VARIANTS)[number];

function dotRows(a: Float32Array, b: Float32Array, dims: number): number {
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += (a[d] ?? 0) * (b[d] ?? 0);
  return sum;
}

function bestChunkCosine(resume: CachedVectors, job: CachedVectors): number {
  const dims = resume.dims;
  const resumeCount = resume.chunks.length / dims;
  const jobCount = job.chunks.length / dims;
  if (resumeCount === 0 || jobCount === 0) return dotRows(resume.document, job.document, dims);
  let sum = 0;
  for (let j = 0; j < jobCount; j++) {
    let best = -1;
    for (let r = 0; r < resumeCount; r++) {
      let dot = 0;
      for (let d = 0; d < dims; d++)
        dot += (job.chunks[j * dims + d] ?? 0) * (resume.chunks[r * dims + d] ?? 0);
      if (dot > best) best = dot;
    }
    sum += best;
  }
  return sum / jobCount;
}

/** One labelled pair's lexical score and cosines: enough to refit the semantic calibration. */
export interface FitPair extends ScoredPair {
  lexical: number;
  cosines: Record<CosineVariant, number>;
  /** The baselines' scores of the pair (BM25, skills coverage, keyword coverage). */
  baselines?: Record<string, number>;
}

export interface RankingEvalOptions {
  /** The embedding model for the semantic part; undefined runs lexical only. */
  embedder?: Embedder;
  /** Pairs with their lexical score and cosines, per set, for `--fit`. */
  collect?: Map<string, FitPair[]>;
  /** Every pair's components, baselines and cosines, per set (`--pairs`: for analysis). */
  dump?: Map<string, Record<string, unknown>[]>;
}

/** Report names of the score components (see COMPONENT_LABELS in src/core/score). */
const COMPONENT_REPORT_NAMES: Record<ComponentName, string> = {
  requiredSkills: 'required_skills',
  preferredSkills: 'preferred_skills',
  semantic: 'semantic',
  text: 'text',
  title: 'title',
  experience: 'experience',
  education: 'education',
  location: 'location',
};

export async function runRankingEval(
  setDirs: string[],
  options: RankingEvalOptions = {},
): Promise<{ sets: Record<string, unknown> }> {
  const sets: Record<string, unknown> = {};
  const { embedder } = options;
  const calibration: SemanticCalibration | undefined = embedder
    ? semanticCalibration(embedder.modelId)
    : undefined;
  for (const dir of setDirs) {
    const name = basename(dir);
    const labels = readLabels(await readFile(join(dir, 'labels.csv'), 'utf8'));
    const docs = new Map<string, ParsedDocument>();
    const failures: Record<string, string> = {};
    for (const path of new Set(labels.flatMap((l) => [l.resume, l.job]))) {
      try {
        docs.set(path, await parseFile(join(dir, path)));
      } catch (error) {
        failures[path] = error instanceof Error ? error.message : String(error);
      }
    }
    const profiles = new Map<string, Profile>();
    const specs = new Map<string, JobSpec>();
    for (const l of labels) {
      const resumeDoc = docs.get(l.resume);
      const jobDoc = docs.get(l.job);
      if (resumeDoc && !profiles.has(l.resume)) profiles.set(l.resume, extractResume(resumeDoc));
      if (jobDoc && !specs.has(l.job)) specs.set(l.job, extractJob(jobDoc));
    }
    const vectors = new Map<string, CachedVectors>();
    let embedMs = 0;
    if (embedder) {
      const embedStarted = performance.now();
      for (const [path, doc] of docs) {
        const profile = profiles.get(path);
        vectors.set(
          path,
          await cachedVectors(
            embedder,
            doc,
            profile ? { sections: profile.sections, work: profile.work } : jobEmbedStructure(doc),
          ),
        );
      }
      embedMs = performance.now() - embedStarted;
    }
    const fitPairs: FitPair[] = [];
    const byCosine = new Map<CosineVariant, ScoredPair[]>(COSINE_VARIANTS.map((v) => [v, []]));
    const bm25 = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
    for (const [path, doc] of docs) bm25.add(path, tokenize(doc.text));

    const distinctResumes = new Set(labels.map((l) => l.resume)).size;
    const distinctJobs = new Set(labels.map((l) => l.job)).size;
    const queryIsJob = distinctJobs <= distinctResumes;
    const byMethod: Record<Baseline, ScoredPair[]> = {
      ours: [],
      ours_lexical: [],
      bm25: [],
      skills_coverage: [],
      keyword_coverage: [],
    };
    // Each component alone (pairs where it is not available score 0.5, "no information"), and
    // the full score without it: the AUC lost by leaving a component out is the gain it carries.
    const byComponent = new Map<ComponentName, ScoredPair[]>();
    const withoutComponent = new Map<ComponentName, ScoredPair[]>();
    for (const { key } of COMPONENT_LABELS) {
      byComponent.set(key, []);
      withoutComponent.set(key, []);
    }
    const started = performance.now();
    for (const l of labels) {
      const resumeDoc = docs.get(l.resume);
      const jobDoc = docs.get(l.job);
      const profile = profiles.get(l.resume);
      const spec = specs.get(l.job);
      if (!resumeDoc || !jobDoc || !profile || !spec) continue;
      const base = {
        query: queryIsJob ? l.job : l.resume,
        item: queryIsJob ? l.resume : l.job,
        label: l.label,
      };
      const resumeVectors = vectors.get(l.resume);
      const jobVectors = vectors.get(l.job);
      const semantic: SemanticInput | undefined =
        embedder && resumeVectors && jobVectors
          ? {
              modelId: embedder.modelId,
              dims: resumeVectors.dims,
              resumeChunks: resumeVectors.chunks,
              jobChunks: jobVectors.chunks,
              resumeDocument: resumeVectors.document,
              jobDocument: jobVectors.document,
            }
          : undefined;
      const lexical = scoreMatch({ resume: resumeDoc, profile, job: jobDoc, spec, evidence: false });
      const match = semantic
        ? scoreMatch({ resume: resumeDoc, profile, job: jobDoc, spec, semantic })
        : scoreMatch({ resume: resumeDoc, profile, job: jobDoc, spec });
      // The integer score, ties broken by the unrounded sum, exactly as the ranking view sorts.
      byMethod.ours.push({ ...base, score: match.score + (match.rawScore ?? 0) / 1000 });
      byMethod.ours_lexical.push({ ...base, score: lexical.score + (lexical.rawScore ?? 0) / 1000 });
      if (resumeVectors && jobVectors) {
        const dims = resumeVectors.dims;
        const cosines: Record<CosineVariant, number> = {
          document: dotRows(resumeVectors.document, jobVectors.document, dims),
          whole: dotRows(resumeVectors.whole, jobVectors.whole, dims),
          mean_chunks: dotRows(resumeVectors.meanChunks, jobVectors.meanChunks, dims),
          best_chunk: bestChunkCosine(resumeVectors, jobVectors),
        };
        for (const variant of COSINE_VARIANTS)
          byCosine.get(variant)!.push({ ...base, score: cosines[variant] });
        fitPairs.push({
          ...base,
          score: 0,
          lexical: lexical.rawScore ?? 0,
          cosines,
          baselines: {
            bm25: bm25.score(tokenize(jobDoc.text), l.resume),
            skills_coverage: skillsCoverage(profile, spec),
            keyword_coverage: keywordCoverage(resumeDoc.text, jobDoc.text),
          },
        });
      }
      for (const { key } of COMPONENT_LABELS) {
        const value = match.components[key];
        byComponent.get(key)!.push({ ...base, score: value ?? 0.5 });
        const weight = match.weights[key] ?? 0;
        const rest = (match.rawScore ?? 0) - weight * (value ?? 0);
        withoutComponent.get(key)!.push({ ...base, score: weight < 1 ? rest / (1 - weight) : 0 });
      }
      const bm25Score = bm25.score(tokenize(jobDoc.text), l.resume);
      const skillsScore = skillsCoverage(profile, spec);
      const keywordScore = keywordCoverage(resumeDoc.text, jobDoc.text);
      byMethod.bm25.push({ ...base, score: bm25Score });
      byMethod.skills_coverage.push({ ...base, score: skillsScore });
      byMethod.keyword_coverage.push({ ...base, score: keywordScore });
      if (options.dump) {
        const rows = options.dump.get(name) ?? [];
        rows.push({
          ...base,
          ours: match.rawScore,
          lexical: lexical.rawScore,
          components: match.components,
          weights: match.weights,
          bm25: bm25Score,
          skills_coverage: skillsScore,
          keyword_coverage: keywordScore,
          cosine:
            resumeVectors && jobVectors
              ? dotRows(resumeVectors.document, jobVectors.document, resumeVectors.dims)
              : null,
        });
        options.dump.set(name, rows);
      }
    }
    const elapsed = performance.now() - started;
    options.collect?.set(name, fitPairs);
    // Each cosine alone, and fused with the lexical score at the calibrated weight and range.
    const semanticVariants: Record<string, unknown> = {};
    if (calibration && fitPairs.length > 0) {
      for (const variant of COSINE_VARIANTS) {
        const fused = fitPairs.map((pair) => ({
          ...pair,
          score:
            (1 - calibration.weight) * pair.lexical +
            calibration.weight * mapCosine(pair.cosines[variant], calibration),
        }));
        semanticVariants[variant] = { alone: summarise(byCosine.get(variant)!), fused: summarise(fused) };
      }
    }
    const summary = Object.fromEntries(
      Object.entries(byMethod).map(([method, pairs]) => [method, summarise(pairs)]),
    );
    const components: Record<string, ReturnType<typeof summarise> & { auc_without: number | null }> = {};
    for (const { key } of COMPONENT_LABELS) {
      const alone = byComponent.get(key)!;
      if (alone.every((pair) => pair.score === 0.5)) continue; // never available in this set
      components[COMPONENT_REPORT_NAMES[key]] = {
        ...summarise(alone),
        auc_without: summarise(withoutComponent.get(key)!).auc,
      };
    }
    const oursAuc = summary.ours?.auc ?? 0;
    // The component whose removal costs the most AUC carries the most of the gain.
    const gains = Object.entries(components)
      .map(([component, value]) => ({ component, auc_gain: oursAuc - (value.auc_without ?? oursAuc) }))
      .sort((a, b) => b.auc_gain - a.auc_gain);
    const best = gains[0] ? [gains[0].component] : undefined;
    sets[name] = {
      pairs: byMethod.ours.length,
      positives: byMethod.ours.filter((p) => p.label > 0).length,
      embedding_model: embedder?.modelId ?? null,
      semantic_calibration: calibration ?? null,
      ours: summary.ours,
      ours_lexical: summary.ours_lexical,
      semantic_variants: semanticVariants,
      embed_seconds: embedMs / 1000,
      bm25: summary.bm25,
      skills_coverage: summary.skills_coverage,
      keyword_coverage: summary.keyword_coverage,
      components,
      strongest_component: best?.[0] ?? null,
      gain_by_component: gains,
      ms_per_pair_all_methods: byMethod.ours.length ? elapsed / byMethod.ours.length : null,
      parse_failures: failures,
    };
    const fmt = (v: { auc: number | null; p_at_10: number | null; ndcg_at_10: number | null }) =>
      `AUC ${v.auc?.toFixed(3) ?? 'n/a'}  P@10 ${v.p_at_10?.toFixed(3) ?? 'n/a'}  NDCG@10 ${v.ndcg_at_10?.toFixed(3) ?? 'n/a'}`;
    console.log(`\n${name}: ${byMethod.ours.length} pairs, queries = ${queryIsJob ? 'jobs' : 'resumes'}`);
    for (const method of ['ours', 'ours_lexical', 'bm25', 'skills_coverage', 'keyword_coverage'] as const)
      console.log(`  ${method.padEnd(17)} ${fmt(summary[method]!)}`);
    for (const [component, value] of Object.entries(components))
      console.log(
        `  component ${component.padEnd(16)} ${fmt(value)}  (ours without it: AUC ${value.auc_without?.toFixed(3) ?? 'n/a'})`,
      );
    console.log(`  gain carried most by: ${best?.[0] ?? 'n/a'}`);
    for (const [variant, value] of Object.entries(semanticVariants)) {
      const v = value as Record<'alone' | 'fused', Parameters<typeof fmt>[0]>;
      console.log(`  cosine ${variant.padEnd(12)} alone ${fmt(v.alone)} | fused ${fmt(v.fused)}`);
    }
    if (Object.keys(failures).length > 0)
      console.log(`  ${Object.keys(failures).length} file(s) failed to parse`);
  }
  return { sets };
}
