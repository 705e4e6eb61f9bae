import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkResume,
  normaliseLineDates,
  removePronouns,
  ruleFixes,
  weakBullets,
  type AtsInput,
} from '../../../src/core/ats';
import type { ParsedDocument } from '../../../src/core/domain';
import { extractJob } from '../../../src/core/extract/job';
import { extractResume } from '../../../src/core/extract/resume';
import { applySuggestion } from '../../../src/core/llm/apply';
import { parsePdf, type PdfJsLike } from '../../../src/core/parse/pdf';
import { parseText } from '../../../src/core/parse/text';
import { nodeParseLibs } from '../../../scripts/lib/node-parse-libs';
import { ALICE, makeResumePdf } from '../../fixtures/resume-fixtures';

const NOW = new Date(Date.UTC(2026, 10, 1));

function textInput(text: string, extra: Partial<AtsInput> = {}): AtsInput {
  const document = parseText(text, 'txt');
  return {
    document,
    profile: extractResume(document),
    file: { kind: 'txt', size: text.length, fileName: 'resume.txt' },
    ...extra,
  };
}

/** A plain one-column resume, long enough not to be "too short", built from parts the tests vary. */
function resumeText(
  options: { email?: boolean; summary?: string; dates?: [string, string]; heading?: string } = {},
) {
  const [first, second] = options.dates ?? ['Jan 2020 – Present', 'Jun 2016 – Dec 2019'];
  const filler = Array.from(
    { length: 12 },
    (_, i) =>
      `- Delivered release ${i + 1} of the billing platform with Python and PostgreSQL, cutting incident count by ${10 + i}% over two quarters.`,
  );
  return [
    'Maria Lopez',
    options.email === false ? '+1 212 555 0199' : 'maria.lopez@example.com · +1 212 555 0199',
    '',
    'SUMMARY',
    options.summary ?? 'Backend engineer with nine years of building payment and billing systems.',
    '',
    options.heading ?? 'EXPERIENCE',
    `Senior Software Engineer, Globex ${first}`,
    ...filler.slice(0, 6),
    `Software Engineer, Initech ${second}`,
    ...filler.slice(6),
    '',
    'EDUCATION',
    'State University, B.S. Computer Science, 2012 – 2016',
    '',
    'SKILLS',
    'Python, PostgreSQL, Docker, Kubernetes, AWS, Terraform',
  ].join('\n');
}

function rules(input: AtsInput): string[] {
  return checkResume(input, NOW).findings.map((finding) => finding.rule);
}

/** Accept every rule fix of one rule, re-parse the edited text and check it again. */
function acceptFixes(input: AtsInput, rule: string): AtsInput {
  const report = checkResume(input, NOW);
  let text = input.document.text;
  for (const fix of ruleFixes(input, report).filter((f) => f.rule === rule)) {
    text = applySuggestion(text, fix.before, fix.after) ?? text;
  }
  return textInput(text);
}

let pdfjs: PdfJsLike;
beforeAll(async () => {
  pdfjs = await nodeParseLibs.loadPdfjs();
});

