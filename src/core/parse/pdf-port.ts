/**
 * pdf.js's worker, run in the thread that reads the PDF, over a port that copies less.
 *
 * The parser already runs off the main thread (the parse worker in the browser, the process in
 * Node), so pdf.js's worker code runs in the same thread as its API. pdf.js's own in-thread set-up
 * (its "fake worker") passes every message through `structuredClone`, as a real worker would:
 * each chunk of an operator list is serialised and rebuilt, with one object per distinct glyph of
 * every show-text operation. That copy was about a sixth of the time pdf.js takes for a page's
 * operator list, and it ran for a thread that the data never leaves. It also set pdf.js up again
 * for every file.
 *
 * `InThreadPort` is a drop-in for that loopback port: messages are delivered the same way (each in
 * its own microtask, in order, to every listener), but the copy keeps only what the copy is for —
 * the sender may reuse its arrays once a message is sent (an operator list empties its own after
 * each chunk), so arrays and plain objects are copied; class instances pdf.js creates once and
 * never changes (its glyphs, names and references) are handed over as they are, and so are the
 * buffers it transfers. `inThreadPdfWorker` makes one such worker, for every document.
 */

/** pdf.js's worker module (pdf.worker.mjs): it answers on any port it is given. */
export interface PdfWorkerModuleLike {
  WorkerMessageHandler: { initializeFromPort(port: object): void };
}

/**
 * pdf.js's PDFWorker class: the API side of a worker, here on a given port (pdf.js types its
 * `port` as a DOM MessagePort, which core cannot name).
 */
export type PdfWorkerClassLike = new (params: { port?: never; verbosity?: number }) => object;

type MessageListener = (event: { data: unknown }) => void;

/** The part of an AbortSignal pdf.js's message handlers pass in. */
interface AbortSignalLike {
  aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Messages are plain data a few levels deep; anything deeper is copied by the platform's clone. */
const MAX_COPY_DEPTH = 100;

function isAbortSignalLike(value: unknown): value is AbortSignalLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignalLike).aborted === 'boolean' &&
    typeof (value as AbortSignalLike).addEventListener === 'function'
  );
}

/**
 * The receiver's copy of a message: arrays, plain objects, maps and sets are new; buffers (and
 * views on them) are shared when transferred, copied otherwise; other objects (class instances)
 * are shared.
 */
export function copyMessage(value: unknown, transferred: ReadonlySet<unknown> = new Set()): unknown {
  return copyValue(value, transferred, 0);
}

function copyValue(value: unknown, transferred: ReadonlySet<unknown>, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_COPY_DEPTH) return structuredClone(value);
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      copy[index] =
        typeof item === 'object' && item !== null ? copyValue(item, transferred, depth + 1) : item;
    }
    return copy;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      copy[key] = typeof item === 'object' && item !== null ? copyValue(item, transferred, depth + 1) : item;
    }
    return copy;
  }
  if (value instanceof ArrayBuffer) return transferred.has(value) ? value : value.slice(0);
  if (ArrayBuffer.isView(value)) {
    if (transferred.has(value.buffer)) return value;
    if (value instanceof DataView)
      return new DataView(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
    return (value as unknown as { slice(): unknown }).slice();
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    for (const [key, item] of value)
      copy.set(copyValue(key, transferred, depth + 1), copyValue(item, transferred, depth + 1));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    for (const item of value) copy.add(copyValue(item, transferred, depth + 1));
    return copy;
  }
  return value;
}

/** pdf.js's LoopbackPort, with `copyMessage` for `structuredClone` (see the module comment). */
export class InThreadPort {
  private readonly listeners = new Map<MessageListener, (() => void) | undefined>();
  private readonly settled = Promise.resolve();

  postMessage(message: unknown, transfer?: readonly unknown[] | null): void {
    const event = { data: copyMessage(message, new Set(transfer ?? [])) };
    void this.settled.then(() => {
      for (const [listener] of this.listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: MessageListener, options?: { signal?: unknown } | null): void {
    let stopWatching: (() => void) | undefined;
    const signal = options?.signal;
    if (isAbortSignalLike(signal)) {
      if (signal.aborted) return;
      const onAbort = () => this.removeEventListener(_type, listener);
      stopWatching = () => signal.removeEventListener('abort', onAbort);
      signal.addEventListener('abort', onAbort);
    }
    this.listeners.set(listener, stopWatching);
  }

  removeEventListener(_type: string, listener: MessageListener): void {
    this.listeners.get(listener)?.();
    this.listeners.delete(listener);
  }

  terminate(): void {
    for (const [, stopWatching] of this.listeners) stopWatching?.();
    this.listeners.clear();
  }
}

/**
 * One pdf.js worker in this thread, on an `InThreadPort`, for every document this thread reads
 * (pass it as `worker` to getDocument; destroying a document leaves it running).
 */
export function inThreadPdfWorker(PDFWorker: PdfWorkerClassLike, workerModule: PdfWorkerModuleLike): object {
  const port = new InThreadPort();
  workerModule.WorkerMessageHandler.initializeFromPort(port);
  // Verbosity 0: errors only, as each document asks (pdf.js's warnings go to the console).
  return new PDFWorker({ port: port as never, verbosity: 0 });
}
