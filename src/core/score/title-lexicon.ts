/**
 * Occupation-aware title matching. A title ("Staff Accountant", "HR Assistant", "Sr. Software
 * Engineer II") is reduced to its job words: level and schedule words removed, abbreviations
 * expanded (HR → human resources, VP → vice president), words stemmed so "Accountants" meets
 * "Accountant" and "Financial" meets "Finance". Each title is then placed in the O*NET
 * occupation list (generated from O*NET, CC BY 4.0: see src/core/taxonomy/onet-data.ts) by the
 * IDF-weighted share of its words; two titles in the same occupation, or in the same SOC broad
 * group, are close even when they share few words ("Software Engineer" and "Web Developer" are
 * both software and web developers). Pure; built once per realm on first use.
 */
import { ONET_OCCUPATIONS } from '../taxonomy/onet-data';

/** Level, schedule and programme words: judged by the experience component, not the title. */
const LEVEL_WORDS = new Set(
  (
    'senior sr junior jr staff lead principal distinguished fellow head chief i ii iii iv v vi ' +
    'new grad graduate graduates early career campus start starts remote hybrid onsite on-site contract ' +
    'contractor temporary temp full-time part-time full time part level mid entry intern internship ' +
    'experienced associate team member position role opening opportunity job usa us united states ' +
    'based trainee apprentice volunteer assistant deputy acting interim freelance self-employed m f d x w'
  ).split(' '),
);
/**
 * A title without its exclusion clause: "Sales Representatives, Wholesale and Manufacturing,
 * Except Technical and Scientific Products" names the work before "Except"; the words after it say
 * what the work is not, so they must not count as wanted.
 */
export function withoutExclusion(title: string): string {
  return title.replace(/,?(?<!\s)\s+except\b.*$/i, '');
}

/** Words of O*NET titles that do not name the work. */
const FILLER = new Set('and or of the for in except all other to a an with by on at'.split(' '));

/** Abbreviations common in job titles, expanded on both sides before matching. */
const ABBREVIATIONS: Record<string, string> = {
  hr: 'human resources',
  pr: 'public relations',
  vp: 'vice president',
  svp: 'vice president',
  evp: 'vice president',
  ceo: 'chief executive',
  cfo: 'chief financial officer',
  cto: 'chief technology officer',
  coo: 'chief operating officer',
  cmo: 'chief marketing officer',
  it: 'information technology',
  qa: 'quality assurance',
  rn: 'registered nurse',
  lpn: 'licensed practical nurse',
  cna: 'nursing assistant',
  mgr: 'manager',
  asst: 'assistant',
  admin: 'administrative',
  rep: 'representative',
  reps: 'representatives',
  coord: 'coordinator',
  acct: 'accountant',
  tech: 'technician',
  dev: 'developer',
  eng: 'engineer',
  swe: 'software engineer',
  sde: 'software developer',
  ux: 'user experience designer',
  ui: 'user interface designer',
  cpa: 'certified public accountant',
  atc: 'air traffic controller',
  emt: 'emergency medical technician',
  hvac: 'heating air conditioning',
};

/**
 * A small suffix stemmer for job words: plural, then one agent/abstract suffix, so accountant /
 * accounting / accounts, financial / finance, instructor / instruction, trainer / training meet.
 */
export function titleStem(word: string): string {
  let stem = word.toLowerCase().replace(/['’]s$/, '');
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && /[^s]s$/.test(stem)) stem = stem.slice(0, -1);
  const next = stem.replace(
    /(?:ational|ation|ition|ing|ment|ers?|ors?|ists?|ians?|ial|ical|al|ic|ive|e)$/,
    '',
  );
  return next.length >= 4 ? next : stem;
}

/**
 * Software titles that O*NET names differently: a web stack engineer is a web developer, a
 * software engineer a software developer, a machine learning engineer works as a data scientist.
 */
const TITLE_PHRASES: [RegExp, string][] = [
  [
    /\b(?:front[- ]?end|back[- ]?end|full[- ]?stack|mern[- ]stack|mean[- ]stack|web)(?:\s+(?:java|javascript|react|web|software))?\s+(?:engineer|developer|programmer)s?\b/g,
    'web developer',
  ],
  [/\bsoftware (?:engineer|developer)s?\s*\(\s*(?:front|back|full)[^)]*\)/g, 'web developer'],
  [/\bsoftware (?:development )?(?:engineer|programmer)s?\b/g, 'software developer'],
  [/\b(?:machine learning|ml|ai|deep learning) (?:engineer|scientist|developer)s?\b/g, 'data scientist'],
];

