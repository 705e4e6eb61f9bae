/**
 * Every RegExp in src/core (found by parsing the sources, see regex-inventory.ts) against
 * adversarial inputs: long runs of one character, repeated separators, alternating pairs that
 * almost match, nested brackets and unicode. A pattern that backtracks super-linearly on any of
 * them blows the per-input budget, so a new slow pattern fails CI where it is written.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { findRegexSites, type RegexConstructorSite } from './regex-inventory';

/** Characters regexes in core care about: letters, digits, separators, brackets, unicode. */
const ALPHABET = [
  'A',
  'a',
  '1',
  ' ',
  '-',
  '.',
  ',',
  '@',
  '/',
  ':',
  '#',
  '(',
  '[',
  '*',
  '_',
  "'",
  '\t',
  'é',
  '’',
  '\u00a0',
  '|',
  '•',
];
const PAIR_ALPHABET = ['A', 'a', '1', ' ', '-', '.', ',', '@', '/', ':', '#', '(', '*', '’'];
const LENGTH = 10_000;
/** A linear scan of 10k characters takes well under a millisecond; quadratic takes tens to thousands. */
const BUDGET_MS = 50;
/** Whole-pattern cut-off (every input): beyond this the pattern is reported as never finishing. */
const PATTERN_DEADLINE_MS = 5000;

function repeat(unit: string, length = LENGTH): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export function adversarialInputs(): { name: string; text: string }[] {
  const inputs: { name: string; text: string }[] = [];
  for (const char of ALPHABET)
    inputs.push({ name: `run of ${JSON.stringify(char)}`, text: repeat(char) + '\u0000!' });
  for (const first of PAIR_ALPHABET) {
    for (const second of PAIR_ALPHABET) {
      if (first !== second)
        inputs.push({
          name: `pairs ${JSON.stringify(first + second)}`,
          text: repeat(first + second) + '\u0000',
        });
    }
  }
  const specials: [string, string][] = [
    ['A-A- location line', repeat('A-') + 'A,'],
    ['capitalised words', repeat('Aa ') + ', Aa'],
    ['capitalised words with commas', repeat('Aa, ')],
    ['email without at', repeat('a.') + '@'],
    ['email local parts', repeat('a@a.') + '!'],
    ['markdown heading spaces', '#' + repeat(' ') + '\u0000'],
    ['markdown heading then line separator', '#' + repeat(' ') + '\u2028x'],
    ['spaces then newline', repeat(' ') + '\nx'],
    ['letters then line separator', repeat('a ') + '\u2028'],
    ['url without end', 'https://' + repeat('a.') + ' '],
    ['url slashes', 'http://' + repeat('a/') + ')'],
    ['markdown link nesting', repeat('[') + repeat('](') + '\u0000'],
    ['nested brackets', repeat('([') + repeat(')]')],
    ['trailing whitespace then text', repeat(' \t') + 'x'],
    ['dates without end', repeat('Jan 2020 - ') + 'x'],
    ['digits and separators', repeat('1,1.') + 'x'],
    ['emoji', repeat('😀a')],
    ['combining marks', repeat('e\u0301')],
    ['newlines', repeat('\n ') + 'x'],
  ];
  for (const [name, text] of specials) inputs.push({ name, text });
  return inputs;
}

/** Patterns built at run time from arguments, with representative arguments (reviewed here). */
const RUNTIME_CONSTRUCTORS: Record<string, () => RegExp> = {
  'src/core/export/json-schema.ts': () => /^[A-Za-z0-9+/]*={0,2}$/u,
  'src/core/llm/apply.ts': () => new RegExp(['led', 'a', 'team', 'of', 'five'].join('\\s+'), 'i'),
  'src/core/llm/json-repair.ts': () => new RegExp(`"suggestions"\\s*:\\s*\\[`),
  'src/core/llm/merge.ts': () => new RegExp(`\\b5\\b`),
};

/**
 * Times one pattern on every input in a worker thread, so a catastrophic pattern (which would
 * never return) is cut off by terminating the thread instead of hanging the suite.
 */
