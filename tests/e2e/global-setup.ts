import { execFileSync } from 'node:child_process';

/** Generate the fixture files (resumes rendered to PDF/DOCX by code, bad inputs) before e2e runs. */
export default function globalSetup(): void {
  execFileSync('npx', ['tsx', 'scripts/make-fixtures.ts'], { stdio: 'inherit' });
}
