/** Editing one job's extracted fields; saving goes through the parse worker like resume corrections. */
import type { JobCorrections } from '../../core/corrections/corrections';
import type { DocLine } from '../../core/domain';
import { notifier } from './notifier.svelte';
import type { JobRecord } from '../../db/records';
import { recordChanged, services } from '../services';

export class JobEditor {
  job = $state.raw<JobRecord | null>(null);
  lines = $state.raw<DocLine[]>([]);
  title = $state('');
  required = $state<string[]>([]);
  preferred = $state<string[]>([]);
  minYears = $state<number | null>(null);
  location = $state('');
  remote = $state(false);
  highlight = $state<number | null>(null);
  saving = $state(false);
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  notFound = $state(false);

  async load(id: string): Promise<void> {
    const job = await services.jobs.get(id);
    if (!job) {
      this.notFound = true;
      return;
    }
    const document = await services.documents.get(job.documentId);
    this.job = job;
    this.lines = document?.parsed.lines ?? [];
    this.title = job.spec.title;
    this.required = job.spec.required.map((r) => r.skill);
    this.preferred = job.spec.preferred.map((r) => r.skill);
    this.minYears = job.spec.minYears ?? null;
    this.location = job.spec.location ?? '';
    this.remote = job.spec.remote ?? false;
  }

  show(line: number | undefined): void {
    this.highlight = line !== undefined && line >= 0 ? line : null;
  }

  lineOfSkill(skill: string): number | undefined {
    return [...(this.job?.spec.required ?? []), ...(this.job?.spec.preferred ?? [])].find(
      (r) => r.skill === skill,
    )?.line;
  }

  /** One click: the skill leaves one list for the other, and the change is saved at once. */
  async move(skill: string, to: 'required' | 'preferred'): Promise<void> {
    const lower = skill.toLowerCase();
    const without = (list: string[]) => list.filter((each) => each.toLowerCase() !== lower);
    this.required = to === 'required' ? [...without(this.required), skill] : without(this.required);
    this.preferred = to === 'preferred' ? [...without(this.preferred), skill] : without(this.preferred);
    await this.save();
  }

  async save(): Promise<void> {
    if (!this.job) return;
    const spec = this.job.spec;
    const corrections: JobCorrections = { ...this.job.corrections };
    if (this.title !== spec.title) corrections.title = this.title;
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);
    if (
      !same(
        this.required,
        spec.required.map((r) => r.skill),
      )
    )
      corrections.required = [...this.required];
    if (
      !same(
        this.preferred,
        spec.preferred.map((r) => r.skill),
      )
    )
      corrections.preferred = [...this.preferred];
    if (this.minYears !== (spec.minYears ?? null)) corrections.minYears = this.minYears;
    if (this.location !== (spec.location ?? '')) corrections.location = this.location;
    if (this.remote !== (spec.remote ?? false)) corrections.remote = this.remote;
    this.saving = true;
    this.message = null;
    this.error = null;
    try {
      await services.imports.saveCorrections(new AbortController().signal, {
        role: 'job',
        id: this.job.id,
        corrections,
      });
      recordChanged('job', this.job.id);
      await this.load(this.job.id);
      this.message = 'Saved. Matches against this job now use your corrections.';
    } catch (error) {
      this.error = notifier.report(error);
    } finally {
      this.saving = false;
    }
  }
}
