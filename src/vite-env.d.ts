/// <reference types="vite/client" />

/** Injected by vite.config.ts: the app version shown in the UI and written into exports. */
declare const __APP_VERSION__: string;

/** pdf.js's worker module; imported inside our parse worker so pdf.js runs without a nested worker. */
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: { initializeFromPort(port: object): void };
}
