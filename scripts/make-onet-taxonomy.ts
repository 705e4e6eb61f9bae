/**
 * npm run taxonomy:onet — generates src/core/taxonomy/onet-data.ts from the O*NET text files in
 * ../shared/data/onet (Technology Skills.txt, Occupation Data.txt).
 *
 * O*NET is published by the U.S. Department of Labor, Employment and Training Administration
 * (USDOL/ETA) under CC BY 4.0. The generated file carries that attribution; the app's Settings
 * page and docs/taxonomy.md credit it too.
 *
 * What it keeps (so the table stays compact and the matcher fast):
 * - tools and technologies named by at least MIN_OCCUPATIONS occupations, or flagged "Hot
 *   Technology", except generic category names ("Spreadsheet software");
 * - for each, a canonical name without the trailing word "software", an alias without a vendor
 *   that names many products ("Intuit QuickBooks" → "QuickBooks") and the acronym written after
 *   a spelled-out name ("Structured query language SQL" → "SQL");
 * - single words that are also ordinary English words ("Teams", "Word") marked ambiguous ("*"):
 *   they count only with their exact casing next to other skills, like "Go" and "Excel";
 * - occupation titles (for the title lexicon) split into their job nouns, singular
 *   ("Accountants and Auditors" → accountant, auditor).
 * Names the hand-written taxonomy already has are skipped there at load time (it wins).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const ONET = resolve(ROOT, '..', 'shared', 'data', 'onet');
const OUT = join(ROOT, 'src', 'core', 'taxonomy', 'onet-data.ts');
const MIN_OCCUPATIONS = 3;
/** A first word shared by at least this many products is a vendor ("Microsoft", "Oracle"). */
const VENDOR_MIN = 4;

function rows(file: string): string[][] {
  const text = readFileSync(join(ONET, file), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split('\t'));
}

if (!existsSync(join(ONET, 'Technology Skills.txt'))) {
  console.log(`O*NET files not found in ${ONET}; nothing generated.`);
  process.exit(0);
}

const occupationsByExample = new Map<string, Set<string>>();
const hot = new Set<string>();
for (const [code = '', example = '', , , hotFlag = ''] of rows('Technology Skills.txt')) {
  const name = example.trim();
  if (!name) continue;
  if (!occupationsByExample.has(name)) occupationsByExample.set(name, new Set());
  occupationsByExample.get(name)!.add(code);
  if (hotFlag.trim() === 'Y') hot.add(name);
}

const kept = [...occupationsByExample]
  .filter(([name, codes]) => codes.size >= MIN_OCCUPATIONS || hot.has(name))
  .map(([name]) => name)
  // Generic categories: "Web browser software", "Data entry software".
  .filter((name) => !/^[a-z0-9 ,/()&-]+ software$/i.test(name) || /[A-Z].*[A-Z]/.test(name.slice(1)))
  .filter((name) => !/^(?:[A-Z][a-z]+)(?: [a-z][a-z/&-]*)* software$/.test(name))
  .sort((a, b) => a.localeCompare(b));

const firstWords = new Map<string, number>();
for (const name of kept) {
  const first = name.split(' ')[0] ?? '';
  firstWords.set(first, (firstWords.get(first) ?? 0) + 1);
}
const vendors = new Set(
  [...firstWords]
    .filter(
      ([word, count]) =>
        count >= VENDOR_MIN &&
        /^[A-Z]/.test(word) &&
        !/^(?:Data|Web|Computer|Electronic|Human|Image|Inventory|Time|Network|Medical|Database|Extensible|National)$/.test(
          word,
        ),
    )
    .map(([word]) => word),
);
vendors.add('The MathWorks');

/** Plain capitalised English-looking word ("Teams", "Word", "Box"): ambiguous in prose. */
const plainWord = (word: string): boolean => /^[A-Z][a-z]+$/.test(word) || /^[a-z]+$/.test(word);
const forbidden = /[|;>*\n]/g;
/** Product names that are also everyday English words. */
const COMMON_WORDS = new Set(
  (
    'act blink box chef forth go loom puppet react ruby scheme seesaw slack swift zoom squeegee ethereal ' +
    'word teams notes project access director presenter audition flex illustrator distiller captivate ' +
    'outlook publisher excel visio edge paint money bridge sketch snap spark hive pig storm kite'
  ).split(' '),
);

