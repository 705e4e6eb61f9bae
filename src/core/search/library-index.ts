/**
 * The in-memory search index over the library (pure core; the search worker fills it from
 * Dexie and keeps it in step): resumes and jobs with what scoring needs, BM25 postings over the
 * resumes' text, a skill → resumes map, and per model one VectorStore of document vectors
 * (one contiguous Float32Array) plus each owner's chunk vectors for the semantic score.
 *
 * Every add, update or delete bumps `version`; caches key their entries by it. Updating one
 * record touches only that record's postings, so an incremental update leaves the index exactly
 * as a rebuild from scratch would (tested through `snapshot()`).
 */
import type { DocumentRole } from '../contracts/parse-api';
import type { JobSpec, ParsedDocument, Profile } from '../domain';
import { impliedSkills } from '../taxonomy';
import { isInjectionLine } from '../score/lexical';
import { prepareResume, type PreparedResume } from '../score/match';
import { Bm25Index } from './bm25';
import type { FilterFacts } from './filters';
import { tokenize } from './tokenize';
import { VectorStore } from './vector-store';

export interface IndexedResume {
  id: string;
  name: string;
  updatedAt: number;
  document: ParsedDocument;
  profile: Profile;
}

export interface IndexedJob {
  id: string;
  title: string;
  updatedAt: number;
  document: ParsedDocument;
  spec: JobSpec;
}

export interface IndexedVectors {
  ownerId: string;
  role: DocumentRole;
  modelId: string;
  dims: number;
  document: Float32Array;
  chunks: Float32Array;
}

export interface ResumeEntry extends IndexedResume, FilterFacts {
  /** Lower-case skills as the resume lists them (without implied ones), for display. */
  listedSkills: string[];
  /** What scoring derives from this resume alone, filled on first use. */
  prepared?: PreparedResume;
}

export type JobEntry = IndexedJob;

interface ModelVectors {
  dims: number;
  documents: { resume: VectorStore; job: VectorStore };
  chunks: Map<string, Float32Array>;
}

/** Lower-case skills a profile proves, implied ones included (PostgreSQL ⇒ SQL). */
export function provenSkills(profile: Profile): Set<string> {
  const skills = new Set<string>();
  for (const mention of profile.skills) {
    skills.add(mention.name.toLowerCase());
    if (mention.known) for (const implied of impliedSkills(mention.name)) skills.add(implied.toLowerCase());
  }
  return skills;
}

/** The searchable words of a resume: every line except those addressing a screening system. */
export function resumeTokens(document: ParsedDocument): string[] {
  const tokens: string[] = [];
  for (const line of document.lines) if (!isInjectionLine(line.text)) tokens.push(...tokenize(line.text));
  return tokens;
}

export class LibraryIndex {
  readonly resumes = new Map<string, ResumeEntry>();
  readonly jobs = new Map<string, JobEntry>();
  readonly text = new Bm25Index<string>();
  readonly #skillPostings = new Map<string, Set<string>>();
  readonly #models = new Map<string, ModelVectors>();
  readonly #unprepared = new Set<string>();
  #version = 0;

  /** Changes with every add, update or delete. */
  get version(): number {
    return this.#version;
  }

  upsertResume(resume: IndexedResume): void {
    this.#dropResume(resume.id);
    const skills = provenSkills(resume.profile);
    const entry: ResumeEntry = {
      ...resume,
      // Scoring reads the lines, never the joined text or the field provenance: at 10,000
      // resumes dropping them saves tens of megabytes.
      document: { ...resume.document, text: '' },
      profile: { ...resume.profile, provenance: {} },
      skills,
      listedSkills: resume.profile.skills.map((skill) => skill.name),
      years: resume.profile.totalYears,
      ...(resume.profile.basics.location ? { location: resume.profile.basics.location } : {}),
    };
    this.resumes.set(resume.id, entry);
    this.#unprepared.add(resume.id);
    this.text.add(resume.id, resumeTokens(resume.document));
    for (const skill of skills) {
      let posting = this.#skillPostings.get(skill);
      if (!posting) {
        posting = new Set();
        this.#skillPostings.set(skill, posting);
      }
      posting.add(resume.id);
    }
    this.#version++;
  }

  removeResume(id: string): boolean {
    const removed = this.#dropResume(id);
    for (const model of this.#models.values()) {
      model.documents.resume.delete(id);
      model.chunks.delete(id);
    }
    if (removed) this.#version++;
    return removed;
  }

  upsertJob(job: IndexedJob): void {
    this.jobs.set(job.id, job);
    this.#version++;
  }

