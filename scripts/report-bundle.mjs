// Reports the size of the initial JavaScript (what index.html loads before the app is interactive)
// after `vite build`, gzip-compressed, and fails the build when it is over budget.
// Workers and lazily imported chunks (pdf.js, mammoth, transformers.js, web-llm) are not counted:
// they are never on the initial page load.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_BYTES = 150 * 1024;
const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [
  ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g),
].map((match) => match[1]);

// Follow static imports of each entry chunk (modulepreload deps) to count the real initial graph.
const seen = new Set();
function visit(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const match of code.matchAll(
    /(?:^|[;\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
  )) {
    visit(join(file, '..', match[1]).replace(/\\/g, '/'));
  }
}
entries.forEach(visit);

let total = 0;
for (const file of seen) {
  const size = gzipSync(readFileSync(join(dist, file))).length;
  total += size;
  console.log(`initial chunk ${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`initial JS total: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)`);
if (total > BUDGET_BYTES) {
  console.error('Initial JS is over budget: keep heavy libraries in workers or lazy imports.');
  process.exit(1);
}
