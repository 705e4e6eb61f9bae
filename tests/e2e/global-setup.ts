import { execFileSync } from 'node:child_process';

/** Generate the fixture files (resumes rendered to PDF/DOCX by code, bad inputs) before e2e runs. */
export default function globalSetup(): void {
  execFileSync('npx', ['tsx', 'scripts/make-fixtures.ts'], { stdio: 'inherit' });
  // 200 generated resumes as .txt files, for the ranking test (src/core/corpus).
  execFileSync('npx', ['tsx', 'scripts/make-corpus.ts', '200'], { stdio: 'inherit' });
}
