/**
 * The three templates: all single column, real text, standard headings, no tables, no icons,
 * no columns, so any ATS reads them in order. They differ in type, size, spacing and how
 * headings look.
 */
import type { PdfFontFamily } from './fonts';
import type { TemplateId } from './model';

export interface TemplateStyle {
  id: TemplateId;
  label: string;
  /** Page margins in points (PDF) — DOCX uses the same in twentieths of a point. */
  margin: number;
  nameSize: number;
  headingSize: number;
  bodySize: number;
  /** Extra points above a heading / between entries. */
  headingGap: number;
  entryGap: number;
  lineHeight: number;
  upperHeadings: boolean;
  /** Rule under headings (PDF) / bottom border (DOCX). */
  headingRule: boolean;
  /** RGB 0..1 of headings; body text is always black. */
  accent: [number, number, number];
  /** PDF font family embedded (fonts.ts: IBM Plex Serif / Sans). */
  pdfFont: PdfFontFamily;
  /** DOCX font family (a font every Word install has). */
  docxFont: string;
}

export const TEMPLATES: Record<TemplateId, TemplateStyle> = {
  classic: {
    id: 'classic',
    label: 'Classic',
    margin: 54,
    nameSize: 22,
    headingSize: 12,
    bodySize: 10.5,
    headingGap: 10,
    entryGap: 5,
    lineHeight: 1.3,
    upperHeadings: true,
    headingRule: true,
    accent: [0, 0, 0],
    pdfFont: 'serif',
    docxFont: 'Times New Roman',
  },
  compact: {
    id: 'compact',
    label: 'Compact',
    margin: 40,
    nameSize: 18,
    headingSize: 11,
    bodySize: 9.5,
    headingGap: 6,
    entryGap: 3,
    lineHeight: 1.2,
    upperHeadings: true,
    headingRule: false,
    accent: [0.1, 0.1, 0.1],
    pdfFont: 'sans',
    docxFont: 'Arial',
  },
  modern: {
    id: 'modern',
    label: 'Modern',
    margin: 50,
    nameSize: 24,
    headingSize: 13,
    bodySize: 10.5,
    headingGap: 12,
    entryGap: 6,
    lineHeight: 1.35,
    upperHeadings: false,
    headingRule: false,
    accent: [0.11, 0.3, 0.85],
    pdfFont: 'sans',
    docxFont: 'Calibri',
  },
};
