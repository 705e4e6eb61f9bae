/**
 * The seeker worker's typed contract: the job seeker's tools that read a stored resume (and
 * optionally a job) and compute on it off the UI thread — the ATS check with its rule fixes, and
 * rendering a resume version to a PDF or DOCX in one of the templates.
 */
import type { AtsReport } from '../ats/types';
import type { RuleFix } from '../ats/fixes';
import type { RenderFormat, TemplateId } from '../render/model';
import type { Outcome } from './outcome';

export interface AtsCheckResult {
  resumeId: string;
  jobId?: string;
  report: AtsReport;
  fixes: RuleFix[];
  /** Time spent in the check itself (the ats.check metric), not counting storage reads. */
  checkMs: number;
}

export interface RenderedResume {
  resumeId: string;
  template: TemplateId;
  format: RenderFormat;
  fileName: string;
  mimeType: string;
  /** The file; transferred (not copied) to the page. */
  bytes: ArrayBuffer;
  /** Hash of what was rendered (profile + summary), with the template: the cache key. */
  contentHash: string;
  /** Time spent rendering (render.pdf / render.docx metric). */
  renderMs: number;
}

export interface SeekerApi {
  /** ATS check of a stored resume, against a stored job when `jobId` is given. Never throws. */
  atsCheck(resumeId: string, jobId?: string): Promise<Outcome<AtsCheckResult>>;
  /** Renders a stored resume version in a template as PDF or DOCX. Never throws. */
  render(resumeId: string, template: TemplateId, format: RenderFormat): Promise<Outcome<RenderedResume>>;
}
