import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('docs/screenshots', () => {
  it('every screenshot the README links to is there (npm run screenshots writes them)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\((docs\/screenshots\/[\w-]+\.png)\)/g)].map(
      (match) => match[1] ?? '',
    );
    // Eleven screens: desktop light and dark, phone light.
    expect(linked.length).toBeGreaterThanOrEqual(33);
    expect(linked.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
