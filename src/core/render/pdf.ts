/**
 * Render blocks → PDF with pdf-lib: real text (selectable, extractable), US Letter pages, one
 * column, in fonts that ship with the app (IBM Plex Serif / Sans, see fonts.ts), embedded as
 * subsets through fontkit with a ToUnicode map so every extractor reads the text back. Ligatures
 * are off (an ATS that extracts "ﬁ" as one character misses the word); a character the font does
 * not have is written as its base letter (ő → o) or dropped, never as a box.
 *
 * Speed: fontkit shapes a string each time pdf-lib measures it, which made line breaking alone
 * take about a second per resume. Widths are therefore summed from each character's advance,
 * measured once per font file and kept (without kerning or ligatures the shaped width is exactly
 * that sum), so a 2-page resume renders in well under the 500 ms goal.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PdfFontBytes } from './fonts';
import type { RenderBlock } from './model';
import type { TemplateStyle } from './templates';

const PAGE: [number, number] = [612, 792];
const BULLET_INDENT = 12;
/** OpenType features turned off: no ligatures or contextual forms (extractable text), no kerning
 * (pdf-lib does not position glyphs by it, and the width sums above assume none). */
const FEATURES = { liga: false, clig: false, dlig: false, calt: false, kern: false };

/** Letters with no Unicode decomposition to a base letter. */
const BASE_LETTER: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
};

function sanitiser(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) => {
    let out = '';
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (supported.has(code)) out += char;
      else if (char === '\t') out += ' ';
      else {
        const base = BASE_LETTER[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
        out += [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : '';
      }
    }
    return out;
  };
}

/** Advance width at size 1 of each character, per font file (the same for every document). */
const advances = new WeakMap<Uint8Array, Map<string, number>>();

interface Face {
  font: PDFFont;
  fit: (text: string) => string;
  width: (text: string, size: number) => number;
}

async function embedFace(pdf: PDFDocument, bytes: Uint8Array): Promise<Face> {
  const font = await pdf.embedFont(bytes, { subset: true, features: FEATURES });
  let known = advances.get(bytes);
  if (!known) advances.set(bytes, (known = new Map<string, number>()));
  const cache = known;
  return {
    font,
    fit: sanitiser(font),
    width(text, size) {
      let sum = 0;
      for (const char of text) {
        let advance = cache.get(char);
        if (advance === undefined) {
          advance = font.widthOfTextAtSize(char, 1);
          cache.set(char, advance);
        }
        sum += advance;
      }
      return sum * size;
    },
  };
}

/** Greedy line breaking; `units` are the pieces a line may break between (words by default). */
function wrap(text: string, face: Face, size: number, width: number, units?: string[]): string[] {
  const words = units ?? text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (face.width(candidate, size) <= width || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** `fonts` are the template's family (`style.pdfFont`), regular and bold, as TrueType bytes. */
export async function renderPdf(
  blocks: readonly RenderBlock[],
  style: TemplateStyle,
  title: string,
  fonts: PdfFontBytes,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await embedFace(pdf, fonts.regular);
  const bold = await embedFace(pdf, fonts.bold);
  const fit = regular.fit;
  const fitBold = bold.fit;
  pdf.setTitle(title);
  pdf.setCreator('Shortlist');
  pdf.setProducer('Shortlist (pdf-lib, fontkit)');
  // Fixed dates: the same resume and template give the same bytes (cacheable, testable).
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));

  const width = PAGE[0] - 2 * style.margin;
  const black = rgb(0, 0, 0);
  const accent = rgb(...style.accent);
  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - style.margin;
  const need = (height: number) => {
    if (y - height >= style.margin) return;
    page = pdf.addPage(PAGE);
    y = PAGE[1] - style.margin;
  };
  const line = (size: number) => size * style.lineHeight;
  const draw = (text: string, x: number, size: number, face: Face, color = black) => {
    page.drawText(text, { x, y: y - size, size, font: face.font, color });
  };
  const paragraph = (text: string, size: number, font: Face, indent = 0) => {
    for (const row of wrap(fit(text), font, size, width - indent)) {
      need(line(size));
      draw(row, style.margin + indent, size, font);
      y -= line(size);
    }
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'name':
        need(line(style.nameSize));
        draw(fitBold(block.text), style.margin, style.nameSize, bold, accent);
        y -= line(style.nameSize) + 2;
        break;
      case 'label':
        paragraph(block.text, style.bodySize + 1, regular);
        break;
      case 'contact':
        paragraph(block.text, style.bodySize, regular);
        break;
      case 'heading': {
        const text = fitBold(style.upperHeadings ? block.text.toUpperCase() : block.text);
        y -= style.headingGap;
        need(line(style.headingSize) + line(style.bodySize) * 2);
        draw(text, style.margin, style.headingSize, bold, accent);
        y -= line(style.headingSize);
        if (style.headingRule) {
          page.drawLine({
            start: { x: style.margin, y: y + 2 },
            end: { x: style.margin + width, y: y + 2 },
            thickness: 0.6,
            color: accent,
          });
          y -= 3;
        }
        break;
      }
      case 'entry': {
        y -= style.entryGap;
        const dates = fit(block.dates);
        const title = fitBold(block.title);
        // One line per entry header, as ATS parsers (and ours) read "Title, Company  Dates": a
        // header that would wrap is set smaller, down to 65% of the body size, before it wraps.
        const gap = dates ? 12 : 0;
        const text = bold.width(title, style.bodySize) + (dates ? regular.width(dates, style.bodySize) : 0);
        const fits = text + gap <= width ? style.bodySize : (style.bodySize * (width - gap)) / text;
        const size = Math.max(style.bodySize * 0.65, Math.floor(fits * 10) / 10);
        const datesWidth = dates ? regular.width(dates, size) : 0;
        const rows = wrap(title, bold, size, width - datesWidth - gap);
        need(line(style.bodySize) * (rows.length + 1));
        rows.forEach((row, index) => {
          draw(row, style.margin, size, bold);
          if (index === 0 && dates) draw(dates, style.margin + width - datesWidth, size, regular);
          y -= line(style.bodySize);
        });
        if (rows.length === 0 && dates) {
          draw(dates, style.margin, size, regular);
          y -= line(style.bodySize);
        }
        break;
      }
      case 'meta':
        paragraph(block.text, style.bodySize, regular);
        break;
      case 'bullet': {
        const rows = wrap(fit(block.text), regular, style.bodySize, width - BULLET_INDENT);
        rows.forEach((row, index) => {
          need(line(style.bodySize));
          if (index === 0) draw('•', style.margin + 2, style.bodySize, regular);
          draw(row, style.margin + BULLET_INDENT, style.bodySize, regular);
          y -= line(style.bodySize);
        });
        break;
      }
      case 'text':
        paragraph(block.text, style.bodySize, regular);
        break;
      case 'list': {
        const items = block.items.map(
          (item, index) => fit(item) + (index < block.items.length - 1 ? ',' : ''),
        );
        for (const row of wrap('', regular, style.bodySize, width, items)) {
          need(line(style.bodySize));
          draw(row, style.margin, style.bodySize, regular);
          y -= line(style.bodySize);
        }
        break;
      }
    }
  }
  return pdf.save();
}
