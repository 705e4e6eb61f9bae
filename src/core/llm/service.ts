/**
 * The LLM service: owns one loaded engine, runs one job at a time (SerialQueue), caches
 * validated answers (LruCache keyed by a hash of model, prompt and schema; identical requests in
 * flight share one generation) and turns raw generations into checked results: schema-validated
 * extractions and guarded suggestions. Pure core: the engine comes from `createEngine`, which the
 * llm worker implements with web-llm and unit tests with a scripted engine.
 */
import { LruCache, cacheKey } from '../cache';
import { AbortedError, ShortlistError } from '../errors';
import { validateAgainstSchema } from '../export/json-schema';
import type { DocumentRole } from '../contracts/parse-api';
import type { Profile } from '../domain';
import type { LlmModelInfo } from './catalog';
import type { CancelSignal, ChatEngine, JsonChatRequest, LoadProgress } from './engine';
import { guardFacts, guardSuggestion, type GuardContext, type GuardFacts } from './guard';
import { completedArrayItems, parseModelJson } from './json-repair';
import {
  extractionPrompt,
  improvePrompt,
  jsonChatRequest,
  retryMessages,
  type ImprovePromptInput,
  type PromptSpec,
} from './prompts';
import {
  IMPROVE_SCHEMA,
  SUGGESTION_SCHEMA,
  type JobLlmFields,
  type ResumeLlmFields,
  type SuggestionDraft,
} from './schemas';
import { SerialQueue, type QueueEntry } from './queue';
import { modelLoadError } from './integrity';

export type EngineFactory = (
  model: LlmModelInfo,
  onProgress: (progress: LoadProgress) => void,
  signal: CancelSignal,
) => Promise<ChatEngine>;

/** A validated answer as cached: the JSON value and the text it came from. */
export interface GeneratedJson {
  value: unknown;
  raw: string;
  attempts: number;
  repaired: boolean;
}

export interface LlmServiceOptions {
  createEngine: EngineFactory;
  cache?: LruCache<string, GeneratedJson>;
  now?: () => number;
  /** Where dropped outputs and suggestions are logged (console.info in the worker). */
  log?: (message: string) => void;
}

export type ImproveEvent =
  | { type: 'started' }
  | { type: 'token'; text: string }
  | { type: 'retry'; reason: string }
  | { type: 'suggestion'; suggestion: SuggestionDraft }
  | { type: 'dropped'; suggestion: SuggestionDraft | null; reason: string };

export interface GuardCheck {
  ms: number;
  ok: boolean;
}

export interface DroppedSuggestion {
  suggestion: SuggestionDraft | null;
  reason: string;
}

export interface ImproveOutcome {
  modelId: string;
  suggestions: SuggestionDraft[];
  dropped: DroppedSuggestion[];
  fromCache: boolean;
  /** From the start of generation to the first token; undefined when served from the cache. */
  firstTokenMs?: number;
  totalMs: number;
  checks: GuardCheck[];
}

export interface ExtractOutcome<T> {
  modelId: string;
  fields: T;
  fromCache: boolean;
  attempts: number;
  totalMs: number;
}

export const LLM_CACHE_TTL_MS = 24 * 60 * 60_000;

export function createLlmCache(now?: () => number): LruCache<string, GeneratedJson> {
  return new LruCache<string, GeneratedJson>({
    name: 'llm',
    maxEntries: 200,
    ttlMs: LLM_CACHE_TTL_MS,
    maxBytes: 4 * 1024 * 1024,
    sizeOf: (value) => value.raw.length * 2,
    ...(now ? { now } : {}),
  });
}

function invalidOutput(errors: string[]): ShortlistError {
  return new ShortlistError(
    'invalid-input',
    `The model's answer was not in the expected format twice (${errors.slice(0, 3).join('; ')}), so it was dropped. Try again or pick a larger model.`,
  );
}

/** Validates each streamed suggestion, runs the guard and reports it once. */
class SuggestionCollector {
  readonly accepted: SuggestionDraft[] = [];
  readonly dropped: DroppedSuggestion[] = [];
  readonly checks: GuardCheck[] = [];
  readonly #seen = new Set<string>();
  readonly #context: GuardContext;
  readonly #facts: GuardFacts;
  readonly #onEvent: (event: ImproveEvent) => void;
  readonly #now: () => number;
  readonly #log: (message: string) => void;
  #scanned = 0;

  constructor(
    context: GuardContext,
    onEvent: (event: ImproveEvent) => void,
    now: () => number,
    log: (m: string) => void,
  ) {
    this.#context = context;
    this.#facts = guardFacts(context);
    this.#onEvent = onEvent;
    this.#now = now;
    this.#log = log;
  }

