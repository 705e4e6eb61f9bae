/**
 * The one way the UI turns a caught failure into words. Every screen and state class hands what it
 * caught to `notifier.report(error, context?)`: the error is made typed (ShortlistError with its
 * code, whatever crossed a worker boundary), the message shown where it happened comes back, and
 * failures that concern the whole app — a crashed worker, full storage, an unexpected error — are
 * also announced in the app-wide notice area (App.svelte), so they are never only in a corner of
 * one screen. UI state holds these messages (strings written for people), never raw Error objects.
 */
import { coerceError, type ErrorCode, type ShortlistError } from '../../core/errors';

export interface Notice {
  id: number;
  code: ErrorCode;
  message: string;
}

/** Codes that say something about the app, not about the one thing the person just did. */
const APP_WIDE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['worker-crashed', 'storage-full', 'unknown']);
/** The notice area shows the latest few; older ones are dropped. */
const MAX_NOTICES = 3;

export class ErrorNotifier {
  notices = $state.raw<Notice[]>([]);
  #nextId = 1;

  /** The typed error behind anything caught (for code checks such as 'aborted'). */
  typed(error: unknown): ShortlistError {
    return coerceError(error);
  }

  /** The message to show where it happened ("context: message"); app-wide failures are also announced. */
  report(error: unknown, context?: string): string {
    const typed = coerceError(error);
    const message = context ? `${context}: ${typed.message}` : typed.message;
    if (APP_WIDE.has(typed.code)) this.#announce(typed.code, message);
    return message;
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((notice) => notice.id !== id);
  }

  #announce(code: ErrorCode, message: string): void {
    if (this.notices.some((notice) => notice.message === message)) return;
    this.notices = [...this.notices, { id: this.#nextId++, code, message }].slice(-MAX_NOTICES);
  }
}

export const notifier = new ErrorNotifier();
