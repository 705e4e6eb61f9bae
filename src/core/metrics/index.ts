/**
 * Public surface of the metrics module and the app-wide registry. Each JavaScript realm (the
 * window, each worker, a Node benchmark) gets its own `metrics` instance.
 */
import { MetricsRegistry } from './registry';

export { Histogram, nearestRank, type HistogramSummary } from './histogram';
export {
  MetricsRegistry,
  type MetricSeed,
  type MetricSnapshot,
  type MetricStatus,
  type MetricsExport,
  type MetricsListener,
  type MetricsRegistryOptions,
} from './registry';
export { TARGETS, targetFor, type MetricTarget, type Percentile } from './targets';

export const metrics = new MetricsRegistry();
