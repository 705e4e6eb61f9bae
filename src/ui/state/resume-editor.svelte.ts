/**
 * Editing one resume's extracted fields. Holds a draft of the corrections; saving sends them to the
 * parse worker, which re-extracts and applies them (corrections always win over extraction).
 */
import type { ProfileCorrections, BasicsField } from '../../core/corrections/corrections';
import { BASICS_FIELDS } from '../../core/corrections/corrections';
import { tick } from 'svelte';
import type { DocLine, ParsedDocument, Profile } from '../../core/domain';
import { documentNotices } from '../../core/parse/notices';
import { notifier } from './notifier.svelte';
import type { ResumeRecord } from '../../db/records';
import { recordChanged, services } from '../services';

export class ResumeEditor {
  resume = $state.raw<ResumeRecord | null>(null);
  lines = $state.raw<DocLine[]>([]);
  /** Text the file drew so a reader cannot see it; ignored for scoring, shown so people know. */
  hiddenLines = $state.raw<string[]>([]);
  /** What reading the file did that is worth knowing but is no problem (shown as information). */
  readingNotes = $state.raw<string[]>([]);
  basics = $state<Record<BasicsField, string>>({
    name: '',
    label: '',
    email: '',
    phone: '',
    url: '',
    location: '',
  });
  skills = $state<string[]>([]);
  work = $state<Profile['work']>([]);
  education = $state<Profile['education']>([]);
  highlight = $state<number | null>(null);
  saving = $state(false);
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  notFound = $state(false);

  async load(id: string): Promise<void> {
    // db.get: one record by id, as every detail screen reads it (timed on this page, where a
    // person waits for it).
    const readStarted = performance.now();
    const resume = await services.resumes.get(id);
    services.metrics.record('db.get', performance.now() - readStarted);
    if (!resume) {
      this.notFound = true;
      return;
    }
    const document = await services.documents.get(resume.documentId);
    // resume.preview: drawing the loaded resume (its fields and text), up to the DOM being updated.
    const drawStarted = performance.now();
    this.#fill(resume, document?.parsed);
    await tick();
    services.metrics.record('resume.preview', performance.now() - drawStarted);
  }

  #fill(resume: ResumeRecord, parsed: ParsedDocument | undefined): void {
    this.resume = resume;
    this.lines = parsed?.lines ?? [];
    this.hiddenLines = parsed?.hiddenLines ?? [];
    this.readingNotes = parsed ? documentNotices(parsed).notes : [];
    const { basics } = resume.profile;
    for (const field of BASICS_FIELDS) this.basics[field] = basics[field] ?? '';
    this.skills = resume.profile.skills.map((skill) => skill.name);
    this.work = resume.profile.work.map((entry) => ({ ...entry, highlights: [...entry.highlights] }));
    this.education = resume.profile.education.map((entry) => ({ ...entry }));
  }

  /** The source line a field was extracted from, for highlighting. */
  lineOf(path: string): number | null {
    const line = this.resume?.profile.provenance[path]?.line;
    return line !== undefined && line >= 0 ? line : null;
  }

  show(line: number | null | undefined): void {
    this.highlight = line !== undefined && line !== null && line >= 0 ? line : null;
  }

  /** Only what differs from the current profile becomes a correction, merged with earlier ones. */
  #corrections(): ProfileCorrections {
    const resume = this.resume!;
    const previous = resume.corrections ?? {};
    const corrections: ProfileCorrections = { ...previous, basics: { ...previous.basics } };
    for (const field of BASICS_FIELDS) {
      if ((resume.profile.basics[field] ?? '') !== this.basics[field])
        corrections.basics![field] = this.basics[field];
    }
    const before = new Set(resume.profile.skills.map((skill) => skill.name.toLowerCase()));
    const after = new Set(this.skills.map((skill) => skill.toLowerCase()));
    const added = this.skills.filter((skill) => !before.has(skill.toLowerCase()));
    const removed = resume.profile.skills.map((s) => s.name).filter((name) => !after.has(name.toLowerCase()));
    corrections.skillsAdded = [
      ...(previous.skillsAdded ?? []).filter((s) => after.has(s.toLowerCase())),
      ...added,
    ];
    corrections.skillsRemoved = [
      ...(previous.skillsRemoved ?? []).filter((s) => !after.has(s.toLowerCase())),
      ...removed,
    ];
    if (JSON.stringify($state.snapshot(this.work)) !== JSON.stringify(resume.profile.work))
      corrections.work = $state.snapshot(this.work);
    if (JSON.stringify($state.snapshot(this.education)) !== JSON.stringify(resume.profile.education))
      corrections.education = $state.snapshot(this.education);
    return corrections;
  }

  async save(): Promise<void> {
    if (!this.resume) return;
    this.saving = true;
    this.message = null;
    this.error = null;
    try {
      await services.imports.saveCorrections(new AbortController().signal, {
        role: 'resume',
        id: this.resume.id,
        corrections: this.#corrections(),
      });
      recordChanged('resume', this.resume.id);
      await this.load(this.resume.id);
      this.message = 'Saved. Your corrections are used for every match and kept if the resume is re-read.';
    } catch (error) {
      this.error = notifier.report(error);
    } finally {
      this.saving = false;
    }
  }
}
