/**
 * Run in a child process by zip.test.ts: builds a lying-size DOCX bomb without holding its
 * unpacked bytes, parses it under a budget, and prints the peak resident-memory growth, so the
 * "peak < 2x the limit" claim is measured on a process that did nothing else.
 */
import { parseDocx } from '../../../src/core/parse/docx';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { makeLyingDocxBomb } from '../../fixtures/zip-fixtures';

const LIMIT = 50 * 1024 * 1024;
const mammoth = await nodeParseLibs.loadMammoth();
const bomb = makeLyingDocxBomb(400 * 1024 * 1024, 20 * 1024);
const baseline = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
let code = 'none';
try {
  await parseDocx(bomb, mammoth, { maxUnzippedBytes: LIMIT });
} catch (error) {
  code = (error as { code?: string }).code ?? String(error);
}
const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({
    code,
    growth: peak - baseline,
    limit: LIMIT,
    ms: performance.now() - started,
    size: bomb.length,
  }),
);
