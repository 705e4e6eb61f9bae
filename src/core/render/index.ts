export * from './model';
export { TEMPLATES, type TemplateStyle } from './templates';
export { renderPdf } from './pdf';
export { PDF_FONT_FILES, type PdfFontBytes, type PdfFontFamily } from './fonts';
export { renderDocx } from './docx';
export { toJsonResume, type JsonResume } from './json-resume';
