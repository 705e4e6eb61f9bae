/**
 * Render blocks → DOCX with the `docx` package: Title and Heading 1 styles (what ATS parsers
 * look for), real list bullets, the dates on the entry's line after a right tab stop. No tables,
 * text boxes, headers or footers: everything is in the body, in reading order.
 */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import type { RenderBlock } from './model';
import type { TemplateStyle } from './templates';

const TWIPS_PER_POINT = 20;
const halfPoints = (points: number) => Math.round(points * 2);

export async function renderDocx(
  blocks: readonly RenderBlock[],
  style: TemplateStyle,
  title: string,
): Promise<Uint8Array> {
  const color = style.accent
    .map((part) =>
      Math.round(part * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
  const contentWidth = (612 - 2 * style.margin) * TWIPS_PER_POINT;
  const body = halfPoints(style.bodySize);
  const paragraphs: Paragraph[] = blocks.map((block) => {
    switch (block.kind) {
      case 'name':
        return new Paragraph({
          heading: HeadingLevel.TITLE,
          children: [new TextRun({ text: block.text, bold: true, size: halfPoints(style.nameSize), color })],
        });
      case 'heading':
        return new Paragraph({
          heading: HeadingLevel.HEADING_1,
          spacing: { before: style.headingGap * TWIPS_PER_POINT, after: 60 },
          ...(style.headingRule
            ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color, space: 1 } } }
            : {}),
          children: [
            new TextRun({
              text: style.upperHeadings ? block.text.toUpperCase() : block.text,
              bold: true,
              size: halfPoints(style.headingSize),
              color,
            }),
          ],
        });
      case 'entry':
        return new Paragraph({
          spacing: { before: style.entryGap * TWIPS_PER_POINT },
          tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
          children: [
            new TextRun({ text: block.title, bold: true, size: body }),
            ...(block.dates ? [new TextRun({ text: `\t${block.dates}`, size: body })] : []),
          ],
        });
      case 'bullet':
        return new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: block.text, size: body })],
        });
      case 'list':
        return new Paragraph({ children: [new TextRun({ text: block.items.join(', '), size: body })] });
      case 'meta':
      case 'label':
      case 'contact':
      case 'text':
        return new Paragraph({ children: [new TextRun({ text: block.text, size: body })] });
    }
  });
  const document = new Document({
    title,
    creator: 'Shortlist',
    styles: { default: { document: { run: { font: style.docxFont, size: body } } } },
    sections: [
      {
        properties: {
          page: {
            margin: {
              top: style.margin * TWIPS_PER_POINT,
              bottom: style.margin * TWIPS_PER_POINT,
              left: style.margin * TWIPS_PER_POINT,
              right: style.margin * TWIPS_PER_POINT,
            },
          },
        },
        children: paragraphs,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
