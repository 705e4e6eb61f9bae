/**
 * Sections of a job posting. Each block of a posting is one of: the header (title, location,
 * facts), about the company, responsibilities, requirements (must), preferred (nice to have,
 * optional, bonus), benefits and pay, legal / EEO, how to apply, or unknown prose. Headings in
 * their usual spellings decide a block's kind; inside unknown prose each sentence is judged by
 * its own cues ("we offer", "equal opportunity employer", "you have", "is a plus"). Only
 * requirement-like text yields requirements (see ./job.ts). Pure and occupation-neutral: no rule
 * here names a profession.
 */

export type SectionKind =
  | 'header'
  | 'company'
  | 'responsibilities'
  | 'requirements'
  | 'preferred'
  | 'benefits'
  | 'legal'
  | 'apply'
  /** Posting facts ("Role:", "Job type:", "Company size:"): never requirements. */
  | 'facts'
  | 'other';

const APOS = `(?:'|’)?`;

/**
 * A list of the tools a role uses ("Tools and technologies", "Tech stack"): nice to have for the
 * skills (./job.ts), and left out of the job's embedding vectors (toolListLines).
 */
const TOOL_LIST = String.raw`(?:tech |technology |our )?stack|technologies|tools(?: (?:and|&) technologies)?`;
const TOOL_LIST_HEADING = new RegExp(`^(?:${TOOL_LIST})$`, 'i');

/** Heading patterns by kind, tested against a whole (normalised) heading line. Order matters. */
const HEADINGS: [SectionKind, RegExp][] = [
  [
    'facts',
    /^(?:job type|experience level|seniority(?: level)?|company size|company type|location options?|date posted|posted|job title|employment type|contract type|job id|req(?:uisition)? id|start date)$/i,
  ],
  [
    'preferred',
    new RegExp(
      String.raw`^(?:(?:preferred|desired|desirable|optional|additional|bonus|extra|nice[- ]to[- ]have|good[- ]to[- ]have|plus|great[- ]to[- ]have)(?: skills?| qualifications?| experience| requirements?| competencies| knowledge| points?)?|nice[- ]to[- ]haves?|pluses|bonus points|(?:it${APOS}s )?a plus(?: if you have)?|bonus if you(?: also)? have|extra credit|ideally(?: you (?:also )?have)?|even better(?: if you have)?|what would be (?:great|nice|a plus)|what sets you apart|assets?|would be an advantage|${TOOL_LIST}|(?:we${APOS}d|we would) love (?:it )?if you(?: also)? have|(?:it would be )?great if you (?:also )?have)$`,
      'i',
    ),
  ],
  [
    'requirements',
    new RegExp(
      String.raw`^(?:(?:job |key |basic |minimum |required |essential |core |technical |professional |must[- ]have )?(?:requirements?|qualifications?|skills?|competenc(?:y|ies)|knowledge|experience)(?: (?:and|&) (?:experience|qualifications?|skills?|requirements?|education|knowledge|competenc(?:y|ies)))?(?: required| needed)?|required|must[- ]haves?|what you${APOS}ll need|what you need(?: to (?:have|succeed|bring))?|what we${APOS}re looking for|what we are looking for|who we${APOS}re looking for|who we are looking for|we${APOS}re looking for|we are looking for|looking for|who you are|you have|you are|you should have|you bring|about you|your profile|(?:candidate |applicant )?profile|your (?:skills|background|experience|qualifications)|what you bring|what you${APOS}ll bring|what you will bring|what we expect(?: from you)?|we expect|what you have|what do you bring|do you have what it takes|education(?: (?:and|&) (?:experience|training|qualifications?))?|certifications?(?: (?:and|&) licen[cs]es?)?|licen[cs]es?(?: (?:and|&) certifications?)?|who should apply|the ideal candidate(?: (?:will )?ha(?:ve|s))?|ideal candidate|to succeed(?: in this role)?(?: you(?:${APOS}ll| will) (?:need|have))?|success factors)$`,
      'i',
    ),
  ],
  [
    'responsibilities',
    new RegExp(
      String.raw`^(?:(?:key |main |primary |core |job |your |principal )?(?:responsibilities|duties|accountabilities|tasks)(?: (?:and|&) (?:responsibilities|duties|tasks))?|what you${APOS}ll do|what you will do|what you${APOS}ll be doing|what you will be doing|what you do|your role|the role|role|about the (?:role|job|position)|the job|the position|your mission|the mission|your (?:day|week)|(?:a )?day in the life|day[- ]to[- ]day|in this role(?:,? you will)?|what the job involves|your (?:impact|challenge)|the challenge|job (?:description|summary|overview|purpose)|role (?:description|summary|overview)|position (?:description|summary|overview)|description|summary|overview|the opportunity|opportunity|what you will achieve|you will)$`,
      'i',
    ),
  ],
  [
    'benefits',
    new RegExp(
      String.raw`^(?:(?:our |employee |the |your |job )?(?:benefits?|perks?)(?: (?:and|&) (?:perks?|benefits?|compensation|salary))?|what we offer(?: you)?|we offer|our offer|what${APOS}s in it for you|what is in it for you|why (?:join|work (?:with|for)) us|why (?:you${APOS}ll|you will) love (?:it|working) here|why us|compensation(?: (?:and|&) benefits)?|(?:total )?rewards|salary(?: range)?|pay(?: range| transparency| and benefits)?|pay transparency(?: statement| notice)?|remuneration|package|what you get|what you${APOS}ll get|we give you|in return)$`,
      'i',
    ),
  ],
  [
    'legal',
    new RegExp(
      String.raw`^(?:equal (?:employment )?opportunit(?:y|ies)(?: employer| statement)?|eeo(?: statement)?|eeo\/aa|diversity(?:,? equity)?(?: (?:and|&) inclusion)?(?: statement)?|our commitment to diversity|accommodations?|reasonable accommodations?|disclaimer|legal|privacy(?: notice| policy)?|e-verify|notice to (?:agencies|recruiters)|recruitment agencies)$`,
      'i',
    ),
  ],
  [
    'apply',
    new RegExp(
      String.raw`^(?:how to apply|to apply|apply(?: now)?|application(?: process| deadline)?|the (?:hiring|interview|recruitment|application) process|(?:hiring|interview|recruitment|application) process|next steps|contact(?: us| information| person)?|deadline|ready to (?:apply|join)|(?:additional|further|more) information|faq|assessment)$`,
      'i',
    ),
  ],
  [
    'company',
    new RegExp(
      String.raw`^(?:about(?: us| the company| the team| our company| our team| the organi[sz]ation| <organization>)?|about [\p{Lu}<][^.]{0,40}|who we are|our (?:company|team|story|mission|culture|values|vision|client|organi[sz]ation)|the (?:company|team|department|organi[sz]ation|employer)|company(?: description| overview| profile)?|meet the team|life at [^.]{1,30}|the department|our client|client)$`,
      'iu',
    ),
  ],
];

