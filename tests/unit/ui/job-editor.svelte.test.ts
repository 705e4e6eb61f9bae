import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobCorrections } from '../../../src/core/corrections/corrections';
import type { JobRecord } from '../../../src/db/records';

const saved: JobCorrections[] = [];
let record: JobRecord;

vi.mock('../../../src/ui/services', () => ({
  services: {
    jobs: { get: () => Promise.resolve(record) },
    documents: { get: () => Promise.resolve({ parsed: { lines: [] } }) },
    imports: {
      saveCorrections: (_signal: AbortSignal, request: { corrections: JobCorrections }) => {
        saved.push(request.corrections);
        return Promise.resolve(2);
      },
    },
  },
  recordChanged: () => undefined,
}));

const { JobEditor } = await import('../../../src/ui/state/job-editor.svelte');

beforeEach(() => {
  saved.length = 0;
  record = {
    id: 'j1',
    documentId: 'd1',
    title: 'Data Engineer',
    spec: {
      title: 'Data Engineer',
      required: [
        { skill: 'Python', line: 3 },
        { skill: 'Kafka', line: 4 },
      ],
      preferred: [{ skill: 'Scala', line: 8 }],
      location: 'Austin',
    },
    updatedAt: 1,
  } as unknown as JobRecord;
});

describe('JobEditor', () => {
  it('moves a skill between Required and Nice to have in one step and saves both lists', async () => {
    const editor = new JobEditor();
    await editor.load('j1');
    await editor.move('Kafka', 'preferred');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.required).toEqual(['Python']);
    expect(saved[0]!.preferred).toEqual(['Scala', 'Kafka']);
    // Nothing else became a correction.
    expect(saved[0]!.title).toBeUndefined();
    expect(saved[0]!.location).toBeUndefined();
  });

  it('a move back to Required never lists the skill twice (any letter case)', async () => {
    const editor = new JobEditor();
    await editor.load('j1');
    editor.required.push('scala');
    await editor.move('Scala', 'required');
    expect(saved[0]!.required).toEqual(['Python', 'Kafka', 'Scala']);
    expect(saved[0]!.preferred).toEqual([]);
  });

  it('saves only the fields that differ from the extracted job', async () => {
    const editor = new JobEditor();
    await editor.load('j1');
    editor.location = 'Remote';
    await editor.save();
    expect(saved[0]).toEqual({ location: 'Remote' });
  });
});
