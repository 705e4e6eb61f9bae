/**
 * Quantities a sentence claims, however they are written: digits ("2,000", "40%", "50k",
 * "2 million"), number words ("forty percent", "a dozen", "forty-five"), multipliers ("tripled",
 * "3x", "two-fold") and durations ("over a decade"). The guard compares these values, so a
 * rewrite cannot add a fact by spelling a number out. Years are kept apart: "2015" as a date is
 * not evidence for "$2,015".
 */

export interface ClaimedNumber {
  /** Canonical value ("40", "2000000", "3"). */
  value: string;
  /** As written, for the reason shown to the user. */
  text: string;
  /** A plain 4-digit 19xx/20xx token: compared against dates, not quantities. */
  year: boolean;
}

/** "one" is left out: as a pronoun ("one of the") it claims nothing. */
const UNITS: Record<string, number> = {
  zero: 0,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};
const SUFFIX_SCALES: Record<string, number> = {
  k: 1_000,
  m: 1_000_000,
  b: 1_000_000_000,
  bn: 1_000_000_000,
};
/** Words that state a multiple or a count on their own. */
const MULTIPLIERS: Record<string, number> = {
  double: 2,
  doubled: 2,
  doubles: 2,
  doubling: 2,
  twice: 2,
  twofold: 2,
  triple: 3,
  tripled: 3,
  triples: 3,
  tripling: 3,
  thrice: 3,
  threefold: 3,
  quadruple: 4,
  quadrupled: 4,
  quadruples: 4,
  quadrupling: 4,
  fourfold: 4,
  quintuple: 5,
  quintupled: 5,
  fivefold: 5,
  tenfold: 10,
  hundredfold: 100,
  dozen: 12,
  dozens: 12,
  decade: 10,
  decades: 10,
  century: 100,

  half: 0.5,
};

/** Words separated by spaces or hyphens, digits with separators, and the symbols that matter. */
const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}]+|[%$€£×]/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function digitsValue(raw: string): number {
  // "2,000" and "2.000.000" group thousands; "2.5" is a decimal.
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw)) return Number(raw.replaceAll(',', ''));
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(raw)) return Number(raw.replaceAll('.', ''));
  return Number(raw.replace(',', '.'));
}

function canonical(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function isPlainYear(raw: string, text: string, token: Token): boolean {
  if (!/^(?:19|20)\d{2}$/.test(raw)) return false;
  const before = text[token.start - 1] ?? '';
  const after = text[token.end] ?? '';
  return !/[$€£,.\d]/.test(before) && after !== '%' && !/[,.]\d/.test(text.slice(token.end, token.end + 2));
}

/** Every quantity claimed in `text`, in order. */
export function claimedNumbers(text: string): ClaimedNumber[] {
  const found: ClaimedNumber[] = [];
  const list = tokens(text);
  for (let index = 0; index < list.length; index++) {
    const token = list[index] as Token;
    const lower = token.text.toLowerCase();
    if (/^\d/.test(token.text)) {
      let value = digitsValue(token.text);
      let end = token.end;
      // "50k", "2M", "1.5bn": a scale glued to the digits.
      const glued = /^(?:k|m|bn|b)\b/i.exec(text.slice(token.end, token.end + 3));
      if (glued) {
        value *= SUFFIX_SCALES[glued[0].toLowerCase()] ?? 1;
        end += glued[0].length;
      }
      // "2 million"
      const next = list[index + 1];
      if (next && SCALES[next.text.toLowerCase()] && /^\s*$/.test(text.slice(token.end, next.start))) {
        value *= SCALES[next.text.toLowerCase()] ?? 1;
        end = next.end;
        index++;
      }
      const year = !glued && end === token.end && isPlainYear(token.text, text, token);
      found.push({ value: canonical(value), text: text.slice(token.start, end), year });
      continue;
    }
    if (
      lower in UNITS ||
      lower in TENS ||
      (lower in SCALES && /^(?:a|an)$/i.test(list[index - 1]?.text ?? ''))
    ) {
      // A run of number words: "forty-five", "two hundred thousand", "a hundred".
      let total = 0;
      let current = 0;
      let end = index;
      for (let cursor = index; cursor < list.length; cursor++) {
        const word = (list[cursor] as Token).text.toLowerCase();
        if (
          cursor > index &&
          !/^[\s-]*(?:and\s+)?$/i.test(
            text.slice((list[cursor - 1] as Token).end, (list[cursor] as Token).start),
          )
        )
          break;
        if (word in UNITS) current += UNITS[word] ?? 0;
        else if (word in TENS) current += TENS[word] ?? 0;
        else if (word in SCALES) {
          const scale = SCALES[word] ?? 1;
          if (scale === 100) current = (current || 1) * 100;
          else {
            total += (current || 1) * scale;
            current = 0;
          }
        } else if (word === 'and' && cursor > index) continue;
        else break;
        end = cursor;
      }
      const value = total + current;
      const first = list[index] as Token;
      const last = list[end] as Token;
      found.push({ value: canonical(value), text: text.slice(first.start, last.end), year: false });
      index = end;
      continue;
    }
    if (lower in MULTIPLIERS) {
      // "two decades", "a dozen", "half a decade", "over a decade".
      const previous = list[index - 1]?.text.toLowerCase() ?? '';
      let count = 1;
      if (previous in UNITS) count = UNITS[previous] ?? 1;
      const value = (MULTIPLIERS[lower] ?? 1) * count;
      found.push({ value: canonical(value), text: token.text, year: false });
      continue;
    }
    // "3x", "10×", "two-fold"
    if (lower === 'x' || token.text === '×' || lower === 'fold') {
      const previous = list[index - 1];
      if (previous && /^\d/.test(previous.text) && previous.end === token.start) {
        const last = found[found.length - 1];
        if (last) last.text = text.slice(previous.start, token.end);
      }
    }
  }
  return found;
}
