import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetFor } from '../../../src/core/metrics/targets';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Metric names the app records: `.record('name', …)` and `…Metric: 'name'` (parse/extract timings). */
function recordedNames(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\.record\(\s*'([\w.]+)'/g)) names.add(match[1] ?? '');
    for (const match of text.matchAll(/Metric:\s*'([\w.]+)'/g)) names.add(match[1] ?? '');
  }
  names.delete('');
  return names;
}

describe('metric targets', () => {
  it('every metric the app records has a goal, so every Performance row has one', () => {
    const names = [...recordedNames()];
    // The scan finds the app's metrics (a broken pattern would make this test pass vacuously).
    expect(names).toEqual(
      expect.arrayContaining(['app.ready', 'resume.upload', 'match.score', 'search.query']),
    );
    expect(names.filter((name) => targetFor(name) === undefined)).toEqual([]);
  });
});
