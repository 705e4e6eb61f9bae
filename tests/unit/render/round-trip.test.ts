/**
 * Round trip: a resume's profile, rendered in each template to PDF and to DOCX and read back by
 * our own parser, gives the same fields (name, email, phone, every work entry's company, title
 * and dates, education, skills). Profiles come from generated resumes (tests/fixtures).
 */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedDocument, Profile } from '../../../src/core/domain';
import { extractResume } from '../../../src/core/extract/resume';
import { parseDocx } from '../../../src/core/parse/docx';
import { parsePdf, type PdfJsLike } from '../../../src/core/parse/pdf';
import type { MammothLike } from '../../../src/core/parse/docx';
import {
  displayRange,
  renderDocx,
  renderPdf,
  resumeBlocks,
  TEMPLATE_IDS,
  TEMPLATES,
  toJsonResume,
} from '../../../src/core/render';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { nodePdfFonts } from '../../../scripts/lib/node-fonts';
import { ALICE, BOB, CHLOE, DARIA, makeResumePdf, type ResumeSpec } from '../../fixtures/resume-fixtures';

let pdfjs: PdfJsLike;
let mammoth: MammothLike;
beforeAll(async () => {
  pdfjs = await nodeParseLibs.loadPdfjs();
  mammoth = await nodeParseLibs.loadMammoth();
});

/** The fields the round trip must keep, normalised the way the parser reports them. */
export function comparable(profile: Profile) {
  return {
    name: profile.basics.name,
    email: profile.basics.email,
    phone: profile.basics.phone?.replace(/\D/g, ''),
    work: profile.work.map((entry) => ({
      company: entry.company,
      position: entry.position,
      startDate: entry.startDate,
      endDate: entry.endDate,
    })),
    education: profile.education.map((entry) => ({
      institution: entry.institution,
      studyType: entry.studyType,
      startDate: entry.startDate,
      endDate: entry.endDate,
    })),
    skills: [...new Set(profile.skills.map((skill) => skill.name))].sort(),
  };
}

async function sourceProfile(spec: ResumeSpec): Promise<{ document: ParsedDocument; profile: Profile }> {
  const document = await parsePdf(await makeResumePdf(spec, 'one-column'), pdfjs);
  return { document, profile: extractResume(document) };
}

