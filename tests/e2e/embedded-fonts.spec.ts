import fontkit from '@pdf-lib/fontkit';
import { expect, test } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { nodePdfFonts } from '../../scripts/lib/node-fonts';
import { importItem, openApp } from './helpers';

/**
 * A resume PDF whose fonts are embedded (as Word, browsers and LaTeX write them): the parse
 * worker hands each font to pdf.js as a FontFace in its font sink instead of having pdf.js draw
 * glyph outlines, and the file is read like any other.
 */
test('a resume PDF with embedded fonts is read', async ({ page }) => {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts = await nodePdfFonts('sans');
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const sheet = pdf.addPage([612, 792]);
  sheet.drawText('Linnea Achterberg', { x: 54, y: 720, size: 22, font: bold });
  sheet.drawText('linnea.achterberg@example.org', { x: 54, y: 698, size: 10, font: regular });
  sheet.drawText('Experience', { x: 54, y: 660, size: 13, font: bold });
  sheet.drawText('Harbor Analytics  Jan 2020 - Present', { x: 54, y: 640, size: 11, font: bold });
  sheet.drawText('Data Engineer', { x: 54, y: 626, size: 11, font: regular });
  sheet.drawText('Built pricing pipelines in Python, SQL and Airflow.', {
    x: 54,
    y: 612,
    size: 10,
    font: regular,
  });

  await openApp(page);
  await page
    .getByTestId('resume-input')
    .setInputFiles([
      { name: 'embedded-fonts.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) },
    ]);
  await expect(importItem(page, 'embedded-fonts.pdf')).toHaveAttribute('data-stage', 'done');
  await expect(page.getByText('Linnea Achterberg').first()).toBeVisible();
});
