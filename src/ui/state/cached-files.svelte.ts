/**
 * What this site keeps in the browser's Cache Storage: the service worker's precache (app shell
 * and parse path), the runtimes cached on first use (ONNX runtime, transformers.js, web-llm,
 * pdf.js extras, OCR data) and the model caches. Read on demand for the Settings page; sizes come
 * from each response's Content-Length, or its body when the header is missing.
 */
import { notifier } from './notifier.svelte';
export interface CachedGroup {
  name: string;
  /** What the cache holds, in words. */
  label: string;
  entries: number;
  bytes: number;
}

const LABELS: [RegExp, string][] = [
  [/precache/, 'App shell and file reading (installed with the app)'],
  [
    /shortlist-runtimes/,
    'Runtimes cached on first use (ONNX runtime, embedding code, PDF extras and fonts, OCR data)',
  ],
  [/web-llm-code/, 'In-browser AI code (cached on first use)'],
  [/transformers-cache/, 'Embedding model files'],
  [/webllm/, 'In-browser AI model files'],
];

function labelFor(name: string): string {
  return LABELS.find(([pattern]) => pattern.test(name))?.[1] ?? 'Other cached files';
}

async function responseBytes(response: Response): Promise<number> {
  const header = Number(response.headers.get('content-length'));
  if (Number.isFinite(header) && header > 0) return header;
  return (await response.blob()).size;
}

export class CachedFilesState {
  groups = $state.raw<CachedGroup[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);

  total = $derived(this.groups.reduce((sum, group) => sum + group.bytes, 0));

  async refresh(): Promise<void> {
    if (typeof caches === 'undefined') {
      this.error = 'This browser has no Cache Storage (private window?): nothing is cached for offline use.';
      return;
    }
    this.loading = true;
    this.error = null;
    try {
      const groups: CachedGroup[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        const requests = await cache.keys();
        let bytes = 0;
        for (const request of requests) {
          const response = await cache.match(request);
          if (response) bytes += await responseBytes(response);
        }
        groups.push({ name, label: labelFor(name), entries: requests.length, bytes });
      }
      this.groups = groups;
    } catch (error) {
      this.error = notifier.report(error, 'Could not read the cached files');
    } finally {
      this.loading = false;
    }
  }
}
