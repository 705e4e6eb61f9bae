import { readFileSync, writeFileSync } from 'node:fs';
import { documentFromOcr } from '../src/core/parse/ocr';
for (const i of process.argv.slice(2)) writeFileSync(`/tmp/i8ocr/ocr${i}.txt`, documentFromOcr(JSON.parse(readFileSync(`/tmp/i8ocr/pages${i}.json`,'utf8'))).text);
