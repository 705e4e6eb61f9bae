/**
 * "Run benchmark" on the Performance page: the browser bench's scenario on demand, with a
 * synthetic corpus (src/core/corpus) instead of the user's files. Generated resumes are picked
 * through the same import queue as a person's files (as text files), one job is added, and the
 * same things are measured as by `npm run bench:browser`: import files/s and main-thread long
 * tasks during it, first ranked rows, typed search and warm match through the workers, and the
 * main-thread heap. Everything it adds carries the sample prefix, so "Remove sample data" in the
 * Library takes it away again.
 */
import { notifier } from './notifier.svelte';
import { BENCH_SEARCH_QUERIES } from '../../core/corpus/search-queries';
import { DEFAULT_SORT } from '../../core/search/filters';
import { importQueue } from './imports.svelte';
import { SAMPLE_PREFIX } from './ranking-sample.svelte';
import { services } from '../services';

export interface BenchResultRow {
  name: string;
  unit: 'ms' | 'files/s' | 'resumes/s' | 'count' | 'MB';
  measured: number;
  goal: number;
  pass: boolean;
  note: string;
}

const BENCH_PREFIX = `${SAMPLE_PREFIX}bench-`;

function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
}

function row(
  name: string,
  unit: BenchResultRow['unit'],
  measured: number,
  goal: number,
  higherIsBetter: boolean,
  note: string,
): BenchResultRow {
  return {
    name,
    unit,
    measured: Math.round(measured * 100) / 100,
    goal,
    pass: higherIsBetter ? measured >= goal : measured <= goal,
    note,
  };
}

/** Resolves once the import queue has finished `count` files (polled; the queue is throttled anyway). */
async function importedAtLeast(count: number, signal: AbortSignal): Promise<void> {
  while (importQueue.finished < count) {
    if (signal.aborted) throw new DOMException('Benchmark stopped', 'AbortError');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export class BrowserBenchState {
  rows = $state.raw<BenchResultRow[]>([]);
  running = $state(false);
  step = $state('');
  error = $state<string | null>(null);
  /** Rows that could not be measured in this browser, and why. */
  skipped = $state('');
  #controller: AbortController | undefined;

  stop(): void {
    this.#controller?.abort();
    importQueue.cancelAll();
  }

  async run(resumeCount = 1000): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.skipped = '';
    this.rows = [];
    const controller = new AbortController();
    this.#controller = controller;
    const signal = controller.signal;
    const rows: BenchResultRow[] = [];
    const longTasks: number[] = [];
    const observer =
      typeof PerformanceObserver !== 'undefined' &&
      PerformanceObserver.supportedEntryTypes.includes('longtask')
        ? new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longTasks.push(entry.duration);
          })
        : undefined;
    try {
      this.step = 'Generating the synthetic corpus…';
      const { generateCorpus } = await import('../../core/corpus/generate');
      const seed = Date.now() % 100_000;
      const corpus = generateCorpus({ resumes: resumeCount, jobs: 1, seed });
      const files = corpus.resumes.map(
        (resume) =>
          new File([resume.text], `${BENCH_PREFIX}${seed}-${resume.id}.txt`, { type: 'text/plain' }),
      );
      const job = corpus.jobs[0];
      if (!job) throw new Error('The generator made no job.');

      this.step = `Importing ${resumeCount} generated resumes…`;
      const before = importQueue.finished;
      observer?.observe({ type: 'longtask' });
      const started = performance.now();
      await importQueue.addFiles(files, 'resume');
      await importedAtLeast(before + files.length, signal);
      const seconds = (performance.now() - started) / 1000;
      observer?.disconnect();
      rows.push(
        row('import.throughput', 'files/s', files.length / seconds, 25, true, `${files.length} text resumes`),
        row('import.longTasks.max', 'ms', Math.max(0, ...longTasks), 100, false, 'during the import'),
        row(
          'import.longTasks.over50ms',
          'count',
          longTasks.filter((duration) => duration > 50).length,
          5,
          false,
          'during the import',
        ),
      );

      this.step = 'Ranking every resume against a job…';
      const jobFile = `${BENCH_PREFIX}${seed}-${job.id}.txt`;
      if (!(await importQueue.addText(job.text, 'job', jobFile)))
        throw new Error('The job could not be added.');
      const jobId = (await services.jobs.list()).find((each) => each.fileName === jobFile)?.id;
      if (!jobId) throw new Error('The job was not stored.');
      const total = await services.resumes.count();
      await services.search.refresh(signal);
      const rankStarted = performance.now();
      await services.search.rankJob(signal, jobId, {}, DEFAULT_SORT, { offset: 0, limit: 50 });
      rows.push(
        row(
          'rank.firstRows',
          'ms',
          performance.now() - rankStarted,
          1000,
          false,
          `one job vs ${total} resumes`,
        ),
      );

      this.step = 'Searching and matching through the workers…';
      const searchTimes: number[] = [];
      for (const query of BENCH_SEARCH_QUERIES) {
        const queryStarted = performance.now();
        await services.search.search(signal, query, { offset: 0, limit: 20 });
        searchTimes.push(performance.now() - queryStarted);
      }
      rows.push(row('search.query', 'ms', p95(searchTimes), 30, false, 'p95 of 10 queries, round trip'));
      const names = (await services.resumes.names()).filter((name) => name.fileName.startsWith(BENCH_PREFIX));
      const jobRecord = await services.jobs.get(jobId);
      if (!jobRecord) throw new Error('The job was not stored.');
      const matchTimes: number[] = [];
      for (const name of names.slice(0, 21)) {
        const resume = await services.resumes.get(name.id);
        if (!resume) continue;
        const matchStarted = performance.now();
        await services.matcher.score(signal, resume, jobRecord);
        matchTimes.push(performance.now() - matchStarted);
      }
      rows.push(row('match.score', 'ms', p95(matchTimes.slice(1)), 10, false, 'p95, warm, round trip'));

      this.step = 'Timing the built-in model through the embedding worker…';
      const { builtinModelRows } = await import('./bench-embed');
      const embedded = await builtinModelRows(
        signal,
        corpus.resumes.slice(0, 40).map((resume) => resume.text),
      );
      if ('skipped' in embedded) this.skipped = `Built-in model rows skipped: ${embedded.skipped}.`;
      else
        for (const embedRow of embedded.rows)
          rows.push(row(embedRow.name, 'resumes/s', embedRow.perSecond, embedRow.goal, true, embedRow.note));

      const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
      if (memory) {
        rows.push(
          row(
            'heap.mainThread',
            'MB',
            memory.usedJSHeapSize / 1_000_000,
            150,
            false,
            `${total} resumes stored`,
          ),
        );
      }
      this.rows = rows;
      this.step = 'Done. "Remove sample data" in the Library removes what the benchmark added.';
    } catch (error) {
      this.rows = rows;
      this.error = signal.aborted ? 'Benchmark stopped.' : notifier.report(error, 'Benchmark failed');
      this.step = '';
    } finally {
      observer?.disconnect();
      this.running = false;
    }
  }
}

export const browserBench = new BrowserBenchState();