  removeJob(id: string): boolean {
    const removed = this.jobs.delete(id);
    for (const model of this.#models.values()) {
      model.documents.job.delete(id);
      model.chunks.delete(id);
    }
    if (removed) this.#version++;
    return removed;
  }

  setVectors(vectors: IndexedVectors): void {
    let model = this.#models.get(vectors.modelId);
    if (model && model.dims !== vectors.dims) {
      // A model id that changed its dimension is a different model: start its store over.
      this.#models.delete(vectors.modelId);
      model = undefined;
    }
    if (!model) {
      model = {
        dims: vectors.dims,
        documents: { resume: new VectorStore(vectors.dims), job: new VectorStore(vectors.dims) },
        chunks: new Map(),
      };
      this.#models.set(vectors.modelId, model);
    }
    model.documents[vectors.role].set(vectors.ownerId, vectors.document);
    model.chunks.set(vectors.ownerId, vectors.chunks);
    this.#version++;
  }

  removeVectors(ownerId: string, modelId: string): void {
    const model = this.#models.get(modelId);
    if (!model) return;
    model.documents.resume.delete(ownerId);
    model.documents.job.delete(ownerId);
    model.chunks.delete(ownerId);
    this.#version++;
  }

  modelIds(): string[] {
    return [...this.#models.keys()].sort();
  }

  model(modelId: string): ModelVectors | undefined {
    return this.#models.get(modelId);
  }

  /** Resume ids that prove a skill (lower-case canonical name). */
  resumesWithSkill(skill: string): ReadonlySet<string> {
    return this.#skillPostings.get(skill.toLowerCase()) ?? new Set();
  }

  /** Resume ids whose text holds every word of `text` (stop words ignored). */
  resumesWithAllWords(text: string): Set<string> | undefined {
    const words = [...new Set(tokenize(text))];
    if (words.length === 0) return undefined;
    // Start from the rarest word so the intersection stays small.
    const postings = words.map((word) => this.text.idsWithTerm(word)).sort((a, b) => a.size - b.size);
    let result = new Set(postings[0] ?? []);
    for (const posting of postings.slice(1)) {
      if (result.size === 0) break;
      result = new Set([...result].filter((id) => posting.has(id)));
    }
    return result;
  }

  /**
   * A canonical description of everything indexed (ids sorted), for comparing an incrementally
   * updated index with one rebuilt from scratch.
   */
  snapshot(): unknown {
    const sortedEntries = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => a.localeCompare(b));
    return {
      resumes: sortedEntries(this.resumes).map(([id, entry]) => ({
        id,
        updatedAt: entry.updatedAt,
        skills: [...entry.skills].sort(),
        years: entry.years,
        location: entry.location,
      })),
      jobs: sortedEntries(this.jobs).map(([id, job]) => ({ id, updatedAt: job.updatedAt })),
      text: this.text.snapshot(),
      skills: sortedEntries(this.#skillPostings).map(([skill, ids]) => [skill, [...ids].sort()]),
      models: sortedEntries(this.#models).map(([modelId, model]) => ({
        modelId,
        resumes: model.documents.resume
          .ids()
          .sort()
          .map((id) => [id, [...(model.documents.resume.get(id) ?? [])]]),
        jobs: model.documents.job.ids().sort(),
        chunks: [...model.chunks.keys()].sort(),
      })),
    };
  }

  /** Resumes whose scoring preparation has not run yet (prepareSome works through them). */
  get unprepared(): number {
    return this.#unprepared.size;
  }

  /**
   * Runs scoring's per-resume preparation (prepareResume: title stems, terms, skill proofs) for
   * resumes that do not have it yet, until `deadline` (performance.now() time); returns how many
   * are left. The search worker calls it in short slices while idle, so the first ranking of a
   * new job against 10,000 resumes does not pay for 10,000 preparations at once.
   */
  prepareSome(deadline: number): number {
    for (const id of this.#unprepared) {
      if (performance.now() >= deadline) break;
      const entry = this.resumes.get(id);
      if (entry) entry.prepared ??= prepareResume(entry.document, entry.profile);
      this.#unprepared.delete(id);
    }
    return this.#unprepared.size;
  }

  #dropResume(id: string): boolean {
    const previous = this.resumes.get(id);
    this.#unprepared.delete(id);
    if (!previous) return false;
    this.resumes.delete(id);
    this.text.remove(id);
    for (const skill of previous.skills) {
      const posting = this.#skillPostings.get(skill);
      posting?.delete(id);
      if (posting && posting.size === 0) this.#skillPostings.delete(skill);
    }
    return true;
  }
}