/** Heading words that may open a line followed by its text ("RESPONSIBILITIES Develop and..."). */
const HEADING_LENGTH_LIMIT = 70;

export function normaliseHeading(text: string): string {
  return text
    .replace(/[:：]\s*$/, '')
    .replace(/^[#*\s\-–—•·●▪]+|[#*\s\-–—]+$/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<![!?.])[!?.]+$/, '')
    .trim();
}

/** Keywords of a free-form heading ("This is what you will need to have:"), by kind. */
const FUZZY_HEADINGS: [SectionKind, RegExp][] = [
  ['legal', /\b(?:equal opportunit|eeo|diversity|inclusion|accommodation|privacy|disclaimer)/i],
  ['preferred', /\b(?:nice|bonus|plus|prefer|ideal|desir|optional|extra|advantage|asset|great if)/i],
  [
    'benefits',
    /\b(?:offer|benefit|perks?|salary|compensation|pay|rewards?|in it for you|you(?:'|’)ll get|you get|why join|why work)/i,
  ],
  ['apply', /\b(?:apply|application|hiring process|interview process|recruitment process|next steps)/i],
  [
    'requirements',
    /\b(?:need|require|qualifi|looking for|you have|you bring|skills|expect|profile|must|competenc|background|you are|who you are|about you|ideal candidate|experience)/i,
  ],
  [
    'responsibilities',
    /\b(?:you(?:'|’)ll do|you will do|you(?:'|’)ll be doing|responsib|duties|tasks|your role|the role|day to day|mission|what you will|impact)/i,
  ],
  [
    'company',
    /\b(?:about us|about the company|about the team|who we are|our (?:company|story|team|mission|culture))/i,
  ],
];

/** The kind a heading line announces, or undefined when the line is not a known heading. */
export function headingKind(text: string): SectionKind | undefined {
  const heading = normaliseHeading(text);
  if (!heading || heading.length > HEADING_LENGTH_LIMIT) return undefined;
  for (const [kind, pattern] of HEADINGS) if (pattern.test(heading)) return kind;
  return undefined;
}

/**
 * A free-form heading: a short line that ends with a colon ("This is what you will need to
 * have:", "Job benefits:") judged by its keywords. Undefined when it has none.
 */
export function fuzzyHeadingKind(text: string): SectionKind | undefined {
  const trimmed = text.trim();
  if (!/[:：]$/.test(trimmed) || trimmed.split(/\s+/).length > 10) return undefined;
  for (const [kind, pattern] of FUZZY_HEADINGS) if (pattern.test(trimmed)) return kind;
  return undefined;
}

/**
 * A line that starts with an upper-case heading followed by its text
 * ("RESPONSIBILITIES Develop and implement…", "QUALIFICATIONS: 5 years…"). Returns the kind and
 * the rest of the line.
 */
export function leadingHeading(text: string): { kind: SectionKind; rest: string } | undefined {
  const caps =
    /^\s*((?:[\p{Lu}][\p{Lu}'’&/-]*)(?:\s+[\p{Lu}][\p{Lu}'’&/-]*){0,5})\s*[:：]?\s+(?=\S)(.*)$/u.exec(text);
  if (caps?.[1] && caps[2]) {
    // The longest all-caps prefix that is a known heading.
    const words = caps[1].split(/\s+/);
    for (let count = words.length; count >= 1; count--) {
      const candidate = words.slice(0, count).join(' ');
      const kind = headingKind(candidate);
      if (kind) {
        const rest = `${words.slice(count).join(' ')} ${caps[2]}`.trim();
        return { kind, rest };
      }
    }
  }
  const labelled = /^\s*([^:：]{3,50})[:：]\s*(.*)$/.exec(text);
  if (labelled?.[1]) {
    const kind = headingKind(labelled[1]);
    if (kind) return { kind, rest: labelled[2] ?? '' };
  }
  return undefined;
}

const BENEFIT_CUE =
  /\b(?:salary|salaries|compensation|remuneration|pay (?:range|scale|band|transparency|rate)|base pay|hourly rate|per (?:hour|annum|year)|bonus(?:es)? (?:plan|program|scheme|eligib)|sales incentives?|incentive (?:plan|pay|program|compensation)|commission plan|401\s?\(?k\)?|pension|retirement (?:plan|savings)|health(?:care)? (?:insurance|plan|benefits|coverage)|medical(?:,| and)? dental|dental|vision (?:insurance|plan|coverage)|life insurance|paid (?:time off|leave|holidays|vacation)|\bpto\b|vacation days?|holiday allowance|annual leave|parental leave|maternity|paternity|equity (?:package|grant)|stock options?|rsus?|employee stock|perks|benefits? (?:package|include)|we offer|we provide|you(?:'|’)ll (?:get|receive|enjoy)|you will (?:get|receive|enjoy)|wellness|gym|fitness (?:allowance|membership)|free (?:lunch|snacks|meals)|catered|relocation (?:package|assistance|support)|visa sponsor|training budget|learning budget|development budget|flexible (?:working|hours|schedule)|work[- ]life balance|competitive (?:salary|pay|package|compensation|benefits)|\$\s?\d|€\s?\d|£\s?\d|\d+k\b)/i;

const LEGAL_CUE =
  /\b(?:equal (?:employment )?opportunit|eeo\b|affirmative action|regardless of|without regard to|race,? (?:color|colour|religion|creed)|sexual orientation|gender identity|national origin|protected (?:veteran|status|characteristic)|veteran status|disability status|reasonable accommodation|e-verify|background check|drug (?:screen|test)|pay transparency|fair chance|arrest (?:and|or) conviction|privacy (?:notice|policy)|personal data|gdpr|recruitment agenc|unsolicited (?:resumes|cvs))/i;

const APPLY_CUE =
  /\b(?:(?:recruitment|recruiting|interview|hiring|application|selection) (?:process|processes|procedure|team|system|consultant|partner|agency)|interviews? (?:will|may|might|are|is|shall|can) |(?:the |your )?applications? (?:must|should|shall) (?:be|include)|send (?:us )?(?:your|a|an) (?:cv|resume|résumé|application)|apply (?:now|today|online|here|via|through|by|with|at)|to apply|please apply|send (?:us )?your (?:cv|resume|résumé|application)|submit (?:your )?(?:cv|resume|application)|cover letter|application deadline|applications? (?:will be|are) (?:reviewed|processed|accepted)|click (?:apply|here)|interviews? (?:will|are) (?:held|conducted|ongoing)|questions about (?:the|this) (?:position|role|job)|(?:contact|reach out to) (?:us|our|the)|for (?:more|further) information)\b/i;

const COMPANY_CUE =
  /\b(?:we(?:'|’)re (?:a|an|the|one of)|we are (?:a|an|the|one of)|our (?:company|mission|vision|customers|clients|products?|platform|software|solutions?|technology|values|culture|story|investors|founders|portfolio|brand|community|members|employees|users)|founded in|headquartered|valuation|valued at|raised \$|series [a-e]\b|backed by|funded by|investors|fortune \d+|market leader|leading (?:provider|company|global)|industry leader|world(?:'|’)s (?:largest|leading)|we (?:build|make|help|serve|believe|provide|develop|design|create|offer|deliver|operate|power|enable|work with)|our team (?:is|of)|employees (?:in|across|worldwide)|offices? in|customers (?:in|across|worldwide)|clients (?:include|in|across))\b/i;

/** Sentences that state what a candidate must bring (used in prose outside any headed list). */
const REQUIREMENT_CUE =
  /\b(?:experience (?:with|in|of|using|building|developing|working)|\d+\+?\s*(?:years?|yrs)|knowledge of|understanding of|familiar(?:ity)? with|proficien(?:t|cy) (?:in|with)|expertise (?:in|with)|background in|skilled in|skills in|ability to|able to|degree|diploma|certifi(?:ed|cation)|licen[cs]ed?|you (?:have|bring|are|know|master|possess)|you(?:'|’)(?:ve|re)|must|required|requires?|mandatory|essential|should have|need(?:s)? to have|is required|qualifications?|hands[- ]on|track record|fluen(?:t|cy)|strong|solid|excellent|good (?:knowledge|understanding|command)|working knowledge|competen(?:t|ce))\b/i;

const PREFERRED_CUE =
  /\b(?:nice[- ]to[- ]have|preferred|preferably|preference|bonus|a plus|is a plus|are a plus|plus\b|desired|desirable|ideally|advantage|advantageous|good to have|optional|an asset|beneficial|would be great|appreciated)\b/i;

/** A sentence whose subject is the employer ("We strive to…", "Our clients…"), not the candidate. */
const EMPLOYER_SUBJECT =
  /^\s*(?:[-•*·]\s*)?(?:we(?!(?:'|’)re looking| are looking| need| require| expect| want| would like| seek| ask)\b|our\b|<organization>|the company\b|the team\b)/i;

export type SentenceCue = 'benefits' | 'legal' | 'apply' | 'company' | 'requirement' | 'none';

/** What one sentence of prose is about, judged by its own words. */
export function sentenceCue(text: string): SentenceCue {
  if (LEGAL_CUE.test(text)) return 'legal';
  if (BENEFIT_CUE.test(text)) return 'benefits';
  if (APPLY_CUE.test(text)) return 'apply';
  if (EMPLOYER_SUBJECT.test(text) && !/\byou\b/i.test(text)) return 'company';
  if (REQUIREMENT_CUE.test(text)) return 'requirement';
  if (COMPANY_CUE.test(text)) return 'company';
  return 'none';
}

export function hasRequirementCue(text: string): boolean {
  return REQUIREMENT_CUE.test(text);
}

export function hasPreferredCue(text: string): boolean {
  return PREFERRED_CUE.test(text);
}

/** Kinds whose text never yields a requirement. */
export function neverRequirements(kind: SectionKind): boolean {
  return (
    kind === 'company' || kind === 'benefits' || kind === 'legal' || kind === 'apply' || kind === 'facts'
  );
}

/**
 * What a requirement sentence asks for beyond the skills taxonomy: the noun phrases after
 * "experience with / in", "knowledge of", "degree in", "background in", "understanding of"…
 * ("Knowledge of predictive processing and music cognition" → "predictive processing",
 * "music cognition"). Offsets are into `text`. Phrases are short (1–4 words) and stop at the
 * first clause boundary, so they never swallow a whole sentence.
 */
const PHRASE_CUE =
  /\b(?:experience|expertise|knowledge|background|proficiency|understanding|familiarity|skills?|competence|competencies|degree|diploma|education|training|certification|qualification|specialization|specialisation|insight|interest|passion|track record|expert|proficient|skilled|versed|fluent|familiar|experienced|specialist)\s+(?:(?:is|are)\s+)?(?:in|with|of|within|using|on|for|across)\s+/gi;
const PHRASE_STOP =
  /[,;:.()!?"“”]|\s(?:and\/or|such as|including|like|e\.g|i\.e|as well as|is|are|to|for|that|which|who|would|will|where|when|while|with|within|from|at|by|in order|preferably|ideally|or equivalent|or related|or similar|or a related|etc|plus|is a plus|are a plus|through|into|on|in|of|using|via)\s/i;
/** A new clause in text that lost its punctuation ("…languages Knowledge of…", "• Ability"). */
const CLAUSE_START =
  /\s(?:[•*·▪–—-]|Knowledge|Experience|Ability|Background|Proven|Practical|Strong|Good|Excellent|Familiarity|Understanding|Proficiency|Expertise|You|We|Must|Should|Nice|Preferred|Bonus|Ideally|Fluent|Great|Solid|Deep|Basic|Advanced|Hands-on|Degree|Bachelor|Master|BS|BSc|MSc|PhD)\b/;
/** Words a real phrase never starts with ("one or more", "be able", "working"). */
const BAD_FIRST_WORD =
  /^(?:to|and|or|one|more|most|any|some|be|being|been|use|using|used|working|willing|must|have|has|had|can|could|should|e|i|a|an|able|what|how|all|other|such|own|each|every|many|much|few|which|who|we|you|they|it|its|this|that|these|those|there|here|not|no|also|just|only|well|etc|get|make|do|did|done|help|build|want|need)$/i;
/** Generic nouns that end a phrase without adding to it ("security matters", "X concepts"). */
const TRAILING_NOISE =
  /(?<!\s)(?<!\s(?:disciplines?|matters|concepts|topics|environments?|principles|practices|skills|knowledge|experience|background|capabilities|areas?|fields?|domains?|space|stuff|issues|aspects|etc|[•*·▪–—-]))(?:\s+(?:disciplines?|matters|concepts|topics|environments?|principles|practices|skills|knowledge|experience|background|capabilities|areas?|fields?|domains?|space|stuff|issues|aspects|etc|[•*·▪–—-]))+\s*$/i;
const LEADING_NOISE =
  /^(?:(?:a|an|the|one|two|at least|some|any|all|both|either|modern|relevant|related|strong|solid|good|great|basic|advanced|deep|proven|practical|hands-on|professional|general|similar|various|common|current|other|their|your|our|its|large|complex|working|extensive|broad|excellent|sound|demonstrated|demonstrable|significant|previous|prior|several|multiple|different|new|latest|key|core|main|well-known|technical|commercial|industry|production|real-world|very|highly|academic|formal|equivalent)\s+)+/i;
const GENERIC_PHRASE =
  /^(?:field|fields|area|areas|role|roles|position|positions|environment|environments|team|teams|company|companies|organisation|organization|setting|settings|work|job|jobs|this|that|these|those|it|them|us|you|people|others|things|stuff|similar|equivalent|same|above|following|order|addition|general|particular|least|time|years?|months?|experience|knowledge|skills?|ability|abilities|degree|level|capacity|way|ways|project|projects|tasks?|fast-paced environment|startup|start-up|<[a-z]+>)$/i;

/**
 * Words that name no skill on their own: how a language is used ("written", "spoken"), amounts and
 * levels, what an application consists of, the candidate's wishes. A phrase that is only such
 * words is not a requirement ("proficiency in writing and speech", "latest versions of Java").
 */
const GENERIC_WORD =
  /^(?:written|spoken|verbal|oral|speech|writing|reading|importance|aspects?|variations?|levels?|versions?|minimum|maximum|background|benefits?|desire|interests?|experiences|equivalents?|understanding|challenging|market|apps?|applications?|tools?|stacks?|tech stack|processes|configuration|portfolio|organi[sz]ations?|objectives|names|contact details|responsibility|responsibilities|partners|diverse groups|synergy|convergence|bureaucracy|comparable|wide range|range|variety|plenty|lots|opportunities|possibilities|drive|motivation|enthusiasm|curiosity|attitude|mindset|personality|colleagues|customers|clients|stakeholders|goals|results|requirements|needs|solutions|products|services|systems|technologies|methods|tasks|challenges|ideas|problems|questions|details|documents|references|grades|transcripts|fit|price|prices|contributions|cv|careers?|overseas|approx|appendices|donors|programmes|programs|languages|web|others)$/i;

export interface KnowledgePhrase {
  text: string;
  start: number;
  end: number;
}

/** Examples that follow a requirement ("…such as business analysis, testing and maintenance"). */
const EXAMPLE_CUE = /\b(?:such as|including|e\.g\.?|for example|for instance)\s+/gi;
const EXAMPLE_STOP =
  /[;:()!?"“”]|\.(?![\p{L}\p{N}])|\s(?:is|are|to|that|which|who|would|will|where|when|while|etc|preferably|ideally|is a plus|are a plus|as well as|with|within|from|at|by|into|through|via)\s/iu;

/** The text a cue introduces, up to its first clause boundary (at most 160 characters). */
function cuedSpan(text: string, from: number, examples: boolean): string {
  const restRaw = text.slice(from, from + 160);
  const stops = [restRaw.search(examples ? EXAMPLE_STOP : PHRASE_STOP), restRaw.search(CLAUSE_START)].filter(
    (at) => at >= 0,
  );
  return stops.length === 0 ? restRaw : restRaw.slice(0, Math.min(...stops));
}

/**
 * The lists of examples in a sentence ("languages such as Python, Ruby or Java", "a cloud
 * platform, e.g. AWS or GCP"): offsets into `text` of what follows each cue, up to the clause's
 * end. `alternatives` is false after "including", which lists parts of what is asked ("web
 * markup, including HTML5, CSS3": both), not examples of it.
 */
export function exampleLists(
  text: string,
): { cueStart: number; start: number; end: number; alternatives: boolean }[] {
  return [...text.matchAll(EXAMPLE_CUE)].map((cue) => {
    const start = cue.index + cue[0].length;
    const alternatives = !/^including/i.test(cue[0]);
    return { cueStart: cue.index, start, end: start + cuedSpan(text, start, true).length, alternatives };
  });
}

export function knowledgePhrases(text: string): KnowledgePhrase[] {
  const phrases: KnowledgePhrase[] = [];
  const cues = [
    ...[...text.matchAll(PHRASE_CUE)].map((cue) => ({ cue, examples: false })),
    ...[...text.matchAll(EXAMPLE_CUE)].map((cue) => ({ cue, examples: true })),
  ];
  for (const { cue, examples } of cues) {
    const from = cue.index + cue[0].length;
    const span = cuedSpan(text, from, examples);
    // Items joined by "and", "or", "/" or "&" (and, in a list of examples, commas) are separate phrases.
    let offset = 0;
    const separators = examples
      ? /((?<!\s)\s*,\s*(?:and\s+|or\s+)?|(?<!\s)\s+(?:and|or|&)\s+|(?:(?<!\s)\s+)?\/\s*)/
      : /((?<!\s)\s+(?:and|or|&)\s+|(?:(?<!\s)\s+)?\/\s*)/;
    for (const item of span.split(separators)) {
      const itemStart = from + offset;
      offset += item.length;
      if (/^,?\s*(?:and|or|&|\/)?$/.test(item.trim()) || !item.trim()) continue;
      const lead = LEADING_NOISE.exec(item)?.[0].length ?? 0;
      const core = item.slice(lead).trim().replace(TRAILING_NOISE, '');
      const coreStart = itemStart + lead + (item.slice(lead).length - item.slice(lead).trimStart().length);
      const words = core.split(/\s+/).filter(Boolean);
      if (words.length === 0 || words.length > 4 || BAD_FIRST_WORD.test(words[0] ?? '')) continue;
      if (BAD_FIRST_WORD.test(words[words.length - 1] ?? '')) continue;
      if (!/\p{L}{2}/u.test(core) || GENERIC_PHRASE.test(core) || GENERIC_WORD.test(core) || /^\d/.test(core))
        continue;
      phrases.push({ text: core, start: coreStart, end: coreStart + core.length });
    }
  }
  return phrases;
}

/** Words that make a short list item a sentence or a fragment rather than the name of a skill. */
const NOT_AN_ITEM =
  /\b(?:you|your|we|our|us|is|are|be|will|can|must|should|have|has|with|of|for|to|the|a|an|in|on|at|by|this|that|it|as|or|and|etc|years?|plus|preferred|required|optional|mandatory|essential|desirable|strong|degree|bachelor|master|phd|information|feedback|allowance|criteria|benefits?|faq)\b|[.!?:;\-–—]\s*$|[()<>@:]/i;

/**
 * A short item of a requirement list that names what is asked for by itself ("• Webpack",
 * "JS frameworks", "Clean architecture"): 1–3 words, no verb-like or function words, not a
 * generic word. Undefined otherwise. Offsets are into `text`.
 */
export function listItemPhrase(text: string): KnowledgePhrase | undefined {
  const lead = /^[\s•*·▪●–—-]*/.exec(text)?.[0].length ?? 0;
  const core = text.slice(lead).trim();
  const words = core.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 3 || core.length > 40) return undefined;
  if (NOT_AN_ITEM.test(core) || !/^\p{L}/u.test(core) || !/\p{L}{2}/u.test(core)) return undefined;
  if (GENERIC_PHRASE.test(core) || GENERIC_WORD.test(core) || BAD_FIRST_WORD.test(words[0] ?? ''))
    return undefined;
  return { text: core, start: lead, end: lead + core.length };
}

/** A sentence that starts with a task verb ("Examine, analyze and interpret…"): a duty. */
const DUTY_START =
  /^\s*(?:[-•*·▪]\s*)?(?:you(?:'|’)ll\s+|you will\s+)?(?:manage|develop|design|examine|analy[sz]e|prepare|plan|coordinate|conduct|perform|provide|maintain|ensure|lead|support|build|create|implement|review|monitor|evaluate|assist|oversee|direct|teach|train|operate|inspect|install|repair|sell|advise|negotiate|compile|record|process|respond|communicate|collaborate|write|test|drive|deliver|own|run|handle|prepare|organi[sz]e|schedule|supervise|instruct|demonstrate|promote|research|investigate|interpret|audit|administer|care|treat|diagnose|cook|serve|fly|pilot|contact|recruit|interview|counsel|advise|estimate|calculate|measure|maintain|produce|operate|identify|establish|determine|formulate|represent|solicit|present|track|report)\b/i;

export function isDutySentence(text: string): boolean {
  return DUTY_START.test(text);
}

/** How a product name is written: capitalised, camel-cased, all capitals or with a digit ("Jest", "gRPC", "EJB", "Symfony2"). */
const NAME_TOKEN =
  /^(?:\p{Lu}[\p{L}\p{N}.+#]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*|[\p{L}.+#]*\p{N}[\p{L}\p{N}.+#]*)$/u;
/** Between two names of one list: spaces, commas, slashes, "and" / "or" ("Jest, Enzyme and Mocha"). */
const LIST_GAP = /^(?:\s*[,/&|+]\s*|\s+(?:and|or|and\/or|&)\s+|\s+)$/i;
/** Capitalised words that open a clause or name no product ("Experience", "Strong", "We"). */
const NOT_A_NAME =
  /^(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|is|are|be|you|your|we|our|us|it|its|this|that|these|those|i|e\.g|etc|experience|experienced|knowledge|understanding|ability|familiarity|proficiency|expertise|background|skills?|strong|solid|good|great|excellent|deep|basic|advanced|proven|hands|working|must|should|nice|preferred|bonus|plus|ideally|required|requirements?|including|such|like|also|both|either|any|all|some|other|others|more|most|modern|new|latest|relevant|similar|related|equivalent|years?|months?|team|teams|tools?|frameworks?|languages?|technologies|technology|systems?|services?|platforms?|environments?|applications?|development|design|based|using|used|use|via|native|cloud|web|data|software|hardware|mobile|backend|frontend|server|client|api|apis|test|testing|tests|code|degree|bachelor|master|phd|business|management|senior|junior|lead|engineer|developer|what|who|how|why|when|where|job|role|position|company|you’ll|you'll|we're|we’re|it's|it’s)$/i;

/** What may follow a listed name: the end, a separator, "and" / "or", or another name. */
const NAME_FOLLOWER = /^\s*(?:$|[,/&|+;:.()[\]]|(?:and|or|etc)\b|[\p{Lu}\p{N}<])/u;

/** Endings of ordinary English words ("Effective", "Responsible", "Universities", "Completed"). */
const WORD_ENDING =
  /(?:ing|ed|ly|tion|sion|ment|ity|ness|ies|ble|ful|ive|ous|ant|ent|al|ary|ory|ee|ion|ship|ure|er|or|ate|ic|ics|ism|ist)$/i;

/**
 * True when a capitalised word reads as a product's name rather than an ordinary word that
 * opens a clause: short capitals ("EJB", "NFC"), a digit or inner capital ("Symfony2", "gRPC"),
 * or a capitalised word the posting never writes in lower case and without an everyday ending.
 */
function looksLikeAName(word: string, plainWords: ReadonlySet<string>): boolean {
  if (/\p{N}/u.test(word) || (/\p{Ll}/u.test(word) && /.\p{Lu}/u.test(word))) return true;
  if (plainWords.has(word.toLowerCase())) return false;
  if (/^\p{Lu}+s?$/u.test(word)) return word.length <= 5;
  return !WORD_ENDING.test(word);
}

/**
 * Product names listed next to skills the taxonomy knows, in a requirement sentence ("Selenium
 * Jest Enzyme", "Kafka/RabbitMQ/NATS", "Spring Boot EJB and JPA"): a capitalised, camel-cased or
 * numbered word joined to a known skill only by list separators is one more item of that list.
 * Offsets are into `text`; `known` are the skills already found there.
 */
export function listNeighbours(
  text: string,
  known: { start: number; end: number }[],
  /** Words the whole posting writes in lower case somewhere ("work", "ensure"): ordinary words. */
  plainWords: ReadonlySet<string>,
): KnowledgePhrase[] {
  if (known.length === 0) return [];
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.+#'’-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu)].map(
    (word) => ({ text: word[0], start: word.index, end: word.index + word[0].length }),
  );
  const isKnown = (word: { start: number; end: number }) =>
    known.some((skill) => skill.start < word.end && skill.end > word.start);
  const found: KnowledgePhrase[] = [];
  const accepted = new Set<number>();
  const tryWord = (index: number): boolean => {
    const word = words[index];
    if (!word || accepted.has(index) || isKnown(word) || index === 0) return false;
    if (!NAME_TOKEN.test(word.text) || NOT_A_NAME.test(word.text) || GENERIC_WORD.test(word.text))
      return false;
    if (!looksLikeAName(word.text, plainWords) || !/\p{L}{2}/u.test(word.text)) return false;
    // A name in a list is followed by another name, a separator or the end; a lower-case word
    // after it makes it the first word of a clause ("…Jenkins Write resilient code").
    if (!NAME_FOLLOWER.test(text.slice(word.end, word.end + 12))) return false;
    if (/^<|>$/.test(text.slice(word.start - 1, word.end + 1)) || word.text.length > 25) return false;
    accepted.add(index);
    found.push({ text: word.text, start: word.start, end: word.end });
    return true;
  };
  const gapOk = (left: { end: number }, right: { start: number }) =>
    LIST_GAP.test(text.slice(left.end, right.start));
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (!isKnown(word)) continue;
    // Walk outwards from a known skill while the neighbours are names joined by list separators.
    for (let next = index + 1; next < words.length; next++) {
      const previous = words[next - 1]!;
      const current = words[next]!;
      if (!gapOk(previous, current)) break;
      if (isKnown(current)) continue;
      if (!tryWord(next)) break;
    }
    for (let before = index - 1; before >= 0; before--) {
      const current = words[before]!;
      const following = words[before + 1]!;
      if (!gapOk(current, following)) break;
      if (isKnown(current)) continue;
      if (!tryWord(before)) break;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Section kinds whose text says nothing about the work itself (the company blurb does: its field). */
function outsideTheWork(kind: SectionKind): boolean {
  return kind === 'benefits' || kind === 'legal' || kind === 'apply' || kind === 'facts';
}

/**
 * The lines of a posting that describe neither the work nor what it asks for: its tool lists
 * (toolListLines), its benefits and pay, legal / EEO, how-to-apply and posting-facts blocks (by
 * heading, or by a labelled line "Benefits: …"), and any other line whose own cues say it is about
 * pay, the law or applying. The job's embedding vectors leave them out, so boilerplate that every
 * posting shares does not pull its vector towards every other posting's readers. The company
 * blurb stays: it names the field the work is in.
 */
export function linesOutsideTheWork(lines: readonly { text: string; heading?: boolean }[]): Set<number> {
  const found = toolListLines(lines);
  let section: SectionKind = 'header';
  lines.forEach((line, index) => {
    const text = line.text.trim();
    if (!text) return;
    const looksLikeHeading = line.heading === true || !/[.!]$/.test(text);
    const announced = looksLikeHeading ? (headingKind(text) ?? fuzzyHeadingKind(text)) : undefined;
    if (announced) {
      section = announced;
      if (outsideTheWork(section)) found.add(index);
      return;
    }
    const kind = leadingHeading(text)?.kind ?? section;
    const cue = sentenceCue(text);
    if (outsideTheWork(kind) || cue === 'benefits' || cue === 'legal' || cue === 'apply') found.add(index);
  });
  return found;
}

/**
 * The lines of a posting's tool lists: a "Tools and technologies" / "Tech stack" heading with the
 * lines under it up to the next heading, or one labelled line ("Tools and technologies: Excel,
 * QuickBooks, …") with the lines that continue it after a trailing comma. Such a list names
 * products, not the work, and it often runs longer than the description itself, so the job's
 * embedding vectors (linesOutsideTheWork) and its text similarity leave it out (a profile's office
 * and niche software pulled its vector towards every resume that lists software). Its skills still
 * count as nice to have.
 */
export function toolListLines(lines: readonly { text: string; heading?: boolean }[]): Set<number> {
  const found = new Set<number>();
  let inList = false;
  let continues = false;
  lines.forEach((line, index) => {
    const text = line.text.trim();
    if (!text) {
      continues = false;
      return;
    }
    const looksLikeHeading = line.heading === true || !/[.!]$/.test(text);
    const announced = looksLikeHeading ? (headingKind(text) ?? fuzzyHeadingKind(text)) : undefined;
    if (announced) {
      inList = TOOL_LIST_HEADING.test(normaliseHeading(text));
      continues = false;
      if (inList) found.add(index);
      return;
    }
    const labelled = /^\s*([^:：]{3,50})[:：]\s*\S/.exec(text);
    const listLabel = labelled?.[1] !== undefined && TOOL_LIST_HEADING.test(normaliseHeading(labelled[1]));
    if (inList || continues || listLabel) {
      found.add(index);
      continues = (continues || listLabel) && /,$/.test(text);
      return;
    }
    // A labelled line of another kind ("Requirements: …") ends a list opened by a heading.
    if (labelled?.[1] !== undefined && headingKind(labelled[1])) inList = false;
  });
  return found;
}
