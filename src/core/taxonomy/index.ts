/**
 * The skills taxonomy: canonical names, aliases, kinds and implications, plus `findSkills`, a
 * token-trie matcher over normalised tokens. The index is built lazily on first use and then
 * shared by every caller in the same realm (a worker or the window); building it is pure.
 *
 * Matching is token-boundary safe by construction: text and skill names go through the same
 * tokenizer (src/core/search/tokenize.ts), so "C" never matches inside "CSS", and "C++", "C#",
 * ".NET" and "Node.js" are single tokens. Ambiguous short names ("Go", "R", "Excel", "Spring")
 * are only accepted with their exact casing and in a skill-like context. Acronyms written in
 * capitals ("DOE", "SAP", "HR") need their capitals in prose, where "Doe" is a surname and "far" a
 * word; in lower case they are ambiguous names ("http libraries"), and a skills list may write them
 * in any casing ("sql, aws, Css").
 */
import type { SkillKind } from '../domain';
import { tokenSpans, type TokenSpan } from '../search/tokenize';
import { SKILL_GROUPS, type SkillGroup } from './skills-data';
import { ONET_TOOLS, ONET_UBIQUITOUS } from './onet-data';
import { askedDegreeOf } from './degrees';

/** O*NET tools and technologies (generated, see scripts/make-onet-taxonomy.ts), after the hand-written groups. */
const ONET_GROUP: SkillGroup = { domain: 'onet', kind: 'tool', entries: ONET_TOOLS, generated: true };

export interface SkillMatch {
  /** Canonical taxonomy name. */
  canonical: string;
  /** The text as written in the source. */
  surface: string;
  /** Offsets into the searched text (end exclusive). */
  start: number;
  end: number;
  kind: SkillKind;
  /** True when the surface is an alias rather than the canonical name (case-insensitive). */
  viaAlias: boolean;
}

export interface FindSkillsOptions {
  /**
   * The text is a list of skills (a skills section): ambiguous names need only their exact
   * casing, no neighbouring skill.
   */
  listContext?: boolean;
}

interface SkillEntry {
  name: string;
  kind: SkillKind;
  domain: string;
  aliases: string[];
  implies: string[];
}

interface SkillForm {
  entry: number;
  /** The form as written in the taxonomy (used for the exact-casing check). */
  written: string;
  /** Needs its exact casing and a skill-like context ("Go", "Excel", "Act!"). */
  ambiguous: boolean;
  /**
   * An acronym in capitals ("DOE", "SAP", "ERP"), see `acronymCasing`. False when the taxonomy
   * also lists the same letters in another casing ("MATLAB | Matlab", "Nginx | NGINX").
   */
  capitalsOnly: boolean;
  canonical: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  form?: SkillForm;
}

interface TaxonomyIndex {
  entries: SkillEntry[];
  root: TrieNode;
  /** Normalised token key of every canonical name and alias → entry index. */
  byKey: Map<string, number>;
  /** Problems found while building (duplicate forms, unknown implied skills); empty when clean. */
  issues: string[];
}

let index: TaxonomyIndex | undefined;

/** An acronym of two to five capitals, letters only ("DOE", "HR", "HIPAA"; not "K8S" nor "P&L"). */
const CAPITALS_ACRONYM = /^[A-Z]{2,5}$/;

function tokenKey(text: string): string {
  return tokenSpans(text)
    .map((span) => span.norm)
    .join(' ');
}

function parseEntry(raw: string): { names: string[]; implies: string[] } {
  const [namePart = '', impliesPart = ''] = raw.split('>');
  const [canonical = '', aliasPart = ''] = namePart.split('|');
  const aliases = aliasPart
    .split(',')
    .map((alias) => alias.trim())
    .filter(Boolean);
  const implies = impliesPart
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return { names: [canonical.trim(), ...aliases], implies };
}

/**
 * Other forms of a skill named by an activity: the past tense ("Mentoring" → "mentored",
 * "Recruiting" → "recruited") and, for a multi-word name, the person who does it ("Data
 * Engineering" → "data engineer", "Event Planning" → "event planner", "Project Management" →
 * "project manager"). Names of fewer than six letters before the suffix are left alone.
 */
export function phraseVariants(name: string): string[] {
  const words = name.split(' ');
  const last = words[words.length - 1] ?? '';
  const head = words.slice(0, -1).join(' ');
  const join = (word: string) => (head ? `${head} ${word}` : word);
  const variants: string[] = [];
  if (/^[A-Za-z]+ing$/.test(last) && last.length >= 7) {
    const stem = last.slice(0, -3);
    variants.push(join(`${stem}ed`));
    // "engineering" → "engineer"; other stems are nouns of their own ("modeling" → "model").
    if (head) variants.push(join(stem.endsWith('eer') ? stem : `${stem}er`));
  } else if (head && /^[A-Za-z]+ment$/.test(last) && last.length >= 9) {
    const stem = last.slice(0, -4);
    variants.push(join(stem.endsWith('e') ? `${stem}r` : `${stem}er`));
  }
  return variants;
}

