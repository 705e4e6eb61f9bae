/**
 * Writes the search worker's index has not read yet, as Dexie reports them ('storagemutated':
 * per table and index, the keys written), so a score asked of the index waits for the next
 * incremental pass only when a write it has not read may change that pair.
 *
 * Before, every score waited for any pending pass: with the background embedder storing a
 * resume's vectors every few hundred milliseconds, a score on the Match screen often waited
 * 30–130 ms behind a pass that read vectors of other resumes (measured in Chromium, 10,000
 * resumes). A pair is changed only by a write to its resume or job, to their vectors of the model
 * asked for, or to settings (which model the index follows); anything Dexie reports as a range
 * (a cleared table, a bulk write of 50 or more) covers every key in it, so it is waited for.
 */
import { RangeSet, type IntervalTree } from 'dexie';
import { vectorId } from '../db/vectors.repo';

/** The tables whose writes the index reads (others never change a score). */
const WATCHED = /\/(resumes|jobs|vectors|settings)\/(.*)$/;

/** One storagemutated event's writes to watched tables, by table: primary keys only. */
interface WriteBatch {
  resumes?: RangeSet;
  jobs?: RangeSet;
  vectors?: RangeSet;
  settings: boolean;
}

export interface PairRef {
  resumeId: string;
  jobId: string;
  /** The embedding model whose vectors the score uses; undefined when lexical. */
  modelId: string | undefined;
}

export class UnreadWrites {
  /** Writes no pass has started to read. */
  #unread: WriteBatch[] = [];
  /** Writes a running (or queued) pass reads: each group leaves when its pass is done. */
  readonly #reading = new Set<WriteBatch[]>();

  /**
   * Records one storagemutated event; true when it touched a watched table (the caller
   * schedules a pass).
   */
  record(parts: Record<string, unknown>): boolean {
    const batch: WriteBatch = { settings: false };
    let watched = false;
    for (const [part, tree] of Object.entries(parts)) {
      const match = WATCHED.exec(part);
      if (!match) continue;
      watched = true;
      const table = match[1] as 'resumes' | 'jobs' | 'vectors' | 'settings';
      if (table === 'settings') {
        batch.settings = true;
        continue;
      }
      // The primary keys ('' part) and the deleted ones (':dels'); index parts repeat them.
      const indexName = match[2];
      if (indexName !== '' && indexName !== ':dels') continue;
      const keys = (batch[table] ??= new RangeSet());
      keys.add(tree as IntervalTree);
    }
    if (watched) this.#unread.push(batch);
    return watched;
  }

  /**
   * The pass that will read what is unread now has started: pass its promise (resolving once it
   * has finished, read or failed) and those writes are forgotten when it settles.
   */
  passStarted(done: Promise<unknown>): void {
    if (this.#unread.length === 0) return;
    const group = this.#unread;
    this.#unread = [];
    this.#reading.add(group);
    void done.then(
      () => this.#reading.delete(group),
      // A failed pass read nothing for certain: its writes stay unread until the next one.
      () => {
        this.#reading.delete(group);
        this.#unread.push(...group);
      },
    );
  }

  /** Whether a write not yet read into the index may change this pair's score. */
  mayChange(pair: PairRef): boolean {
    const touches = (batch: WriteBatch): boolean =>
      batch.settings ||
      (batch.resumes?.hasKey(pair.resumeId) ?? false) ||
      (batch.jobs?.hasKey(pair.jobId) ?? false) ||
      (pair.modelId !== undefined &&
        batch.vectors !== undefined &&
        (batch.vectors.hasKey(vectorId(pair.resumeId, pair.modelId)) ||
          batch.vectors.hasKey(vectorId(pair.jobId, pair.modelId))));
    if (this.#unread.some(touches)) return true;
    for (const group of this.#reading) if (group.some(touches)) return true;
    return false;
  }

  /** Writes not yet read (tests). */
  get pending(): number {
    let count = this.#unread.length;
    for (const group of this.#reading) count += group.length;
    return count;
  }
}
