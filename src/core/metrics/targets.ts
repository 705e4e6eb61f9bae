/**
 * Every timed operation of TARGETS.md with the goal its measurements are compared against.
 * All samples are durations in milliseconds of one operation; throughput goals (searches per
 * second, resumes per second) are turned into the per-operation budget they imply.
 */

export type Percentile = 'p50' | 'p95' | 'p99';

export interface MetricTarget {
  /** Metric name used at the call site, e.g. 'parse.pdf'. */
  name: string;
  /** Short label for the dashboard. */
  label: string;
  unit: 'ms';
  /** Which percentile of the recent window must stay at or under `goal`. */
  percentile: Percentile;
  goal: number;
  /** Why the goal is what it is, when the number needs explaining. */
  note?: string;
}

export const TARGETS: readonly MetricTarget[] = [
  {
    name: 'app.ready',
    label: 'App shell ready',
    unit: 'ms',
    percentile: 'p95',
    goal: 300,
    note: 'Warm goal (300 ms). The cold goal (1 s) applies to the first visit only.',
  },
  {
    name: 'resume.upload',
    label: 'Resume upload → stored (1-page PDF)',
    unit: 'ms',
    percentile: 'p95',
    goal: 150,
  },
  { name: 'parse.pdf', label: 'PDF text extraction (1 MB)', unit: 'ms', percentile: 'p95', goal: 300 },
  { name: 'parse.docx', label: 'DOCX text extraction (1 MB)', unit: 'ms', percentile: 'p95', goal: 200 },
  {
    name: 'parse.text',
    label: 'Text / Markdown parsing',
    unit: 'ms',
    percentile: 'p95',
    goal: 50,
    note: 'Our own goal; TARGETS.md has no line for plain text.',
  },
  {
    name: 'ocr.page',
    label: 'OCR of one scanned page (200 dpi)',
    unit: 'ms',
    percentile: 'p95',
    goal: 4000,
    note: 'Render with pdf.js and read with tesseract.js; the first page also loads the engine.',
  },
  { name: 'extract.resume', label: 'Resume extraction (no LLM)', unit: 'ms', percentile: 'p95', goal: 20 },
  { name: 'extract.job', label: 'Job extraction (no LLM)', unit: 'ms', percentile: 'p95', goal: 10 },
  { name: 'llm.extract', label: 'LLM extraction', unit: 'ms', percentile: 'p95', goal: 8000 },
  { name: 'llm.improve', label: 'LLM improvement (whole)', unit: 'ms', percentile: 'p95', goal: 15_000 },
  {
    name: 'llm.improve.firstToken',
    label: 'LLM improvement (first token)',
    unit: 'ms',
    percentile: 'p95',
    goal: 1500,
  },
  {
    name: 'llm.guard',
    label: 'Anti-fabrication check of one suggestion',
    unit: 'ms',
    percentile: 'p95',
    goal: 50,
    note: 'Our own goal: the guard runs on every suggestion before it is shown; errors count dropped ones.',
  },
  {
    name: 'match.score',
    label: 'Match one pair (warm, through the worker)',
    unit: 'ms',
    percentile: 'p95',
    goal: 10,
    note: 'Round trip through the match worker, as a person waits for it (browser goal); the scoring itself is held to 5 ms by npm run bench. A cold score may take up to 50 ms.',
  },
  {
    name: 'embed.document',
    label: 'Embed one resume (CPU wasm)',
    unit: 'ms',
    percentile: 'p95',
    goal: 100,
    note: '≥ 10 resumes/s on 2 cores means ≤ 100 ms per resume.',
  },
  {
    name: 'search.rank',
    label: 'Rank 10,000 resumes vs one job',
    unit: 'ms',
    percentile: 'p95',
    goal: 100,
  },
  {
    name: 'search.query',
    label: 'One typed search over 10,000 resumes (through the worker)',
    unit: 'ms',
    percentile: 'p95',
    goal: 30,
    note: 'Round trip through the search worker as typed (browser goal); the search itself is held to ≥ 1,000 searches/s by npm run bench.',
  },
  { name: 'ats.check', label: 'ATS check of one resume', unit: 'ms', percentile: 'p95', goal: 30 },
  { name: 'render.pdf', label: 'Render a 2-page resume to PDF', unit: 'ms', percentile: 'p95', goal: 500 },
  { name: 'render.docx', label: 'Render a 2-page resume to DOCX', unit: 'ms', percentile: 'p95', goal: 300 },
  { name: 'resume.preview', label: 'Resume preview (warm)', unit: 'ms', percentile: 'p95', goal: 16 },
  { name: 'db.get', label: 'Simple query', unit: 'ms', percentile: 'p95', goal: 2 },
  {
    name: 'db.bulkInsert',
    label: 'Bulk insert 1,000 resumes',
    unit: 'ms',
    percentile: 'p95',
    goal: 300,
  },
];

const BY_NAME = new Map(TARGETS.map((target) => [target.name, target]));

export function targetFor(name: string): MetricTarget | undefined {
  return BY_NAME.get(name);
}
