/**
 * Content-Security-Policy as a response HEADER, not only the page's <meta> tag: a worker loaded
 * from a URL takes its policy from its own script's response, so without a header the parse,
 * embed and llm workers ran with no CSP at all. This plugin sets the header in `vite preview`
 * (and for worker scripts in `vite dev`) and writes `dist/_headers` (Netlify / Cloudflare Pages
 * format) for static hosts; docs/hostile-input.md shows the same for nginx.
 *
 * Worker scripts: every `src/workers/*.worker.ts` bundle (/assets/<name>.worker-<hash>.js),
 * tesseract's nested engine worker (/ocr/worker.min.js) and the service worker (/sw.js).
 * Network per context: the document and the parse / match / search / ocr / seeker workers and the
 * service worker may only reach this origin; the embed worker also the Hugging Face hub (model files, on explicit approval); the llm
 * worker any https origin, because a self-hosted model's URL is the user's choice (plain http is
 * refused by validateCustomModel, so https is the only way out).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const BASE = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
];

const HUGGING_FACE = 'https://huggingface.co https://*.huggingface.co https://*.hf.co';

export type CspContext =
  'document' | 'parse' | 'match' | 'search' | 'ocr' | 'seeker' | 'embed' | 'llm' | 'service-worker';

const CONNECT: Record<CspContext, string> = {
  document: "'self' blob: data:",
  parse: "'self' blob: data:",
  match: "'self' blob: data:",
  search: "'self' blob: data:",
  ocr: "'self' blob: data:",
  seeker: "'self' blob: data:",
  embed: `'self' blob: data: ${HUGGING_FACE}`,
  llm: "'self' blob: data: https:",
  // Workbox fetches only this origin's files (precache and the runtime rules in vite.config.ts).
  'service-worker': "'self'",
};

/** Worker scripts outside /assets/: tesseract's engine worker and the service worker. */
const FIXED_WORKERS: Record<string, CspContext> = {
  '/ocr/worker.min.js': 'ocr',
  '/sw.js': 'service-worker',
};

export function cspFor(context: CspContext): string {
  return [...BASE, `connect-src ${CONNECT[context]}`].join('; ');
}

/**
 * Which worker a script path belongs to: "/assets/parse.worker-abc.js",
 * "/src/workers/llm.worker.ts?worker_file", "/ocr/worker.min.js", "/sw.js".
 */
export function workerContext(path: string): CspContext | undefined {
  const fixed = FIXED_WORKERS[path.split('?')[0] ?? ''];
  if (fixed) return fixed;
  const match = /\/(parse|match|search|ocr|seeker|embed|llm)\.worker(?:-[\w-]+)?\.(?:js|ts)(?:\?|$)/.exec(
    path,
  );
  return match ? (match[1] as CspContext) : undefined;
}

/** The worker scripts outside /assets/ that get a header of their own. */
export const FIXED_WORKER_PATHS = Object.keys(FIXED_WORKERS);

function isDocument(path: string): boolean {
  const pathname = path.split('?')[0] ?? '/';
  return pathname.endsWith('/') || pathname.endsWith('.html') || !/\.[\w]+$/.test(pathname);
}

/**
 * The `_headers` file for the built app: the document policy on the page itself, each worker
 * script its own. No catch-all rule, because hosts that merge matching rules would then send a
 * worker two policies (both enforced) and the embed worker could not reach its model host.
 */
export function headersFile(workerFiles: string[]): string {
  const blocks = ['/', '/index.html'].map(
    (path) =>
      `${path}\n  Content-Security-Policy: ${cspFor('document')}\n  X-Content-Type-Options: nosniff\n`,
  );
  for (const file of workerFiles) {
    const context = workerContext(`/assets/${file}`);
    if (context) blocks.push(`/assets/${file}\n  Content-Security-Policy: ${cspFor(context)}\n`);
  }
  for (const path of FIXED_WORKER_PATHS) {
    const context = workerContext(path);
    if (context) blocks.push(`${path}\n  Content-Security-Policy: ${cspFor(context)}\n`);
  }
  return blocks.join('\n');
}

export function cspHeaders(): Plugin {
  let outDir = 'dist';
  const middleware =
    (documents: boolean) =>
    (
      req: { url?: string },
      res: { setHeader(name: string, value: string): void },
      next: () => void,
    ): void => {
      const url = req.url ?? '/';
      const context = workerContext(url) ?? (documents && isDocument(url) ? 'document' : undefined);
      if (context) res.setHeader('Content-Security-Policy', cspFor(context));
      next();
    };
  return {
    name: 'shortlist-csp-headers',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(true));
    },
    configureServer(server) {
      // Dev: workers only; the dev document needs Vite's client and stays on the <meta> policy.
      server.middlewares.use(middleware(false));
    },
    closeBundle() {
      let files: string[];
      try {
        files = readdirSync(join(outDir, 'assets'));
      } catch {
        return;
      }
      writeFileSync(join(outDir, '_headers'), headersFile(files));
    },
  };
}
