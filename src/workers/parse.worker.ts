/**
 * Parse worker: owns turning one file (or pasted text) into a stored resume or job.
 * Sniff → parse (pdf.js / mammoth, loaded lazily, once) → extract → one Dexie transaction.
 * Writes: documents + resumes/jobs tables. Readers: the UI, through live queries.
 * Cancellation is by termination (the pool kills and respawns this worker), so a half-done
 * import never reaches storage: the write is a single transaction at the very end.
 */
import * as Comlink from 'comlink';
import type {
  DocumentRole,
  FileContent,
  ImportProgress,
  ImportResult,
  ParseApi,
} from '../core/contracts/parse-api';
import { toOutcome } from '../core/contracts/outcome';
import type { ParsedDocument, Profile, SourceKind } from '../core/domain';
import {
  mammothWithoutImages,
  parseDocument,
  parseMetricFor,
  refuseOversized,
  sniffType,
  type MammothLike,
  type ParseLibraries,
  type PdfJsLike,
} from '../core/parse';
import { parseText } from '../core/parse/text';
import { inThreadPdfWorker } from '../core/parse/pdf-port';
import { extractResume } from '../core/extract/resume';
import { documentFromOcr, markOcrProvenance } from '../core/parse/ocr';
import { profileFromJsonResume, readJsonResume } from '../core/export/json-resume';
import { extractJob } from '../core/extract/job';
import { findSkills } from '../core/taxonomy';
import { layeredProfile, layeredSpec } from '../core/llm/layers';
import { ParseError, ShortlistError } from '../core/errors';
import { AppDb } from '../db/app-db';
import { DocumentRepository } from '../db/documents.repo';
import { refuseDuplicate } from '../db/duplicates';
import { JobRepository } from '../db/jobs.repo';
import { PendingImportRepository } from '../db/pending-imports.repo';
import type { DocumentRecord } from '../db/records';
import { ResumeRepository } from '../db/resumes.repo';
import { SettingsRepository } from '../db/settings.repo';

/**
 * pdf.js' font sink in this worker (see PdfJsLike.fontSink): pdf.js makes a FontFace of each font
 * (workers have the constructor) and adds it here, to a set that keeps nothing.
 */
const workerFontSink = { fonts: { add: () => undefined, delete: () => false } };

let pdfjsLoad: Promise<PdfJsLike> | undefined;
let mammothLoad: Promise<MammothLike> | undefined;

/** Heavy libraries load lazily, once; a failed load is not cached so the next file retries. */
const libraries: ParseLibraries = {
  loadPdfjs() {
    pdfjsLoad ??= (async () => {
      const [pdfjs, pdfWorker] = await Promise.all([
        import('pdfjs-dist'),
        import('pdfjs-dist/build/pdf.worker.mjs'),
      ]);
      // We are already off the main thread: run pdf.js's own worker code in this thread, one for
      // every file, instead of letting it spawn a nested worker (pdf-port.ts).
      return { ...pdfjs, fontSink: workerFontSink, worker: inThreadPdfWorker(pdfjs.PDFWorker, pdfWorker) };
    })();
    pdfjsLoad.catch(() => (pdfjsLoad = undefined));
    return pdfjsLoad;
  },
  loadMammoth() {
    mammothLoad ??= import('mammoth').then((module) => {
      // mammoth is CommonJS: its exports object is the ES default export once bundled.
      const mammoth = module.default;
      // Images are dropped before conversion: we only need the text, not base64 photos.
      return mammothWithoutImages(mammoth);
    });
    mammothLoad.catch(() => (mammothLoad = undefined));
    return mammothLoad;
  },
};

// Build the skills index while the worker is idle, so the first resume doesn't pay for it.
setTimeout(() => findSkills('warm up'), 0);

const db = new AppDb();
const resumes = new ResumeRepository(db);
const jobs = new JobRepository(db);
const settings = new SettingsRepository(db);
const documents = new DocumentRepository(db);
const pendingImports = new PendingImportRepository(db);

function resumeSkills(profile: { skills: { name: string }[] }): string[] {
  return [...new Set(profile.skills.map((skill) => skill.name.toLowerCase()))];
}

function jobSkills(spec: { required: { skill: string }[]; preferred: { skill: string }[] }): string[] {
  return [...new Set([...spec.required, ...spec.preferred].map((r) => r.skill.toLowerCase()))];
}

async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function mimeFor(kind: SourceKind, given: string): string {
  if (given) return given;
  return kind === 'pdf'
    ? 'application/pdf'
    : kind === 'docx'
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : kind === 'md'
        ? 'text/markdown'
        : kind === 'json'
          ? 'application/json'
          : 'text/plain';
}

