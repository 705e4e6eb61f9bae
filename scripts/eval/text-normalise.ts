/** Normalisation used by the eval scorers (case, whitespace, punctuation; phone digits). */
export function normaliseText(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

export function phoneDigits(value: string | undefined): string {
  return (value ?? '').replace(/\D/g, '');
}

/** Phones match when their digits match, allowing a country code on one side only. */
export function samePhone(expected: string | undefined, actual: string | undefined): boolean {
  const a = phoneDigits(expected);
  const b = phoneDigits(actual);
  if (!a || !b) return false;
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.length >= 7 && longer.endsWith(shorter) && longer.length - shorter.length <= 3;
}

function tokens(value: string): string[] {
  return normaliseText(value).split(' ').filter(Boolean);
}

/** Token Dice similarity in 0..1, used to pair predicted and expected entries. */
export function similarity(a: string | undefined, b: string | undefined): number {
  const left = new Set(tokens(a ?? ''));
  const right = new Set(tokens(b ?? ''));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/** True when every token of `inner` appears in `outer` (so "Excel" is inside "and Excel"). */
export function tokensContained(inner: string, outer: string): boolean {
  const innerTokens = tokens(inner);
  const outerTokens = new Set(tokens(outer));
  return innerTokens.length > 0 && innerTokens.every((token) => outerTokens.has(token));
}
