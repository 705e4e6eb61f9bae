/**
 * Small word-level clues shared by resume and job extraction: does this fragment look like a
 * job title, a company, a location? Each returns a score or a boolean from dictionaries, so the
 * callers can compare fragments of one header line ("Acme Corp — Senior Engineer").
 */

const STRONG_TITLE_WORDS = new Set(
  (
    'engineer engineering developer manager intern internship analyst designer director consultant specialist scientist ' +
    'architect administrator coordinator assistant associate officer president vp founder co-founder cofounder ' +
    'cto ceo cfo coo cio ciso chief researcher fellow professor lecturer teacher tutor instructor nurse technician ' +
    'technologist representative executive accountant auditor advisor adviser programmer writer editor producer ' +
    'supervisor owner partner principal trainee apprentice clerk agent recruiter strategist marketer operator ' +
    'mechanic electrician plumber carpenter welder driver cashier server chef cook barista attendant therapist ' +
    'physician doctor pharmacist counselor counsellor coach volunteer contractor freelancer member head lead ' +
    'sre devops scientist paralegal attorney lawyer receptionist secretary bookkeeper underwriter actuary ' +
    'teller banker broker planner buyer merchandiser superintendent foreman inspector surveyor estimator ' +
    'dietitian hygienist paramedic emt caregiver aide librarian curator photographer illustrator animator ' +
    'journalist reporter translator interpreter guard officer ambassador evangelist maintainer tester'
  ).split(' '),
);
const WEAK_TITLE_WORDS = new Set(
  'senior junior sr jr staff software research data product project sales marketing graduate teaching mid level'.split(
    ' ',
  ),
);
const COMPANY_WORDS =
  /\b(?:inc|llc|ltd|limited|corp|corporation|company|co|gmbh|ag|sa|plc|pty|bv|group|labs?|technologies|technology|systems|solutions|university|college|institute|bank|hospital|clinic|school|agency|studio|studios|partners|consulting|ventures|foundation|holdings|enterprises|industries|international|services|association|organization|organisation|council|ministry|department|government|command|center|centre|network|media|capital|health|pharma|motors|airlines|software|research|ai)\b\.?/i;

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR'.split(
    ' ',
  ),
);
const REGIONS = new Set(
  (
    'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|' +
    'kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|' +
    'new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|' +
    'south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|' +
    'usa|us|u.s|u.s.a|united states|uk|united kingdom|england|scotland|wales|ireland|canada|australia|new zealand|germany|france|spain|italy|' +
    'portugal|netherlands|belgium|switzerland|austria|sweden|norway|denmark|finland|poland|czech republic|czechia|hungary|romania|' +
    'greece|turkey|türkiye|israel|india|china|japan|korea|south korea|s.korea|republic of korea|singapore|malaysia|indonesia|' +
    'philippines|vietnam|thailand|brazil|mexico|argentina|chile|colombia|peru|south africa|nigeria|kenya|egypt|uae|' +
    'united arab emirates|saudi arabia|pakistan|bangladesh|sri lanka|nepal|russia|ukraine|estonia|latvia|lithuania|ontario|' +
    'quebec|british columbia|alberta|bavaria|taiwan|hong kong|luxembourg|iceland|croatia|serbia|bulgaria|slovakia|slovenia'
  ).split('|'),
);

/**
 * "Planner.app", "Acme.io": a word joined to a domain ending by a dot is a brand
 * written as its web address, one word that is no title word whatever its first part reads as.
 */
const DOMAIN_WORD = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{Ll}{2,6}$/u;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}.-]+/u)
    .flatMap((word) => {
      if (!word.includes('.')) return word;
      const bare = word.replace(/^\.+|\.+$/g, '');
      return DOMAIN_WORD.test(bare) ? bare : bare.split('.');
    })
    .filter(Boolean);
}

/** How much a fragment reads like a job title (0 = not at all). */
export function titleScore(text: string): number {
  let score = 0;
  for (const word of words(text)) {
    if (STRONG_TITLE_WORDS.has(word)) score += 2;
    else if (WEAK_TITLE_WORDS.has(word)) score += 1;
    else if (word.includes('-') && word.split('-').some((piece) => STRONG_TITLE_WORDS.has(piece))) score += 2;
  }
  return score;
}

