import { describe, expect, it } from 'vitest';
import { chunkDocument, maxCharsForTokens, type ChunkSpan } from '../../../src/core/embed/chunking';
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';

const RESUME = `# Dana Rivera
Senior Data Engineer · dana@example.com

## Summary
Data engineer with eight years building batch and streaming pipelines.

## Experience
Senior Data Engineer, Acme Analytics — Jan 2019 to Present
- Built Kafka and Spark pipelines processing 2 TB a day
  across three regions and two clouds
- Led a team of four engineers
Data Engineer, Beta Corp — Mar 2015 to Dec 2018
- Migrated the warehouse from Oracle to PostgreSQL

## Skills
Python, SQL, Spark, Kafka, Airflow

## Education
BSc Computer Science, State University, 2014`;

function textOf(text: string, span: ChunkSpan): string {
  return text.slice(span.start, span.end);
}

describe('chunkDocument', () => {
  const parsed = parseText(RESUME, 'md');
  const profile = extractResume(parsed);
  const result = chunkDocument(parsed, {
    maxChars: 400,
    sections: profile.sections,
    work: profile.work,
  });
  const kinds = (kind: string) => result.chunks.filter((chunk) => chunk.kind === kind);

  it('covers the whole document once, trimmed', () => {
    expect(result.document).toEqual({ start: 0, end: parsed.text.length, kind: 'document' });
    expect(result.documentFits).toBe(false);
  });

  it('makes a chunk per section with offsets into the text', () => {
    const sections = kinds('section').map((span) => textOf(parsed.text, span));
    expect(sections).toContain('Python, SQL, Spark, Kafka, Airflow');
    expect(sections.some((text) => text.startsWith('Senior Data Engineer, Acme Analytics'))).toBe(true);
  });

  it('makes one chunk per work entry, ending before the next entry', () => {
    const work = kinds('work').map((span) => textOf(parsed.text, span));
    expect(work).toHaveLength(2);
    expect(work[0]).toMatch(/^Senior Data Engineer, Acme Analytics/);
    expect(work[0]).toMatch(/Led a team of four engineers$/);
    expect(work[1]).toMatch(/^Data Engineer, Beta Corp[\s\S]*PostgreSQL$/);
  });

  it('keeps a bullet together with its wrapped continuation line', () => {
    const bullets = kinds('bullet').map((span) => textOf(parsed.text, span));
    expect(bullets).toContain(
      'Built Kafka and Spark pipelines processing 2 TB a day\nacross three regions and two clouds',
    );
    expect(bullets).toContain('Led a team of four engineers');
    expect(bullets).toContain('Migrated the warehouse from Oracle to PostgreSQL');
  });

  it('keeps the header before the first section', () => {
    const header = kinds('header').map((span) => textOf(parsed.text, span));
    expect(header[0]).toMatch(/^Dana Rivera\nSenior Data Engineer/);
  });

  it('returns chunks in text order without duplicate spans', () => {
    const keys = result.chunks.map((span) => `${span.start}:${span.end}`);
    expect(new Set(keys).size).toBe(keys.length);
    const starts = result.chunks.map((span) => span.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('bounds every chunk by maxChars, cutting long lines at spaces', () => {
    const long = parseText(`Skills\n${'distributed systems engineering '.repeat(40)}`);
    const bounded = chunkDocument(long, { maxChars: 100 });
    expect(bounded.chunks.length).toBeGreaterThan(5);
    for (const span of bounded.chunks) {
      expect(span.end - span.start).toBeLessThanOrEqual(100);
      const text = textOf(long.text, span);
      expect(text).toBe(text.trim());
      expect(text.endsWith('distribu')).toBe(false);
    }
    const small = chunkDocument(parsed, { maxChars: 60, sections: profile.sections, work: profile.work });
    for (const span of small.chunks) expect(span.end - span.start).toBeLessThanOrEqual(60);
  });

  it('keeps the broadest chunks when over maxChunks', () => {
    const capped = chunkDocument(parsed, { maxChars: 400, maxChunks: 3, sections: profile.sections });
    expect(capped.chunks).toHaveLength(3);
    expect(capped.chunks.every((span) => span.kind === 'header' || span.kind === 'section')).toBe(true);
  });

  it('finds sections from headings when none are given (jobs), and prose paragraphs', () => {
    const job = parseText(
      'Data Engineer\n\nResponsibilities\nDesign pipelines in Spark.\n\nOwn the warehouse and its SLAs.\n\nRequirements\n- 5+ years of Python\n- Kafka',
    );
    const chunks = chunkDocument(job, { maxChars: maxCharsForTokens(256) }).chunks;
    const texts = chunks.map((span) => `${span.kind}:${textOf(job.text, span)}`);
    expect(texts).toContain('paragraph:Design pipelines in Spark.');
    expect(texts).toContain('paragraph:Own the warehouse and its SLAs.');
    expect(texts).toContain('bullet:5+ years of Python');
    expect(texts).toContain('section:Design pipelines in Spark.\n\nOwn the warehouse and its SLAs.');
    expect(texts).toContain('section:5+ years of Python\nKafka');
  });

  it('handles an empty document', () => {
    const empty = chunkDocument(parseText(''), { maxChars: 100 });
    expect(empty.chunks).toEqual([]);
    expect(empty.document).toEqual({ start: 0, end: 0, kind: 'document' });
    expect(empty.documentFits).toBe(true);
  });

  it('derives a safe character budget from the token limit', () => {
    expect(maxCharsForTokens(256)).toBe(762);
    expect(maxCharsForTokens(1)).toBe(32);
  });

  describe("the 'tiled' layout", () => {
    const tiled = chunkDocument(parsed, {
      maxChars: 200,
      layout: 'tiled',
      sections: profile.sections,
      work: profile.work,
    });

    it('covers every line with text exactly once, in text order', () => {
      const withText = parsed.lines.filter((line) => line.text.trim() !== '');
      const covered = withText.filter((line) =>
        tiled.chunks.some((span) => line.start >= span.start && line.end <= span.end),
      );
      expect(covered.map((line) => line.text)).toEqual(withText.map((line) => line.text));
      for (let i = 1; i < tiled.chunks.length; i++)
        expect(tiled.chunks[i]!.start).toBeGreaterThanOrEqual(tiled.chunks[i - 1]!.end);
    });

    it('starts a tile at a section heading; a short section joins its neighbour when both fit', () => {
      const texts = tiled.chunks.map((span) => textOf(parsed.text, span));
      for (const span of tiled.chunks) expect(span.end - span.start).toBeLessThanOrEqual(200);
      expect(texts.some((text) => text.startsWith('Experience\nSenior Data Engineer, Acme Analytics'))).toBe(
        true,
      );
      // Skills and Education are each under a third of maxChars: one tile, not two short ones.
      expect(texts.some((text) => /^Skills$/m.test(text) && /^Education$/m.test(text))).toBe(true);
      expect(tiled.chunks.every((span) => span.end - span.start >= 200 / 3)).toBe(true);
    });

    it('keeps the first maxChunks tiles (the start of the document)', () => {
      const capped = chunkDocument(parsed, { maxChars: 200, layout: 'tiled', maxChunks: 2 });
      expect(capped.chunks).toHaveLength(2);
      expect(textOf(parsed.text, capped.chunks[0]!)).toMatch(/^Dana Rivera\nSenior Data Engineer/);
    });
  });

  describe("left-out lines (a job's tool list)", () => {
    /** A generated occupation profile: title, prose, then a long tool list line, then more prose. */
    const job = parseText(
      [
        'Widget Inspectors',
        '',
        'Inspect widgets on the line and record every defect found.',
        'Tools and technologies: Alpha Suite, Beta Tracker, Gamma Sheets, Delta Board, Epsilon Forms.',
        'Train new inspectors.',
      ].join('\n'),
    );
    const skipLines = new Set([3]);
    const toolLine = job.lines[3]!;
    const overlaps = (span: ChunkSpan) => span.start < toolLine.end && span.end > toolLine.start;

    for (const layout of ['tiled', 'nested'] as const) {
      it(`no ${layout} chunk holds a left-out line; the text around it stays`, () => {
        const chunked = chunkDocument(job, { maxChars: 400, layout, skipLines });
        expect(chunked.chunks.length).toBeGreaterThan(0);
        expect(chunked.chunks.some(overlaps)).toBe(false);
        const texts = chunked.chunks.map((span) => textOf(job.text, span)).join('\n');
        expect(texts).toContain('Train new inspectors.');
        // Tiles cover every other line once.
        if (layout === 'tiled') expect(texts).toContain('record every defect');
        // The whole text would hold the list, so it is not embedded as one input.
        expect(chunked.documentFits).toBe(false);
      });
    }

    it('changes nothing when no line is left out', () => {
      const plain = chunkDocument(job, { maxChars: 400, layout: 'tiled' });
      expect(chunkDocument(job, { maxChars: 400, layout: 'tiled', skipLines: new Set() })).toEqual(plain);
      expect(plain.documentFits).toBe(true);
      expect(plain.chunks.some(overlaps)).toBe(true);
    });
  });
});
