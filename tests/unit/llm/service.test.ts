import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../../src/core/errors';
import { findModel } from '../../../src/core/llm/catalog';
import { Cancellation, type ChatEngine } from '../../../src/core/llm/engine';
import { LlmService, type ImproveEvent } from '../../../src/core/llm/service';
import { RESUME_TEXT, resumeProfile } from './fixtures';
import { ScriptedEngine, deferred, type ScriptedAnswer } from './scripted-engine';

const MODEL = findModel('Qwen2.5-1.5B-Instruct-q4f16_1-MLC')!;
const RESUME_ANSWER = JSON.stringify({
  name: 'Dana Rivera',
  skills: ['Python', 'Airflow'],
  work: [{ company: 'Northwind Analytics', position: 'Data Engineer', startDate: '2019-03' }],
  education: [],
});
const entry = (id: string) => ({ id, label: id });

async function serviceWith(engine: ChatEngine): Promise<LlmService> {
  const service = new LlmService({ createEngine: () => Promise.resolve(engine) });
  await service.load(MODEL, () => undefined, new Cancellation());
  return service;
}

function improveInput() {
  return {
    resumeText: RESUME_TEXT,
    profile: resumeProfile(),
    jobTitle: 'Data Engineer',
    missing: ['SQL'],
    matched: ['Python'],
  };
}

const FAITHFUL = {
  kind: 'bullet',
  before: 'Cut report run time by 40% by rewriting SQL queries',
  after: 'Rewrote SQL queries, cutting report run time by 40%',
  requirement: 'SQL',
};
const INVENTED = {
  kind: 'bullet',
  before: 'Cut report run time by 40% by rewriting SQL queries',
  after: 'Cut report run time by 75% by rewriting SQL queries',
};

describe('LlmService: loading', () => {
  it('refuses work before a model is loaded, and passes progress through while loading', async () => {
    const progress: number[] = [];
    const service = new LlmService({
      createEngine: (_model, onProgress) => {
        onProgress({ progress: 0.5, text: 'half' });
        onProgress({ progress: 1, text: 'done' });
        return Promise.resolve(new ScriptedEngine([]));
      },
    });
    await expect(service.extract('resume', 'x', entry('a'), new Cancellation())).rejects.toThrow(
      /No language model/,
    );
    await service.load(MODEL, (p) => progress.push(p.progress), new Cancellation());
    expect(progress).toEqual([0.5, 1]);
    expect(service.model?.id).toBe(MODEL.id);
  });

  it('cancels a download: the engine is unloaded and no model is set', async () => {
    const gate = deferred();
    const engine = new ScriptedEngine([]);
    const cancel = new Cancellation();
    const service = new LlmService({ createEngine: async () => (await gate.promise, engine) });
    const loading = service.load(MODEL, () => undefined, cancel);
    cancel.cancel();
    gate.resolve();
    await expect(loading).rejects.toBeInstanceOf(AbortedError);
    expect(service.model).toBeUndefined();
    expect(engine.unloaded).toBe(true);
  });
});

