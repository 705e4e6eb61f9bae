export * from './model';
export { TEMPLATES, type TemplateStyle } from './templates';
export { renderPdf } from './pdf';
export { renderDocx } from './docx';
export { toJsonResume, type JsonResume } from './json-resume';
