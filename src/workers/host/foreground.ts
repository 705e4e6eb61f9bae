/**
 * Work a person is waiting for right now — an import, a ranking, a search, a match score — and a
 * way for background work (embedding the library) to wait until there has been none for a moment.
 *
 * On a 2-core machine the background embedder running next to an import takes a core from the
 * parse workers (import throughput) and, next to a ranking or a typed search, makes the person wait
 * behind a document's vectors. So background tasks ask `whenQuiet()` before each document: it
 * resolves once no foreground work has run for `quietMs`. Foreground work never waits for the
 * background beyond the one document already running.
 */

export class ForegroundActivity {
  #active = 0;
  #lastEnded = 0;
  /** Background work waits at least until then: some work asks for a longer pause after it. */
  #holdUntil = 0;
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Foreground work running now. */
  get active(): number {
    return this.#active;
  }

  /**
   * Marks foreground work as started; call the returned function (once) when it ends. `holdMs`:
   * background work stays away at least this long after it ends (on top of the quiet window the
   * background asks for) — for work a person repeats every second or two, such as scoring one
   * resume after another on the Match screen.
   */
  begin(holdMs = 0): () => void {
    this.#active += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#active -= 1;
      this.#lastEnded = this.#now();
      this.#holdUntil = Math.max(this.#holdUntil, this.#lastEnded + holdMs);
    };
  }

  /** Runs `work` as foreground work (see begin for `holdMs`). */
  async run<T>(work: () => Promise<T>, holdMs = 0): Promise<T> {
    const end = this.begin(holdMs);
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** Whether no foreground work runs, none ended in the last `quietMs`, and no hold is on. */
  isQuiet(quietMs: number): boolean {
    const now = this.#now();
    return this.#active === 0 && now - this.#lastEnded >= quietMs && now >= this.#holdUntil;
  }

  /** Resolves once no foreground work has run for `quietMs` (checked every `pollMs`). */
  async whenQuiet(quietMs = 500, pollMs = 100): Promise<void> {
    while (!this.isQuiet(quietMs)) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The page's one tracker: the import, search and match clients mark work; the embedder waits. */
export const foreground = new ForegroundActivity();