  /** Looks at the items completed so far in `text` (a partial or whole answer). */
  scan(text: string): void {
    const { items } = completedArrayItems(text, 'suggestions');
    for (const item of items.slice(this.#scanned)) this.#consider(item);
    this.#scanned = Math.max(this.#scanned, items.length);
  }

  /** Starts over for a new attempt (items already reported stay reported). */
  restart(): void {
    this.#scanned = 0;
  }

  #consider(item: unknown): void {
    const key = JSON.stringify(item ?? null);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    if (item === undefined || validateAgainstSchema(SUGGESTION_SCHEMA, item).length > 0) {
      this.#drop(null, 'not in the expected format');
      return;
    }
    const draft = item as SuggestionDraft;
    const suggestion: SuggestionDraft = {
      kind: draft.kind,
      before: draft.before,
      after: draft.after,
      ...(draft.requirement ? { requirement: draft.requirement } : {}),
    };
    const started = this.#now();
    const verdict = guardSuggestion(suggestion, this.#context, this.#facts);
    this.checks.push({ ms: this.#now() - started, ok: verdict.ok });
    if (verdict.ok) {
      this.accepted.push(suggestion);
      this.#onEvent({ type: 'suggestion', suggestion });
    } else {
      this.#drop(suggestion, verdict.reason);
    }
  }

  #drop(suggestion: SuggestionDraft | null, reason: string): void {
    this.dropped.push({ suggestion, reason });
    this.#log(
      `llm: suggestion dropped (${reason})${suggestion ? `: ${JSON.stringify(suggestion.after).slice(0, 200)}` : ''}`,
    );
    this.#onEvent({ type: 'dropped', suggestion, reason });
  }
}

export class LlmService {
  readonly queue = new SerialQueue();
  readonly cache: LruCache<string, GeneratedJson>;
  readonly #createEngine: EngineFactory;
  readonly #now: () => number;
  readonly #log: (message: string) => void;
  #engine: ChatEngine | undefined;
  #model: LlmModelInfo | undefined;
  #loading: Promise<void> | undefined;

  constructor(options: LlmServiceOptions) {
    this.#createEngine = options.createEngine;
    this.#now = options.now ?? (() => performance.now());
    this.#log = options.log ?? (() => undefined);
    this.cache = options.cache ?? createLlmCache(options.now);
  }

  get model(): LlmModelInfo | undefined {
    return this.#engine ? this.#model : undefined;
  }

  get loading(): boolean {
    return this.#loading !== undefined;
  }

  /** Loads (downloading if needed) a model, replacing the current one. Cancel stops the download. */
  async load(
    model: LlmModelInfo,
    onProgress: (progress: LoadProgress) => void,
    signal: CancelSignal,
  ): Promise<void> {
    if (this.#loading)
      throw new ShortlistError('invalid-input', 'A model is already loading. Wait or cancel it first.');
    const run = async () => {
      await this.unload();
      const engine = await this.#createEngine(model, onProgress, signal);
      if (signal.aborted) {
        await engine.unload().catch(() => undefined);
        throw new AbortedError('Model download cancelled.');
      }
      this.#engine = engine;
      this.#model = model;
    };
    this.#loading = run();
    try {
      await this.#loading;
    } catch (error) {
      if (signal.aborted) throw new AbortedError('Model download cancelled.');
      // A library whose bytes differ from the recorded SHA-256 is refused with a typed error.
      throw modelLoadError(error, model.label);
    } finally {
      this.#loading = undefined;
    }
  }

  async unload(): Promise<void> {
    const engine = this.#engine;
    this.#engine = undefined;
    this.#model = undefined;
    if (engine) await engine.unload();
  }

  /** Refined extraction: a schema-checked answer (repaired or retried once, else an error). */
  async extract(
    role: 'resume',
    text: string,
    entry: QueueEntry,
    signal: CancelSignal,
  ): Promise<ExtractOutcome<ResumeLlmFields>>;
  async extract(
    role: 'job',
    text: string,
    entry: QueueEntry,
    signal: CancelSignal,
  ): Promise<ExtractOutcome<JobLlmFields>>;
  async extract(
    role: DocumentRole,
    text: string,
    entry: QueueEntry,
    signal: CancelSignal,
  ): Promise<ExtractOutcome<ResumeLlmFields | JobLlmFields>> {
    const { engine, model } = this.#require();
    const prompt = extractionPrompt(role, text);
    const started = this.#now();
    let computed = false;
    // The shared generation runs under the cache's signal: it stops only when every caller that
    // joined it has cancelled; this caller alone is released on its own signal.
    const generated = await this.cache.getOrCompute(
      this.#key(model, prompt),
      (shared) => {
        computed = true;
        return this.queue.run(entry, shared, () => this.#generateValidated(engine, prompt, shared));
      },
      signal,
    );
    return {
      modelId: model.id,
      fields: generated.value as ResumeLlmFields | JobLlmFields,
      fromCache: !computed,
      attempts: generated.attempts,
      totalMs: this.#now() - started,
    };
  }

  /** Improvement suggestions, streamed: tokens and each guarded suggestion are reported as they come. */
  async improve(
    input: ImprovePromptInput & { profile: Profile },
    entry: QueueEntry,
    signal: CancelSignal,
    onEvent: (event: ImproveEvent) => void,
  ): Promise<ImproveOutcome> {
    const { engine, model } = this.#require();
    const prompt = improvePrompt(input);
    const collector = new SuggestionCollector(
      { text: input.resumeText, profile: input.profile },
      onEvent,
      this.#now,
      this.#log,
    );
    const requested = this.#now();
    let computed = false;
    let firstTokenMs: number | undefined;
    const generated = await this.cache.getOrCompute(
      this.#key(model, prompt),
      (shared) => {
        computed = true;
        return this.queue.run(entry, shared, async () => {
          onEvent({ type: 'started' });
          const started = this.#now();
          let request = jsonChatRequest(prompt);
          let lastErrors: string[] = [];
          for (let attempt = 1; attempt <= 2; attempt += 1) {
            let text = '';
            collector.restart();
            const raw = await this.#stream(engine, request, shared, (delta) => {
              firstTokenMs ??= this.#now() - started;
              text += delta;
              onEvent({ type: 'token', text: delta });
              collector.scan(text);
            });
            const parsed = parseModelJson(raw);
            lastErrors = parsed.ok ? validateAgainstSchema(IMPROVE_SCHEMA, parsed.value) : [parsed.error];
            if (parsed.ok && lastErrors.length === 0) {
              return { value: parsed.value, raw, attempts: attempt, repaired: parsed.repaired };
            }
            // Repair: an answer cut short (token limit) still has its completed suggestions.
            const salvaged = completedArrayItems(raw, 'suggestions').items.filter(
              (item) => item !== undefined && validateAgainstSchema(SUGGESTION_SCHEMA, item).length === 0,
            );
            if (salvaged.length > 0) {
              const value = { suggestions: salvaged };
              return { value, raw: JSON.stringify(value), attempts: attempt, repaired: true };
            }
            this.#log(`llm: improvement answer invalid (attempt ${attempt}): ${lastErrors.join('; ')}`);
            if (attempt === 1) {
              onEvent({ type: 'retry', reason: lastErrors[0] ?? 'invalid answer' });
              request = jsonChatRequest(prompt, retryMessages(raw, lastErrors));
            }
          }
          throw invalidOutput(lastErrors);
        });
      },
      signal,
    );
    if (!computed) {
      // Served from the cache or shared with an identical request: replay it through the same checks.
      onEvent({ type: 'token', text: generated.raw });
    }
    collector.scan(generated.raw);
    return {
      modelId: model.id,
      suggestions: collector.accepted,
      dropped: collector.dropped,
      fromCache: !computed,
      ...(firstTokenMs !== undefined ? { firstTokenMs } : {}),
      totalMs: this.#now() - requested,
      checks: collector.checks,
    };
  }

  #require(): { engine: ChatEngine; model: LlmModelInfo } {
    if (!this.#engine || !this.#model) {
      throw new ShortlistError(
        'not-found',
        'No language model is loaded. Load one in Settings → AI features.',
      );
    }
    return { engine: this.#engine, model: this.#model };
  }

  #key(model: LlmModelInfo, prompt: PromptSpec): string {
    return cacheKey(model.id, prompt.messages, prompt.schema, prompt.maxTokens);
  }

  async #generateValidated(
    engine: ChatEngine,
    prompt: PromptSpec,
    signal: CancelSignal,
  ): Promise<GeneratedJson> {
    let request = jsonChatRequest(prompt);
    let errors: string[] = [];
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const raw = await this.#stream(engine, request, signal);
      const parsed = parseModelJson(raw);
      errors = parsed.ok ? validateAgainstSchema(prompt.schema, parsed.value) : [parsed.error];
      if (parsed.ok && errors.length === 0)
        return { value: parsed.value, raw, attempts: attempt, repaired: parsed.repaired };
      this.#log(`llm: extraction answer invalid (attempt ${attempt}): ${errors.join('; ')}`);
      request = jsonChatRequest(prompt, retryMessages(raw, errors));
    }
    throw invalidOutput(errors);
  }

  /** One streamed generation; cancel interrupts it cooperatively (web-llm's interruptGenerate). */
  async #stream(
    engine: ChatEngine,
    request: JsonChatRequest,
    signal: CancelSignal,
    onToken?: (delta: string) => void,
  ): Promise<string> {
    if (signal.aborted) throw new AbortedError();
    const interrupt = () => engine.interruptGenerate();
    signal.addEventListener('abort', interrupt);
    try {
      const chunks = await engine.chat.completions.create(request);
      let text = '';
      for await (const chunk of chunks) {
        const delta = chunk.choices[0]?.delta.content ?? '';
        if (!delta) continue;
        text += delta;
        onToken?.(delta);
      }
      if (signal.aborted) throw new AbortedError();
      return text;
    } finally {
      signal.removeEventListener('abort', interrupt);
    }
  }
}
