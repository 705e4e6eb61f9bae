/**
 * Finds every RegExp in src/core by parsing the sources (TypeScript's parser, not a regex), so a
 * pattern added anywhere is walked by regex-walker.test.ts without anyone listing it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexLiteralSite {
  kind: 'literal';
  file: string;
  line: number;
  pattern: RegExp;
}

export interface RegexConstructorSite {
  kind: 'constructor';
  file: string;
  line: number;
  /** The constructor call as written, e.g. `new RegExp(String.raw\`…\`, 'u')`. */
  text: string;
  /** True when the call runs while the module loads (not inside a function body). */
  moduleLevel: boolean;
}

export type RegexSite = RegexLiteralSite | RegexConstructorSite;

const ROOT = join(import.meta.dirname, '../../..');
export const CORE_DIR = join(ROOT, 'src/core');

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
      files.push(path);
  }
  return files.sort();
}

function literalToRegExp(text: string): RegExp {
  const end = text.lastIndexOf('/');
  return new RegExp(text.slice(1, end), text.slice(end + 1));
}

function insideFunction(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isFunctionLike(parent)) return true;
  }
  return false;
}

function isRegExpCall(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
  return (
    (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'RegExp'
  );
}

export function findRegexSites(): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const path of sourceFiles(CORE_DIR)) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const file = relative(ROOT, path);
    const visit = (node: ts.Node): void => {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        sites.push({ kind: 'literal', file, line, pattern: literalToRegExp(node.getText(source)) });
      } else if (isRegExpCall(node)) {
        sites.push({
          kind: 'constructor',
          file,
          line,
          text: node.getText(source),
          moduleLevel: !insideFunction(node),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}
