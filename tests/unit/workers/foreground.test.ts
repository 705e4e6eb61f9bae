/**
 * The foreground tracker the background embedder yields to: it is quiet only when no foreground
 * work runs and none ended within the quiet window.
 */
import { describe, expect, it } from 'vitest';
import { ForegroundActivity } from '../../../src/workers/host/foreground';

describe('ForegroundActivity', () => {
  it('is busy while work runs and for the quiet window after it ends', () => {
    let now = 10_000;
    const activity = new ForegroundActivity(() => now);
    expect(activity.isQuiet(500)).toBe(true);
    const end = activity.begin();
    const other = activity.begin();
    expect(activity.isQuiet(500)).toBe(false);
    end();
    end(); // a second call changes nothing
    expect(activity.active).toBe(1);
    other();
    expect(activity.isQuiet(500)).toBe(false);
    now += 499;
    expect(activity.isQuiet(500)).toBe(false);
    now += 1;
    expect(activity.isQuiet(500)).toBe(true);
  });

  it('work that asks for a hold keeps background work away that long after it ends', async () => {
    let now = 10_000;
    const activity = new ForegroundActivity(() => now);
    await activity.run(() => Promise.resolve(), 2_000); // a match score
    now += 1_000;
    expect(activity.isQuiet(500)).toBe(false); // the next choice is likely within the hold
    // Later work without a hold does not shorten it...
    const end = activity.begin();
    end();
    now += 600;
    expect(activity.isQuiet(500)).toBe(false);
    // ...and once it is over, the usual quiet window decides.
    now += 400;
    expect(activity.isQuiet(500)).toBe(true);
  });

  it('run() ends the work even when it fails, and whenQuiet() waits for it', async () => {
    let now = 10_000;
    const activity = new ForegroundActivity(() => now);
    let release!: () => void;
    const running = activity.run(() => new Promise<void>((resolve) => (release = resolve)));
    let quiet = false;
    const waiting = activity.whenQuiet(50, 1).then(() => (quiet = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(quiet).toBe(false);
    release();
    await running;
    now += 50;
    await waiting;
    expect(quiet).toBe(true);

    await expect(activity.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(activity.active).toBe(0);
  });
});
