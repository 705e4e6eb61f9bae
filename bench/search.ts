/**
 * Search benchmarks on a generated 10,000-resume corpus (src/core/corpus), through the same
 * LibraryIndex + SearchService the search worker runs: ranking one job against every resume,
 * free-text search throughput, the search cache on a repeated workload, and the JS heap with
 * the whole pool indexed. Rankings and searches are timed with the cache emptied before each
 * call, so the numbers are computation, not cache hits.
 *
 * It runs in a child Node process of its own (with --expose-gc), so the heap it reports is the
 * index's, not what the earlier PDF/DOCX benchmarks left behind in the parent.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../src/core/corpus/generate';
import { extractJob } from '../src/core/extract/job';
import { extractResume } from '../src/core/extract/resume';
import { parseText } from '../src/core/parse/text';
import { LibraryIndex } from '../src/core/search/library-index';
import { SearchService } from '../src/core/search/service';
import { percentile, throughputRow, timeIt, timeRow, type BenchRow } from './harness';

const RESUMES = Number(process.env.BENCH_RESUMES ?? 10_000);
const JOBS = 24;
const MB = 1024 * 1024;

function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

async function measure(log: (row: BenchRow) => void): Promise<void> {
  const began = performance.now();
  const corpus = generateCorpus({ resumes: RESUMES, jobs: JOBS, seed: 2026 });
  const index = new LibraryIndex();
  const now = new Date(Date.UTC(2026, 5, 1));
  corpus.resumes.forEach((resume, position) => {
    const document = parseText(resume.text);
    index.upsertResume({
      id: resume.id,
      name: resume.name,
      updatedAt: position + 1,
      document,
      profile: extractResume(document, { now }),
    });
  });
  for (const job of corpus.jobs) {
    const document = parseText(job.text);
    index.upsertJob({ id: job.id, title: job.title, updatedAt: 1, document, spec: extractJob(document) });
  }
  const service = new SearchService(index);
  console.log(`indexed ${RESUMES} generated resumes in ${((performance.now() - began) / 1000).toFixed(1)} s`);

  // search.rank: one job against all 10,000, warm (JIT and per-document caches), cache emptied.
  let jobNumber = 0;
  const rankSamples = await timeIt(
    async () => {
      service.cache.clear();
      const job = corpus.jobs[jobNumber++ % corpus.jobs.length]!;
      const page = await service.rankJob(
        job.id,
        {},
        { key: 'score', direction: 'desc' },
        { offset: 0, limit: 50 },
      );
      if (page.total !== RESUMES) throw new Error(`ranked ${page.total} of ${RESUMES}`);
    },
    { warmup: JOBS, iterations: 3 * JOBS, budgetMs: 30_000 },
  );
  log(
    timeRow(
      'search.rank',
      percentile(rankSamples, 95),
      100,
      `p95 over ${rankSamples.length} rankings of one job against ${RESUMES} resumes (cache emptied each time)`,
    ),
  );

  // search.query: distinct free-text queries (skills and titles), cache emptied each time.
  const queries = [
    ...new Set(
      corpus.jobs.flatMap((job) => [job.title, ...job.required.slice(0, 2), job.required.join(' ')]),
    ),
  ];
  let queryNumber = 0;
  const querySamples = await timeIt(
    async () => {
      service.cache.clear();
      await service.search(queries[queryNumber++ % queries.length]!, { offset: 0, limit: 20 });
    },
    { warmup: 50, iterations: 2_000, budgetMs: 20_000 },
  );
  const perSecond = (1000 * querySamples.length) / querySamples.reduce((sum, ms) => sum + ms, 0);
  log(
    throughputRow(
      'search.query',
      perSecond,
      1000,
      `${querySamples.length} distinct-query searches over ${RESUMES} resumes (BM25, cache emptied each time)`,
    ),
  );

  // The search cache on a repeated workload: 12 rankings + 12 searches, each asked 40 times.
  service.cache.clear();
  service.cache.resetStats();
  for (let round = 0; round < 40; round++) {
    for (const job of corpus.jobs.slice(0, 12)) {
      await service.rankJob(
        job.id,
        {},
        { key: 'score', direction: 'desc' },
        { offset: round % 3, limit: 50 },
      );
    }
    for (const query of queries.slice(0, 12)) await service.search(query);
  }
  const hitRate = service.cache.stats().hitRate;
  log({
    name: 'search.cache.hitRatio',
    unit: 'ratio',
    measured: Math.round(hitRate * 1000) / 1000,
    goal: 0.95,
    ratio: Math.round((0.95 / hitRate) * 1000) / 1000,
    pass: hitRate >= 0.95,
    note: 'search cache: 12 rankings and 12 searches, each requested 40 times',
  });

  // JS heap with the whole pool indexed (the index and its caches alive).
  service.cache.clear();
  const collected = collectGarbage();
  const heapMb = process.memoryUsage().heapUsed / MB;
  log({
    ...timeRow(
      'memory.heap10k',
      heapMb,
      300,
      `heapUsed ${collected ? 'after GC' : '(no --expose-gc: before GC, an over-estimate)'} of a Node process holding ${index.resumes.size} indexed resumes (parsed documents, profiles, postings, scoring caches)`,
    ),
    unit: 'MB',
  });
  // Keep the index reachable until after the measurement.
  if (index.resumes.size === 0) console.log('empty index');
}

const ROW_PREFIX = 'BENCH_ROW ';

/** Runs the measurements in a fresh child process and logs its rows here. */
export async function searchRows(log: (row: BenchRow) => void): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(ROW_PREFIX)) log(JSON.parse(line.slice(ROW_PREFIX.length)) as BenchRow);
      else if (line.trim()) console.log(line);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`search benchmark exited with ${String(code)}`);
}

if (process.argv.includes('--child')) {
  await measure((row) => console.log(`${ROW_PREFIX}${JSON.stringify(row)}`));
}
