/**
 * Line-level rules shared by the PDF and DOCX parsers, so both formats flag headings and
 * bullets the same way and the extractor sees one document model whatever the source.
 */

/** Bullet glyphs, including the private-use glyphs Word's Symbol/Wingdings bullets turn into. */
const BULLET_GLYPH =
  /^\s*(?:[•●○◦▪▫■□►▸▹‣⁃∙➢➤➔→✓✔❖◆◇♦\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8]|[-–—*·](?=\s))\s*/u;
const LIGATURES = /[\ufb00-\ufb06]/g;
const MAX_HEADING_WORDS = 8;
const MAX_HEADING_LENGTH = 60;
/** Larger than the body text by this ratio → a heading (section titles, the person's name). */
const HEADING_SIZE_RATIO = 1.15;

/**
 * "– Sep, 2022", "- 2019", "— 05/2021": a dash before nothing but a month and year (or a year) is
 * a date range whose start was left blank (a JSON Resume theme printing a role with no start
 * date), not a list item; the dash is kept so the range reads as open at its start.
 */
const DASH_BEFORE_LONE_DATE = /^\s*[-–—]\s+(?:\p{L}+\.?,?\s+|\d{1,2}\s*[/.]\s*)?(?:19|20)\d{2}\s*$/u;

/** Removes a leading bullet glyph. `bullet` is true only when text follows the glyph. */
export function stripBullet(text: string): { text: string; bullet: boolean } {
  const match = BULLET_GLYPH.exec(text);
  if (!match || DASH_BEFORE_LONE_DATE.test(text)) return { text, bullet: false };
  const rest = text.slice(match[0].length);
  return { text: rest, bullet: rest.trim() !== '' };
}

/**
 * ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ → their letters (NFKC of just these, so other characters keep their form),
 * no-break spaces → spaces, soft hyphens (invisible) removed, Unicode hyphens → '-'.
 */
export function normaliseGlyphs(text: string): string {
  return text
    .replace(LIGATURES, (ligature) => ligature.normalize('NFKC'))
    .replace(/\u00a0/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/[\u2010\u2011]/g, '-');
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * A heading is a short line without sentence punctuation or list commas that is either set
 * larger than the body text, or written in capitals ("EXPERIENCE") in bold or with extra space
 * above it. Capitals alone are not enough: skills lists are full of "SQL" and "AWS".
 * Bold title-case lines stay plain: on resumes they are as often job titles as section titles.
 */
export function looksLikeHeading(
  text: string,
  style: {
    fontSize: number;
    bodySize: number;
    bold: boolean;
    /** Set by the source format: a Word heading style, a Markdown '#'. */
    explicit?: boolean;
    /** More vertical space above than between lines of a paragraph (PDF only). */
    spacedAbove?: boolean;
  },
): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length === 0 || !/\p{L}/u.test(trimmed)) return false;
  if (style.explicit) return true;
  if (words.length > MAX_HEADING_WORDS || trimmed.length > MAX_HEADING_LENGTH) return false;
  if (/[.,;]$/.test(trimmed) || /[,|•@]/.test(trimmed)) return false;
  if (style.bodySize > 0 && style.fontSize >= style.bodySize * HEADING_SIZE_RATIO) return true;
  const atBodySize = style.bodySize === 0 || style.fontSize >= style.bodySize * 0.95;
  // Digits rule out capitals-only headings: "GPA: 3.5", "DOI 10.1234/ABC" are data, not titles.
  if (!isAllCaps(trimmed) || /\d/.test(trimmed) || words.length > 5) return false;
  return style.bold || (atBodySize && style.spacedAbove === true);
}

/**
 * Words of icon-font glyph names (Font Awesome and the like). Icon fonts that map glyphs to
 * ligature names leave those names in the text layer ("HOUSE-CHIMNEY www.site.com",
 * "GITHUB-SQUARE user"); they are not the person's words.
 */
const ICON_WORDS = new Set(
  (
    'house home chimney envelope mail phone mobile alt screen button location dot map marker pin ' +
    'globe link square github gitlab linkedin twitter x-twitter facebook instagram youtube medium ' +
    'stack overflow stackoverflow orcid skype telegram whatsapp calendar briefcase graduation cap ' +
    'user circle address card id badge at blog pen rss google scholar researchgate kaggle ' +
    'dev codepen behance dribbble in f o solid regular brands fa fab fas far'
  ).split(' '),
);
/** Private-use planes and C0 control characters (tab and line feed excepted), and U+FFFD. */
// eslint-disable-next-line no-control-regex
const ICON_CHARS = /[\ue000-\uf8ff\u0000-\u0008\u000b-\u001f\ufffd]|[\u{f0000}-\u{10ffff}]/gu;
/** An all-caps token whose every hyphen-joined part is an icon word. */
const ICON_TOKEN = /(?<![\p{L}\p{N}@./-])([A-Z]+(?:-[A-Z]+)*)(?=\s+\S)/gu;

function isIconName(token: string, value: string): boolean {
  const parts = token.toLowerCase().split('-');
  if (!parts.every((part) => ICON_WORDS.has(part))) return false;
  // A hyphenated glyph name is never prose; a single word ("LINKEDIN") only before a value
  // that is not a capitalised word: a handle, a URL, an address, a number.
  if (parts.length > 1) return true;
  return parts[0] !== 'in' && parts[0] !== 'at' && /^[\p{Ll}\d+(@]|^www\.|^https?:/u.test(value);
}

/** Private-use and control characters (icon fonts draw their glyphs there) and stray icon glyph names. */
export function removeIconGlyphs(text: string): string {
  // Control characters too: some icon fonts map their glyphs to U+0000.
  const withoutPrivate = text.replace(ICON_CHARS, ' ');
  if (!/[A-Z]{2}/.test(withoutPrivate)) return withoutPrivate;
  return withoutPrivate.replace(ICON_TOKEN, (token: string, _word: string, offset: number, whole: string) =>
    isIconName(token, whole.slice(offset + token.length).trimStart()) ? ' ' : token,
  );
}

const MARKUP_TAG =
  /<\/?(?:a|abbr|b|br|code|div|em|h[1-6]|hr|i|li|ol|p|small|span|strong|sub|sup|u|ul)(?:\s[^<>]*)?\/?>/gi;
/** A tag cut off by the line end ("... store: <a"), or its attributes left at the start of the next line. */
const MARKUP_TAG_HEAD = /<(?:a|div|p|span)(?:\s[^<>]*)?$/i;
const MARKUP_TAG_TAIL = /^\s*(?:[\w-]+=(?:"[^"]*"|'[^']*')\s*)+\/?>/;

/**
 * HTML written into a field and printed as text by a resume generator ("<a href=...>Manhattan</a>
 * <br/><br/>Architect"): the tags go, their text stays. Only HTML tag names, so "<ORGANIZATION>"
 * masks or "List<String>" are left alone.
 */
export function removeMarkupTags(text: string): string {
  if (!text.includes('<') && !text.includes('>')) return text;
  return text.replace(MARKUP_TAG, ' ').replace(MARKUP_TAG_HEAD, ' ').replace(MARKUP_TAG_TAIL, ' ');
}

/**
 * "manage- ment" → "management": a word broken by a hyphen whose line end or missing glyph left
 * a space after it. Only lower-case pieces, and never before a conjunction ("full- and part-time").
 */
export function rejoinBrokenWords(text: string): string {
  return text.replace(
    /(?<=\p{Ll}{2})-\s+(?!(?:and|or|to|und|et|ou)\b)(\p{Ll}{2,})/gu,
    (_whole, rest: string) => rest,
  );
}
