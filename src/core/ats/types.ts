/**
 * The ATS-readiness report: what an applicant tracking system is likely to misread in a resume,
 * each finding tied to the lines it concerns, with a fix; and a 0–100 readiness score made of
 * named parts. Pure data (crosses worker boundaries, can be stored).
 */
import type { JobSpec, ParsedDocument, Profile, SourceKind } from '../domain';

/** Bumped whenever a rule, a weight or a penalty changes: reports of other versions are stale. */
export const ATS_VERSION = 1;

export type AtsSeverity = 'critical' | 'major' | 'minor' | 'info';

/** The parts of the readiness score; each finding lowers exactly one. */
export type AtsPart =
  'parsing' | 'sections' | 'contact' | 'dates' | 'length' | 'bullets' | 'language' | 'file' | 'keywords';

export type AtsRule =
  | 'no-text'
  | 'layout-columns'
  | 'layout-table'
  | 'section-missing'
  | 'heading-nonstandard'
  | 'contact-email-missing'
  | 'contact-phone-missing'
  | 'contact-name-missing'
  | 'contact-header-footer'
  | 'date-formats'
  | 'date-gap'
  | 'date-missing'
  | 'too-long'
  | 'too-short'
  | 'bullet-too-long'
  | 'bullet-no-metric'
  | 'bullet-weak-verb'
  | 'first-person'
  | 'icon-glyphs'
  | 'file-size'
  | 'file-type'
  | 'keywords-missing';

export interface AtsFinding {
  rule: AtsRule;
  part: AtsPart;
  severity: AtsSeverity;
  /** One sentence: what is wrong. */
  title: string;
  /** Why an ATS cares, with the numbers. */
  detail: string;
  /** What to do. */
  fix: string;
  /** Indexes into ParsedDocument.lines (highlighted in the source view); may be empty. */
  lines: number[];
}

export interface AtsScorePart {
  part: AtsPart;
  label: string;
  /** Share of the total (weights of the parts present sum to 1). */
  weight: number;
  /** 0..1 after this part's findings. */
  score: number;
  /** weight × score × 100, rounded to one decimal. */
  points: number;
}

export interface KeywordRow {
  skill: string;
  kind: 'hard' | 'soft';
  importance: 'required' | 'preferred';
  /** Mentions in the job text. */
  jobCount: number;
  /** Mentions in the resume text (the skill, an alias, or a skill that implies it). */
  resumeCount: number;
}

export interface KeywordCoverage {
  rows: KeywordRow[];
  hard: { found: number; total: number; coverage: number };
  soft: { found: number; total: number; coverage: number };
  /** Share of the job's hard skills the resume should name (the target). */
  target: number;
}

export interface AtsReport {
  version: number;
  /** 0..100 integer. */
  score: number;
  parts: AtsScorePart[];
  /** Most severe first, then by first line. */
  findings: AtsFinding[];
  keywords?: KeywordCoverage;
}

export interface AtsFileInfo {
  kind: SourceKind;
  /** Bytes of the original file (0 for pasted text). */
  size: number;
  fileName: string;
}

export interface AtsInput {
  document: ParsedDocument;
  profile: Profile;
  file: AtsFileInfo;
  /** The job to check keywords against (its spec and its full text). */
  job?: { spec: JobSpec; text: string };
  /**
   * Text of the file's page headers and footers when the parser saw it apart from the body
   * (a DOCX's header/footer parts). ATS parsers often skip these.
   */
  headerFooterText?: string;
}