function nodeOf(root: TrieNode, key: string): TrieNode | undefined {
  let node: TrieNode | undefined = root;
  for (const token of key.split(' ')) node = node?.children.get(token);
  return node;
}

function buildIndex(): TaxonomyIndex {
  const entries: SkillEntry[] = [];
  const root: TrieNode = { children: new Map() };
  const byKey = new Map<string, number>();
  const issues: string[] = [];

  const addForm = (written: string, form: SkillForm, lenient = false): void => {
    const key = tokenKey(written);
    if (!key) return;
    const existing = byKey.get(key);
    if (existing !== undefined) {
      if (existing !== form.entry && !lenient) {
        issues.push(`"${written}" is both ${entries[existing]?.name} and ${entries[form.entry]?.name}`);
      } else if (existing === form.entry && !form.capitalsOnly) {
        // The same letters listed in another casing ("MATLAB | Matlab"): that casing counts too.
        const known = nodeOf(root, key)?.form;
        if (known && !known.ambiguous) known.capitalsOnly = false;
      }
      return;
    }
    byKey.set(key, form.entry);
    let node = root;
    for (const token of key.split(' ')) {
      let child = node.children.get(token);
      if (!child) {
        child = { children: new Map() };
        node.children.set(token, child);
      }
      node = child;
    }
    node.form = form;
  };

  const variantsOf: [number, string][] = [];
  for (const group of [...SKILL_GROUPS, ONET_GROUP]) {
    const lenient = group.generated === true;
    for (const raw of group.entries.split(lenient ? '\n' : /[\n;]/)) {
      if (!raw.trim()) continue;
      const { names, implies } = parseEntry(raw);
      const entryIndex = entries.length;
      const [canonicalWritten = ''] = names;
      const canonicalName = canonicalWritten.replace(/\*$/, '');
      if (lenient) {
        // "Intuit QuickBooks" when the taxonomy has "QuickBooks": the vendor's name is one more
        // way to write the same skill.
        const withoutVendor = tokenKey(canonicalName.split(' ').slice(1).join(' '));
        const known =
          withoutVendor.includes(' ') || withoutVendor.length > 3 ? byKey.get(withoutVendor) : undefined;
        if (known !== undefined && !byKey.has(tokenKey(canonicalName))) {
          addForm(
            canonicalName,
            { entry: known, written: canonicalName, ambiguous: false, capitalsOnly: false, canonical: false },
            true,
          );
          continue;
        }
      }
      if (
        byKey.has(tokenKey(canonicalName)) ||
        (lenient && names.some((name) => byKey.has(tokenKey(name.replace(/\*$/, '')))))
      ) {
        if (!lenient) issues.push(`duplicate skill "${canonicalName}"`);
        continue;
      }
      entries.push({
        name: canonicalName,
        kind: group.kind,
        domain: group.domain,
        aliases: names.slice(1).map((alias) => alias.replace(/\*$/, '')),
        implies,
      });
      names.forEach((written, position) => {
        const ambiguous = written.endsWith('*');
        const clean = ambiguous ? written.slice(0, -1) : written;
        const form: SkillForm = {
          entry: entryIndex,
          written: clean,
          ambiguous,
          capitalsOnly: !ambiguous && CAPITALS_ACRONYM.test(clean),
          canonical: position === 0,
        };
        addForm(clean, form, lenient);
      });
      if (!lenient && !canonicalWritten.endsWith('*')) variantsOf.push([entryIndex, canonicalName]);
    }
  }
  // Phrase variants count as evidence: "mentored" ⇒ Mentoring, "data engineer" ⇒ Data
  // Engineering, "project manager" ⇒ Project Management. Added after every written form, so a
  // variant another skill already names is skipped (the written form wins).
  for (const [entryIndex, name] of variantsOf) {
    for (const variant of phraseVariants(name)) {
      addForm(
        variant,
        { entry: entryIndex, written: variant, ambiguous: false, capitalsOnly: false, canonical: false },
        true,
      );
    }
  }
  const names = new Set(entries.map((entry) => entry.name));
  for (const entry of entries) {
    for (const implied of entry.implies) {
      if (!names.has(implied)) issues.push(`${entry.name} implies unknown skill "${implied}"`);
    }
  }
  return { entries, root, byKey, issues };
}

function getIndex(): TaxonomyIndex {
  index ??= buildIndex();
  return index;
}

