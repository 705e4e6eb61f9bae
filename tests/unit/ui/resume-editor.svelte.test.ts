import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileCorrections } from '../../../src/core/corrections/corrections';
import type { Profile } from '../../../src/core/domain';
import type { ResumeRecord } from '../../../src/db/records';

const saved: ProfileCorrections[] = [];
let record: ResumeRecord;

function profile(): Profile {
  return {
    basics: { name: 'Ana Ruiz', email: 'ana@example.com', location: 'Lima', profiles: [] },
    work: [{ company: 'Acme', position: 'Analyst', highlights: ['Built reports'], line: 4 }],
    education: [{ institution: 'PUCP', line: 9 }],
    skills: [
      { name: 'SQL', surface: 'SQL', known: true, line: 6 },
      { name: 'Excel', surface: 'Excel', known: true, line: 6 },
    ],
    projects: [],
    certificates: [],
    languages: [],
    sections: [],
    totalYears: 3,
    provenance: { 'basics.name': { line: 0, confidence: 0.9, source: 'heuristic' } },
    confidence: 0.9,
    warnings: [],
  } as unknown as Profile;
}

/** Metrics the editor recorded (db.get, resume.preview). */
const recorded: string[] = [];

vi.mock('../../../src/ui/services', () => ({
  services: {
    metrics: { record: (name: string) => recorded.push(name) },
    resumes: { get: () => Promise.resolve(record) },
    documents: { get: () => Promise.resolve({ parsed: { lines: [], hiddenLines: [] } }) },
    imports: {
      saveCorrections: (_signal: AbortSignal, request: { corrections: ProfileCorrections }) => {
        saved.push(request.corrections);
        return Promise.resolve(2);
      },
    },
  },
  recordChanged: () => undefined,
}));

const { ResumeEditor } = await import('../../../src/ui/state/resume-editor.svelte');

beforeEach(() => {
  saved.length = 0;
  record = {
    id: 'r1',
    documentId: 'd1',
    name: 'Ana Ruiz',
    fileName: 'ana.pdf',
    profile: profile(),
    skills: ['sql', 'excel'],
    totalYears: 3,
    updatedAt: 1,
  } as unknown as ResumeRecord;
});

describe('ResumeEditor corrections', () => {
  it('times reading the record (db.get) and drawing it (resume.preview)', async () => {
    recorded.length = 0;
    const editor = new ResumeEditor();
    await editor.load('r1');
    expect(recorded).toEqual(['db.get', 'resume.preview']);
    expect(editor.basics.name).toBe('Ana Ruiz');
  });

  it('saves only what the person changed: one basics field, skills added and removed', async () => {
    const editor = new ResumeEditor();
    await editor.load('r1');
    editor.basics.location = 'Cusco';
    editor.skills = ['SQL', 'Power BI'];
    await editor.save();
    expect(saved).toHaveLength(1);
    const corrections = saved[0]!;
    expect(corrections.basics).toEqual({ location: 'Cusco' });
    expect(corrections.skillsAdded).toEqual(['Power BI']);
    expect(corrections.skillsRemoved).toEqual(['Excel']);
    // Work and education were not touched: no correction freezes them.
    expect(corrections.work).toBeUndefined();
    expect(corrections.education).toBeUndefined();
    expect(editor.error).toBeNull();
  });

  it('keeps earlier corrections, and drops an earlier "added" skill the person removed again', async () => {
    record.corrections = { basics: { name: 'Ana María Ruiz' }, skillsAdded: ['Tableau'], skillsRemoved: [] };
    record.profile.basics.name = 'Ana María Ruiz';
    record.profile.skills.push({ name: 'Tableau', surface: 'Tableau', known: true, line: -1 });
    const editor = new ResumeEditor();
    await editor.load('r1');
    editor.skills = editor.skills.filter((skill) => skill !== 'Tableau');
    editor.work[0]!.position = 'Senior Analyst';
    await editor.save();
    const corrections = saved[0]!;
    expect(corrections.basics).toEqual({ name: 'Ana María Ruiz' });
    expect(corrections.skillsAdded).toEqual([]);
    expect(corrections.skillsRemoved).toEqual(['Tableau']);
    expect(corrections.work?.[0]?.position).toBe('Senior Analyst');
  });

  it('editing the draft never changes the loaded record (a cancelled edit loses nothing)', async () => {
    const editor = new ResumeEditor();
    await editor.load('r1');
    editor.work[0]!.highlights.push('Invented line');
    editor.education[0]!.institution = 'Other';
    expect(record.profile.work[0]!.highlights).toEqual(['Built reports']);
    expect(record.profile.education[0]!.institution).toBe('PUCP');
  });
});
