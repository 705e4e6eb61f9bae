/**
 * The ATS check page's state: the chosen resume (and job), its report from the seeker worker,
 * the lines of the finding being shown, and the rule fixes. Accepting fixes makes a NEW resume
 * version (the edited text goes through the normal import path; corrections are carried over;
 * the original is never changed), which then becomes the checked resume so the score before →
 * after is visible.
 */
import type { RuleFix } from '../../core/ats/fixes';
import type { AtsReport } from '../../core/ats/types';
import type { DocLine } from '../../core/domain';
import { notifier } from './notifier.svelte';
import { applySuggestion } from '../../core/llm/apply';
import type { ResumeRecord } from '../../db/records';
import { services } from '../services';

export class AtsState {
  resumeId = $state('');
  jobId = $state('');
  report = $state.raw<AtsReport | null>(null);
  fixes = $state.raw<RuleFix[]>([]);
  lines = $state.raw<DocLine[]>([]);
  marked = $state.raw<ReadonlySet<number>>(new Set());
  focusLine = $state<number | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  busy = $state(false);
  /** Set after accepting fixes: the score of the version the fixes were made on. */
  scoreBefore = $state<number | null>(null);
  message = $state<string | null>(null);
  rejected = $state.raw<ReadonlySet<string>>(new Set());
  #request = 0;

  async check(
    resume: ResumeRecord | undefined,
    job: Parameters<typeof services.seeker.atsCheck>[2],
  ): Promise<void> {
    const request = ++this.#request;
    this.report = null;
    this.fixes = [];
    this.marked = new Set();
    this.focusLine = null;
    this.error = null;
    if (!resume) return;
    this.loading = true;
    const controller = new AbortController();
    try {
      const [result, document] = await Promise.all([
        services.seeker.atsCheck(controller.signal, resume, job),
        services.documents.get(resume.documentId),
      ]);
      if (request !== this.#request) return; // a newer choice won
      this.report = result.report;
      this.fixes = result.fixes;
      this.lines = document?.parsed.lines ?? [];
    } catch (reason) {
      if (request === this.#request) this.error = notifier.report(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  show(lines: number[]): void {
    this.marked = new Set(lines);
    this.focusLine = lines[0] ?? null;
  }

  reject(fix: RuleFix): void {
    this.rejected = new Set([...this.rejected, fix.before]);
  }

  /** Applies the fixes to the resume's text and saves the result as a new version. */
  /** An AI fix (Improve panel) saved `version`: the page moves to it and shows the score before. */
  adoptVersion(version: number): void {
    this.scoreBefore = this.report?.score ?? null;
    this.error = null;
    this.message = `AI fix applied: saved as version ${version}.`;
  }

  async accept(resume: ResumeRecord, fixes: readonly RuleFix[]): Promise<string | null> {
    this.busy = true;
    this.error = null;
    this.message = null;
    try {
      const document = await services.documents.get(resume.documentId);
      if (!document) throw new Error('The resume text is no longer stored.');
      let text = document.parsed.text;
      let applied = 0;
      for (const fix of fixes) {
        const edited = applySuggestion(text, fix.before, fix.after);
        if (edited !== undefined) {
          text = edited;
          applied++;
        }
      }
      if (applied === 0) throw new Error('The passages these fixes change are no longer in the resume.');
      const version = (resume.version ?? 1) + 1;
      const id = crypto.randomUUID();
      const baseName = resume.fileName.replace(/ \(v\d+\)$/, '');
      await services.imports.importText(
        new AbortController().signal,
        { requestId: id, role: 'resume', text, fileName: `${baseName} (v${version})` },
        () => undefined,
      );
      if (resume.corrections) {
        await services.imports.saveCorrections(new AbortController().signal, {
          role: 'resume',
          id,
          corrections: resume.corrections,
        });
      }
      await services.resumes.update(id, { parentId: resume.id, version });
      this.scoreBefore = this.report?.score ?? null;
      this.message = `${applied} fix${applied === 1 ? '' : 'es'} applied: saved as version ${version}.`;
      return id;
    } catch (reason) {
      this.error = notifier.report(reason);
      return null;
    } finally {
      this.busy = false;
    }
  }
}
