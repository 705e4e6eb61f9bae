/** Bench rows for the job seeker's tools: the ATS check, and rendering a resume to PDF and DOCX. */
import { checkResume, ruleFixes, type AtsInput } from '../src/core/ats';
import type { JobSpec, ParsedDocument, Profile } from '../src/core/domain';
import { percentile, timeIt, timeRow, type BenchRow } from './harness';

export async function atsRows(
  log: (row: BenchRow) => void,
  resumes: ParsedDocument[],
  profiles: Profile[],
  jobs: { spec: JobSpec; text: string }[],
): Promise<void> {
  const inputs: AtsInput[] = resumes.map((document, index) => ({
    document,
    profile: profiles[index]!,
    file: { kind: document.kind, size: document.text.length, fileName: `resume-${index}` },
  }));
  let run = 0;
  const samples = await timeIt(
    () => {
      const base = inputs[run % inputs.length]!;
      // Every other check is against a job (keyword coverage is the heaviest part).
      const input = run % 2 === 0 ? { ...base, job: jobs[run % jobs.length] } : base;
      run++;
      const report = checkResume(input);
      return ruleFixes(input, report);
    },
    { warmup: 20, iterations: 400 },
  );
  log(
    timeRow(
      'ats.check',
      percentile(samples, 95),
      30,
      `p95 over ${samples.length} ATS checks with rule fixes of ${inputs.length} generated resumes, half against a job`,
    ),
  );
}

/**
 * render.pdf / render.docx: a 2-page resume (a generated profile with its work history repeated
 * until the PDF has two pages), each template in turn.
 */
export async function renderRows(
  log: (row: BenchRow) => void,
  document: ParsedDocument,
  profile: Profile,
): Promise<void> {
  const { renderDocx, renderPdf, resumeBlocks, TEMPLATE_IDS, TEMPLATES } = await import('../src/core/render');
  const { PDFDocument } = await import('pdf-lib');
  const { nodePdfFonts } = await import('../scripts/lib/node-fonts');
  const fonts = { serif: await nodePdfFonts('serif'), sans: await nodePdfFonts('sans') };
  let long = profile;
  let pages = 1;
  for (let copies = 2; pages < 2 && copies < 12; copies++) {
    long = { ...profile, work: Array.from({ length: copies }, () => profile.work).flat() };
    const bytes = await renderPdf(resumeBlocks(long, document), TEMPLATES.classic, 'bench', fonts.serif);
    pages = (await PDFDocument.load(bytes)).getPageCount();
  }
  const blocks = resumeBlocks(long, document);
  const pdf = (template: (typeof TEMPLATE_IDS)[number]) =>
    renderPdf(blocks, TEMPLATES[template], 'bench', fonts[TEMPLATES[template].pdfFont]);
  let run = 0;
  const pdfSamples = await timeIt(() => pdf(TEMPLATE_IDS[run++ % 3]!), {
    warmup: 5,
    iterations: 60,
  });
  log(
    timeRow(
      'render.pdf',
      percentile(pdfSamples, 95),
      500,
      `p95 over ${pdfSamples.length} renders of a ${pages}-page resume (${long.work.length} jobs), the 3 templates in turn`,
    ),
  );
  const docxSamples = await timeIt(() => renderDocx(blocks, TEMPLATES[TEMPLATE_IDS[run++ % 3]!], 'bench'), {
    warmup: 5,
    iterations: 60,
  });
  log(
    timeRow(
      'render.docx',
      percentile(docxSamples, 95),
      300,
      `p95 over ${docxSamples.length} DOCX renders of the same ${pages}-page resume, the 3 templates in turn`,
    ),
  );
}
