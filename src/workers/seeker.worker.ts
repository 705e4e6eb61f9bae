/**
 * Seeker worker: the job seeker's tools on a stored resume — the ATS check (with rule fixes) and
 * rendering a version to PDF / DOCX (pdf-lib, fontkit and docx load lazily, on the first render;
 * the PDF fonts are fetched from this origin on the first PDF, see render-fonts.ts).
 * Reads: resumes, jobs, documents. Writes nothing: results are cached by the host client.
 * Stateless, so a cancel may terminate it (the pool respawns on the next call).
 */
import * as Comlink from 'comlink';
import { checkResume, ruleFixes, type AtsInput } from '../core/ats';
import { fnv1a64, stableStringify } from '../core/cache/hash';
import type { AtsCheckResult, RenderedResume, SeekerApi } from '../core/contracts/seeker-api';
import { resumeBlocks, type RenderFormat, type TemplateId } from '../core/render/model';
import { TEMPLATES } from '../core/render/templates';
import { toOutcome } from '../core/contracts/outcome';
import { ShortlistError } from '../core/errors';
import { AppDb } from '../db/app-db';
import { DocumentRepository } from '../db/documents.repo';
import { JobRepository } from '../db/jobs.repo';
import { ResumeRepository } from '../db/resumes.repo';
import { pdfFonts } from './render-fonts';

const db = new AppDb();
const resumes = new ResumeRepository(db);
const jobs = new JobRepository(db);
const documents = new DocumentRepository(db);

async function loadInput(resumeId: string, jobId: string | undefined): Promise<AtsInput> {
  const resume = await resumes.get(resumeId);
  const document = resume ? await documents.get(resume.documentId) : undefined;
  if (!resume || !document) throw new ShortlistError('not-found', 'That resume is no longer in the library.');
  let job: AtsInput['job'];
  if (jobId) {
    const record = await jobs.get(jobId);
    const jobDocument = record ? await documents.get(record.documentId) : undefined;
    if (!record || !jobDocument)
      throw new ShortlistError('not-found', 'That job is no longer in the library.');
    job = { spec: record.spec, text: jobDocument.parsed.text };
  }
  return {
    document: document.parsed,
    profile: resume.profile,
    file: { kind: document.kind, size: document.size, fileName: document.fileName },
    ...(job ? { job } : {}),
  };
}

// The renderers pull in pdf-lib / docx: loaded once, on first use; a failed load is retried.
let pdfRenderer: Promise<typeof import('../core/render/pdf')> | undefined;
let docxRenderer: Promise<typeof import('../core/render/docx')> | undefined;
function loadPdf() {
  pdfRenderer ??= import('../core/render/pdf');
  pdfRenderer.catch(() => (pdfRenderer = undefined));
  return pdfRenderer;
}
function loadDocx() {
  docxRenderer ??= import('../core/render/docx');
  docxRenderer.catch(() => (docxRenderer = undefined));
  return docxRenderer;
}

const MIME: Record<RenderFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function fileNameFor(name: string, template: TemplateId, format: RenderFormat): string {
  const base = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'resume';
  return `${base}-${template}.${format}`;
}

const seekerWorker = {
  async render(resumeId, template, format) {
    const outcome = await toOutcome(async () => {
      const resume = await resumes.get(resumeId);
      const document = resume ? await documents.get(resume.documentId) : undefined;
      if (!resume || !document)
        throw new ShortlistError('not-found', 'That resume is no longer in the library.');
      const style = TEMPLATES[template];
      if (!style) throw new ShortlistError('invalid-input', `There is no template "${String(template)}".`);
      const blocks = resumeBlocks(resume.profile, document.parsed);
      const title = resume.profile.basics.name ?? resume.name;
      // Loading the renderer and the fonts (once per worker) is not part of the render's time.
      let render: () => Promise<Uint8Array>;
      if (format === 'pdf') {
        const [{ renderPdf }, fonts] = await Promise.all([loadPdf(), pdfFonts(style.pdfFont)]);
        render = () => renderPdf(blocks, style, title, fonts);
      } else {
        const { renderDocx } = await loadDocx();
        render = () => renderDocx(blocks, style, title);
      }
      const start = performance.now();
      const bytes = await render();
      const renderMs = performance.now() - start;
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const value: RenderedResume = {
        resumeId,
        template,
        format,
        fileName: fileNameFor(title, template, format),
        mimeType: MIME[format],
        bytes: buffer,
        contentHash: fnv1a64(stableStringify(blocks)),
        renderMs,
      };
      return value;
    });
    // The file is not needed here any more: transfer it instead of copying.
    return outcome.ok ? Comlink.transfer(outcome, [outcome.value.bytes]) : outcome;
  },

  atsCheck(resumeId, jobId) {
    return toOutcome(async () => {
      const input = await loadInput(resumeId, jobId);
      const start = performance.now();
      const report = checkResume(input);
      const fixes = ruleFixes(input, report);
      const checkMs = performance.now() - start;
      const value: AtsCheckResult = { resumeId, ...(jobId ? { jobId } : {}), report, fixes, checkMs };
      return value;
    });
  },
} satisfies SeekerApi;

Comlink.expose(seekerWorker);