/** How much a fragment reads like an organisation name. */
export function companyScore(text: string): number {
  let score = COMPANY_WORDS.test(text) || DOMAIN_WORD.test(text.trim()) ? 2 : 0;
  if (/^[\p{Lu}\d&.\s-]{2,}$/u.test(text.trim()) && text.trim().length <= 20) score += 1;
  return score;
}

/** "San Francisco, CA", "Seoul, S.Korea", "London, UK", "Remote". */
export function isLocationPart(text: string): boolean {
  const value = text.trim();
  if (/^(?:remote|hybrid|on[- ]site|anywhere|worldwide)(?:\s*\(.*\))?$/i.test(value)) return true;
  const match = /^([\p{Lu}][\p{L}.'’ -]{1,40}),\s*([\p{L}. ]{2,30})$/u.exec(value);
  if (match) {
    const region = (match[2] ?? '').trim();
    return US_STATES.has(region) || REGIONS.has(region.toLowerCase());
  }
  return REGIONS.has(value.toLowerCase()) && value.length > 2;
}

/** "Emeryville CA": a city and a US state code with the comma left out (a place line of its own). */
export function isCityStateCode(text: string): boolean {
  const match = /^[\p{Lu}][\p{L}.'’-]*(?:\s[\p{Lu}][\p{L}.'’-]*){0,2}\s([A-Z]{2})$/u.exec(text.trim());
  return match !== null && US_STATES.has(match[1] ?? '');
}

/** One word of a city name: a capital, then letters, dots, apostrophes or hyphens ("Winston-Salem"). */
const CITY_WORD = /^[\p{Lu}][\p{L}.'’-]+$/u;
/** The start of a city word inside a chunk ("(Austin" → "Austin"): its last capital after a non-word character. */
const CITY_WORD_TAIL = /(?<![\p{L}.'’-])[\p{Lu}][\p{L}.'’-]+$/u;
/** One word of a region after the comma, read at a fixed position (sticky, so no scanning). */
const REGION_WORD = /[\p{Lu}][\p{L}.]*/uy;
const MAX_CITY_WORDS = 4;
const MAX_REGION_WORDS = 4;

/** The city words that end right before `comma` (up to four, single-space separated), or undefined. */
function cityBefore(text: string, from: number, comma: number): string | undefined {
  const chunks = text.slice(from, comma).split(' ');
  const city: string[] = [];
  for (let index = chunks.length - 1; index >= 0 && city.length < MAX_CITY_WORDS; index--) {
    const chunk = chunks[index] ?? '';
    if (CITY_WORD.test(chunk)) {
      city.unshift(chunk);
      continue;
    }
    const tail = CITY_WORD_TAIL.exec(chunk);
    if (tail) city.unshift(tail[0]);
    break;
  }
  return city.length > 0 ? city.join(' ') : undefined;
}

/** The capitalised words right after `position` (skipping whitespace), single-whitespace separated. */
function regionAfter(text: string, position: number): string[] {
  let cursor = position;
  while (cursor < text.length && /\s/u.test(text[cursor] ?? '')) cursor++;
  const words: string[] = [];
  while (words.length < MAX_REGION_WORDS) {
    REGION_WORD.lastIndex = cursor;
    const word = REGION_WORD.exec(text);
    if (!word) break;
    words.push(word[0]);
    cursor += word[0].length;
    if (!/\s/u.test(text[cursor] ?? '')) break;
    cursor++;
  }
  return words;
}

/**
 * The first "City, ST" / "City, Country" in a line (contact headers, job posts). Read comma by
 * comma in code (each character is looked at a bounded number of times), because the pattern
 * it replaces backtracked polynomially on lines like "A-A-A-…".
 */
export function findLocation(text: string): string | undefined {
  let from = 0;
  for (let comma = text.indexOf(','); comma >= 0; from = comma + 1, comma = text.indexOf(',', comma + 1)) {
    const city = cityBefore(text, from, comma);
    if (!city) continue;
    const regionWords = regionAfter(text, comma + 1);
    // Take the longest prefix of the region words that is a known state or country.
    for (let count = regionWords.length; count >= 1; count--) {
      const candidate = regionWords.slice(0, count).join(' ');
      if (US_STATES.has(candidate) || REGIONS.has(candidate.toLowerCase())) {
        if (/^(?:and|or|the)$/i.test(city)) break;
        return `${city}, ${candidate}`;
      }
    }
  }
  return undefined;
}

/** First words of multi-word city names ("San Francisco", "New York", "Santa Clara"). */
const CITY_PREFIXES = new Set(
  (
    'san santa new los las st. st saint fort port el la le palo salt mountain redwood menlo rio são sao hong tel kuala cape ' +
    'buenos mexico ho abu long grand baton des little jersey chapel ann cedar boca west east north south kansas oklahoma ' +
    'carson virginia college costa newport half foster daly culver beverly corpus'
  ).split(' '),
);
/** Last words that need the word before them ("Salt Lake City", "Palm Springs"). */
const CITY_SUFFIXES = new Set(
  'city beach springs falls park heights valley hills island creek lake view alto clara'.split(' '),
);

/**
 * "Kasa Seoul, S.Korea" → head "Kasa", place "Seoul, S.Korea". Without a gazetteer the city
 * is taken as the last word before the comma, extended over known multi-word city patterns.
 */
export function splitTrailingPlace(text: string): { head: string; place: string } | undefined {
  const match = /^(.*\S)\s*,\s*([\p{L}.]+(?:\s[\p{L}.]+){0,2})$/u.exec(text.trim());
  if (!match) return undefined;
  const region = match[2] ?? '';
  if (!US_STATES.has(region) && !REGIONS.has(region.toLowerCase())) return undefined;
  const before = (match[1] ?? '').split(' ');
  let cityStart = before.length - 1;
  const wordAt = (index: number): string => (before[index] ?? '').toLowerCase();
  if (CITY_SUFFIXES.has(wordAt(cityStart)) && cityStart > 0) cityStart--;
  while (cityStart > 0 && CITY_PREFIXES.has(wordAt(cityStart - 1))) cityStart--;
  const head = cleanPart(before.slice(0, cityStart).join(' '));
  const city = before.slice(cityStart).join(' ');
  if (!head || !/^[\p{Lu}]/u.test(city)) return undefined;
  // "University of Irvine, California": a name cannot end in "of"; the city is part of it.
  if (/\s(?:of|de|des|del|du|for|the|and|at|in)$/i.test(` ${head}`)) return undefined;
  return { head, place: `${city}, ${region}` };
}

export function cleanPart(text: string): string {
  return text
    .replace(/^[\s,|•·:;–—-]+|(?<![\s,|•·:;–—-])[\s,|•·:;–—-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One header line → fragments. Splits on separators people put between company, title and
 * place (" | ", " — ", " · ", ", "), but keeps "Acme, Inc." and "San Francisco, CA" whole.
 */
/** Stands in for a comma that must not split ("Acme, Inc.", "Austin, TX") while splitting. */
const PROTECTED_COMMA = '\u0001';

export function splitHeaderParts(text: string): string[] {
  const protectedText = text
    .replace(/,\s*(?=(?:inc|llc|ltd|co|corp|gmbh|plc|s\.?a)\.?(?![\p{L}-]))/giu, `${PROTECTED_COMMA} `)
    .replace(
      /(?<![\p{L}.'’])([\p{L}.'’]+),\s*(?=([\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*){0,2})(?:\s*(?:$|[|•·–—])|\s{2}))/gu,
      (whole, city: string, region: string) =>
        isLocationPart(`${city}, ${region}`) ? `${city}${PROTECTED_COMMA} ` : whole,
    );
  const pieces = protectedText.split(/(?<!\s)(?:\s+[|•·–—]\s+|\s+-\s+|\s*[|•·]\s*|\s*,\s+|\s+,\s*)|\t/);
  const parts: string[] = [];
  for (const piece of pieces) {
    const restored = cleanPart(piece.replaceAll(PROTECTED_COMMA, ','));
    if (!restored) continue;
    const split = splitTrailingPlace(restored);
    if (split) {
      parts.push(split.head, split.place);
    } else {
      parts.push(restored);
    }
  }
  return parts.filter(Boolean);
}