describe('ATS check', () => {
  it('reports the columns of a two-column PDF with the lines of the side column', async () => {
    const bytes = await makeResumePdf(ALICE, 'two-column');
    const document: ParsedDocument = await parsePdf(bytes, pdfjs);
    const input: AtsInput = {
      document,
      profile: extractResume(document),
      file: { kind: 'pdf', size: bytes.byteLength, fileName: 'alice.pdf' },
    };
    const finding = checkResume(input, NOW).findings.find((f) => f.rule === 'layout-columns');
    expect(finding?.severity).toBe('major');
    const texts = finding!.lines.map((index) => document.lines[index]!.text);
    expect(texts).toEqual(expect.arrayContaining(['SKILLS', 'EDUCATION', 'Snowflake']));
    // The main column (experience) is not part of it.
    expect(texts.some((text) => text.startsWith('Senior Data Engineer, Northwind'))).toBe(false);
  });

  it('does not report columns for the same resume in one column', async () => {
    const bytes = await makeResumePdf(ALICE, 'one-column');
    const document = await parsePdf(bytes, pdfjs);
    const input: AtsInput = {
      document,
      profile: extractResume(document),
      file: { kind: 'pdf', size: bytes.byteLength, fileName: 'alice.pdf' },
    };
    expect(rules(input)).not.toContain('layout-columns');
  });

  it('reports a missing email as critical, and not when there is one', () => {
    const without = checkResume(textInput(resumeText({ email: false })), NOW);
    expect(without.findings.find((f) => f.rule === 'contact-email-missing')?.severity).toBe('critical');
    const withEmail = checkResume(textInput(resumeText()), NOW);
    expect(withEmail.findings.map((f) => f.rule)).not.toContain('contact-email-missing');
    expect(withEmail.score).toBeGreaterThan(without.score);
  });

  it('reports contact only in a page header and offers to move it to the body', () => {
    const input = textInput(resumeText({ email: false }).replace('+1 212 555 0199', 'New York, NY'), {
      headerFooterText: 'maria.lopez@example.com | +1 212 555 0199',
    });
    expect(rules(input)).toContain('contact-header-footer');
    expect(rules(input)).not.toContain('contact-email-missing');
    const fixed = acceptFixes(input, 'contact-header-footer');
    expect(fixed.document.text).toContain('maria.lopez@example.com');
    expect(rules(fixed)).not.toContain('contact-email-missing');
  });

  it('first-person pronouns: finding, fix, and a higher score after accepting it', () => {
    const input = textInput(
      resumeText({ summary: 'I build payment systems. My focus is reliability and I mentor engineers.' }),
    );
    const before = checkResume(input, NOW);
    expect(before.findings.map((f) => f.rule)).toContain('first-person');
    const fixed = acceptFixes(input, 'first-person');
    expect(fixed.document.text).toContain(
      'Build payment systems. The focus is reliability and mentor engineers.',
    );
    const after = checkResume(fixed, NOW);
    expect(after.findings.map((f) => f.rule)).not.toContain('first-person');
    expect(after.score).toBeGreaterThan(before.score);
  });

  it('mixed date formats: finding with the lines, normalised by the fix', () => {
    const input = textInput(resumeText({ dates: ['01/2020 - Present', 'Jun 2016 – Dec 2019'] }));
    const finding = checkResume(input, NOW).findings.find((f) => f.rule === 'date-formats');
    expect(finding?.lines.map((i) => input.document.lines[i]!.text)).toEqual([
      'Senior Software Engineer, Globex 01/2020 - Present',
      'Software Engineer, Initech Jun 2016 – Dec 2019',
    ]);
    const fixed = acceptFixes(input, 'date-formats');
    expect(fixed.document.text).toContain('Globex Jan 2020 – Present');
    expect(rules(fixed)).not.toContain('date-formats');
    expect(normaliseLineDates('Analyst 2019-03 to 2021-11')).toBe('Analyst Mar 2019 – Nov 2021');
  });

  it('non-standard headings are renamed by the fix', () => {
    const input = textInput(resumeText({ heading: 'Where I Have Worked' }).replace('SKILLS', 'S K I L L S'));
    // "Where I Have Worked" is not a heading the extractor knows: the experience section is missing.
    expect(rules(input)).toContain('section-missing');
    const spaced = checkResume(input, NOW).findings.find((f) => f.rule === 'heading-nonstandard');
    expect(spaced?.lines.map((i) => input.document.lines[i]!.text)).toEqual(['S K I L L S']);
    expect(acceptFixes(input, 'heading-nonstandard').document.text).toContain('\nSKILLS\n');
  });

  it('bullets without a number or with a weak opener are listed', () => {
    const input = textInput(
      resumeText().replace(
        /- Delivered release 1 of .*\n/,
        '- Responsible for the deployment pipeline and on-call rotation.\n',
      ),
    );
    const report = checkResume(input, NOW);
    const weak = report.findings.find((f) => f.rule === 'bullet-weak-verb');
    expect(weak?.lines.map((i) => input.document.lines[i]!.text)).toEqual([
      'Responsible for the deployment pipeline and on-call rotation.',
    ]);
    expect(report.findings.find((f) => f.rule === 'bullet-no-metric')?.lines).toEqual(weak?.lines);
    // The AI fixes' combined call gets them as text, once each.
    expect(weakBullets(input, report)).toEqual([
      'Responsible for the deployment pipeline and on-call rotation.',
    ]);
  });

  it('no text: one critical finding and no points for the other parts', () => {
    const report = checkResume(textInput('   '), NOW);
    expect(report.findings.map((f) => f.rule)).toEqual(['no-text']);
    // Only the file part is earned: 0.05 of the 0.85 of weights that apply without a job.
    expect(report.score).toBe(Math.round((0.05 / 0.85) * 100));
  });

  it('keyword coverage: job count vs resume count, hard and soft apart, with a target', () => {
    const jobText = [
      'Backend Engineer',
      'Requirements:',
      '- 5+ years of Python and Go',
      '- Kafka experience; Kafka Streams a plus',
      '- Strong communication skills',
      'Nice to have: Kubernetes',
    ].join('\n');
    const job = { spec: extractJob(parseText(jobText, 'txt')), text: jobText };
    const report = checkResume(textInput(resumeText(), { job }), NOW);
    const rows = Object.fromEntries(report.keywords!.rows.map((row) => [row.skill, row]));
    expect(rows['Python']).toMatchObject({ kind: 'hard', resumeCount: 13 });
    expect(rows['Apache Kafka']).toMatchObject({ jobCount: 2, resumeCount: 0, importance: 'required' });
    expect(rows['Communication']?.kind).toBe('soft');
    expect(report.keywords!.target).toBe(0.75);
    expect(report.findings.find((f) => f.rule === 'keywords-missing')?.detail).toContain('Apache Kafka');
    expect(report.parts.find((p) => p.part === 'keywords')).toBeDefined();
  });

  it('is deterministic, versioned, and its parts add up to the score', () => {
    const input = textInput(resumeText({ email: false }));
    const first = checkResume(input, NOW);
    expect(checkResume(input, NOW)).toEqual(first);
    expect(first.version).toBe(1);
    const sum = first.parts.reduce((total, part) => total + part.weight * part.score, 0);
    expect(Math.round(sum * 100)).toBe(first.score);
    expect(first.parts.reduce((total, part) => total + part.weight, 0)).toBeCloseTo(1, 10);
  });

  it('removePronouns keeps other words', () => {
    expect(removePronouns('I led a team of 5. Mine was the largest.')).toBe(
      'Led a team of 5. It was the largest.',
    );
    expect(removePronouns('Built Identity services')).toBe('Built Identity services');
  });
});