const TIMER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const inputs = workerData.inputs;
const budget = workerData.budget;
function exercise(pattern, text) {
  const single = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  single.test(text);
  const flags = pattern.flags.replace('y', '');
  text.replace(new RegExp(pattern.source, flags.includes('g') ? flags : flags + 'g'), '');
}
parentPort.on('message', ({ source, flags }) => {
  const pattern = new RegExp(source, flags);
  let worst = { name: '', ms: 0 };
  for (const input of inputs) {
    let started = performance.now();
    exercise(pattern, input.text);
    let ms = performance.now() - started;
    if (ms > budget) {
      // A shared CI machine can stall once; a slow pattern is slow every time.
      started = performance.now();
      exercise(pattern, input.text);
      ms = Math.min(ms, performance.now() - started);
    }
    if (ms > worst.ms) worst = { name: input.name, ms };
  }
  parentPort.postMessage(worst);
});
`;

class PatternTimer {
  #worker: Worker | undefined;

  async slowest(pattern: RegExp): Promise<{ name: string; ms: number }> {
    const worker = (this.#worker ??= new Worker(TIMER_SOURCE, {
      eval: true,
      workerData: { inputs, budget: BUDGET_MS },
    }));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        void worker.terminate();
        this.#worker = undefined;
        resolve({ name: 'an input it never finished (killed)', ms: Infinity });
      }, PATTERN_DEADLINE_MS);
      worker.once('message', (worst: { name: string; ms: number }) => {
        clearTimeout(timer);
        resolve(worst);
      });
      worker.postMessage({ source: pattern.source, flags: pattern.flags });
    });
  }

  close(): void {
    void this.#worker?.terminate();
  }
}

const sites = findRegexSites();
const inputs = adversarialInputs();
const timer = new PatternTimer();
afterAll(() => timer.close());

/** Module-level constructors run on import: capture what they build by wrapping RegExp. */
async function constructedOnImport(files: string[]): Promise<Map<string, RegExp[]>> {
  const built = new Map<string, RegExp[]>();
  const original = globalThis.RegExp;
  const recorder = new Proxy(original, {
    construct(target, args: [string | RegExp, string?]) {
      const made = new target(...args);
      const caller = (new Error().stack ?? '')
        .split('\n')
        .find((frame) => files.some((file) => frame.includes(file)));
      const file = files.find((candidate) => caller?.includes(candidate));
      if (file) built.set(file, [...(built.get(file) ?? []), made]);
      return made;
    },
  });
  globalThis.RegExp = recorder;
  try {
    for (const file of files) await import(/* @vite-ignore */ `../../../${file}`);
  } finally {
    globalThis.RegExp = original;
  }
  return built;
}

describe('every RegExp in src/core runs in linear time on adversarial input', () => {
  it('finds the patterns by parsing the sources (literals and constructors)', () => {
    expect(sites.filter((site) => site.kind === 'literal').length).toBeGreaterThan(150);
    expect(sites.filter((site) => site.kind === 'constructor').length).toBeGreaterThan(5);
  });

  it('has a representative for every run-time constructor, and no stale ones', () => {
    const runtimeFiles = new Set(
      sites
        .filter((site): site is RegexConstructorSite => site.kind === 'constructor' && !site.moduleLevel)
        .map((site) => site.file),
    );
    expect([...runtimeFiles].sort()).toEqual(Object.keys(RUNTIME_CONSTRUCTORS).sort());
  });

  for (const site of sites) {
    if (site.kind !== 'literal') continue;
    it(`${site.file}:${site.line} ${site.pattern.toString().slice(0, 80)}`, async () => {
      const worst = await timer.slowest(site.pattern);
      expect(worst.ms, `slowest on ${worst.name}`).toBeLessThan(BUDGET_MS);
    });
  }

  it('module-level constructors: every one is captured on import and is linear', async () => {
    const moduleSites = sites.filter(
      (site): site is RegexConstructorSite => site.kind === 'constructor' && site.moduleLevel,
    );
    const files = [...new Set(moduleSites.map((site) => site.file))];
    const built = await constructedOnImport(files);
    for (const file of files) {
      const expected = moduleSites.filter((site) => site.file === file).length;
      const patterns = built.get(file) ?? [];
      expect(patterns.length, `${file}: patterns built on import`).toBeGreaterThanOrEqual(expected);
      for (const pattern of patterns) {
        const worst = await timer.slowest(pattern);
        expect(worst.ms, `${file} ${pattern.toString().slice(0, 80)} slowest on ${worst.name}`).toBeLessThan(
          BUDGET_MS,
        );
      }
    }
  });

  for (const [file, build] of Object.entries(RUNTIME_CONSTRUCTORS)) {
    it(`run-time constructor in ${file}`, async () => {
      const worst = await timer.slowest(build());
      expect(worst.ms, `slowest on ${worst.name}`).toBeLessThan(BUDGET_MS);
    });
  }
});
