/**
 * Word lists and token helpers for the anti-fabrication guard: whole-token phrase matching (so
 * "Meta" is not found inside "metadata"), common English words that are never names, and a
 * near-miss check against the skill taxonomy ("Kubernates").
 */
import { allSkillNames, skillAliases } from '../taxonomy';

/** Lower-case word tokens; apostrophes and dots inside a word stay ("master's", "node.js"). */
export function wordTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** Tokens joined with single spaces and padded, so phrase containment is whole-token. */
export function tokenLine(text: string): string {
  return ` ${wordTokens(text).join(' ')} `;
}

/** True when every token of `phrase`, in order and adjacent, appears in `line` (from tokenLine). */
export function hasPhrase(line: string, phrase: string): boolean {
  const tokens = wordTokens(phrase);
  return tokens.length > 0 && line.includes(` ${tokens.join(' ')} `);
}

/**
 * Words a rewrite may use capitalised or after "at"/"joined" without naming anything: function
 * words, months, and the generic nouns resumes put there ("at scale", "Agile", "Team").
 */
export const COMMON_WORDS = new Set(
  (
    'a an the and or but nor so yet for of to in on at by with from into onto over under about across after ' +
    'against along among around before behind below beneath beside between beyond during except inside ' +
    'near off out outside since through throughout till toward towards until upon within without via per ' +
    'i me my we our us you your he she it its they their them this that these those who whom which what ' +
    'where when why how all any both each every few more most other some such no not only own same than ' +
    'too very can will just should now also as if then there here while whereas because although though ' +
    'be is are was were been being have has had do does did done get got make made use used using ' +
    'least once scale speed pace volume length large home work night first last least best high low ' +
    'time times times present current currently today date team teams company companies client clients ' +
    'customer customers user users stakeholder stakeholders project projects product products ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday ' +
    'saturday sunday spring summer fall autumn winter q1 q2 q3 q4 ' +
    'led built designed developed managed created improved reduced increased delivered launched ' +
    'drove owned ran shipped mentored automated migrated implemented optimized optimised ' +
    'senior junior lead principal staff chief head associate engineer developer manager director ' +
    'agile scrum kanban api apis ui ux qa ci cd etl kpi kpis okr okrs sla slas roi b2b b2c saas ' +
    'north south east west global international national regional local remote hybrid onsite'
  ).split(' '),
);

function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return (previous[b.length] ?? limit + 1) <= limit;
}

let skillWords: Map<string, string> | undefined;

/** Single-word skill names and aliases (lower case) → canonical name; built once. */
function singleWordSkills(): Map<string, string> {
  if (skillWords) return skillWords;
  skillWords = new Map();
  for (const name of allSkillNames()) {
    for (const written of [name, ...skillAliases(name)]) {
      const lower = written.toLowerCase();
      if (/^[\p{L}][\p{L}.#+-]*$/u.test(lower) && lower.length >= 5) skillWords.set(lower, name);
    }
  }
  return skillWords;
}

/** The skill `word` looks like a misspelling of ("kubernates" → "Kubernetes"), or undefined. */
export function misspelledSkill(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 6 || COMMON_WORDS.has(lower)) return undefined;
  const skills = singleWordSkills();
  if (skills.has(lower)) return undefined;
  for (const [written, name] of skills) {
    if (written.length < 6) continue;
    // Inflections and compounds ("reacts", "scalar") are not misspellings.
    if (lower.startsWith(written) || written.startsWith(lower)) continue;
    const limit = written.length >= 9 ? 2 : 1;
    if (editDistanceAtMost(lower, written, limit)) return name;
  }
  return undefined;
}
