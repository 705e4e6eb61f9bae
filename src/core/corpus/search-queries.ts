/**
 * The ten queries the browser benchmark types into the candidate search (the Performance page's
 * "Run benchmark", `npm run bench:browser` and the warm-search-worker e2e): one list, so every
 * measurement of search.query asks the same questions.
 */
export const BENCH_SEARCH_QUERIES: readonly string[] = [
  'python',
  'react',
  'sql',
  'kubernetes',
  'java',
  'data',
  'aws',
  'design',
  'sales',
  'go',
];
