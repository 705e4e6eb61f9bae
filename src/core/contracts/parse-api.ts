/**
 * The parse worker's typed contract. The worker `expose`s an object that `satisfies ParseApi`;
 * the host `wrap`s it. Results are Outcome values: a thrown Error loses its code across Comlink,
 * so failures travel as {name, code, message}.
 */
import type { ParsedDocument, SourceKind } from '../domain';
import type { JobCorrections, ProfileCorrections } from '../corrections/corrections';
import type { OcrPage } from './ocr-api';

export type DocumentRole = 'resume' | 'job';

import type { Outcome } from './outcome';

export type ImportStage = 'reading' | 'parsing' | 'extracting' | 'saving' | 'done';

export interface ImportProgress {
  requestId: string;
  stage: ImportStage;
}

export type FileImportRequest = FileImportFields & FileContent;

export interface FileImportFields {
  /** Chosen by the caller; also the id of the stored resume or job. */
  requestId: string;
  role: DocumentRole;
  fileName: string;
  mimeType: string;
  /** Files larger than this are refused before parsing (and before a picked file is read). */
  maxBytes: number;
}

/**
 * The file's content: its bytes (transferred, not copied: the caller's buffer is detached after
 * the call), the picked file itself, which the worker reads — so the page never holds or copies
 * the bytes (a File crosses to a worker as a handle) — or, for a file the import queue has already
 * persisted, the id of its pending-import record: the worker reads the file from IndexedDB, so the
 * page does not serialise the File a second time (each serialisation of a picked File costs the
 * page's main thread ~0.3–1 ms, and stalls up to ~100 ms when the cores are busy).
 */
export type FileContent =
  | { bytes: ArrayBuffer; file?: undefined; pendingId?: undefined }
  | { file: Blob; bytes?: undefined; pendingId?: undefined }
  | { pendingId: string; bytes?: undefined; file?: undefined };

export interface TextImportRequest {
  requestId: string;
  role: DocumentRole;
  /** Shown in the library, e.g. "Pasted job". */
  fileName: string;
  text: string;
  /** Generated sample data: the stored record is flagged so "Remove sample data" finds it by flag, not by name. */
  sample?: boolean;
}

export interface ImportTimings {
  /** Which parse metric this was: parse.pdf, parse.docx or parse.text. */
  parseMetric: 'parse.pdf' | 'parse.docx' | 'parse.text';
  parseMs: number;
  /** extract.resume or extract.job */
  extractMetric: 'extract.resume' | 'extract.job';
  extractMs: number;
  saveMs: number;
}

export interface ImportResult {
  id: string;
  role: DocumentRole;
  kind: SourceKind;
  /** Display name: person's name or job title, falling back to the file name. */
  name: string;
  warnings: string[];
  /** Information about the reading that is not a problem (e.g. header/footer lines left out). */
  notes?: string[];
  timings: ImportTimings;
  /** The text was read from page images by OCR: the fields need checking. */
  ocr?: boolean;
}

export type CorrectionRequest =
  | { role: 'resume'; id: string; corrections: ProfileCorrections }
  | { role: 'job'; id: string; corrections: JobCorrections };

export interface ParseApi {
  /** Sniff, parse, extract and store one file. Never throws: failures come back as Outcome. */
  importFile(
    request: FileImportRequest,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Outcome<ImportResult>>;
  /**
   * Store a scanned PDF from the pages the OCR worker read: the same layout, extraction and
   * transaction as importFile, with fields marked as OCR. The request's bytes are the PDF.
   */
  importScanned(
    request: FileImportRequest,
    pages: OcrPage[],
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Outcome<ImportResult>>;
  importText(
    request: TextImportRequest,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Outcome<ImportResult>>;
  /**
   * Store a person's corrections for a resume or job: re-extract from the stored text, apply the
   * corrections on top (they always win) and save, in one transaction. Returns the new updatedAt.
   */
  saveCorrections(request: CorrectionRequest): Promise<Outcome<{ updatedAt: number }>>;
  /** Parse only (no extraction, nothing stored). Used by the in-app benchmark. */
  parse(
    bytes: ArrayBuffer,
    fileName: string,
    mimeType: string,
    maxBytes: number,
  ): Promise<Outcome<ParsedDocument>>;
}
