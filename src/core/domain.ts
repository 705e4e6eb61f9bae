/**
 * Domain types shared by every layer (core, db, workers, ui). Pure data: everything here is
 * structured-clone safe so it can cross a worker boundary and be stored in IndexedDB as is.
 */

/** Where a document's text came from. */
export type SourceKind = 'pdf' | 'docx' | 'txt' | 'md' | 'paste' | 'json';

/** One visual line of a parsed document. `start`/`end` are offsets into ParsedDocument.text. */
export interface DocLine {
  text: string;
  /** Offset of the first character of this line in ParsedDocument.text. */
  start: number;
  /** Offset just past the last character (exclusive). */
  end: number;
  /** 1-based page number (always 1 for non-paginated formats). */
  page: number;
  /** Left edge in PDF points (0 for non-PDF). */
  x: number;
  /** Top of the line in PDF points from the top of the page (line index for non-PDF). */
  y: number;
  /** Dominant font size in points (0 when unknown). */
  fontSize: number;
  bold: boolean;
  /** True when layout (size/weight/spacing or a DOCX/Markdown heading) says this is a heading. */
  heading: boolean;
  /** True when the line starts a bullet/list item (the bullet glyph itself is removed). */
  bullet: boolean;
}

/** The one document model every format is parsed into. */
export interface ParsedDocument {
  kind: SourceKind;
  /** Full text, lines joined with '\n'. Untrusted: never render as HTML. */
  text: string;
  lines: DocLine[];
  pages: number;
  /** Hyperlink targets found in the document (mailto:, https://linkedin.com/..., ...). */
  links: string[];
  /** Human-readable notes about things that went wrong but did not stop parsing. */
  warnings: string[];
  /**
   * Human-readable notes about what reading did that is worth knowing but is not a problem
   * (e.g. repeated header/footer lines removed): shown as information, never as a warning.
   * Absent on records stored before notes existed (their such lines are in `warnings`; see
   * parse/notices.ts).
   */
  notes?: string[];
  /**
   * Lines a reader cannot see (invisible, white-on-white or tiny text), kept out of `text` and
   * `lines` so they never reach extraction or scoring; listed on the resume page. Untrusted.
   */
  hiddenLines?: string[];
  /** Set when the text was read from page images by OCR: fields need checking. */
  ocr?: OcrSummary;
}

export interface OcrSummary {
  /** Pages read by OCR. */
  pages: number;
  /** Mean word confidence over the document, 0..1. */
  confidence: number;
}

/** 'ocr': extracted by the heuristics from text that OCR read; 'import': a JSON Resume's own field. */
export type FieldSource = 'heuristic' | 'llm' | 'user' | 'ocr' | 'import';

/** Where an extracted field came from: the source line index and how sure we are. */
export interface Provenance {
  /** Index into ParsedDocument.lines, or -1 when not tied to one line. */
  line: number;
  /** 0..1 */
  confidence: number;
  source: FieldSource;
}

/** 'degree': a degree or diploma a job asks for (see taxonomy/degrees.ts), proven by education. */
export type SkillKind = 'hard' | 'soft' | 'tool' | 'language' | 'certification' | 'degree';

export interface SkillMention {
  /** Canonical taxonomy name (e.g. "JavaScript"), or the cleaned surface form when unknown. */
  name: string;
  /** Text as written in the source ("JS", "k8s"). */
  surface: string;
  /** False when the taxonomy does not know this skill (kept because a skills section listed it). */
  known: boolean;
  kind?: SkillKind;
  /** Line index in the source document where it was first seen, -1 if none. */
  line: number;
}

export interface ProfileBasics {
  name?: string;
  label?: string;
  email?: string;
  phone?: string;
  url?: string;
  location?: string;
  profiles: { network: string; url: string; username?: string }[];
}

/** Dates are normalised to "YYYY-MM", "YYYY" or "present". */
export interface WorkEntry {
  company: string;
  position: string;
  location?: string;
  startDate?: string;
  endDate?: string;
  highlights: string[];
  line: number;
}

export interface EducationEntry {
  institution: string;
  studyType?: string;
  area?: string;
  startDate?: string;
  endDate?: string;
  score?: string;
  line: number;
}

export interface SectionSpan {
  /** Normalised section name: summary, experience, education, skills, projects, ... */
  name: string;
  /** Heading text as written. */
  heading: string;
  /** First and last line index (inclusive) of the section body. */
  startLine: number;
  endLine: number;
}

