/**
 * A scripted stand-in for web-llm's MLCEngine, for tests only (this machine has no GPU). It has
 * the same surface the product uses — chat.completions.create with stream: true, yielding
 * OpenAI-style chunks, and interruptGenerate() — and replays scripted answers a few characters
 * per chunk, so streaming, cancel and retries run through the real service code.
 */
import type { ChatChunk, ChatEngine, JsonChatRequest } from '../../../src/core/llm/engine';

export type ScriptedAnswer = string | ((request: JsonChatRequest) => string);

export interface ScriptedEngineOptions {
  /** Characters per streamed chunk. */
  chunkSize?: number;
  /** Awaited before each chunk: lets a test hold the stream open (cancel, in-flight sharing). */
  beforeChunk?: (index: number) => Promise<void>;
}

export class ScriptedEngine implements ChatEngine {
  readonly requests: JsonChatRequest[] = [];
  interrupts = 0;
  unloaded = false;
  readonly #answers: ScriptedAnswer[];
  readonly #chunkSize: number;
  readonly #beforeChunk: (index: number) => Promise<void>;
  #interrupted = false;

  constructor(answers: ScriptedAnswer[], options: ScriptedEngineOptions = {}) {
    this.#answers = [...answers];
    this.#chunkSize = options.chunkSize ?? 5;
    this.#beforeChunk = options.beforeChunk ?? (() => Promise.resolve());
  }

  readonly chat = {
    completions: {
      create: (request: JsonChatRequest): Promise<AsyncIterable<ChatChunk>> => {
        this.requests.push(request);
        const answer = this.#answers.shift();
        if (answer === undefined) return Promise.reject(new Error('ScriptedEngine: no scripted answer left'));
        const text = typeof answer === 'function' ? answer(request) : answer;
        this.#interrupted = false;
        return Promise.resolve(this.#stream(text));
      },
    },
  };

  interruptGenerate(): void {
    this.interrupts += 1;
    this.#interrupted = true;
  }

  unload(): Promise<void> {
    this.unloaded = true;
    return Promise.resolve();
  }

  async *#stream(text: string): AsyncGenerator<ChatChunk> {
    let index = 0;
    for (let at = 0; at < text.length; at += this.#chunkSize) {
      await this.#beforeChunk(index);
      // Like web-llm: an interrupt ends the stream after the current token.
      if (this.#interrupted) {
        yield { choices: [{ delta: { content: '' }, finish_reason: 'abort' }] };
        return;
      }
      yield { choices: [{ delta: { content: text.slice(at, at + this.#chunkSize) }, finish_reason: null }] };
      index += 1;
    }
    yield { choices: [{ delta: {}, finish_reason: 'stop' }] };
  }
}

/** A promise with its resolve, for holding a stream open until the test says so. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
