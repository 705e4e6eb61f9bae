/**
 * Typed errors. Only {name, code, message} crosses a worker boundary (see toErrorInfo /
 * fromErrorInfo); every message is written for the person using the app: what happened and
 * what to do next.
 */

export type ErrorCode =
  | 'empty-file'
  | 'file-too-large'
  | 'unsupported-type'
  | 'corrupt-file'
  | 'encrypted-pdf'
  | 'no-text-layer'
  | 'ocr-unavailable'
  | 'not-json-resume'
  | 'backup-file'
  | 'zip-bomb'
  | 'duplicate-file'
  | 'worker-crashed'
  | 'aborted'
  | 'timeout'
  | 'storage-full'
  | 'not-found'
  | 'invalid-input'
  | 'model-integrity'
  | 'unknown';

export class ShortlistError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ShortlistError';
    this.code = code;
  }
}

/** A file we could not read. The message names the problem and the next step. */
export class ParseError extends ShortlistError {
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ParseError';
  }
}

export class WorkerCrashedError extends ShortlistError {
  constructor(message = 'The background worker stopped unexpectedly. The task was not finished; try again.') {
    super('worker-crashed', message);
    this.name = 'WorkerCrashedError';
  }
}

/** A task ran past its deadline; its worker was ended and only this task failed. */
export class TaskDeadlineError extends ShortlistError {
  constructor(message: string) {
    super('timeout', message);
    this.name = 'TaskDeadlineError';
  }
}

export class AbortedError extends ShortlistError {
  constructor(message = 'Cancelled.') {
    super('aborted', message);
    this.name = 'AbortedError';
  }
}

export class StorageFullError extends ShortlistError {
  constructor(
    message = 'Browser storage is full. Nothing was lost; export a backup and delete some resumes, or allow more storage, then try again.',
    options?: { cause?: unknown },
  ) {
    super('storage-full', message, options);
    this.name = 'StorageFullError';
  }
}

/** The only error shape that crosses a worker boundary. */
export interface ErrorInfo {
  name: string;
  code: ErrorCode;
  message: string;
}

const KNOWN_CODES = new Set<ErrorCode>([
  'empty-file',
  'file-too-large',
  'unsupported-type',
  'corrupt-file',
  'encrypted-pdf',
  'no-text-layer',
  'ocr-unavailable',
  'not-json-resume',
  'backup-file',
  'zip-bomb',
  'worker-crashed',
  'aborted',
  'timeout',
  'storage-full',
  'not-found',
  'invalid-input',
  'model-integrity',
  'unknown',
]);

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value as ErrorCode);
}

/** Reduce anything thrown to {name, code, message}. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ShortlistError) {
    return { name: error.name, code: error.code, message: error.message };
  }
  if (error instanceof Error) {
    if (error.name === 'AbortError') return { name: 'AbortedError', code: 'aborted', message: 'Cancelled.' };
    if (error.name === 'QuotaExceededError' || /quota/i.test(error.message)) {
      const full = new StorageFullError();
      return { name: full.name, code: full.code, message: full.message };
    }
    const code = (error as { code?: unknown }).code;
    return { name: error.name, code: isErrorCode(code) ? code : 'unknown', message: error.message };
  }
  return { name: 'Error', code: 'unknown', message: String(error) };
}

/** Rebuild a typed error on the receiving side of a boundary. */
export function fromErrorInfo(info: ErrorInfo): ShortlistError {
  switch (info.name) {
    case 'ParseError':
      return new ParseError(info.code, info.message);
    case 'WorkerCrashedError':
      return new WorkerCrashedError(info.message);
    case 'AbortedError':
      return new AbortedError(info.message);
    case 'StorageFullError':
      return new StorageFullError(info.message);
    default:
      return new ShortlistError(info.code, info.message);
  }
}

/** Comlink loses class identity; errors thrown in a worker arrive as plain Errors. */
export function coerceError(error: unknown): ShortlistError {
  if (error instanceof ShortlistError) return error;
  if (error && typeof error === 'object' && 'code' in error && 'message' in error && 'name' in error) {
    const { name, code, message } = error;
    if (typeof name === 'string' && typeof message === 'string' && isErrorCode(code)) {
      return fromErrorInfo({ name, code, message });
    }
  }
  const info = toErrorInfo(error);
  return fromErrorInfo(info);
}
