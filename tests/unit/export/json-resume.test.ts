import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors';
import {
  profileFromJsonResume,
  profileToJsonResume,
  readJsonResume,
} from '../../../src/core/export/json-resume';
import { sniffType } from '../../../src/core/parse/sniff';
import { ALICE, BOB, DARIA } from '../../fixtures/resume-fixtures';
import { makeBackupJson, makeJsonResume, makeMalformedJson } from '../../fixtures/json-resume-fixtures';

function readError(raw: string): ParseError {
  try {
    readJsonResume(raw, 'file.json');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const bytes = (value: string) => new TextEncoder().encode(value);

describe('JSON Resume in', () => {
  it('is sniffed as json by name, by type, and by its keys when renamed', () => {
    const json = bytes(makeJsonResume(BOB));
    expect(sniffType(json, 'bob.json', '')).toBe('json');
    expect(sniffType(json, 'bob', 'application/json')).toBe('json');
    expect(sniffType(json, 'bob.txt', 'text/plain')).toBe('json');
    expect(sniffType(bytes('{ not a resume, just braces }'), 'notes.txt', 'text/plain')).toBe('txt');
  });

  it('takes fields as written: basics, work with dates and current role, education, skills', () => {
    const { profile, document } = profileFromJsonResume(readJsonResume(makeJsonResume(ALICE), 'a.json'));
    expect(profile.basics).toMatchObject({
      name: ALICE.name,
      email: ALICE.email,
      phone: ALICE.phone,
      label: ALICE.title,
    });
    expect(profile.work.map((entry) => [entry.company, entry.position])).toEqual(
      ALICE.work.map((entry) => [entry.company, entry.title]),
    );
    expect(profile.work[0]?.startDate).toBe('2020-01');
    expect(profile.work[0]?.endDate).toBe('present');
    expect(profile.education.map((entry) => entry.institution)).toEqual(
      ALICE.education.map((e) => e.institution),
    );
    expect(profile.skills.map((skill) => skill.surface)).toEqual(expect.arrayContaining(ALICE.skills));
    expect(profile.totalYears).toBeGreaterThan(5);
    // Provenance points at the rendered line that shows the field.
    const nameLine = profile.provenance['basics.name']?.line ?? -1;
    expect(document.lines[nameLine]?.text).toBe(ALICE.name);
    expect(profile.provenance['basics.name']?.source).toBe('import');
    expect(document.kind).toBe('json');
    expect(document.text).toContain(ALICE.work[0]!.bullets[0]!);
  });

  it('reads the older company/website keys of work entries', () => {
    const { profile } = profileFromJsonResume(
      readJsonResume(makeJsonResume(DARIA, { legacyKeys: true }), 'd.json'),
    );
    expect(profile.work.map((entry) => entry.company)).toEqual(DARIA.work.map((entry) => entry.company));
  });

  it('refuses malformed JSON, a Shortlist backup and other JSON with their own codes', () => {
    expect(readError(makeMalformedJson(BOB)).code).toBe('corrupt-file');
    const backup = readError(makeBackupJson(ALICE));
    expect(backup.code).toBe('backup-file');
    expect(backup.message).toContain('Export → Restore');
    expect(readError('{"name": "package", "version": "1.0.0"}').code).toBe('not-json-resume');
    expect(readError('[1, 2, 3]').code).toBe('not-json-resume');
  });

  it('keeps only strings and caps their length (the file is untrusted)', () => {
    const resume = readJsonResume(
      JSON.stringify({ basics: { name: { toString: 'x' }, email: 'a@b.co', summary: 'x'.repeat(20_000) } }),
      'x.json',
    );
    expect(resume.basics?.name).toBeUndefined();
    expect(resume.basics?.summary?.length).toBe(5_000);
  });
});

describe('JSON Resume round trip', () => {
  it('keeps basics, work, education and skills through export and import', () => {
    const first = profileFromJsonResume(readJsonResume(makeJsonResume(BOB), 'b.json')).profile;
    const again = profileFromJsonResume(
      readJsonResume(JSON.stringify(profileToJsonResume(first)), 'b2.json'),
    ).profile;
    expect(again.basics).toMatchObject({
      name: first.basics.name,
      email: first.basics.email,
      phone: first.basics.phone,
    });
    expect(
      again.work.map(({ company, position, startDate, endDate }) => ({
        company,
        position,
        startDate,
        endDate,
      })),
    ).toEqual(
      first.work.map(({ company, position, startDate, endDate }) => ({
        company,
        position,
        startDate,
        endDate,
      })),
    );
    expect(again.education.map((entry) => entry.institution)).toEqual(
      first.education.map((e) => e.institution),
    );
    expect(again.skills.map((skill) => skill.name)).toEqual(first.skills.map((skill) => skill.name));
  });
});

describe('JSON Resume out', () => {
  it('exports the summary section and a city/region location', () => {
    const { profile, document } = profileFromJsonResume(readJsonResume(makeJsonResume(ALICE), 'a.json'));
    const exported = profileToJsonResume(profile, document);
    expect(exported.basics?.summary).toBe(ALICE.summary.replace(/\u00ad/g, ''));
    expect(exported.basics?.location).toEqual({
      city: ALICE.location.split(',')[0]?.trim(),
      region: ALICE.location.split(',').slice(1).join(',').trim(),
    });
    expect(exported.work?.[0]?.endDate).toBeUndefined();
  });
});
