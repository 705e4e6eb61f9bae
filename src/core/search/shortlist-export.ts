/**
 * The shortlist export formats (documented in the README): CSV for spreadsheets and a versioned
 * JSON document. Pure: the UI hands in the starred rows and gets text back.
 *
 * Resume text is untrusted, so CSV cells are quoted and a cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return) is prefixed with a single quote.
 */
import type { RankRow } from '../contracts/search-api';
import type { MatchComponents } from '../domain';

export const SHORTLIST_FORMAT = 'shortlist-ranking';
export const SHORTLIST_VERSION = 1;

/** Score components in export order, with their CSV column names. */
const COMPONENT_COLUMNS: { key: keyof MatchComponents; column: string }[] = [
  { key: 'requiredSkills', column: 'required_skills' },
  { key: 'preferredSkills', column: 'preferred_skills' },
  { key: 'semantic', column: 'semantic' },
  { key: 'text', column: 'text' },
  { key: 'title', column: 'title' },
  { key: 'experience', column: 'experience' },
  { key: 'education', column: 'education' },
  { key: 'location', column: 'location_fit' },
];

export const SHORTLIST_CSV_COLUMNS: readonly string[] = [
  'rank',
  'id',
  'name',
  'score',
  'mode',
  ...COMPONENT_COLUMNS.map((entry) => entry.column),
  'years',
  'location',
  'missing_required',
  'evidence_skill',
  'evidence_line',
];

export interface ShortlistContext {
  /** 'recruiter': rows are resumes for one job; 'seeker': rows are jobs for one resume. */
  view: 'recruiter' | 'seeker';
  /** The job (recruiter) or resume (seeker) the rows were ranked against. */
  subject: { id: string; name: string };
  exportedAt: Date;
}

/** One CSV cell: quoted when needed, formula-looking text neutralised. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (value: number | undefined) =>
  value === undefined ? undefined : Math.round(value * 1000) / 1000;

export function shortlistCsv(rows: readonly RankRow[]): string {
  const lines = [SHORTLIST_CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const cells: (string | number | undefined)[] = [
      row.rank,
      row.id,
      row.name,
      row.score,
      row.mode,
      ...COMPONENT_COLUMNS.map((entry) => round(row.components[entry.key])),
      Math.round(row.years * 10) / 10,
      row.location,
      row.missing.join('; '),
      row.topEvidence?.skill,
      row.topEvidence?.text,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface ShortlistJson {
  format: typeof SHORTLIST_FORMAT;
  version: typeof SHORTLIST_VERSION;
  exportedAt: string;
  view: ShortlistContext['view'];
  subject: ShortlistContext['subject'];
  items: {
    rank: number;
    id: string;
    name: string;
    score: number;
    mode: RankRow['mode'];
    components: MatchComponents;
    weights: MatchComponents;
    years: number;
    location?: string;
    missingRequired: string[];
    evidence?: { skill: string; line: string; highlight: [number, number] };
  }[];
}

export function shortlistJson(rows: readonly RankRow[], context: ShortlistContext): ShortlistJson {
  return {
    format: SHORTLIST_FORMAT,
    version: SHORTLIST_VERSION,
    exportedAt: context.exportedAt.toISOString(),
    view: context.view,
    subject: context.subject,
    items: rows.map((row) => ({
      rank: row.rank,
      id: row.id,
      name: row.name,
      score: row.score,
      mode: row.mode,
      components: row.components,
      weights: row.weights,
      years: row.years,
      ...(row.location ? { location: row.location } : {}),
      missingRequired: row.missing,
      ...(row.topEvidence
        ? {
            evidence: {
              skill: row.topEvidence.skill,
              line: row.topEvidence.text,
              highlight: [row.topEvidence.from, row.topEvidence.to] as [number, number],
            },
          }
        : {}),
    })),
  };
}
