/**
 * Turns storage failures into the app's typed errors. IndexedDB reports a full disk as a
 * DOMException named 'QuotaExceededError'; Dexie wraps it (name kept, original in `inner`),
 * and some browsers only say "quota" in the message of an AbortError on the transaction.
 */
import { StorageFullError } from '../core/errors';

function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { name, message, inner, cause } = error as {
    name?: unknown;
    message?: unknown;
    inner?: unknown;
    cause?: unknown;
  };
  if (name === 'QuotaExceededError') return true;
  if (typeof message === 'string' && /quota/i.test(message)) return true;
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

/** The error to throw: StorageFullError for a full disk, the original otherwise. */
export function mapStorageError(error: unknown): unknown {
  if (error instanceof StorageFullError) return error;
  return isQuotaError(error) ? new StorageFullError(undefined, { cause: error }) : error;
}

/** Runs a storage write, mapping a full disk to StorageFullError. */
export async function withStorageErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw mapStorageError(error);
  }
}