/** The job words of a title, stemmed, abbreviations expanded, level words removed. */
export function titleWords(title: string): string[] {
  const words: string[] = [];
  let text = title.toLowerCase();
  for (const [pattern, replacement] of TITLE_PHRASES) text = text.replace(pattern, replacement);
  for (const raw of text.split(/[^\p{L}\p{N}+#-]+/u)) {
    const word = raw.replace(/^-+|-+$/g, '');
    if (!word || /^\d+$/.test(word)) continue;
    const expanded = ABBREVIATIONS[word];
    for (const part of (expanded ?? word).split(' ')) {
      if (LEVEL_WORDS.has(part) || FILLER.has(part)) continue;
      words.push(titleStem(part));
    }
  }
  return [...new Set(words)];
}

interface Occupation {
  code: string;
  title: string;
  words: string[];
}

interface Lexicon {
  occupations: Occupation[];
  byWord: Map<string, number[]>;
  idf: Map<string, number>;
}

let lexicon: Lexicon | undefined;

function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const occupations: Occupation[] = [];
  for (const line of ONET_OCCUPATIONS.split('\n')) {
    const [code = '', title = ''] = line.split('\t');
    if (!code.trim() || !title.trim()) continue;
    const named = withoutExclusion(title);
    occupations.push({ code: code.trim(), title: title.trim(), words: titleWords(named) });
  }
  const byWord = new Map<string, number[]>();
  occupations.forEach((occupation, index) => {
    for (const word of occupation.words) {
      const list = byWord.get(word) ?? [];
      list.push(index);
      byWord.set(word, list);
    }
  });
  const idf = new Map<string, number>();
  for (const [word, list] of byWord) idf.set(word, Math.log(1 + occupations.length / list.length));
  lexicon = { occupations, byWord, idf };
  return lexicon;
}

/** Weight of a word absent from the occupation list: about as telling as a rare one. */
const UNKNOWN_WORD_IDF = Math.log(1 + 1016 / 2);

export interface OccupationMatch {
  /** The best-placed occupations (several when they tie), by O*NET-SOC code. */
  codes: string[];
  title: string;
  /** 0..1: how much of the title (IDF-weighted) the occupation title covers. */
  score: number;
}

const occupationCache = new Map<string, OccupationMatch | null>();
const OCCUPATION_CACHE_LIMIT = 20000;
/** Below this share of the title's words an occupation is not a reliable placement. */
const MIN_PLACEMENT = 0.5;
/** An occupation that has the title's head noun may cover less of it ("Line Cook" → cooks). */
const MIN_HEAD_PLACEMENT = 0.3;

/**
 * The O*NET occupation(s) a title belongs to: the ones whose title covers the most of this
 * title's job words (IDF-weighted), preferring those that contain its head noun (the last job
 * word: "Line Cook" is a cook) and that are not much longer than the title. Undefined when none
 * covers at least half of it.
 */
export function occupationFor(title: string): OccupationMatch | undefined {
  const key = title.trim().toLowerCase();
  const cached = occupationCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const { occupations, byWord, idf } = getLexicon();
  const words = titleWords(withoutExclusion(title));
  const head = words[words.length - 1];
  let best: OccupationMatch | undefined;
  if (words.length > 0 && words.length <= 8) {
    const weightOf = (word: string) => idf.get(word) ?? UNKNOWN_WORD_IDF;
    const total = words.reduce((sum, word) => sum + weightOf(word), 0);
    const shared = new Map<number, number>();
    for (const word of words) {
      for (const index of byWord.get(word) ?? [])
        shared.set(index, (shared.get(index) ?? 0) + weightOf(word));
    }
    let bestValue = 0;
    for (const [index, weight] of shared) {
      const occupation = occupations[index]!;
      const coverage = weight / total;
      const hasHead = head !== undefined && occupation.words.includes(head);
      if (coverage < (hasHead ? MIN_HEAD_PLACEMENT : MIN_PLACEMENT)) continue;
      const own = occupation.words.reduce((sum, word) => sum + weightOf(word), 0);
      const value = coverage + 0.25 * (weight / own) + (hasHead ? 0.5 : 0);
      if (value > bestValue + 1e-9) {
        bestValue = value;
        best = { codes: [occupation.code], title: occupation.title, score: coverage };
      } else if (best && Math.abs(value - bestValue) <= 1e-9) best.codes.push(occupation.code);
    }
  }
  if (occupationCache.size >= OCCUPATION_CACHE_LIMIT) occupationCache.clear();
  occupationCache.set(key, best ?? null);
  return best;
}

/**
 * How close two occupations are by their SOC codes (XX-XXXX.XX): the same occupation 1, the
 * same broad group (XX-XXX) 0.8, else 0. A minor group (XX-X) is no evidence of the same work: it
 * holds occupations as different as accountants, loan officers and tax preparers (13-2), or
 * airline pilots and air traffic controllers (53-2); crediting it half cost every dev set AUC
 * (docs/scoring.md).
 */
export function occupationCloseness(a: string, b: string): number {
  if (a.slice(0, 7) === b.slice(0, 7)) return 1;
  if (a.slice(0, 6) === b.slice(0, 6)) return 0.8;
  return 0;
}
