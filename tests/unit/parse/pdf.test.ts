import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/domain';
import { ParseError } from '../../../src/core/errors';
import { parsePdf, type PdfJsLike } from '../../../src/core/parse/pdf';
import { makeNodeFontSink, nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { nodePdfFonts } from '../../../scripts/lib/node-fonts';
import { onePagePdfJs } from './pdfjs-stub';
import {
  ALICE,
  makeCorruptPdf,
  makeEncryptedLikePdf,
  makeLargePdf,
  makeResumePdf,
  makeScannedPdf,
} from '../../fixtures/resume-fixtures';

let pdfjs: PdfJsLike;
beforeAll(async () => {
  pdfjs = await nodeParseLibs.loadPdfjs();
});

function indexOfLine(document: ParsedDocument, text: string): number {
  const index = document.lines.findIndex((line) => line.text === text);
  expect(index, `line "${text}"`).toBeGreaterThanOrEqual(0);
  return index;
}

async function parseError(bytes: Uint8Array): Promise<ParseError> {
  const error: unknown = await parsePdf(bytes, pdfjs).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

/** Every job's title line and bullets must appear in resume order, never mixed with the other column. */
function expectExperienceInOrder(document: ParsedDocument): void {
  const positions = ALICE.work.flatMap((job) => [
    document.lines.findIndex((line) => line.text.startsWith(`${job.title}, ${job.company}`)),
    ...job.bullets.map((bullet) =>
      document.lines.findIndex((line) => bullet.startsWith(line.text) && line.bullet),
    ),
  ]);
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
}

describe('parsePdf reading order', () => {
  it('reads a one-column resume top to bottom with headings and bullets flagged', async () => {
    const document = await parsePdf(await makeResumePdf(ALICE, 'one-column'), pdfjs);
    expect(document.kind).toBe('pdf');
    expect(document.lines[0]?.text).toBe('Alice Martin');
    expect(document.lines[0]?.heading).toBe(true);
    for (const heading of ['SUMMARY', 'EXPERIENCE', 'EDUCATION', 'SKILLS']) {
      const line = document.lines[indexOfLine(document, heading)];
      expect(line?.heading).toBe(true);
      expect(line?.bold).toBe(true);
    }
    const bullet = document.lines.find((line) => line.text.startsWith('Built Python and Apache Airflow'));
    expect(bullet?.bullet).toBe(true);
    expect(bullet?.text.startsWith('•')).toBe(false);
    expect(document.lines.find((line) => line.text.startsWith('Senior Data Engineer, Northwind'))?.text).toBe(
      'Senior Data Engineer, Northwind Analytics Jan 2020 – Present',
    );
    expect(document.lines.some((line) => line.heading && /Python|SQL/.test(line.text))).toBe(false);
    expectExperienceInOrder(document);
  });

  it('reads the left column before the right one in a two-column resume', async () => {
    const document = await parsePdf(await makeResumePdf(ALICE, 'two-column'), pdfjs);
    expectExperienceInOrder(document);
    const lastExperience = indexOfLine(document, 'Automated weekly sales reports with Python, pandas');
    const skills = indexOfLine(document, 'SKILLS');
    expect(skills).toBeGreaterThan(lastExperience);
    // The skills column is one block: each skill on its own line, in order, after the heading.
    const skillLines = ALICE.skills.map((skill) => indexOfLine(document, skill));
    expect(skillLines).toEqual(skillLines.map((_, offset) => skills + 1 + offset));
    expect(document.lines.some((line) => line.heading && line.text === 'SQL')).toBe(false);
  });

  it('reads the main column first and the sidebar after it', async () => {
    const document = await parsePdf(await makeResumePdf(ALICE, 'sidebar'), pdfjs);
    expect(document.lines[0]?.text).toBe('Alice Martin');
    expectExperienceInOrder(document);
    const contact = indexOfLine(document, 'CONTACT');
    expect(contact).toBeGreaterThan(
      indexOfLine(document, 'Automated weekly sales reports with Python, pandas and SQL.'),
    );
    expect(document.lines[contact + 1]?.text).toBe(ALICE.email);
  });

  it('keeps link annotations for email, LinkedIn and GitHub', async () => {
    const document = await parsePdf(await makeResumePdf(ALICE, 'two-column'), pdfjs);
    expect(document.links).toEqual([
      `mailto:${ALICE.email}`,
      'https://www.linkedin.com/in/alice-martin',
      'https://github.com/alicem',
    ]);
  });
});

describe('parsePdf clean-up', () => {
  it('joins a word hyphenated across a line break', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([612, 792]);
    const lines = [
      'We built the streaming data orches-',
      'tration layer for pricing analytics,',
      'self-',
      'Service',
    ];
    lines.forEach((text, index) => page.drawText(text, { x: 54, y: 700 - index * 13, size: 10, font }));
    const document = await parsePdf(await pdf.save(), pdfjs);
    expect(document.lines.map((line) => line.text)).toEqual([
      'We built the streaming data orchestration',
      'layer for pricing analytics,',
      // An upper-case continuation is not a broken word: the hyphen stays.
      'self-',
      'Service',
    ]);
  });

  it('removes running headers and page numbers but keeps the content', async () => {
    const document = await parsePdf(await makeLargePdf(0, { textPages: 3 }), pdfjs);
    expect(document.pages).toBeGreaterThanOrEqual(3);
    expect(document.lines.some((line) => line.text.includes('Curriculum Vitae'))).toBe(false);
    expect(document.lines.some((line) => /^Page \d+$/.test(line.text))).toBe(false);
    expect(document.lines[0]?.text).toBe('Alice Martin');
    expect(
      document.lines.filter((line) => /^Senior Data Engineer, Project \d+/.test(line.text)).length,
    ).toBeGreaterThan(4);
    // Leaving out a running header is information, not a problem: a note, never a warning.
    expect(document.notes).toEqual([expect.stringMatching(/^Left out \d+ lines repeated on every page/)]);
    expect(document.warnings.filter((warning) => /header|footer|repeated/i.test(warning))).toEqual([]);
  });

  it('expands ligatures and drops soft hyphens (pdfjs injected as a stub)', async () => {
    const items = [
      { str: 'Eﬃcient ﬁle work', transform: [10, 0, 0, 10, 54, 700], width: 80, fontName: 'f1' },
      {
        str: 'con\u00adtinuous deploy\u2011ment of the work ﬂow',
        transform: [10, 0, 0, 10, 54, 686],
        width: 190,
        fontName: 'f1',
      },
    ];
    const page = {
      getTextContent: () => Promise.resolve({ items }),
      getViewport: () => ({ width: 612, height: 792, transform: [1, 0, 0, -1, 0, 792] }),
      getAnnotations: () => Promise.resolve([]),
      getOperatorList: () => Promise.resolve(undefined),
      commonObjs: { has: () => true, get: () => ({ name: 'Helvetica' }) },
    };
    const stub = onePagePdfJs(page);
    const document = await parsePdf(new Uint8Array([1]), stub);
    expect(document.text).toBe('Efficient file work\ncontinuous deploy-ment of the work flow');
  });
});

describe('parsePdf fonts', () => {
  it('installs fonts into the font sink, so pdf.js compiles no glyph outlines', async () => {
    let installed = 0;
    // An embedded font (the standard 14 carry no font program for pdf.js to install or outline).
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont((await nodePdfFonts('sans')).regular, { subset: true });
    const page = pdf.addPage([612, 792]);
    page.drawText('Alice Martin', { x: 54, y: 720, size: 20, font });
    page.drawText('Data engineer building pricing pipelines in Python and SQL.', {
      x: 54,
      y: 690,
      size: 11,
      font,
    });
    const bytes = await pdf.save();
    const withSink = await parsePdf(bytes, { ...pdfjs, fontSink: makeNodeFontSink(() => installed++) });
    expect(installed).toBeGreaterThan(0);
    // The sink changes how fonts are kept, never the text read or its styling.
    const withoutSink = await parsePdf(bytes, { ...pdfjs, fontSink: undefined });
    expect(withSink.lines).toEqual(withoutSink.lines);
  });
});

describe('parsePdf link annotations', () => {
  const items = [
    { str: 'Alice Martin', transform: [10, 0, 0, 10, 54, 700], width: 70, fontName: 'f1' },
    { str: 'alice@example.com  LinkedIn', transform: [10, 0, 0, 10, 54, 686], width: 150, fontName: 'f1' },
  ];
  /** A one-page pdfjs stub whose print listing holds `printable` and display listing `all`. */
  function stubWithLinks(printable: string[], all: string[]) {
    const intents: string[] = [];
    const asLinks = (urls: string[]) => urls.map((url) => ({ subtype: 'Link', url }));
    const page = {
      getTextContent: () => Promise.resolve({ items }),
      getViewport: () => ({ width: 612, height: 792, transform: [1, 0, 0, -1, 0, 792] }),
      getAnnotations: (params?: { intent?: string }) => {
        const intent = params?.intent ?? 'display';
        intents.push(intent);
        return Promise.resolve(intent === 'print' ? asLinks(printable) : asLinks(all));
      },
      getOperatorList: () => Promise.resolve(undefined),
      commonObjs: { has: () => true, get: () => ({ name: 'Helvetica' }) },
    };
    const pdfjsStub = onePagePdfJs(page);
    return { pdfjsStub, intents };
  }

  it('takes the links flagged for printing without the costly display listing', async () => {
    const { pdfjsStub, intents } = stubWithLinks(
      ['https://www.linkedin.com/in/alice-martin'],
      ['https://www.linkedin.com/in/alice-martin'],
    );
    const document = await parsePdf(new Uint8Array([1]), pdfjsStub);
    expect(document.links).toEqual(['https://www.linkedin.com/in/alice-martin']);
    expect(intents).toEqual(['print']);
  });

  it('asks for the display listing when no link is flagged for printing', async () => {
    const { pdfjsStub, intents } = stubWithLinks([], ['https://www.linkedin.com/in/alice-martin']);
    const document = await parsePdf(new Uint8Array([1]), pdfjsStub);
    expect(document.links).toEqual(['https://www.linkedin.com/in/alice-martin']);
    expect(intents).toEqual(['print', 'display']);
  });
});

describe('parsePdf errors', () => {
  it('reports a damaged PDF as corrupt-file', async () => {
    expect((await parseError(makeCorruptPdf())).code).toBe('corrupt-file');
  });

  it('reports a password-protected PDF as encrypted-pdf with the next step', async () => {
    const error = await parseError(makeEncryptedLikePdf());
    expect(error.code).toBe('encrypted-pdf');
    expect(error.message).toBe(
      'This PDF is password-protected, so it cannot be read. Open it, save a copy without the password ' +
        '(for example Print → Save as PDF), and add that copy.',
    );
  });

  it('reports an image-only PDF as no-text-layer', async () => {
    const error = await parseError(await makeScannedPdf());
    expect(error.code).toBe('no-text-layer');
    expect(error.message).toMatch(/^No text found — this looks like a scanned document/);
    expect(error.message).toContain('OCR');
    expect(error.message).toContain('nothing was added');
  });
});
