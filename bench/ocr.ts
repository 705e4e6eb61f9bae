/**
 * ocr.page: one scanned A4 page read at 200 dpi in Node — pdf.js renders the page image and
 * tesseract.js reads it, as the browser's OCR worker does (engine start-up not counted: it
 * happens once per session). The scan is generated (tests/fixtures/scan-fixtures.ts).
 */
import { createNodeOcr, recognisePage } from '../scripts/lib/node-ocr';
import { rgbaToPnm } from '../src/core/parse/ocr';
import { ALICE, makeResumePdf } from '../tests/fixtures/resume-fixtures';
import { makeScannedCopy, renderPdfPages } from '../tests/fixtures/scan-fixtures';
import { percentile, timeIt, timeRow, type BenchRow } from './harness';

const A4 = { width: 595, height: 842 };
const DPI = 200;

export async function ocrRows(log: (row: BenchRow) => void): Promise<void> {
  const scan = await makeScannedCopy(await makeResumePdf(ALICE, 'one-column'), {
    dpi: 300,
    angle: 0.6,
    speckle: 0.001,
    grain: 14,
    seed: 21,
    paper: A4,
  });
  const worker = await createNodeOcr();
  const cpuSamples: number[] = [];
  try {
    const samples = await timeIt(
      async () => {
        const cpuStart = process.cpuUsage();
        const [page] = await renderPdfPages(scan, DPI);
        if (!page) throw new Error('the scan has no page');
        await recognisePage(worker, rgbaToPnm(page.rgba, page.width, page.height), {
          page: 1,
          width: page.width,
          height: page.height,
          dpi: DPI,
        });
        const cpu = process.cpuUsage(cpuStart);
        cpuSamples.push((cpu.user + cpu.system) / 1000);
      },
      { warmup: 1, iterations: 5 },
    );
    log(
      timeRow(
        'ocr.page',
        percentile(samples, 95),
        4000,
        `p95 of ${samples.length} reads of one scanned A4 page at ${DPI} dpi (render + OCR, engine warm); ` +
          `CPU time p95 ${Math.round(percentile(cpuSamples.slice(-samples.length), 95))} ms (wall time grows when other work shares the cores)`,
      ),
    );
  } finally {
    await worker.terminate();
  }
}
