/**
 * embedDocument with the 'tiled' layout (the built-in model): every model input is one tile, the
 * whole text is never embedded on top, and the document vector is the tiles' length-weighted mean.
 */
import { describe, expect, it } from 'vitest';
import { chunkDocument, maxCharsForTokens } from '../../../src/core/embed/chunking';
import { embedDocument, type EmbedFunction } from '../../../src/core/embed/embed-document';
import { embedWith, jobEmbedStructure } from '../../../src/core/embed/embedder';
import { parseText } from '../../../src/core/parse/text';

const DIMS = 4;

/** A fake model: a unit vector from the text's length and vowel count, and the inputs it saw. */
function fakeModel(): { embed: EmbedFunction; inputs: string[] } {
  const inputs: string[] = [];
  const embed: EmbedFunction = (texts) => {
    inputs.push(...texts);
    const vectors = new Float32Array(texts.length * DIMS);
    texts.forEach((text, row) => {
      const raw = [1, text.length % 7, (text.match(/[aeiou]/g) ?? []).length % 5, row + 1];
      const norm = Math.hypot(...raw);
      raw.forEach((value, d) => (vectors[row * DIMS + d] = value / norm));
    });
    return Promise.resolve({ vectors, dims: DIMS });
  };
  return { embed, inputs };
}

function generatedResume(sections: number): string {
  const parts = ['Robin Vale', 'Line Cook'];
  for (let s = 0; s < sections; s++)
    parts.push('', `Section ${s + 1}`, `Prepared sauces and stocks for service number ${s}.`);
  return parts.join('\n');
}

describe('embedDocument, tiled layout', () => {
  const parsed = parseText(generatedResume(6));
  const maxTokens = 30;
  const options = { maxTokens, layout: 'tiled' as const };

  it('embeds each tile once and never the whole text on top', async () => {
    const model = fakeModel();
    const result = await embedDocument(parsed, model.embed, options);
    const tiles = chunkDocument(parsed, { maxChars: maxCharsForTokens(maxTokens), layout: 'tiled' }).chunks;
    expect(tiles.length).toBeGreaterThan(1);
    expect(model.inputs).toEqual(tiles.map((span) => parsed.text.slice(span.start, span.end)));
    expect(result.chunks.length).toBe(tiles.length * DIMS);
  });

  it('makes the document vector the length-weighted mean of the tile vectors', async () => {
    const result = await embedDocument(parsed, fakeModel().embed, options);
    const mean = new Array<number>(DIMS).fill(0);
    result.chunkSpans.forEach((span, index) => {
      for (let d = 0; d < DIMS; d++) mean[d]! += (span.end - span.start) * result.chunks[index * DIMS + d]!;
    });
    const norm = Math.hypot(...mean);
    for (let d = 0; d < DIMS; d++) expect(result.document[d]).toBeCloseTo(mean[d]! / norm, 5);
  });

  it('embeds a document that fits one input as its one tile', async () => {
    const short = parseText('Robin Vale\nLine Cook');
    const model = fakeModel();
    const result = await embedDocument(short, model.embed, options);
    expect(model.inputs).toEqual(['Robin Vale\nLine Cook']);
    expect(result.chunks.length).toBe(DIMS);
    result.document.forEach((value, d) => expect(value).toBeCloseTo(result.chunks[d]!, 6));
  });

  it('keeps only the document vector when asked (the built-in model stores 2 KB a resume)', async () => {
    const full = await embedDocument(parsed, fakeModel().embed, options);
    const only = await embedDocument(parsed, fakeModel().embed, { ...options, documentOnly: true });
    expect([...only.document]).toEqual([...full.document]);
    expect(only.chunks).toBe(only.document);
    expect(only.chunkSpans).toHaveLength(1);
  });
});

describe("a job's vectors leave its tool list out", () => {
  /** A generated occupation profile with a tool list line. */
  const job = parseText(
    [
      'Widget Inspectors',
      '',
      'Inspect widgets on the line and record every defect found.',
      'Tools and technologies: Alpha Suite, Beta Tracker, Gamma Sheets, Delta Board.',
    ].join('\n'),
  );

  it('no model input holds the tool list, and a job without one is embedded as before', async () => {
    const structure = jobEmbedStructure(job);
    expect([...(structure.skipLines ?? [])]).toEqual([3]);
    const model = fakeModel();
    await embedWith(
      {
        modelId: 'fake',
        dims: DIMS,
        maxTokens: 128,
        chunkLayout: 'tiled',
        embed: model.embed,
        dispose: () => Promise.resolve(),
      },
      job,
      structure,
    );
    expect(model.inputs.length).toBeGreaterThan(0);
    expect(model.inputs.some((input) => input.includes('Beta Tracker'))).toBe(false);
    expect(model.inputs.some((input) => input.includes('record every defect'))).toBe(true);
    expect(jobEmbedStructure(parseText('Widget Inspectors\n\nInspect widgets.'))).toEqual({});
  });
});
