/**
 * npm run eval -- render: for every resume of the parser dev set, its parsed profile is rendered
 * in each template to PDF and DOCX and read back with the same parser; prints the share of
 * resumes whose fields agree (name, email, phone, every work entry's company / title / dates,
 * education, skills), per template and format, and per field. The files are read at run time
 * from ../shared/eval and never copied.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Profile } from '../../src/core/domain';
import { extractResume } from '../../src/core/extract/resume';
import { parseDocument } from '../../src/core/parse';
import { parseDocx } from '../../src/core/parse/docx';
import { parsePdf } from '../../src/core/parse/pdf';
import { renderDocx, renderPdf, resumeBlocks, TEMPLATE_IDS, TEMPLATES } from '../../src/core/render';
import { nodeParseLibs } from '../lib/node-parse-libs';
import { nodePdfFonts } from '../lib/node-fonts';

const FIELDS = ['name', 'email', 'phone', 'work', 'education', 'skills'] as const;
type Field = (typeof FIELDS)[number];

function fields(profile: Profile): Record<Field, string> {
  return {
    name: profile.basics.name ?? '',
    email: profile.basics.email ?? '',
    phone: (profile.basics.phone ?? '').replace(/\D/g, ''),
    work: JSON.stringify(profile.work.map((w) => [w.company, w.position, w.startDate, w.endDate])),
    education: JSON.stringify(
      profile.education.map((e) => [e.institution, e.studyType, e.startDate, e.endDate]),
    ),
    skills: JSON.stringify([...new Set(profile.skills.map((s) => s.name))].sort()),
  };
}

export interface RenderEvalReport {
  cases: number;
  /** `${template}.${format}` → share of resumes with every field equal. */
  allFieldsEqual: Record<string, number>;
  /** field → share equal over every template and format. */
  perField: Record<Field, number>;
  /** `${template}.${format}` → field → share of resumes with that field equal. */
  perOutputField: Record<string, Record<Field, number>>;
  /** Each differing field with the value parsed from the source and the one read back. */
  mismatches: {
    file: string;
    output: string;
    fields: Field[];
    diff: Partial<Record<Field, [string, string]>>;
  }[];
}

export async function runRenderEval(casesFile: string): Promise<RenderEvalReport> {
  const root = dirname(dirname(casesFile));
  const cases = JSON.parse(await readFile(casesFile, 'utf8')) as { file: string }[];
  const pdfjs = await nodeParseLibs.loadPdfjs();
  const mammoth = await nodeParseLibs.loadMammoth();
  const equalAll = new Map<string, number>();
  const equalField = new Map<Field, number>();
  const equalOutputField = new Map<string, number>();
  let outputs = 0;
  const mismatches: RenderEvalReport['mismatches'] = [];
  for (const testCase of cases) {
    const bytes = new Uint8Array(await readFile(join(root, testCase.file)));
    const document = await parseDocument(
      bytes,
      { fileName: basename(testCase.file), mimeType: '', maxBytes: 20 * 1024 * 1024 },
      nodeParseLibs,
    );
    const profile = extractResume(document);
    const expected = fields(profile);
    const blocks = resumeBlocks(profile, document);
    for (const template of TEMPLATE_IDS) {
      for (const format of ['pdf', 'docx'] as const) {
        const rendered =
          format === 'pdf'
            ? await parsePdf(
                await renderPdf(
                  blocks,
                  TEMPLATES[template],
                  'eval',
                  await nodePdfFonts(TEMPLATES[template].pdfFont),
                ),
                pdfjs,
              )
            : await parseDocx(await renderDocx(blocks, TEMPLATES[template], 'eval'), mammoth, {
                maxUnzippedBytes: 100_000_000,
              });
        const actual = fields(extractResume(rendered));
        const wrong = FIELDS.filter((field) => actual[field] !== expected[field]);
        outputs++;
        const key = `${template}.${format}`;
        for (const field of FIELDS) {
          if (wrong.includes(field)) continue;
          equalField.set(field, (equalField.get(field) ?? 0) + 1);
          equalOutputField.set(`${key}/${field}`, (equalOutputField.get(`${key}/${field}`) ?? 0) + 1);
        }
        if (wrong.length === 0) equalAll.set(key, (equalAll.get(key) ?? 0) + 1);
        else
          mismatches.push({
            file: testCase.file,
            output: key,
            fields: wrong,
            diff: Object.fromEntries(wrong.map((field) => [field, [expected[field], actual[field]]])),
          });
      }
    }
  }
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const outputKeys = TEMPLATE_IDS.flatMap((t) => ['pdf', 'docx'].map((f) => `${t}.${f}`));
  return {
    cases: cases.length,
    allFieldsEqual: Object.fromEntries(
      outputKeys.map((key) => [key, round((equalAll.get(key) ?? 0) / cases.length)]),
    ),
    perField: Object.fromEntries(
      FIELDS.map((field) => [field, round((equalField.get(field) ?? 0) / outputs)]),
    ) as Record<Field, number>,
    perOutputField: Object.fromEntries(
      outputKeys.map((key) => [
        key,
        Object.fromEntries(
          FIELDS.map((field) => [
            field,
            round((equalOutputField.get(`${key}/${field}`) ?? 0) / cases.length),
          ]),
        ) as Record<Field, number>,
      ]),
    ),
    mismatches,
  };
}
