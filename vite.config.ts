import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { cspHeaders } from './scripts/lib/csp-headers';
import { ocrAssets } from './scripts/vite-ocr-assets';
import { builtinModelPlugin } from './scripts/lib/vite-builtin-model';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  plugins: [
    svelte(),
    cspHeaders(),
    ocrAssets(),
    // The built-in embedding model's files, served from this origin (never precached).
    builtinModelPlugin(),
    VitePWA({
      // The update prompt is ours (UpdatePrompt.svelte): a new version waits until the user agrees.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'favicon.svg'],
      manifest: {
        name: 'Shortlist — private resume matcher',
        short_name: 'Shortlist',
        description: 'Match resumes and jobs privately, in your browser. Works offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#0f172a',
        theme_color: '#1d4ed8',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Take control of the page that installed it (first visit): what that page fetches from then
        // on (workers, runtimes) goes through the runtime rules below and works offline after one use.
        clientsClaim: true,
        // Install light: the precache is the app shell and the parse path only (goal ≤ 3 MB, checked
        // by `npm run bench:browser`). Model weights are never precached (models are cached by
        // their own libraries, see ARCHITECTURE.md).
        globPatterns: ['**/*.{js,mjs,css,html,png,svg,webmanifest}'],
        globIgnores: [
          'models/**',
          // The optional runtimes: ONNX runtime (wasm, ~27 MB) and transformers.js for the embedding
          // model, web-llm and its worker for the language model, pdf.js extras (character maps,
          // standard fonts) and OCR data. Each is cached by the runtime rules below on first use.
          '**/*.wasm',
          'assets/transformers*.js',
          'assets/embed.worker-*.js',
          'assets/web-llm-*.js',
          'assets/llm.worker-*.js',
          // The built-in embedding model's TensorFlow.js, the resume renderers (PDF, DOCX) and their
          // worker, and the OCR worker: optional, cached on first use. (The renderer's fonts are
          // .ttf, which the patterns above never match.)
          'assets/tfjs-*.js',
          'assets/render-*.js',
          'assets/seeker.worker-*.js',
          'assets/ocr.worker-*.js',
          'assets/ocr-runtime-*.js',
          // Matching and search workers: fetched with the first ranking or match (any visit online
          // after install), then kept; the precache stays the shell and the parse path.
          'assets/match.worker-*.js',
          'assets/search.worker-*.js',
          '**/cmaps/**',
          '**/standard_fonts/**',
          '**/tesseract/**',
          '**/*.traineddata*',
          // The OCR engine (worker, core wasm, traineddata) is served under /ocr/.
          'ocr/**',
        ],
        runtimeCaching: [
          {
            // Hashed file names: what was fetched once is good forever, so cache first (offline after
            // one use). The cache's name and size are shown on the Settings page.
            urlPattern: ({ url }) =>
              url.origin === self.location.origin &&
              (/\/assets\/(?:transformers|embed\.worker|llm\.worker|tfjs|render|seeker\.worker|ocr\.worker|ocr-runtime|match\.worker|search\.worker)[\w.-]*\.js$/.test(
                url.pathname,
              ) ||
                /\.wasm$/.test(url.pathname) ||
                // The PDF renderer's fonts (hashed TrueType assets, about 190 KB each).
                /\/assets\/[\w.-]+\.ttf$/.test(url.pathname) ||
                /\/(?:cmaps|standard_fonts|tesseract)\//.test(url.pathname) ||
                /\.traineddata(?:\.gz)?$/.test(url.pathname)),
            handler: 'CacheFirst',
            options: { cacheName: 'shortlist-runtimes' },
          },
          {
            urlPattern: /\/assets\/web-llm-[\w-]+\.js$/,
            handler: 'CacheFirst',
            options: { cacheName: 'shortlist-web-llm-code' },
          },
          {
            urlPattern: /\/ocr\/(?:worker\.min\.js|core\/[\w-]+\.wasm\.js|lang\/\w+\.traineddata\.gz)$/,
            handler: 'CacheFirst',
            options: { cacheName: 'shortlist-ocr-engine' },
          },
          {
            // The built-in embedding model (weights, vocabulary, TF.js wasm): cached on first use.
            // The embedding worker also caches them itself, under the same name, because the
            // service worker does not control the very first visit.
            urlPattern: /\/models\/builtin\//,
            handler: 'CacheFirst',
            options: { cacheName: 'shortlist-builtin-model' },
          },
        ],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: {
    format: 'es',
    rollupOptions: {
      output: {
        // A recognisable name for web-llm's lazy chunk, so the service worker can skip precaching it.
        // Recognisable names for the optional runtimes' lazy chunks (web-llm, TensorFlow.js for the
        // built-in embedding model, the PDF/DOCX renderers, tesseract.js), so the service worker
        // leaves them out of the precache and caches them on first use instead.
        chunkFileNames: (chunk) => {
          const uses = (part: string) => chunk.moduleIds.some((id) => id.includes(part));
          if (uses('@mlc-ai/web-llm')) return 'assets/web-llm-[hash].js';
          if (uses('@tensorflow') || uses('universal-sentence-encoder')) return 'assets/tfjs-[hash].js';
          if (uses('node_modules/pdf-lib') || uses('node_modules/docx') || uses('@pdf-lib'))
            return 'assets/render-[hash].js';
          if (uses('tesseract')) return 'assets/ocr-runtime-[hash].js';
          return 'assets/[name]-[hash].js';
        },
      },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: true,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
  server: {
    host: '127.0.0.1',
  },
});