/**
 * The profile before corrections: a JSON Resume's own fields (read again from the stored
 * bytes), or the heuristics on the parsed text — marked as OCR when the text came from OCR.
 */
function baseProfile(parsed: ParsedDocument, bytes: ArrayBuffer | undefined, fileName: string): Profile {
  if (parsed.kind === 'json') {
    if (!bytes) throw new ShortlistError('not-found', 'The JSON Resume file of this resume is missing.');
    return profileFromJsonResume(readJsonResume(new TextDecoder().decode(bytes), fileName)).profile;
  }
  const profile = extractResume(parsed);
  return parsed.ocr ? markOcrProvenance(profile, parsed.ocr) : profile;
}

async function extractAndStore(
  request: { requestId: string; role: DocumentRole; fileName: string; mimeType: string; sample?: boolean },
  parsed: ParsedDocument,
  original: { bytes?: ArrayBuffer; size: number; hash: string },
  parseMs: number,
  report: (stage: ImportProgress['stage']) => void,
): Promise<ImportResult> {
  report('extracting');
  const extractStart = performance.now();
  const now = Date.now();
  const document: DocumentRecord = {
    id: `doc-${request.requestId}`,
    role: request.role,
    fileName: request.fileName,
    mimeType: mimeFor(parsed.kind, request.mimeType),
    kind: parsed.kind,
    size: original.size,
    parsed,
    hash: original.hash,
    createdAt: now,
    ...(original.bytes ? { bytes: original.bytes } : {}),
  };
  const sample = request.sample === true ? { sample: true as const } : {};
  let name: string;
  let warnings: string[];
  let extractMs: number;
  let saveStart: number;
  if (request.role === 'resume') {
    const profile = baseProfile(parsed, original.bytes, request.fileName);
    extractMs = performance.now() - extractStart;
    name = profile.basics.name?.trim() || request.fileName;
    warnings = [...parsed.warnings, ...profile.warnings];
    report('saving');
    saveStart = performance.now();
    await resumes.saveImportedResume(document, {
      id: request.requestId,
      documentId: document.id,
      name,
      fileName: request.fileName,
      profile,
      skills: resumeSkills(profile),
      totalYears: profile.totalYears,
      createdAt: now,
      updatedAt: now,
      ...sample,
    });
  } else {
    if (parsed.kind === 'json') {
      throw new ParseError(
        'unsupported-type',
        `“${request.fileName}” is a JSON Resume: add it as a resume. A job can be a PDF, DOCX, TXT or Markdown file, or pasted text.`,
      );
    }
    const spec = extractJob(parsed);
    extractMs = performance.now() - extractStart;
    name = spec.title.trim() || request.fileName;
    warnings = [...parsed.warnings, ...spec.warnings];
    report('saving');
    saveStart = performance.now();
    await jobs.saveImportedJob(document, {
      id: request.requestId,
      documentId: document.id,
      title: name,
      fileName: request.fileName,
      spec,
      skills: jobSkills(spec),
      createdAt: now,
      updatedAt: now,
      ...sample,
    });
  }
  const saveMs = performance.now() - saveStart;
  report('done');
  return {
    id: request.requestId,
    role: request.role,
    kind: parsed.kind,
    name,
    warnings,
    ...(parsed.notes && parsed.notes.length > 0 ? { notes: parsed.notes } : {}),
    ...(parsed.ocr ? { ocr: true } : {}),
    timings: {
      parseMetric: parseMetricFor(parsed.kind),
      parseMs,
      extractMetric: request.role === 'resume' ? 'extract.resume' : 'extract.job',
      extractMs,
      saveMs,
    },
  };
}

/**
 * The request's bytes, reading a picked file here (never on the page): the File handed over, or
 * the one the import queue persisted under `pendingId`. An oversized file is not read.
 */
async function contentOf(
  request: FileContent & { fileName: string },
  maxBytes: number,
): Promise<ArrayBuffer> {
  if (request.bytes) return request.bytes;
  const file = request.file ?? (await pendingImports.file(request.pendingId));
  if (!file) {
    throw new ShortlistError(
      'not-found',
      `“${request.fileName}” is no longer in the import queue (it was cleared or discarded): pick it again.`,
    );
  }
  refuseOversized(file.size, { fileName: request.fileName, maxBytes });
  return file.arrayBuffer();
}

