/**
 * Metrics table: one persisted window per operation name, so the performance dashboard survives
 * a reload. Written periodically by the window (from the metrics registry's toSeeds()); read
 * once at start-up to restore() the registry.
 */
import type { AppDb } from './app-db';
import type { MetricRecord } from './records';
import { withStorageErrors } from './storage-errors';

export class MetricsRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  /** Replaces the stored snapshot of each given metric. */
  saveAll(records: readonly MetricRecord[]): Promise<void> {
    return withStorageErrors(async () => {
      await this.#db.metrics.bulkPut([...records]);
    });
  }

  /** All stored metrics, by name. */
  list(): Promise<MetricRecord[]> {
    return this.#db.metrics.orderBy('name').toArray();
  }

  clear(): Promise<void> {
    return withStorageErrors(() => this.#db.metrics.clear());
  }
}
