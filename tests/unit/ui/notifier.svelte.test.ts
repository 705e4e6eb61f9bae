import { describe, expect, it } from 'vitest';
import { ParseError, ShortlistError, StorageFullError, WorkerCrashedError } from '../../../src/core/errors';
import { ErrorNotifier } from '../../../src/ui/state/notifier.svelte';

describe('ErrorNotifier', () => {
  it('gives the message to show where it happened, with its context', () => {
    const notifier = new ErrorNotifier();
    expect(notifier.report(new ParseError('corrupt-file', 'This PDF is damaged.'))).toBe(
      'This PDF is damaged.',
    );
    expect(notifier.report(new StorageFullError('Storage is full.'), 'Could not save')).toBe(
      'Could not save: Storage is full.',
    );
  });

  it('announces app-wide failures once, and not what the person can fix where they are', () => {
    const notifier = new ErrorNotifier();
    notifier.report(new ParseError('corrupt-file', 'This PDF is damaged.'));
    notifier.report(new ShortlistError('invalid-input', 'Enter a number.'));
    expect(notifier.notices).toEqual([]);
    notifier.report(new WorkerCrashedError('The match worker stopped.'));
    notifier.report(new WorkerCrashedError('The match worker stopped.'));
    expect(notifier.notices.map((notice) => notice.code)).toEqual(['worker-crashed']);
    // Anything that is not an Error (a rejected string, an object from a worker) still becomes typed.
    expect(notifier.report('boom')).toBe('boom');
    expect(notifier.notices.map((notice) => notice.code)).toEqual(['worker-crashed', 'unknown']);
  });

  it('rebuilds a typed error from the plain shape that crossed a worker boundary', () => {
    const notifier = new ErrorNotifier();
    const typed = notifier.typed({ name: 'StorageFullError', code: 'storage-full', message: 'Full.' });
    expect(typed).toBeInstanceOf(StorageFullError);
    expect(typed.code).toBe('storage-full');
  });

  it('keeps the latest three notices and lets one be dismissed', () => {
    const notifier = new ErrorNotifier();
    for (const n of [1, 2, 3, 4]) notifier.report(new WorkerCrashedError(`Worker ${n} stopped.`));
    expect(notifier.notices.map((notice) => notice.message)).toEqual([
      'Worker 2 stopped.',
      'Worker 3 stopped.',
      'Worker 4 stopped.',
    ]);
    notifier.dismiss(notifier.notices[0]!.id);
    expect(notifier.notices).toHaveLength(2);
  });
});
