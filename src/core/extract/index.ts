/** Public entry point of structured extraction (resume → Profile, job → JobSpec). */
export { extractResume } from './resume';
export type { ExtractResumeOptions } from './resume';
export { extractJob } from './job';
export { findDateRanges, mergedYears, normaliseDate } from './dates';
export type { DateRange } from './dates';
export { findSections } from './sections';
