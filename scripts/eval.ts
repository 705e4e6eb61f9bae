/**
 * npm run eval -- parser [--cases FILE]
 * npm run eval -- ranking [--set DIR ...]
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
  console.log('field              score');
  for (const [field, value] of Object.entries(report.fields))
    console.log(`${field.padEnd(18)} ${formatRate(value)}`);
  console.log(
    `consistency: rendercv layouts give the same work entries: ${String(report.consistency.rendercv_same_work)}; ` +
      `john_smith pdf = docx: ${String(report.consistency.john_smith_same_fields)}`,
  );
  for (const row of report.per_case) {
    if (typeof row.error === 'string') console.log(`  ${String(row.file)}: ${row.error}`);
  }
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
  const report = await runRankingEval(chosen);
  const path = await writeReport('eval-ranking.json', report);
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
  console.log('per field, over all templates and formats:');
  for (const [field, value] of Object.entries(report.perField))
    console.log(`${field.padEnd(18)} ${formatRate(value)}`);
  console.log(`wrote ${path}`);
}

const [mode = 'parser', ...rest] = process.argv.slice(2);
const modes: Record<string, (args: string[]) => Promise<void>> = {
  parser: parserEval,
  ranking: rankingEval,
  render: renderEval,
  all: async (args) => {
    await parserEval(args);
    await rankingEval(args);
  },
};
const run = modes[mode];
if (!run) {
  console.error(`unknown eval "${mode}": use parser, ranking, render or all`);
  process.exit(2);
}
await run(rest);
