/**
 * One Improve session for a (resume, job) pair: streams the model's answer token by token,
 * lists the suggestions that passed the anti-fabrication guard (and the dropped ones with their
 * reasons), and applies accepted ones as a NEW resume version: the edited text is imported
 * through the normal parse path, the person's corrections are carried over, and the new version
 * is scored by the normal scorer. Suggestions never change a score by themselves.
 *
 * Sessions are kept per pair for the page's lifetime (improveSessionFor), not per panel: the Match
 * screen re-creates its result (and this panel) whenever the library changes — a saved version, a
 * background update of the resume record — and a running answer or a shown before → after must
 * survive that. Only Cancel (or a new run) stops a generation.
 */
import { liveQuery, type Subscription } from 'dexie';
import { notifier } from './notifier.svelte';
import { applySuggestion } from '../../core/llm/apply';
import type { JobRecord, ResumeRecord, SuggestionRecord } from '../../db/records';
import { SuggestionRepository } from '../../db/suggestions.repo';
import { readyModelId, recordChanged, services } from '../services';

const suggestions = new SuggestionRepository(services.db);

export class ImproveSession {
  readonly resumeId: string;
  readonly jobId: string;
  streamed = $state('');
  running = $state(false);
  retrying = $state<string | null>(null);
  records = $state.raw<SuggestionRecord[]>([]);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  busyId = $state<string | null>(null);
  scoreBefore = $state<number | null>(null);
  scoreAfter = $state<number | null>(null);
  newVersionName = $state<string | null>(null);
  #controller: AbortController | null = null;
  #subscription: Subscription | null = null;
  /** The version accepted edits apply to: the original at first, then each new version. */
  #workingResumeId: string | null = null;

  // Plain getters, not $derived: sessions outlive the panel that first asked for them, and a
  // derived created under that panel would go stale (inert) once the panel is destroyed.
  get pending(): SuggestionRecord[] {
    return this.records.filter((record) => record.status === 'pending');
  }

  get dropped(): SuggestionRecord[] {
    return this.records.filter((record) => record.status === 'dropped');
  }

  get decided(): SuggestionRecord[] {
    return this.records.filter((record) => record.status === 'accepted' || record.status === 'rejected');
  }

  constructor(resumeId: string, jobId: string) {
    this.resumeId = resumeId;
    this.jobId = jobId;
  }

  /**
   * Follows the pair's stored suggestions from first use until the session is forgotten (a
   * panel may be re-created many times meanwhile; one indexed query per kept pair is cheap).
   */
  watch(): void {
    this.#subscription ??= liveQuery(() => suggestions.listFor(this.resumeId, this.jobId)).subscribe({
      next: (records) => {
        this.records = records;
      },
      error: (error: unknown) => {
        this.error = notifier.report(error);
      },
    });
  }

  /** Stops following the stored suggestions (the session is being forgotten). */
  unwatch(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
  }

  async run(resume: ResumeRecord, job: JobRecord, score: number): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    this.streamed = '';
    this.error = null;
    this.message = null;
    this.retrying = null;
    this.running = true;
    this.scoreBefore = score;
    this.scoreAfter = null;
    this.#workingResumeId = resume.id;
    try {
      const client = await services.llm();
      const result = await client.improve(controller.signal, resume.id, job.id, (event) => {
        if (controller.signal.aborted) return;
        if (event.type === 'token') this.streamed += event.text;
        else if (event.type === 'retry') {
          this.retrying = event.reason;
          this.streamed = '';
        }
      });
      const dropped = result.dropped.length;
      this.message =
        `${result.suggestions.length} suggestion${result.suggestions.length === 1 ? '' : 's'}` +
        (dropped ? `; ${dropped} dropped by the fact check` : '') +
        (result.fromCache ? ' (from the cache)' : '') +
        '.';
    } catch (error) {
      this.error = controller.signal.aborted ? 'Cancelled.' : notifier.report(error);
    } finally {
      if (this.#controller === controller) {
        this.running = false;
        this.#controller = null;
      }
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }

  async reject(record: SuggestionRecord): Promise<void> {
    await suggestions.setStatus(record.id, 'rejected');
  }

  /**
   * Applies the edit to a new resume version and re-scores it against the job. Returns the new
   * version's id and number (null when it could not be saved).
   */
  async accept(
    record: SuggestionRecord,
    original: ResumeRecord,
    job: JobRecord,
  ): Promise<{ id: string; version: number } | null> {
    this.error = null;
    this.busyId = record.id;
    try {
      const workingId = this.#workingResumeId ?? original.id;
      const working = (await services.resumes.get(workingId)) ?? original;
      // Only suggestions that passed the anti-fabrication guard in the llm worker are stored as
      // pending, so the edit applied here is one the guard already checked against the original.
      const workingDocument = await services.documents.get(working.documentId);
      if (!workingDocument) throw new Error('The resume text is no longer stored.');
      const edited = applySuggestion(workingDocument.parsed.text, record.before, record.after);
      if (edited === undefined)
        throw new Error('The passage this suggestion rewrites is no longer in the resume.');
      const version = (working.version ?? 1) + 1;
      const id = crypto.randomUUID();
      const fileName = `${original.fileName.replace(/ \(v\d+\)$/, '')} (v${version})`;
      await services.imports.importText(
        new AbortController().signal,
        { requestId: id, role: 'resume', text: edited, fileName },
        () => undefined,
      );
      if (working.corrections) {
        await services.imports.saveCorrections(new AbortController().signal, {
          role: 'resume',
          id,
          corrections: working.corrections,
        });
      }
      await services.resumes.update(id, { parentId: working.id, version });
      await suggestions.setStatus(record.id, 'accepted', id);
      recordChanged('resume', id);
      this.#workingResumeId = id;
      const updated = await services.resumes.get(id);
      if (updated) {
        const scored = await services.matcher.score(
          new AbortController().signal,
          updated,
          job,
          readyModelId(),
        );
        this.scoreAfter = scored.result.score;
        this.newVersionName = `${updated.name} — ${updated.fileName}`;
      }
      return { id, version };
    } catch (error) {
      this.error = notifier.report(error);
      return null;
    } finally {
      this.busyId = null;
    }
  }
}

/** Sessions kept at most; the oldest idle ones are forgotten first (their suggestions stay stored). */
const MAX_SESSIONS = 20;
const sessions = new Map<string, ImproveSession>();

/** The one session of a (resume, job) pair in this page. */
export function improveSessionFor(resumeId: string, jobId: string): ImproveSession {
  const key = JSON.stringify([resumeId, jobId]);
  let session = sessions.get(key);
  if (session) {
    // Most recently used last, so eviction below takes the least recently used.
    sessions.delete(key);
  } else {
    session = new ImproveSession(resumeId, jobId);
  }
  sessions.set(key, session);
  for (const [oldKey, old] of sessions) {
    if (sessions.size <= MAX_SESSIONS) break;
    if (old.running || old === session) continue;
    old.unwatch();
    sessions.delete(oldKey);
  }
  return session;
}