describe('LlmService: refined extraction', () => {
  it('returns a schema-valid answer on the first try', async () => {
    const engine = new ScriptedEngine([RESUME_ANSWER]);
    const service = await serviceWith(engine);
    const result = await service.extract('resume', RESUME_TEXT, entry('r1'), new Cancellation());
    expect(result.fields.work[0]?.company).toBe('Northwind Analytics');
    expect(result).toMatchObject({ attempts: 1, fromCache: false, modelId: MODEL.id });
    expect(engine.requests[0]?.response_format.type).toBe('json_object');
  });

  it('repairs a fenced answer with trailing commas without asking again', async () => {
    const engine = new ScriptedEngine([
      '```json\n{"skills": ["Python",], "work": [], "education": [],}\n```',
    ]);
    const service = await serviceWith(engine);
    const result = await service.extract('resume', RESUME_TEXT, entry('r1'), new Cancellation());
    expect(result.fields.skills).toEqual(['Python']);
    expect(engine.requests).toHaveLength(1);
  });

  it('retries once with the validation errors, then accepts a valid second answer', async () => {
    const engine = new ScriptedEngine(['{"skills": "Python"}', RESUME_ANSWER]);
    const service = await serviceWith(engine);
    const result = await service.extract('resume', RESUME_TEXT, entry('r1'), new Cancellation());
    expect(result.attempts).toBe(2);
    const retry = engine.requests[1]?.messages.at(-1)?.content ?? '';
    expect(retry).toMatch(/not valid for the schema/);
    expect(retry).toMatch(/\$\/skills: expected array/);
  });

  it('drops the answer after the retry also fails, and does not cache the failure', async () => {
    const engine = new ScriptedEngine(['not json', '{"skills": 3}', RESUME_ANSWER]);
    const service = await serviceWith(engine);
    await expect(service.extract('resume', RESUME_TEXT, entry('r1'), new Cancellation())).rejects.toThrow(
      /not in the expected format twice/,
    );
    const again = await service.extract('resume', RESUME_TEXT, entry('r2'), new Cancellation());
    expect(again.fromCache).toBe(false);
    expect(engine.requests).toHaveLength(3);
  });

  it('serves an identical request from the cache (same model, prompt and schema)', async () => {
    const engine = new ScriptedEngine([RESUME_ANSWER]);
    const service = await serviceWith(engine);
    await service.extract('resume', RESUME_TEXT, entry('r1'), new Cancellation());
    const second = await service.extract('resume', RESUME_TEXT, entry('r2'), new Cancellation());
    expect(second.fromCache).toBe(true);
    expect(engine.requests).toHaveLength(1);
    expect(service.cache.stats().hits).toBe(1);
  });

  it('shares one generation between identical requests in flight', async () => {
    const gate = deferred();
    const engine = new ScriptedEngine([RESUME_ANSWER], { beforeChunk: () => gate.promise });
    const service = await serviceWith(engine);
    const first = service.extract('resume', RESUME_TEXT, entry('r1'), new Cancellation());
    const second = service.extract('resume', RESUME_TEXT, entry('r2'), new Cancellation());
    gate.resolve();
    const [a, b] = await Promise.all([first, second]);
    expect(a.fields).toEqual(b.fields);
    expect(engine.requests).toHaveLength(1);
    expect(service.cache.stats().deduplicated).toBe(1);
  });
});

