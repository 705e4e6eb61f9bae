/**
 * npx tsx scripts/dump-resume.ts FILE [--lines]
 * Debug aid: prints a file's parsed lines (with layout flags) and the extracted profile.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseDocument } from '../src/core/parse';
import { extractResume } from '../src/core/extract/resume';
import { nodeParseLibs } from './lib/node-parse-libs';

const [file, ...flags] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx scripts/dump-resume.ts FILE [--lines]');
const bytes = new Uint8Array(await readFile(file));
const doc = await parseDocument(
  bytes,
  { fileName: basename(file), mimeType: '', maxBytes: 20 * 1024 * 1024 },
  nodeParseLibs,
);
const profile = extractResume(doc);
if (flags.includes('--lines')) {
  doc.lines.forEach((line, index) => {
    const marks = `${line.heading ? 'H' : ' '}${line.bold ? 'B' : ' '}${line.bullet ? '•' : ' '}`;
    console.log(
      `${String(index).padStart(3)} p${line.page} x${Math.round(line.x)} s${line.fontSize} ${marks} ${line.text}`,
    );
  });
}
console.log('sections', profile.sections.map((s) => `${s.name}:${s.startLine}-${s.endLine}`).join(' '));
console.log('basics', JSON.stringify({ ...profile.basics, profiles: undefined }));
for (const w of profile.work)
  console.log('W', JSON.stringify([w.company, w.position, w.startDate, w.endDate, w.location]));
for (const e of profile.education)
  console.log('E', JSON.stringify([e.institution, e.studyType, e.area, e.startDate, e.endDate]));
console.log('skills', profile.skills.map((s) => s.name).join(', '));
