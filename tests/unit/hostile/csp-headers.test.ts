/**
 * The CSP header's coverage and the <meta> policy: every worker the app ships gets a header of
 * its own, `dist/_headers` lists them, and index.html's <meta> policy is the document header's
 * exactly (both apply to the page, so a drift would tighten it silently in one place only).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_WORKER_PATHS, cspFor, headersFile, workerContext } from '../../../scripts/lib/csp-headers';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('CSP headers', () => {
  it('every src/workers/*.worker.ts bundle has a policy, with connect-src by what it needs', () => {
    const workers = readdirSync(join(ROOT, 'src', 'workers')).filter((file) => file.endsWith('.worker.ts'));
    expect(workers.length).toBeGreaterThanOrEqual(7);
    for (const file of workers) {
      const bundle = `/assets/${file.replace(/\.ts$/, '')}-AbC123_x.js`;
      expect(workerContext(bundle), file).toBeDefined();
      expect(workerContext(`/src/workers/${file}?worker_file&type=module`), file).toBe(workerContext(bundle));
    }
    for (const context of ['parse', 'match', 'search', 'ocr', 'seeker', 'service-worker'] as const)
      expect(cspFor(context)).not.toMatch(/https:|huggingface/);
    expect(cspFor('embed')).toContain('https://huggingface.co');
    expect(cspFor('llm')).toContain(' https:');
    expect(workerContext('/assets/pdf.worker-AbC.js')).toBeUndefined(); // a module inside parse/ocr, not a worker
  });

  it('dist/_headers names the document, each worker bundle, the OCR engine worker and the service worker', () => {
    const file = headersFile(['parse.worker-a1.js', 'ocr.worker-b2.js', 'index-c3.js']);
    expect(file).toContain(`/\n  Content-Security-Policy: ${cspFor('document')}\n`);
    expect(file).toContain(`/assets/parse.worker-a1.js\n  Content-Security-Policy: ${cspFor('parse')}\n`);
    expect(file).toContain(`/assets/ocr.worker-b2.js\n  Content-Security-Policy: ${cspFor('ocr')}\n`);
    expect(file).not.toContain('index-c3.js');
    expect(FIXED_WORKER_PATHS).toEqual(['/ocr/worker.min.js', '/sw.js']);
    expect(file).toContain(`/sw.js\n  Content-Security-Policy: ${cspFor('service-worker')}\n`);
    expect(file).toContain(`/ocr/worker.min.js\n  Content-Security-Policy: ${cspFor('ocr')}\n`);
  });

  it("index.html's <meta> policy has exactly the document header's directives", () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = (policy: string) =>
      policy
        .split(';')
        .map((directive) => directive.trim())
        .filter(Boolean)
        .sort();
    expect(directives(meta)).toEqual(directives(cspFor('document')));
  });
});