describe('LlmService: improvement suggestions', () => {
  it('streams tokens in order and reports each guarded suggestion as soon as it is complete', async () => {
    const answer = JSON.stringify({ suggestions: [FAITHFUL, INVENTED] });
    const events: ImproveEvent[] = [];
    const engine = new ScriptedEngine([answer], { chunkSize: 7 });
    const service = await serviceWith(engine);
    const result = await service.improve(improveInput(), entry('i1'), new Cancellation(), (event) =>
      events.push(event),
    );
    const tokens = events
      .filter((event) => event.type === 'token')
      .map((event) => (event as { text: string }).text);
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.join('')).toBe(answer);
    // The first suggestion is reported before the stream ends (before the last token).
    const firstSuggestion = events.findIndex((event) => event.type === 'suggestion');
    const lastToken = events.map((event) => event.type).lastIndexOf('token');
    expect(firstSuggestion).toBeGreaterThan(0);
    expect(firstSuggestion).toBeLessThan(lastToken);
    expect(result.suggestions).toEqual([FAITHFUL]);
    expect(result.dropped).toEqual([
      { suggestion: INVENTED, reason: 'invents a number: "75" is not in the resume' },
    ]);
    expect(result.checks.map((check) => check.ok)).toEqual([true, false]);
    expect(result.firstTokenMs).toBeGreaterThanOrEqual(0);
  });

  it('cancels cooperatively: the engine is interrupted and the call rejects with AbortedError', async () => {
    const cancel = new Cancellation();
    const engine = new ScriptedEngine([JSON.stringify({ suggestions: [FAITHFUL] })], {
      chunkSize: 3,
      beforeChunk: (index) => {
        if (index === 4) cancel.cancel();
        return Promise.resolve();
      },
    });
    const service = await serviceWith(engine);
    const events: ImproveEvent[] = [];
    await expect(
      service.improve(improveInput(), entry('i1'), cancel, (event) => events.push(event)),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(engine.interrupts).toBe(1);
    expect(events.filter((event) => event.type === 'token')).toHaveLength(4);
    // The model stays loaded and the next job runs.
    expect(service.model?.id).toBe(MODEL.id);
  });

  it('salvages the completed suggestions of an answer cut short', async () => {
    const cut = JSON.stringify({ suggestions: [FAITHFUL] }).slice(0, -2) + ', {"kind": "summ';
    const engine = new ScriptedEngine([cut]);
    const service = await serviceWith(engine);
    const result = await service.improve(improveInput(), entry('i1'), new Cancellation(), () => undefined);
    expect(result.suggestions).toEqual([FAITHFUL]);
    expect(engine.requests).toHaveLength(1);
  });

  it('retries an unusable answer once, then drops it with a clear error', async () => {
    const engine = new ScriptedEngine(['I cannot help with that.', '{"suggestions": "none"}']);
    const service = await serviceWith(engine);
    const events: ImproveEvent[] = [];
    await expect(
      service.improve(improveInput(), entry('i1'), new Cancellation(), (event) => events.push(event)),
    ).rejects.toThrow(/dropped/);
    expect(events.some((event) => event.type === 'retry')).toBe(true);
    expect(engine.requests).toHaveLength(2);
  });

  it('replays a cached answer through the guard without generating again', async () => {
    const engine = new ScriptedEngine([JSON.stringify({ suggestions: [FAITHFUL, INVENTED] })]);
    const service = await serviceWith(engine);
    await service.improve(improveInput(), entry('i1'), new Cancellation(), () => undefined);
    const events: ImproveEvent[] = [];
    const cached = await service.improve(improveInput(), entry('i2'), new Cancellation(), (event) =>
      events.push(event),
    );
    expect(cached.fromCache).toBe(true);
    expect(cached.suggestions).toEqual([FAITHFUL]);
    expect(cached.dropped).toHaveLength(1);
    expect(events.some((event) => event.type === 'suggestion')).toBe(true);
    expect(engine.requests).toHaveLength(1);
  });
});

describe('LlmService: one job at a time', () => {
  it('queues a second job until the first finishes, and a cancelled queued job never runs', async () => {
    const gate = deferred();
    const answers: ScriptedAnswer[] = [
      RESUME_ANSWER,
      JSON.stringify({ title: 'Data Engineer', requiredSkills: [], preferredSkills: [] }),
    ];
    const engine = new ScriptedEngine(answers, { beforeChunk: () => gate.promise });
    const service = await serviceWith(engine);
    const first = service.extract('resume', RESUME_TEXT, entry('first'), new Cancellation());
    const cancelled = new Cancellation();
    const second = service.extract('resume', `${RESUME_TEXT}\nmore`, entry('second'), cancelled);
    const third = service.extract('job', 'Data Engineer', entry('third'), new Cancellation());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(service.queue.snapshot().running?.id).toBe('first');
    expect(service.queue.snapshot().queued.map((q) => q.id)).toEqual(['second', 'third']);
    expect(engine.requests).toHaveLength(1);
    cancelled.cancel();
    await expect(second).rejects.toBeInstanceOf(AbortedError);
    gate.resolve();
    await first;
    const job = await third;
    expect(job.fields.title).toBe('Data Engineer');
    expect(engine.requests).toHaveLength(2);
    expect(service.queue.snapshot()).toMatchObject({ running: null, queued: [], done: 2, cancelled: 1 });
  });
});
