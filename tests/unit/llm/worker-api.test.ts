import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyProfileCorrections } from '../../../src/core/corrections/corrections';
import { extractResume } from '../../../src/core/extract/resume';
import { buildDocument } from '../../../src/core/parse/text';
import { parseText } from '../../../src/core/parse/text';
import { layeredProfile } from '../../../src/core/llm/layers';
import type { ImproveEvent } from '../../../src/core/llm/service';
import { openAppDb, type AppDb } from '../../../src/db/app-db';
import type { DocumentRecord } from '../../../src/db/records';
import { ResumeRepository } from '../../../src/db/resumes.repo';
import { JobRepository } from '../../../src/db/jobs.repo';
import { SuggestionRepository } from '../../../src/db/suggestions.repo';
import { createLlmWorkerApi } from '../../../src/workers/llm-worker-api';
import { job, jobDocument, uniqueDbName } from '../db/fixtures';
import { RESUME_TEXT } from './fixtures';
import { ScriptedEngine } from './scripted-engine';

const opened: AppDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function setup(engine: ScriptedEngine) {
  const db = await openAppDb(uniqueDbName('llm'));
  opened.push(db);
  const parsed = parseText(RESUME_TEXT, 'txt');
  const document: DocumentRecord = {
    id: 'doc-r1',
    role: 'resume',
    fileName: 'dana.txt',
    mimeType: 'text/plain',
    kind: 'txt',
    size: RESUME_TEXT.length,
    parsed,
    hash: 'hash-r1',
    createdAt: 1,
  };
  const corrections = { basics: { label: 'Analytics engineer' } };
  const profile = applyProfileCorrections(extractResume(parsed), corrections);
  const resumes = new ResumeRepository(db);
  await resumes.saveImportedResume(document, {
    id: 'r1',
    documentId: document.id,
    name: 'Dana Rivera',
    fileName: 'dana.txt',
    profile,
    corrections,
    skills: profile.skills.map((skill) => skill.name.toLowerCase()),
    totalYears: profile.totalYears,
    createdAt: 1,
    updatedAt: 1,
  });
  await new JobRepository(db).saveImportedJob(
    {
      ...jobDocument('doc-j1'),
      parsed: buildDocument('paste', [{ text: 'Data Engineer' }, { text: 'SQL, Python' }]),
    },
    job('j1', 'doc-j1', 'Data Engineer', 2, ['SQL', 'Python']),
  );
  const api = createLlmWorkerApi({
    db,
    createEngine: () => Promise.resolve(engine),
    modelCache: { cached: () => Promise.resolve([]), remove: () => Promise.resolve() },
  });
  const loaded = await api.load(
    { requestId: 'load', modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' },
    () => undefined,
  );
  expect(loaded.ok).toBe(true);
  return { db, api, resumes, suggestions: new SuggestionRepository(db) };
}

describe('llm worker API (scripted engine, fake-indexeddb)', () => {
  it('stores guarded suggestions as pending and the dropped ones with their reason', async () => {
    const answer = JSON.stringify({
      suggestions: [
        {
          kind: 'bullet',
          before: 'Cut report run time by 40% by rewriting SQL queries',
          after: 'Rewrote SQL queries, cutting report run time by 40%',
        },
        {
          kind: 'summary',
          before: 'Data engineer who builds reliable batch pipelines.',
          after: 'Data engineer at Initech.',
        },
      ],
    });
    const { api, suggestions } = await setup(new ScriptedEngine([answer]));
    const events: ImproveEvent[] = [];
    const outcome = await api.improve({ requestId: 'i1', resumeId: 'r1', jobId: 'j1' }, (event) =>
      events.push(event),
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.suggestions).toHaveLength(1);
    expect(events.filter((event) => event.type === 'token').length).toBeGreaterThan(5);
    const stored = await suggestions.listFor('r1', 'j1');
    expect(stored.map((record) => record.status).sort()).toEqual(['dropped', 'pending']);
    expect(stored.find((record) => record.status === 'dropped')?.reason).toBe(
      'names an employer not in the resume: "Initech"',
    );
    expect(await suggestions.countDropped()).toBe(1);
  });

  it('refines a stored resume in place and keeps the person’s corrections', async () => {
    const answer = JSON.stringify({
      headline: 'Data engineer who builds reliable batch pipelines.',
      location: 'Berlin',
      skills: ['Docker', 'Terraform'],
      work: [{ company: 'Northwind Analytics', position: 'Data Engineer' }],
      education: [],
    });
    const { api, resumes } = await setup(new ScriptedEngine([answer]));
    const outcome = await api.refineExtraction({ requestId: 'x', role: 'resume', id: 'r1' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.report.changed.some((field) => field.path === 'basics.label')).toBe(false);
    expect(outcome.value.report.rejected.map((field) => field.value)).toEqual(['Berlin', 'Terraform']);
    const stored = await resumes.get('r1');
    expect(stored?.profile.basics.label).toBe('Analytics engineer');
    expect(stored?.profile.provenance['basics.label']?.source).toBe('user');
  });

  it('keeps the refined fields as their own layer: a later correction re-extracts without losing them', async () => {
    const answer = JSON.stringify({
      // In the text, but not a skill the heuristics know: only the AI layer adds it.
      skills: ['batch pipelines'],
      work: [],
      education: [],
    });
    const { api, resumes } = await setup(new ScriptedEngine([answer]));
    const outcome = await api.refineExtraction({ requestId: 'x', role: 'resume', id: 'r1' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const stored = await resumes.get('r1');
    expect(stored?.refined?.fields.skills).toEqual(['batch pipelines']);
    const hasRefinedSkill = (profile: { skills: { name: string }[] }) =>
      profile.skills.some((skill) => skill.name.toLowerCase() === 'batch pipelines');
    expect(hasRefinedSkill(stored!.profile)).toBe(true);

    // What saving another correction does (parse worker): re-extract, then all three layers.
    const parsed = parseText(RESUME_TEXT, 'txt');
    const corrections = { basics: { label: 'Analytics engineer', email: 'dana@example.org' } };
    const heuristic = extractResume(parsed);
    expect(hasRefinedSkill(heuristic)).toBe(false); // the heuristic alone does not find it
    const again = layeredProfile(heuristic, parsed.text, stored?.refined, corrections);
    expect(hasRefinedSkill(again)).toBe(true);
    const added = again.skills.findIndex((skill) => skill.name === 'batch pipelines');
    expect(again.provenance[`skills.${added}`]?.source).toBe('llm');
    expect(again.basics.email).toBe('dana@example.org');
    expect(again.provenance['basics.email']?.source).toBe('user');
    expect(again.basics.label).toBe('Analytics engineer');
  });

  it('cancels a running improvement by request id and reports it as aborted', async () => {
    const holder: { api?: Awaited<ReturnType<typeof setup>>['api'] } = {};
    const engine = new ScriptedEngine([JSON.stringify({ suggestions: [] }).padEnd(200, ' ')], {
      chunkSize: 2,
      beforeChunk: async (index) => {
        if (index === 3) await holder.api?.cancel('i1');
      },
    });
    const { api } = await setup(engine);
    holder.api = api;
    const outcome = await api.improve({ requestId: 'i1', resumeId: 'r1', jobId: 'j1' }, () => undefined);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('aborted');
    expect(engine.interrupts).toBe(1);
  });

  it('reports a missing resume as not-found instead of throwing', async () => {
    const { api } = await setup(new ScriptedEngine([]));
    const outcome = await api.improve({ requestId: 'i2', resumeId: 'nope', jobId: 'j1' }, () => undefined);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
