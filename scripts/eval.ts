/**
 * npm run eval -- parser [--cases FILE]
 * npm run eval -- jobs [--cases FILE]
 * npm run eval -- calibrate [--set DIR ...]
 * npm run eval -- ocr
 * npm run eval -- ranking [--set DIR ...] [--model ID | --lexical] [--fit] [--pairs]
 * npm run eval -- render [--cases FILE]
 *
 * Measures parsing and ranking quality with the app's own core pipeline, in Node, on the
 * evaluation data in ../shared/eval (never copied into the project). When that folder is absent
 * (as on a user's machine) each eval says it was skipped and exits 0.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runParserEval } from './eval/parser';

const EVAL_ROOT = resolve(import.meta.dirname, '..', '..', 'shared', 'eval');

function optionValues(args: string[], name: string): string[] {
  const values: string[] = [];
  args.forEach((arg, index) => {
    if (arg === name && args[index + 1]) values.push(args[index + 1]!);
    else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values;
}

function formatRate(value: number | null): string {
  return value === null ? '  n/a' : value.toFixed(2).padStart(5);
}

async function writeReport(name: string, report: unknown): Promise<string> {
  await mkdir('reports', { recursive: true });
  const path = join('reports', name);
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

async function parserEval(args: string[]): Promise<void> {
  const casesFile = resolve(optionValues(args, '--cases')[0] ?? join(EVAL_ROOT, 'parser', 'cases.json'));
  if (!existsSync(casesFile)) {
    console.log(`parser eval skipped: ${casesFile} not found (the eval data lives outside the project).`);
    return;
  }
  const report = await runParserEval(casesFile);
  const path = await writeReport('eval-parser.json', report);
  console.log(`parser eval on ${report.cases} cases (${casesFile})`);
  const kinds = Object.keys(report.by_source) as (keyof typeof report.by_source)[];
  console.log(
    [
      'field'.padEnd(18),
      ...kinds.map((kind) => `${kind}(${report.by_source[kind].cases})`.padStart(14)),
      'overall'.padStart(9),
    ].join(' '),
  );
  for (const [field, value] of Object.entries(report.fields)) {
    const cells = kinds.map((kind) =>
      formatRate(report.by_source[kind].fields[field as keyof typeof report.fields]).padStart(14),
    );
    console.log([field.padEnd(18), ...cells, formatRate(value).padStart(9)].join(' '));
  }
  console.log(
    `parse + extract per file (Node, warm): p50 ${report.timing.p50_ms} ms, p95 ${report.timing.p95_ms} ms, ` +
      `max ${report.timing.max_ms} ms over ${report.timing.files} files`,
  );
  console.log(
    `consistency: rendercv layouts give the same work entries: ${String(report.consistency.rendercv_same_work)}; ` +
      `john_smith pdf = docx: ${String(report.consistency.john_smith_same_fields)}`,
  );
  for (const row of report.per_case) {
    if (typeof row.error === 'string') console.log(`  ${String(row.file)}: ${row.error}`);
  }
  console.log(`wrote ${path}`);
}

async function ocrEval(): Promise<void> {
  const { runOcrEval } = await import('./eval/ocr');
  const report = await runOcrEval();
  const path = await writeReport('eval-ocr.json', report);
  console.log(`OCR eval on ${report.cases} generated scans (text PDF → rotated, noisy page images → OCR)`);
  console.log('scan                              pages   CER  name email work   ms  conf');
  for (const row of report.per_case) {
    console.log(
      `${row.label.padEnd(33)} ${String(row.pages).padStart(5)} ${(row.cer * 100).toFixed(1).padStart(4)}% ` +
        `${row.name ? '  ok' : 'MISS'}  ${row.email ? '  ok' : 'MISS'} ${row.work.found}/${row.work.expected} ` +
        `${String(row.ocrMs).padStart(5)} ${row.confidence.toFixed(2)}`,
    );
  }
  console.log(
    `character error rate ${(report.cer * 100).toFixed(2)}% (goal ≤ 3%; in reading order ` +
      `${(report.cer_in_reading_order * 100).toFixed(2)}%); name ${formatRate(report.name)}; ` +
      `email ${formatRate(report.email)}; work entries ${formatRate(report.work_recall)} (goal ≥ 0.90)`,
  );
  console.log(`wrote ${path}`);
}

async function rankingEval(args: string[]): Promise<void> {
  const { runRankingEval, listRankingSets } = await import('./eval/ranking');
  const sets = optionValues(args, '--set').map((dir) => resolve(dir));
  const chosen = sets.length > 0 ? sets : listRankingSets(join(EVAL_ROOT, 'ranking'));
  if (chosen.length === 0) {
    console.log('ranking eval skipped: no ranking sets found (the eval data lives outside the project).');
    return;
  }
  // The semantic part runs with the built-in model unless --lexical (or another --model) is given.
  const { BUILTIN_MODEL_ID } = await import('../src/core/embed/model-manager');
  const lexicalOnly = args.includes('--lexical');
  const modelId = optionValues(args, '--model')[0] ?? BUILTIN_MODEL_ID;
  const loadedEmbedder = lexicalOnly
    ? undefined
    : await (await import('./lib/node-embedder')).loadNodeEmbedder(modelId);
  // --chunks N: N chunk vectors per document instead of the model's own setting (the built-in
  // model makes one whole-document vector; --chunks 6 measures mean-pooled chunk vectors instead).
  const chunksOption = optionValues(args, '--chunks')[0];
  const embedder =
    loadedEmbedder && chunksOption !== undefined
      ? { ...loadedEmbedder, maxChunks: Number(chunksOption) }
      : loadedEmbedder;
  const collect = new Map<string, import('./eval/ranking').FitPair[]>();
  const dump = args.includes('--pairs') ? new Map<string, Record<string, unknown>[]>() : undefined;
  const report = await runRankingEval(chosen, {
    ...(embedder ? { embedder } : {}),
    collect,
    ...(dump ? { dump } : {}),
  });
  await embedder?.dispose();
  const path = await writeReport('eval-ranking.json', report);
  console.log(`wrote ${path}`);
  if (dump) console.log(`wrote ${await writeReport('eval-ranking-pairs.json', Object.fromEntries(dump))}`);
  if (args.includes('--fit') && embedder) {
    // The pairs themselves (lexical score + cosines, no text), so a refit needs no re-run.
    await writeReport(
      `eval-fit-pairs-${modelId.replace(/[^\w.-]+/g, '_')}.json`,
      Object.fromEntries(collect),
    );
    const { fitSemantic } = await import('./eval/semantic-fit');
    const fits = fitSemantic(collect);
    const fitPath = await writeReport(
      `eval-semantic-fit-${modelId.replace(/[^\w.-]+/g, '_')}.json`,
      fits.slice(0, 50),
    );
    console.log(
      `\nsemantic calibration fit for ${modelId} (best 8 of ${fits.length}; most acceptance checks first):`,
    );
    for (const fit of fits.slice(0, 8))
      console.log(
        `  ${fit.variant.padEnd(12)} floor ${fit.floor.toFixed(2)} ceil ${fit.ceil.toFixed(2)} weight ${fit.weight.toFixed(2)}  ` +
          `checks ${fit.checks}  mean AUC+NDCG ${fit.objective.toFixed(3)}  beats lexical everywhere: ${String(fit.beatsLexicalEverywhere)}  ` +
          `never worse: ${String(fit.neverWorse)}  sets improved ${fit.setsImproved}  ` +
          Object.entries(fit.perSet)
            .map(
              ([set, value]) => `${set.slice(0, 6)} ${value.auc?.toFixed(3)}/${value.ndcg_at_10?.toFixed(3)}`,
            )
            .join(' '),
      );
    console.log(`wrote ${fitPath}`);
  }
}

async function jobsEval(args: string[]): Promise<void> {
  const { runJobsEval } = await import('./eval/jobs');
  const file = resolve(optionValues(args, '--cases')[0] ?? join(EVAL_ROOT, 'jobs', 'skillspan-dev.json'));
  if (!existsSync(file)) {
    console.log(`jobs eval skipped: ${file} not found (the eval data lives outside the project).`);
    return;
  }
  const report = await runJobsEval(file);
  const path = await writeReport('eval-jobs.json', report);
  console.log(`jobs eval on ${String(report.cases)} postings (${file})`);
  for (const key of ['all', 'tech', 'house']) {
    const row = report[key] as
      { predicted: number; precision: number | null; knowledge_recall: number | null } | undefined;
    if (!row) continue;
    console.log(
      `  ${key.padEnd(6)} predicted ${String(row.predicted).padStart(5)}  precision ${formatRate(row.precision)}  knowledge recall ${formatRate(row.knowledge_recall)}`,
    );
  }
  console.log(`wrote ${path}`);
}

async function calibrateEval(args: string[]): Promise<void> {
  const { runCalibration } = await import('./eval/calibrate');
  const { listRankingSets } = await import('./eval/ranking');
  const sets = optionValues(args, '--set').map((dir) => resolve(dir));
  const chosen = sets.length > 0 ? sets : listRankingSets(join(EVAL_ROOT, 'ranking'));
  if (chosen.length === 0) {
    console.log('calibration skipped: no ranking sets found (the eval data lives outside the project).');
    return;
  }
  const report = await runCalibration(chosen);
  const path = await writeReport('calibration.json', report);
  console.log(JSON.stringify(report.chosen, null, 2));
  console.log(`wrote ${path}`);
}

async function renderEval(args: string[]): Promise<void> {
  const casesFile = resolve(optionValues(args, '--cases')[0] ?? join(EVAL_ROOT, 'parser', 'cases.json'));
  if (!existsSync(casesFile)) {
    console.log(`render eval skipped: ${casesFile} not found (the eval data lives outside the project).`);
    return;
  }
  const { runRenderEval } = await import('./eval/render');
  const report = await runRenderEval(casesFile);
  const path = await writeReport('eval-render.json', report);
  console.log(
    `render round trip on ${report.cases} parsed resumes: share with every field equal after render → parse`,
  );
  for (const [output, value] of Object.entries(report.allFieldsEqual))
    console.log(`${output.padEnd(18)} ${formatRate(value)}`);
  console.log(`per template and field: ${['output', ...Object.keys(report.perField)].join(' ')}`);
  for (const [output, perField] of Object.entries(report.perOutputField))
    console.log(`${output.padEnd(18)} ${Object.values(perField).map(formatRate).join(' ')}`);
  console.log('per field, over all templates and formats:');
  for (const [field, value] of Object.entries(report.perField))
    console.log(`${field.padEnd(18)} ${formatRate(value)}`);
  console.log(`wrote ${path}`);
}

const [mode = 'parser', ...rest] = process.argv.slice(2);
const modes: Record<string, (args: string[]) => Promise<void>> = {
  parser: parserEval,
  ranking: rankingEval,
  jobs: jobsEval,
  calibrate: calibrateEval,
  ocr: ocrEval,
  render: renderEval,
  all: async (args) => {
    await parserEval(args);
    await jobsEval(args);
    await rankingEval(args);
  },
};
const run = modes[mode];
if (!run) {
  console.error(`unknown eval "${mode}": use parser, jobs, ranking, calibrate, ocr, render or all`);
  process.exit(2);
}
await run(rest);