const parseWorker = {
  importFile(request, onProgress) {
    return toOutcome(async () => {
      const report = (stage: ImportProgress['stage']) =>
        onProgress?.({ requestId: request.requestId, stage });
      report('parsing');
      const [maxFileBytes, maxUnzippedBytes, maxPdfPages] = await Promise.all([
        settings.get('maxFileBytes'),
        settings.get('maxUnzippedBytes'),
        settings.get('maxPdfPages'),
      ]);
      const maxBytes = Math.min(request.maxBytes, maxFileBytes);
      const buffer = await contentOf(request, maxBytes);
      const bytes = new Uint8Array(buffer);
      const hash = await sha256Hex(bytes);
      await refuseDuplicate(documents, hash, request.role, request.fileName);
      // Load the library this file needs first, so parse.pdf / parse.docx time the parsing itself,
      // not the one-off module load of the first file (sniffType throws a clear error for bad input).
      const kind = sniffType(bytes, request.fileName, request.mimeType);
      if (kind === 'pdf') await libraries.loadPdfjs();
      else if (kind === 'docx') await libraries.loadMammoth();
      const parseStart = performance.now();
      // parseDocument reads the bytes; pdf.js may detach the buffer it is given, so it gets a copy
      // and the original stays intact for storage.
      const parsed = await parseDocument(
        bytes.slice(),
        {
          fileName: request.fileName,
          mimeType: request.mimeType,
          maxBytes,
          maxUnzippedBytes,
          maxPdfPages,
        },
        libraries,
      );
      const parseMs = performance.now() - parseStart;
      return extractAndStore(
        request,
        parsed,
        { bytes: buffer, size: bytes.byteLength, hash },
        parseMs,
        report,
      );
    });
  },
  importScanned(request, pages, onProgress) {
    return toOutcome(async () => {
      const report = (stage: ImportProgress['stage']) =>
        onProgress?.({ requestId: request.requestId, stage });
      report('parsing');
      const buffer = await contentOf(request, request.maxBytes);
      const bytes = new Uint8Array(buffer);
      const hash = await sha256Hex(bytes);
      const parseStart = performance.now();
      const parsed = documentFromOcr(pages);
      const parseMs = performance.now() - parseStart;
      return extractAndStore(
        request,
        parsed,
        { bytes: buffer, size: bytes.byteLength, hash },
        parseMs,
        report,
      );
    });
  },
  importText(request, onProgress) {
    return toOutcome(async () => {
      const report = (stage: ImportProgress['stage']) =>
        onProgress?.({ requestId: request.requestId, stage });
      report('parsing');
      const parseStart = performance.now();
      const parsed = parseText(request.text, 'paste');
      if (parsed.text.trim().length === 0) {
        throw new ParseError(
          'empty-file',
          'The pasted text is empty. Paste the job description and try again.',
        );
      }
      const parseMs = performance.now() - parseStart;
      const encoded = new TextEncoder().encode(request.text);
      const hash = await sha256Hex(encoded);
      return extractAndStore(
        { ...request, mimeType: 'text/plain' },
        parsed,
        { size: encoded.byteLength, hash },
        parseMs,
        report,
      );
    });
  },
  saveCorrections(request) {
    return toOutcome(async () => {
      const now = Date.now();
      if (request.role === 'resume') {
        const resume = await resumes.get(request.id);
        const document = resume && (await documents.get(resume.documentId));
        if (!resume || !document)
          throw new ShortlistError('not-found', 'That resume is no longer in the library.');
        // All three layers: re-extracted (or re-read JSON Resume), the stored AI refinement, then
        // the corrections on top.
        const profile = layeredProfile(
          baseProfile(document.parsed, document.bytes, document.fileName),
          document.parsed.text,
          resume.refined,
          request.corrections,
        );
        await resumes.update(
          request.id,
          {
            profile,
            corrections: request.corrections,
            name: profile.basics.name?.trim() || resume.fileName,
            skills: resumeSkills(profile),
            totalYears: profile.totalYears,
          },
          now,
        );
      } else {
        const job = await jobs.get(request.id);
        const document = job && (await documents.get(job.documentId));
        if (!job || !document) throw new ShortlistError('not-found', 'That job is no longer in the library.');
        const spec = layeredSpec(
          extractJob(document.parsed),
          document.parsed.text,
          job.refined,
          request.corrections,
        );
        await jobs.update(
          request.id,
          {
            spec,
            corrections: request.corrections,
            title: spec.title || job.fileName,
            skills: jobSkills(spec),
          },
          now,
        );
      }
      return { updatedAt: now };
    });
  },
  parse(bytes, fileName, mimeType, maxBytes) {
    return toOutcome(() => parseDocument(new Uint8Array(bytes), { fileName, mimeType, maxBytes }, libraries));
  },
} satisfies ParseApi;

Comlink.expose(parseWorker);
