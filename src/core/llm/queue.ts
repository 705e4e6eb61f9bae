/**
 * One LLM job at a time, in order, with a visible queue. A GPU runs one generation well; two at
 * once only slow both and risk running out of GPU memory. A queued job that is cancelled leaves
 * the queue; a running job is cancelled by its own task (web-llm's cooperative interrupt).
 */
import { AbortedError } from '../errors';
import type { CancelSignal } from './engine';

export interface QueueEntry {
  id: string;
  /** What the person sees: "Improve: Alice vs Senior Data Engineer". */
  label: string;
}

export interface QueueSnapshot {
  running: QueueEntry | null;
  queued: QueueEntry[];
  done: number;
  failed: number;
  cancelled: number;
}

interface Waiting {
  entry: QueueEntry;
  start: () => void;
  cancel: () => void;
}

export class SerialQueue {
  #running: QueueEntry | null = null;
  readonly #waiting: Waiting[] = [];
  readonly #listeners = new Set<(snapshot: QueueSnapshot) => void>();
  #done = 0;
  #failed = 0;
  #cancelled = 0;

  /** Runs `task` once every earlier job has finished. Rejects with AbortedError if cancelled while waiting. */
  run<T>(entry: QueueEntry, signal: CancelSignal, task: () => Promise<T>): Promise<T> {
    if (signal.aborted) return Promise.reject(new AbortedError());
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = {
        entry,
        start: () => {
          signal.removeEventListener('abort', waiting.cancel);
          this.#running = entry;
          this.#emit();
          task().then(
            (value) => {
              this.#done += 1;
              this.#finish();
              resolve(value);
            },
            (error: unknown) => {
              if (error instanceof AbortedError) this.#cancelled += 1;
              else this.#failed += 1;
              this.#finish();
              reject(error instanceof Error ? error : new Error(String(error)));
            },
          );
        },
        cancel: () => {
          const index = this.#waiting.indexOf(waiting);
          if (index < 0) return;
          this.#waiting.splice(index, 1);
          this.#cancelled += 1;
          this.#emit();
          reject(new AbortedError());
        },
      };
      signal.addEventListener('abort', waiting.cancel, { once: true });
      this.#waiting.push(waiting);
      this.#emit();
      this.#next();
    });
  }

  snapshot(): QueueSnapshot {
    return {
      running: this.#running,
      queued: this.#waiting.map((waiting) => waiting.entry),
      done: this.#done,
      failed: this.#failed,
      cancelled: this.#cancelled,
    };
  }

  onChange(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #finish(): void {
    this.#running = null;
    this.#emit();
    this.#next();
  }

  #next(): void {
    if (this.#running) return;
    const next = this.#waiting.shift();
    next?.start();
  }

  #emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.#listeners) {
      try {
        listener(snapshot);
      } catch {
        // A broken queue display must not stop the queue.
      }
    }
  }
}
