export * from './types';
export { checkResume, PART_LABELS, PART_WEIGHTS, SEVERITY_PENALTY } from './report';
export { keywordCoverage, KEYWORD_TARGET } from './keywords';
export { ruleFixes, normaliseLineDates, removePronouns, weakBullets, type RuleFix } from './fixes';
export { detectColumns } from './layout';
export { STANDARD_HEADINGS, bulletLines, bulletText } from './checks';