const lines: string[] = [];
const seen = new Set<string>();
for (const original of kept) {
  let name = original
    .replace(/\s+software$/i, '')
    .replace(forbidden, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const aliases: string[] = [];
  // "Structured query language SQL" → "Structured query language" + "SQL".
  const acronym = /^(.+?\s.+?)\s([A-Z][A-Z0-9/+.#-]{1,9})$/.exec(name);
  if (acronym?.[1] && acronym[2]) {
    const initials = acronym[1]
      .split(/[\s/-]+/)
      .map((word) => word[0]?.toUpperCase() ?? '')
      .join('');
    if (initials.startsWith(acronym[2][0] ?? '') && acronym[2].length >= 2) {
      name = acronym[1];
      // Exact casing and a skill nearby: "ETC", "BASIC" and "ICS" are also words.
      aliases.push(`${acronym[2]}*`);
    }
  }
  const vendor = [...vendors].find((prefix) => name.startsWith(`${prefix} `));
  if (vendor) {
    const rest = name.slice(vendor.length + 1);
    // A one-word remainder that is an ordinary word ("Teams", "Director") is too ambiguous to keep.
    if (rest.length >= 2 && !plainWord(rest) && !/^(?:software|applications?|tools?)$/i.test(rest))
      aliases.push(rest);
  }
  const key = name.toLowerCase();
  if (seen.has(key) || name.length < 2) continue;
  seen.add(key);
  // A product called by an ordinary word ("Slack", "Act!" — its punctuation is not read) is
  // ambiguous; so is every one-word alias left after
  // taking the vendor off ("Microsoft Teams" → "Teams").
  const mark = (form: string, alias: boolean): string =>
    !form.endsWith('*') &&
    ((form.split(' ').length === 1 &&
      (alias ? plainWord(form) : COMMON_WORDS.has(form.toLowerCase().replace(/[!?.]+$/, '')))) ||
      form.length <= 2)
      ? `${form}*`
      : form;
  const uniqueAliases = [...new Set(aliases)].filter(
    (alias) => alias.replace(/\*$/, '').toLowerCase() !== key,
  );
  lines.push(
    uniqueAliases.length > 0
      ? `${mark(name, false)} | ${uniqueAliases.map((alias) => mark(alias, true)).join(', ')}`
      : mark(name, false),
  );
}

/** Tools so common (named by ≥ UBIQUITOUS occupations) that asking for them says little. */
const UBIQUITOUS = 200;
const ubiquitous = [...occupationsByExample]
  .filter(([, codes]) => codes.size >= UBIQUITOUS)
  .map(([name]) => name.replace(/\s+software$/i, ''))
  .filter((name) => /[A-Z]/.test(name.slice(1)) || /^[A-Z]/.test(name))
  .sort();

const titles = rows('Occupation Data.txt')
  .map(([code = '', title = '']) => `${code.trim()}\t${title.trim()}`)
  .filter((line) => !line.endsWith('\t'));

const header = `/**
 * GENERATED by scripts/make-onet-taxonomy.ts — do not edit by hand (npm run taxonomy:onet).
 *
 * Includes information from O*NET 30.x Database (Technology Skills, Occupation Data) by the
 * U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the
 * CC BY 4.0 licence (https://creativecommons.org/licenses/by/4.0/). Modified by this project:
 * tools named by at least ${MIN_OCCUPATIONS} occupations or flagged "Hot Technology", renamed without
 * the word "software", with vendor-less aliases and acronyms; occupation titles as listed.
 * O*NET® is a trademark of USDOL/ETA.
 */
`;
const body = `${header}
/** Tools and technologies, one entry a line in the taxonomy's syntax (see ./skills-data.ts). */
export const ONET_TOOLS = \`
${lines.join('\n').replace(/`/g, "'").replace(/\$\{/g, '$ {')}
\`;

/**
 * Tools named by at least ${UBIQUITOUS} occupations (office suites, e-mail, operating systems): a
 * requirement for one of them says little about fit, so it weighs less in coverage.
 */
export const ONET_UBIQUITOUS = \`
${ubiquitous.join('\n')}
\`;

/** O*NET-SOC code and occupation title, one a line, tab-separated. */
export const ONET_OCCUPATIONS = \`
${titles.join('\n').replace(/`/g, "'")}
\`;
`;
writeFileSync(OUT, body);
console.log(`wrote ${OUT}: ${lines.length} tools, ${titles.length} occupations`);