/** Separators allowed between the tokens of one multi-word skill ("Machine  Learning", "CI/CD"). */
const INNER_GAP = /^[\s\-/&'’_]*$/;
const LIST_SEPARATOR = /[,|;/•·●▪]/;
const YEAR_AFTER = /^\s*(?:'\d{2}|(?:19|20)\d{2})\b/;
/** How far (in characters) a neighbouring skill may be to vouch for an ambiguous one. */
const CONTEXT_WINDOW = 60;

interface Candidate extends SkillMatch {
  ambiguous: boolean;
  domain: string;
}

/**
 * True when the single-letter or short ambiguous form is glued to a word by a hyphen ("C-level")
 * or is a unit after a degree sign ("180 °C").
 */
function gluedByHyphen(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  return /[\p{L}\p{N}][-'’]$|°$/u.test(before) || /^[-'’][\p{L}\p{N}]/u.test(after);
}

/** The singulars an English plural may have: "apis" → "api", "strategies" → "strategy", "processes" → "process". */
export function singularForms(word: string): string[] {
  if (word.length <= 3 || !word.endsWith('s')) return [];
  const forms = [word.slice(0, -1)];
  if (word.length > 4 && word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.length > 4 && /(?:ss|sh|ch|x)es$/.test(word)) forms.push(word.slice(0, -2));
  return forms;
}

function walk(
  text: string,
  spans: TokenSpan[],
  from: number,
  root: TrieNode,
): { form: SkillForm; to: number } | null {
  let node = root;
  let best: { form: SkillForm; to: number } | null = null;
  for (let position = from; position < spans.length; position++) {
    const span = spans[position];
    if (!span) break;
    if (position > from) {
      const previous = spans[position - 1];
      if (!previous || !INNER_GAP.test(text.slice(previous.end, span.start))) break;
    }
    const child = node.children.get(span.norm);
    if (!child) {
      // A plural of a multi-character final token ("REST APIs", "microservices", "product
      // strategies", "business processes") may still end a skill.
      for (const singular of singularForms(span.norm)) {
        const form = node.children.get(singular)?.form;
        if (form) {
          best = { form, to: position + 1 };
          break;
        }
      }
      break;
    }
    node = child;
    if (node.form) best = { form: node.form, to: position + 1 };
  }
  return best;
}

function sameLine(
  text: string,
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  const from = Math.min(a.end, b.end);
  const to = Math.max(a.start, b.start);
  return from <= to ? !text.slice(from, to).includes('\n') : true;
}

function vouches(text: string, ambiguous: Candidate, other: Candidate): boolean {
  if (other === ambiguous) return false;
  const spoken = ambiguous.domain === 'spoken';
  if (spoken ? other.domain !== 'spoken' : other.domain === 'spoken' || other.kind === 'soft') return false;
  const gapStart = Math.min(ambiguous.end, other.end);
  const gapEnd = Math.max(ambiguous.start, other.start);
  const gap = gapStart <= gapEnd ? text.slice(gapStart, gapEnd) : '';
  if (!other.ambiguous) return sameLine(text, ambiguous, other) || gap.length <= CONTEXT_WINDOW;
  // Two ambiguous names vouch for each other only inside an explicit list ("Go, Rust").
  return sameLine(text, ambiguous, other) && LIST_SEPARATOR.test(gap) && gap.length <= 12;
}

/**
 * True when the text at `start` is the form exactly as written, its closing punctuation included
 * (the tokens leave "!" out: "Act!" is the CRM, "Act as a leader" is not).
 */
function writtenExactly(text: string, start: number, surface: string, written: string): boolean {
  if (surface === written) return true;
  const rest = written.slice(surface.length);
  return written.startsWith(surface) && /^[!?.]+$/.test(rest) && text.startsWith(written, start);
}

/**
 * How an acronym form ("DOE", "SQL") is written at this place: in its 'capitals' (or their plural,
 * "KPIs"); in 'lower case' ("sql"), which in prose may be a word ("far", "doe"); in 'mixed' case
 * ("Doe", "Css"), which in prose is a name or a word opening a sentence; or 'not' as the acronym at
 * all: a plural in another casing ("Does" is not DOEs), a word glued by a hyphen ("bi-weekly"), or
 * the scheme of a web address ("https://").
 */
function acronymCasing(
  text: string,
  start: number,
  surface: string,
  written: string,
): 'capitals' | 'lower case' | 'mixed' | 'not' {
  const end = start + surface.length;
  if (writtenExactly(text, start, surface, written) || surface === `${written}s`) return 'capitals';
  if (surface.toLowerCase() !== written.toLowerCase()) return 'not';
  if (gluedByHyphen(text, start, end) || text.startsWith('://', end)) return 'not';
  return surface === surface.toLowerCase() ? 'lower case' : 'mixed';
}

/** Every taxonomy skill mentioned in `text`, in order, non-overlapping (longest match wins). */
export function findSkills(text: string, options: FindSkillsOptions = {}): SkillMatch[] {
  const { entries, root } = getIndex();
  const spans = tokenSpans(text);
  const candidates: Candidate[] = [];
  let position = 0;
  while (position < spans.length) {
    const found = walk(text, spans, position, root);
    const first = spans[position];
    if (!found || !first) {
      position++;
      continue;
    }
    const last = spans[found.to - 1] ?? first;
    const entry = entries[found.form.entry];
    const surface = text.slice(first.start, last.end);
    const { form } = found;
    let accepted = entry !== undefined;
    let ambiguous = form.ambiguous;
    if (accepted && form.ambiguous) {
      accepted =
        writtenExactly(text, first.start, surface, form.written) &&
        !gluedByHyphen(text, first.start, last.end) &&
        !YEAR_AFTER.test(text.slice(last.end, last.end + 6));
    } else if (accepted && form.capitalsOnly) {
      // Out of capitals an acronym counts in a skills list ("sql, Css"); in prose only in lower
      // case next to another skill, like an ambiguous name ("http libraries and REST").
      const casing = acronymCasing(text, first.start, surface, form.written);
      accepted =
        casing === 'capitals' ||
        casing === 'lower case' ||
        (casing === 'mixed' && options.listContext === true);
      ambiguous = casing !== 'capitals';
    } else if (accepted && form.written.length === 1) {
      accepted = !gluedByHyphen(text, first.start, last.end);
    }
    if (accepted && entry) {
      candidates.push({
        canonical: entry.name,
        surface,
        start: first.start,
        end: last.end,
        kind: entry.kind,
        viaAlias: surface.toLowerCase() !== entry.name.toLowerCase(),
        ambiguous,
        domain: entry.domain,
      });
      position = found.to;
    } else {
      position++;
    }
  }
  const matches: SkillMatch[] = [];
  for (const candidate of candidates) {
    if (candidate.ambiguous && !options.listContext) {
      if (!candidates.some((other) => vouches(text, candidate, other))) continue;
    }
    const { canonical, surface, start, end, kind, viaAlias } = candidate;
    matches.push({ canonical, surface, start, end, kind, viaAlias });
  }
  return matches;
}

/** The canonical name for a skill name or alias ("k8s" → "Kubernetes"); undefined when unknown. */
export function canonicalSkill(name: string): string | undefined {
  const { byKey, entries } = getIndex();
  const entryIndex = byKey.get(tokenKey(name));
  return entryIndex === undefined ? undefined : entries[entryIndex]?.name;
}

function entryFor(name: string): SkillEntry | undefined {
  const { byKey, entries } = getIndex();
  const entryIndex = byKey.get(tokenKey(name));
  return entryIndex === undefined ? undefined : entries[entryIndex];
}

/** Skills implied by having `name`, transitively (PostgreSQL → SQL, Relational Databases). */
export function impliedSkills(name: string): string[] {
  const start = entryFor(name);
  if (!start) return [];
  const seen = new Set<string>([start.name]);
  const result: string[] = [];
  const queue = [...start.implies];
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    result.push(next);
    queue.push(...(entryFor(next)?.implies ?? []));
  }
  return result;
}

/** The kind of a skill the taxonomy knows, or 'degree' for a degree a job asks for ("Bachelor's degree"). */
export function skillKind(name: string): SkillKind | undefined {
  return entryFor(name)?.kind ?? (askedDegreeOf(name) !== undefined ? 'degree' : undefined);
}

/** True for human languages ("Spanish"), as opposed to programming languages. */
export function isSpokenLanguage(name: string): boolean {
  return entryFor(name)?.domain === 'spoken';
}

/** Number of canonical skills in the taxonomy. */
export function taxonomySize(): number {
  return getIndex().entries.length;
}

/** Every canonical skill name (for pickers and filters). */
export function allSkillNames(): string[] {
  return getIndex().entries.map((entry) => entry.name);
}

/** Aliases of a skill as written in the taxonomy (without the canonical name). */
export function skillAliases(name: string): string[] {
  return [...(entryFor(name)?.aliases ?? [])];
}

/** Consistency problems in the taxonomy data; the tests require this to be empty. */
export function taxonomyIssues(): string[] {
  return [...getIndex().issues];
}

let ubiquitous: Set<string> | undefined;

/**
 * True for tools nearly every occupation uses (Excel, Outlook, Word — named by at least 200
 * O*NET occupations): asking for one says little about fit, so coverage weighs them less.
 */
export function isUbiquitousSkill(name: string): boolean {
  if (!ubiquitous) {
    ubiquitous = new Set<string>();
    for (const line of ONET_UBIQUITOUS.split('\n')) {
      const canonical = line.trim() ? canonicalSkill(line.trim()) : undefined;
      if (canonical) ubiquitous.add(canonical);
    }
  }
  return ubiquitous.has(canonicalSkill(name) ?? name);
}
