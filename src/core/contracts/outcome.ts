/**
 * How a worker answers: every method of a worker contract resolves to an Outcome instead of
 * throwing, because a thrown Error loses its class and code on the way through Comlink. The
 * worker side builds one with `toOutcome`; the host side turns it back into a value or a typed
 * error with `unwrapOutcome` (usually through the typed `call` in workers/host/call.ts).
 */
import { fromErrorInfo, toErrorInfo, type ErrorInfo } from '../errors';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Runs `work` and reports its value, or what it threw reduced to {name, code, message}. */
export async function toOutcome<T>(work: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** The value of a successful Outcome; a failed one is rethrown as the typed error it was. */
export function unwrapOutcome<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw fromErrorInfo(outcome.error);
}
