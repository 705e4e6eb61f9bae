/**
 * The slice of web-llm's MLCEngine that Shortlist uses, written out structurally so core does
 * not depend on web-llm's types (core compiles without DOM/WebGPU). The llm worker assigns the
 * real MLCEngine to this type, so the compiler checks the two stay compatible; unit tests use a
 * scripted engine of the same shape.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A streaming chat completion request with grammar-constrained JSON output. */
export interface JsonChatRequest {
  messages: ChatMessage[];
  stream: true;
  temperature: number;
  max_tokens: number;
  /** web-llm constrains decoding to `schema` only in this form (not OpenAI's json_schema form). */
  response_format: { type: 'json_object'; schema: string };
}

export interface ChatChunk {
  choices: { delta: { content?: string | null }; finish_reason?: string | null }[];
}

export interface ChatEngine {
  chat: { completions: { create(request: JsonChatRequest): Promise<AsyncIterable<ChatChunk>> } };
  /** Cooperative cancel: the running generation stops after the current token. */
  interruptGenerate(): void;
  unload(): Promise<void>;
}

export interface LoadProgress {
  /** 0..1 */
  progress: number;
  /** web-llm's progress text ("Fetching param cache[3/20]: 120MB fetched…"). */
  text: string;
}

/**
 * The part of AbortSignal core needs. Core compiles without DOM types, so it is written out;
 * a real AbortSignal satisfies it, and `Cancellation` below is core's own.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A cancel switch usable in any runtime (the worker makes one per request id). */
export class Cancellation implements CancelSignal {
  #aborted = false;
  readonly #listeners = new Set<() => void>();

  get aborted(): boolean {
    return this.#aborted;
  }

  cancel(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    for (const listener of [...this.#listeners]) listener();
    this.#listeners.clear();
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.#aborted) listener();
    else this.#listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.delete(listener);
  }
}