describe('render round trip', () => {
  for (const spec of [ALICE, BOB, CHLOE, DARIA]) {
    it(`${spec.name}: every template, PDF and DOCX, read back the same`, async () => {
      const { document, profile } = await sourceProfile(spec);
      const expected = comparable(profile);
      expect(expected.work.length).toBeGreaterThan(0);
      const blocks = resumeBlocks(profile, document);
      for (const template of TEMPLATE_IDS) {
        const style = TEMPLATES[template];
        const pdf = await renderPdf(blocks, style, spec.name, await nodePdfFonts(style.pdfFont));
        const fromPdf = extractResume(await parsePdf(pdf, pdfjs));
        expect(comparable(fromPdf), `${template} PDF`).toEqual(expected);
        const docx = await renderDocx(blocks, TEMPLATES[template], spec.name);
        const fromDocx = extractResume(await parseDocx(docx, mammoth, { maxUnzippedBytes: 50_000_000 }));
        expect(comparable(fromDocx), `${template} DOCX`).toEqual(expected);
      }
    });
  }

  it('renders real, single-column text: no line starts right of the margin except bullets', async () => {
    const { document, profile } = await sourceProfile(ALICE);
    const pdf = await renderPdf(
      resumeBlocks(profile, document),
      TEMPLATES.compact,
      'Alice',
      await nodePdfFonts('sans'),
    );
    const parsed = await parsePdf(pdf, pdfjs);
    expect(parsed.text).toContain('Senior Data Engineer, Northwind Analytics Jan 2020 – Present');
    expect(Math.min(...parsed.lines.map((line) => line.x))).toBeCloseTo(TEMPLATES.compact.margin, 0);
  });

  it('keeps a long entry header on one line (set smaller) and does not repeat a degree the school names', async () => {
    const { document, profile } = await sourceProfile(ALICE);
    const long = {
      ...profile,
      work: [
        {
          ...profile.work[0]!,
          position: 'Founding Member & Site Reliability Engineer & Infrastructure Team Lead',
          company: 'Danggeun Pay Inc. (KarrotPay)',
        },
        ...profile.work.slice(1),
      ],
      education: [
        {
          institution: 'UG: B.Tech/B.E. (Civil) from Inderprastha Engineering College',
          studyType: 'B.E.',
          startDate: '2017',
          endDate: '2017',
          line: 0,
        },
      ],
    };
    const blocks = resumeBlocks(long, document);
    expect(blocks).toContainEqual({ kind: 'meta', text: '2017 – 2017' });
    for (const template of TEMPLATE_IDS) {
      const style = TEMPLATES[template];
      const parsed = await parsePdf(
        await renderPdf(blocks, style, 'x', await nodePdfFonts(style.pdfFont)),
        pdfjs,
      );
      expect(parsed.text, template).toContain(
        'Founding Member & Site Reliability Engineer & Infrastructure Team Lead, Danggeun Pay Inc. (KarrotPay) Jan 2020 – Present',
      );
      const back = extractResume(parsed);
      expect(comparable(back).work[0], template).toEqual(comparable(long).work[0]);
      expect(comparable(back).education, template).toEqual(comparable(long).education);
    }
  });

  it('the same resume and template give the same bytes (cacheable)', async () => {
    const { document, profile } = await sourceProfile(BOB);
    const blocks = resumeBlocks(profile, document);
    const fonts = await nodePdfFonts('sans');
    expect(await renderPdf(blocks, TEMPLATES.modern, 'Bob', fonts)).toEqual(
      await renderPdf(blocks, TEMPLATES.modern, 'Bob', fonts),
    );
  });

  it('keeps Latin Extended letters; one the font lacks becomes its base letter, not a box', async () => {
    const { document, profile } = await sourceProfile(ALICE);
    const renamed = { ...profile, basics: { ...profile.basics, name: 'Aliński Łukasz Ǹgozi 好' } };
    const parsed = await parsePdf(
      await renderPdf(resumeBlocks(renamed, document), TEMPLATES.classic, 'x', await nodePdfFonts('serif')),
      pdfjs,
    );
    expect(parsed.lines[0]?.text).toBe('Aliński Łukasz Ngozi');
  });

  it('embeds the shipped font as a subset (no standard fonts), and stays small', async () => {
    const { document, profile } = await sourceProfile(BOB);
    for (const template of TEMPLATE_IDS) {
      const style = TEMPLATES[template];
      const bytes = await renderPdf(
        resumeBlocks(profile, document),
        style,
        'Bob',
        await nodePdfFonts(style.pdfFont),
      );
      const pdf = await PDFDocument.load(bytes);
      const fonts = pdf.context
        .enumerateIndirectObjects()
        .map(([, object]) => object)
        .filter(
          (object): object is PDFDict =>
            object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font'),
        )
        .map((dict) => dict.get(PDFName.of('BaseFont'))?.toString() ?? '');
      const family = style.pdfFont === 'serif' ? 'IBMPlexSerif' : 'IBMPlexSans';
      expect(
        fonts.some((name) => name.includes(family)),
        `${template}: ${fonts.join(', ')}`,
      ).toBe(true);
      expect(fonts.every((name) => !/Times|Helvetica/.test(name))).toBe(true);
      expect(bytes.byteLength, template).toBeLessThan(40_000);
    }
  });

  it('dates and JSON Resume', async () => {
    expect(displayRange('2019-03', 'present')).toBe('Mar 2019 – Present');
    expect(displayRange('2015', '2017')).toBe('2015 – 2017');
    expect(displayRange(undefined, '2017-05')).toBe('May 2017');
    const { document, profile } = await sourceProfile(ALICE);
    const json = toJsonResume(profile, document);
    expect(json.basics.email).toBe('alice.martin@example.com');
    expect(json.basics.summary).toMatch(/^Data engineer with eight years/);
    expect(json.work[0]).toMatchObject({
      name: 'Northwind Analytics',
      position: 'Senior Data Engineer',
      startDate: '2020-01',
    });
    expect(json.work[0]).not.toHaveProperty('endDate');
  });
});
