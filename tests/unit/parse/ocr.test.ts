import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import {
  documentFromOcr,
  markOcrProvenance,
  OCR_WARNING,
  rgbaToPnm,
  type OcrLine,
  type OcrPage,
} from '../../../src/core/parse/ocr';
import { extractResume } from '../../../src/core/extract/resume';

const DPI = 200;
const PX = DPI / 72;

/** One OCR line of words at (x, top) in points, words 0.6 em per character apart like real text. */
function line(x: number, top: number, text: string, size = 10, confidence = 92): OcrLine {
  let left = x * PX;
  const height = size * 0.95 * PX;
  const words = text.split(' ').map((word) => {
    const width = word.length * size * 0.55 * PX;
    const box = { x0: left, y0: top * PX, x1: left + width, y1: top * PX + height };
    left += width + size * 0.3 * PX;
    return { text: word, confidence, box };
  });
  return { words, box: { x0: x * PX, y0: top * PX, x1: left, y1: top * PX + height } };
}

function page(lines: OcrLine[]): OcrPage {
  return { page: 1, width: 612 * PX, height: 792 * PX, dpi: DPI, lines };
}

describe('documentFromOcr', () => {
  it('builds lines in reading order with headings and bullets, like a text PDF', () => {
    const doc = documentFromOcr([
      page([
        line(54, 50, 'Alice Martin', 20),
        line(54, 80, 'alice.martin@example.com'),
        line(54, 110, 'EXPERIENCE', 12),
        line(54, 128, 'Data Engineer, Contoso Retail Jun 2017 - Dec 2019'),
        line(54, 142, '« Developed Spark jobs in Python'),
      ]),
    ]);
    expect(doc.kind).toBe('pdf');
    expect(doc.ocr).toEqual({ pages: 1, confidence: 0.92 });
    expect(doc.lines.map((entry) => entry.text)).toEqual([
      'Alice Martin',
      'alice.martin@example.com',
      'EXPERIENCE',
      'Data Engineer, Contoso Retail Jun 2017 - Dec 2019',
      'Developed Spark jobs in Python',
    ]);
    expect(doc.lines[2]?.heading).toBe(true);
    expect(doc.lines[4]?.bullet).toBe(true);
  });

  it('splits a line the engine read across two columns, so each column stays whole', () => {
    const left = line(54, 100, 'Built pipelines for analytics');
    const right = line(420, 100, 'Python SQL');
    const merged: OcrLine = {
      words: [...left.words, ...right.words],
      box: { ...left.box, x1: right.box.x1 },
    };
    const lines: OcrLine[] = [merged];
    for (let row = 1; row < 8; row++) {
      lines.push(line(54, 100 + row * 14, `Left column sentence number ${row}`));
      lines.push(line(420, 100 + row * 13, `Skill${row}`));
    }
    const doc = documentFromOcr([page(lines)]);
    const texts = doc.lines.map((entry) => entry.text);
    expect(texts).toContain('Built pipelines for analytics');
    expect(texts).toContain('Python SQL');
    expect(texts.some((text) => text.includes('analytics Python'))).toBe(false);
  });

  it('drops speckle and table rules but keeps a confident date dash', () => {
    const noisy = line(54, 100, 'Jan 2020 - Present');
    noisy.words.push({
      text: '|',
      confidence: 99,
      box: { x0: 900, y0: 100 * PX, x1: 905, y1: 100 * PX + 20 },
    });
    noisy.words.push({
      text: '.',
      confidence: 10,
      box: { x0: 1000, y0: 100 * PX, x1: 1003, y1: 100 * PX + 3 },
    });
    const doc = documentFromOcr([page([line(54, 60, 'Some heading text here'), noisy])]);
    expect(doc.text).toContain('Jan 2020 - Present');
    expect(doc.text).not.toContain('|');
  });

  it('refuses a scan where OCR found no text, so nothing is stored', () => {
    let error: unknown;
    try {
      documentFromOcr([page([line(54, 100, '~ .', 10, 15)])]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('no-text-layer');
  });
});

describe('markOcrProvenance', () => {
  it('marks heuristic fields as OCR with lower confidence and asks the person to check them', () => {
    const doc = documentFromOcr([
      page([
        line(54, 50, 'Alice Martin', 20),
        line(54, 80, 'alice.martin@example.com'),
        line(54, 110, 'Senior data engineer in Lyon'),
      ]),
    ]);
    const profile = extractResume(doc);
    const marked = markOcrProvenance(profile, doc.ocr!);
    const email = marked.provenance['basics.email'];
    expect(email?.source).toBe('ocr');
    expect(email?.confidence).toBeLessThan(profile.provenance['basics.email']!.confidence);
    expect(marked.warnings[0]).toBe(OCR_WARNING);
  });
});

describe('rgbaToPnm', () => {
  it('writes a P5 header and one grey byte per pixel, transparent pixels as white paper', () => {
    // black, white, pure red, fully transparent black
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 255, 0, 0, 0, 0]);
    const pnm = rgbaToPnm(rgba, 2, 2);
    const header = 'P5\n2 2\n255\n';
    expect(new TextDecoder().decode(pnm.subarray(0, header.length))).toBe(header);
    expect([...pnm.subarray(header.length)]).toEqual([0, 255, 76, 255]);
  });
});

describe('shaded cells and rules read as words', () => {
  /** A line whose words carry the given confidences, in order. */
  function withConfidences(top: number, text: string, confidences: number[]): OcrLine {
    const built = line(54, top, text);
    built.words.forEach((word, index) => (word.confidence = confidences[index] ?? 92));
    return built;
  }

  it('a line of short unsure words is dropped; its longer words and confident lines stay', () => {
    const doc = documentFromOcr([
      page([
        line(54, 50, 'Chloe Martin', 20),
        withConfidences(80, 'SUMMARY ee Se a', [0, 10, 2, 0]),
        line(54, 100, 'Product designer who turns research into simple interfaces'),
        withConfidences(120, 'dC ses Bade SE hE DR BE Se', [9, 16, 4, 11, 14, 10, 21, 23]),
        withConfidences(140, 'Figma User Research Prototyping', [16, 95, 96, 95]),
        withConfidences(160, 'Ie Drew illustrations with Adobe Illustrator', [26, 96, 92, 96, 96, 58]),
      ]),
    ]);
    expect(doc.lines.map((entry) => entry.text)).toEqual([
      'Chloe Martin',
      'SUMMARY',
      'Product designer who turns research into simple interfaces',
      'Figma User Research Prototyping',
      'Ie Drew illustrations with Adobe Illustrator',
    ]);
  });
});
