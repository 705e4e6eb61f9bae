/**
 * The tab's icon is a small PNG. Chromium fetches the page icon again after every same-document URL
 * change (each route change), and an SVG icon is parsed as a document on the page's main thread
 * each time: measured 7–15 ms per route change on the Match screen, in the middle of the wait for a
 * score (match.score). A PNG is decoded without that.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('page icon', () => {
  it('is a PNG that ships with the app, never an SVG', () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    const icons = [...html.matchAll(/<link\s+rel="icon"[^>]*>/g)].map((match) => match[0]);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      expect(icon).toContain('type="image/png"');
      const href = /href="\/([^"]+)"/.exec(icon)?.[1] ?? '';
      expect(href).toMatch(/\.png$/);
      const bytes = readFileSync(join(ROOT, 'public', href));
      expect([...bytes.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    }
    expect(existsSync(join(ROOT, 'public', 'favicon.svg'))).toBe(true); // the header's logo
  });
});