/** JSON Resume shaped profile extracted from a resume. */
export interface Profile {
  basics: ProfileBasics;
  work: WorkEntry[];
  education: EducationEntry[];
  skills: SkillMention[];
  projects: { name: string; description?: string; line: number }[];
  certificates: { name: string; line: number }[];
  languages: { language: string; fluency?: string; line: number }[];
  sections: SectionSpan[];
  /** Years of experience from merged work date ranges (0 when unknown). */
  totalYears: number;
  /** Provenance keyed by field path ("basics.name", "work.0.position", ...). */
  provenance: Record<string, Provenance>;
  /** 0..1: how much this looks like a resume that we read correctly. */
  confidence: number;
  warnings: string[];
}

export type Seniority = 'intern' | 'junior' | 'mid' | 'senior' | 'lead' | 'principal' | 'executive';
export type DegreeLevel = 'none' | 'associate' | 'bachelor' | 'master' | 'doctorate';

/** A skill a job asks for. */
export interface Requirement {
  /** Canonical skill name. */
  skill: string;
  /** Text as written in the job. */
  surface: string;
  kind?: SkillKind;
  /** Minimum years when the job says e.g. "5+ years of Python". */
  minYears?: number;
  line: number;
  /**
   * Requirements with the same key are examples of one requirement ("server-side languages such
   * as Python, Ruby or Java"): any one of them meets it, and together they count once.
   */
  alternatives?: string;
}

/** Structured job extracted from a job description. */
export interface JobSpec {
  title: string;
  seniority?: Seniority;
  required: Requirement[];
  preferred: Requirement[];
  minYears?: number;
  degree?: DegreeLevel;
  location?: string;
  remote?: boolean;
  employmentType?: string;
  warnings: string[];
  /** Where fields came from when not the heuristics ("title", "required", ...): llm or user. */
  provenance?: Record<string, Provenance>;
}

export type MatchBand = 'strong' | 'good' | 'partial' | 'weak';

/** A span of resume text that proves a requirement. Offsets into the resume's ParsedDocument.text. */
export interface Evidence {
  line: number;
  /** The matched span, as offsets into the resume's ParsedDocument.text. */
  start: number;
  end: number;
  /** The whole source line (untrusted text: render as text, never as HTML). */
  text: string;
  /** Offset of the line's first character in ParsedDocument.text, so the span can be highlighted. */
  lineStart?: number;
}

export interface RequirementResult {
  skill: string;
  importance: 'required' | 'preferred';
  matched: boolean;
  /** How it matched: the same skill, an alias, or implied by another skill the resume has. */
  via?: 'exact' | 'alias' | 'implied';
  evidence?: Evidence;
}

export interface MatchComponents {
  /** 0..1 share of required skills found (1 when the job lists none). */
  requiredSkills: number;
  /** 0..1 share of preferred skills found (1 when the job lists none). */
  preferredSkills: number;
  /** 0..1 BM25 text similarity of the job text to the resume text, normalised. */
  text: number;
  /**
   * The components below are optional: absent means "not available" for this pair (no vectors,
   * the job states no minimum, no degree...), and its weight goes to the others.
   */
  /** 0..1 mean over the job's requirement chunks of the best cosine to a resume chunk, calibrated. */
  semantic?: number;
  /** 0..1 how much of the job title the resume's own titles (and text) carry. */
  title?: number;
  /** 0..1 the resume's years against the job's minimum / seniority. */
  experience?: number;
  /** 0..1 the resume's highest degree against the job's required degree. */
  education?: number;
  /** 0..1 location fit (1 for remote jobs). */
  location?: number;
}

export interface MatchResult {
  /** 0..100, integer. */
  score: number;
  band: MatchBand;
  /** Which scoring was used. 'lexical' = skills + BM25 (no embedding model). */
  mode: 'lexical' | 'semantic';
  /**
   * The embedding model behind the semantic component, when there is one. `semantic` is false for
   * the generated test model (hashed words): then the score is still called 'lexical'.
   */
  semanticModel?: { id: string; label: string; semantic: boolean };
  components: MatchComponents;
  /** Weights used for each component (sum to 1). */
  weights: MatchComponents;
  /** The weighted sum before rounding (0..1): breaks ties between equal integer scores. */
  rawScore?: number;
  requirements: RequirementResult[];
  matchedSkills: string[];
  missingSkills: string[];
  /**
   * For the skill components: the ✓ rows of the requirement list beside the bar (the number a
   * screen shows as the percentage) and, when the component's value differs from that share,
   * why (soft skills count half when named and not at all when not, at most 8 count as listed,
   * one unlisted skill is half met).
   */
  skillRows?: Partial<Record<'requiredSkills' | 'preferredSkills', SkillRows>>;
}

export interface SkillRows {
  matched: number;
  total: number;
  /** matched ÷ total (1 when the list is empty). */
  share: number;
  /** Why the component's value is not the share, or undefined when it is. */
  note?: string;
}
