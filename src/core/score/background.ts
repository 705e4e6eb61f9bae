/**
 * A fixed background for IDF in one-pair scoring: with a single resume and a single job there
 * is no corpus to count document frequencies in, so we use a notional corpus of 1,000 resumes
 * and job posts in which the words below are known to be common. Every other term counts as
 * rare (document frequency 10). Fixed data keeps scores deterministic and comparable across
 * pairs; the table only needs to be roughly right, since it only decides which shared words
 * say little about fit.
 */

export const BACKGROUND_DOCUMENTS = 1000;
/** Document frequency of every term the tiers below do not name. */
export const RARE_TERM_FREQUENCY = 10;
const NUMBER_FREQUENCY = 400;

/** Document frequency tiers (out of 1000) → words. */
const TIERS: [number, string][] = [
  [
    800,
    'experience work team skills years year job role company business ability strong including responsibilities ' +
      'requirements working support development knowledge new using well based across position opportunity ' +
      'candidate candidates apply applicants equal employer status benefits environment related',
  ],
  [
    500,
    'management manager project projects customer customers clients client services service provide ensure ' +
      'communication excellent time high level across help build building develop developed led lead leading ' +
      'including within multiple responsible various following preferred required plus must qualifications ' +
      'degree bachelor university education professional industry solutions systems process processes data ' +
      'information tools quality products product people organization organizational opportunity growth ' +
      'best make one two three etc key part full like get need needs looking join us salary pay insurance ' +
      'health dental vision paid leave 401k location remote hybrid office days week hours per day employees ' +
      'employment national origin gender race religion disability veteran sexual orientation identity age ' +
      'color law applicable protected characteristic accommodation eeo diverse diversity inclusion',
  ],
  [
    250,
    'software engineering engineer technical technology design designed designing implement implemented ' +
      'implementation improve improved improving increase increased reduce reduced analysis analyze reports ' +
      'report reporting plan planning strategy strategic operations operational program programs teams ' +
      'collaborate collaborated collaboration stakeholders cross functional communicate problem solving ' +
      'detail oriented fast paced dynamic results driven motivated passionate innovative create created ' +
      'creating maintain maintained maintaining manage managed managing deliver delivered delivering ' +
      'drive driven performance success successful senior junior mid level associate director assistant ' +
      'coordinator specialist analyst consultant intern internship full-time part-time contract',
  ],
];

const FREQUENCY = new Map<string, number>();
for (const [frequency, words] of TIERS) {
  for (const word of words.split(/\s+/)) if (word && !FREQUENCY.has(word)) FREQUENCY.set(word, frequency);
}

/** Notional document frequency of a (lower-cased) term out of BACKGROUND_DOCUMENTS. */
export function backgroundDocumentFrequency(term: string): number {
  const known = FREQUENCY.get(term);
  if (known !== undefined) return known;
  if (/^[\d.,%$+#-]+$/.test(term)) return NUMBER_FREQUENCY;
  return RARE_TERM_FREQUENCY;
}
