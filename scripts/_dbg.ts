import { writeFileSync } from 'node:fs';
import { parseDocument } from '../src/core/parse';
import { documentFromOcr } from '../src/core/parse/ocr';
import { nodeParseLibs } from './lib/node-parse-libs';
import { createNodeOcr, ocrPdf } from './lib/node-ocr';
import { SCAN_CASES } from './eval/ocr';
import { makeResumePdf } from '../tests/fixtures/resume-fixtures';
import { makeScannedCopy } from '../tests/fixtures/scan-fixtures';
const w = await createNodeOcr();
for (const i of process.argv.slice(2).map(Number)) {
  const c = SCAN_CASES[i]!;
  const pdf = await makeResumePdf(c.spec, c.layout);
  const truth = await parseDocument(pdf.slice(), { fileName: 'a.pdf', mimeType: '', maxBytes: 1e8 }, nodeParseLibs);
  const scan = await makeScannedCopy(pdf, c.scan);
  const t = performance.now();
  const pages = await ocrPdf(w, scan, 200);
  console.log(i, 'ocr ms', performance.now() - t);
  writeFileSync(`/tmp/i8ocr/truth${i}.txt`, truth.text);
  writeFileSync(`/tmp/i8ocr/ocr${i}.txt`, documentFromOcr(pages).text);
  writeFileSync(`/tmp/i8ocr/pages${i}.json`, JSON.stringify(pages));
}
await w.terminate();
