/**
 * TEST ONLY: a scripted stand-in for the @mlc-ai/web-llm module, served by tests/e2e/llm-scripted.spec.ts
 * in place of the built web-llm chunk (assets/web-llm-*.js) through Playwright request routing. The
 * product never references this file: the llm worker imports its real web-llm chunk, and only the
 * test's route answers that request with this module. It exports the names llm.worker.ts uses
 * (MLCEngine, prebuiltAppConfig, deleteModelAllInfoInCache) with the same call shapes.
 *
 * The engine answers by reading the request, as a model would:
 * - improvement prompt (system prompt "You help a job seeker"): one faithful bullet rewrite that only
 *   restates facts of the quoted resume, and one fabricated rewrite (an invented number) that the
 *   anti-fabrication guard must drop. A job title containing "Long answer" gets a long, slow answer,
 *   so the test can cancel it mid-stream.
 * - extraction prompts: valid JSON for the schema, built only from the document text.
 * Answers stream a few characters per chunk with a delay, and stop after interruptGenerate().
 */

const CHUNK_CHARS = 4;
const CHUNK_DELAY_MS = 25;
const LONG_CHUNK_DELAY_MS = 60;

/** Bullets of the generated fixture resume (tests/fixtures/resume-fixtures.ts, ALICE). */
const FAITHFUL_BEFORE = 'Developed Spark jobs in Python (PySpark) to compute daily inventory forecasts.';
const FAITHFUL_AFTER =
  'Developed Apache Spark batch jobs in Python (PySpark) that compute the daily inventory forecasts.';
const FABRICATED_BEFORE =
  'Built Python and Apache Airflow pipelines that load 2 TB of events per day into Snowflake.';
const FABRICATED_AFTER =
  'Built Python and Apache Airflow pipelines that load 40 TB of events per day into Snowflake.';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The document block of the prompt (between <<<DOCUMENT and DOCUMENT>>>). */
function documentText(messages) {
  const user = messages.find((message) => message.role === 'user')?.content ?? '';
  const match = /<<<DOCUMENT\n([\s\S]*?)\nDOCUMENT>>>/.exec(user);
  return match ? match[1] : '';
}

/** The passage of `text` that reads `phrase`, line breaks and spacing as extracted (or undefined). */
function quote(text, phrase) {
  const pattern = new RegExp(phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+'));
  return pattern.exec(text)?.[0];
}

function improveAnswer(messages) {
  const text = documentText(messages);
  const user = messages.find((message) => message.role === 'user')?.content ?? '';
  const title = /Job title: (.*)/.exec(user)?.[1] ?? '';
  const suggestions = [];
  const faithful = quote(text, FAITHFUL_BEFORE);
  if (faithful) {
    suggestions.push({
      kind: 'bullet',
      before: faithful,
      after: FAITHFUL_AFTER,
      requirement: 'Apache Spark',
    });
  }
  const fabricated = quote(text, FABRICATED_BEFORE);
  if (fabricated) {
    suggestions.push({
      kind: 'bullet',
      before: fabricated,
      after: FABRICATED_AFTER,
      requirement: 'Snowflake',
    });
  }
  if (title.includes('Long answer')) {
    // Many faithful-looking repeats: long enough that the test always cancels it first.
    const filler = [];
    for (let index = 0; index < 60; index += 1) filler.push(...suggestions);
    return { text: JSON.stringify({ suggestions: filler }, null, 1), delay: LONG_CHUNK_DELAY_MS };
  }
  return { text: JSON.stringify({ suggestions }, null, 1), delay: CHUNK_DELAY_MS };
}

function resumeExtraction(text) {
  const known = [
    'Python',
    'SQL',
    'Apache Airflow',
    'Apache Spark',
    'dbt',
    'Snowflake',
    'PostgreSQL',
    'AWS',
    'Git',
  ];
  const skills = known.filter((skill) => text.includes(skill));
  const work = [];
  if (text.includes('Northwind Analytics'))
    work.push({ company: 'Northwind Analytics', position: 'Senior Data Engineer', startDate: '2020-01' });
  const name = /^\s*(.+)$/m.exec(text)?.[1]?.trim();
  return { ...(name ? { name } : {}), skills, work, education: [] };
}

function jobExtraction(text) {
  const title = /^\s*(.+)$/m.exec(text)?.[1]?.trim() ?? 'Untitled';
  const required = ['Python', 'SQL', 'Apache Airflow'].filter((skill) => text.includes(skill));
  return { title, requiredSkills: required, preferredSkills: [] };
}

function answerFor(request) {
  const system = request.messages.find((message) => message.role === 'system')?.content ?? '';
  if (system.includes('You help a job seeker')) return improveAnswer(request.messages);
  const text = documentText(request.messages);
  if (system.includes('facts from a resume'))
    return { text: JSON.stringify(resumeExtraction(text)), delay: 5 };
  return { text: JSON.stringify(jobExtraction(text)), delay: 5 };
}

export class MLCEngine {
  #config;
  #interrupted = false;
  #loaded = false;

  constructor(config = {}) {
    this.#config = config;
    this.chat = { completions: { create: (request) => this.#create(request) } };
  }

  /** Like web-llm: reports download and compile progress, then the engine is ready. */
  async reload(modelId) {
    const models = this.#config.appConfig?.model_list ?? [];
    if (!models.some((model) => model.model_id === modelId)) throw new Error(`Model not found: ${modelId}`);
    const report = this.#config.initProgressCallback ?? (() => undefined);
    const steps = 8;
    for (let step = 0; step <= steps; step += 1) {
      report({
        progress: step / steps,
        timeElapsed: step * 0.1,
        text: `Fetching param cache[${step}/${steps}]: scripted test engine`,
      });
      await sleep(200);
    }
    this.#loaded = true;
  }

  async #create(request) {
    if (!this.#loaded) throw new Error('Model not loaded before calling chat.completions.create');
    if (request.stream !== true) throw new Error('The scripted engine only streams');
    this.#interrupted = false;
    const { text, delay } = answerFor(request);
    return this.#stream(text, delay);
  }

  async *#stream(text, delay) {
    for (let at = 0; at < text.length; at += CHUNK_CHARS) {
      await sleep(delay);
      // Like web-llm: an interrupt ends the stream after the current token.
      if (this.#interrupted) {
        yield { choices: [{ delta: { content: '' }, finish_reason: 'abort' }] };
        return;
      }
      yield { choices: [{ delta: { content: text.slice(at, at + CHUNK_CHARS) }, finish_reason: null }] };
    }
    yield { choices: [{ delta: {}, finish_reason: 'stop' }] };
  }

  interruptGenerate() {
    this.#interrupted = true;
  }

  async unload() {
    this.#loaded = false;
  }
}

export async function CreateMLCEngine(modelId, config) {
  const engine = new MLCEngine(config);
  await engine.reload(modelId);
  return engine;
}

/** Only the ids matter here: the worker hands this to MLCEngine as its app config. */
export const prebuiltAppConfig = {
  model_list: [
    'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
    'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
    'Qwen2.5-1.5B-Instruct-q4f32_1-MLC',
    'Qwen2.5-3B-Instruct-q4f16_1-MLC',
    'Qwen2.5-3B-Instruct-q4f32_1-MLC',
  ].map((id) => ({ model_id: id, model: `scripted://${id}`, model_lib: `scripted://${id}.wasm` })),
};

export const deletedModels = [];

export async function deleteModelAllInfoInCache(modelId) {
  deletedModels.push(modelId);
}
