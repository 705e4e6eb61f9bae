/**
 * Job description → JobSpec, without a model. Reads the title, seniority, required and
 * preferred skills (from section headings like "Requirements" / "Nice to have" and inline cues
 * like "must have", "a plus"), minimum years ("5+ years of Python"), degree, location, remote
 * and employment type. Pure and deterministic; runs in the parse worker.
 */
import type { DegreeLevel, DocLine, JobSpec, ParsedDocument, Requirement, Seniority } from '../domain';
import { findSkills, isSpokenLanguage, type SkillMatch } from '../taxonomy';
import { DEGREE_ORDER, DEGREE_REQUIREMENT, findDegrees } from '../taxonomy/degrees';
import { findLocation } from './text-clues';
import {
  listItemPhrase,
  listNeighbours,
  fuzzyHeadingKind,
  hasPreferredCue,
  hasRequirementCue,
  isDutySentence,
  exampleLists,
  knowledgePhrases,
  headingKind,
  leadingHeading,
  neverRequirements,
  sentenceCue,
  type SectionKind,
} from './job-sections';

type Importance = 'required' | 'preferred' | 'neutral';

const REQUIRED_HEADING =
  /^(?:requirements?|required(?: skills| qualifications| experience)?|minimum qualifications|basic qualifications|qualifications|must[- ]haves?|what you(?:'|’)?ll need|what you need|what we(?:'|’)?re looking for|who you are|you have|you should have|about you|your profile|skills(?: and| &)? (?:experience|qualifications)|experience|key skills|essential skills|essential|skills required|technical skills|your skills|what you bring|what you(?:'|’)?ll bring)$/i;
const PREFERRED_HEADING =
  /^(?:preferred(?: qualifications| skills| experience)?|nice[- ]to[- ]haves?|bonus(?: points)?|pluses|desired(?: skills| qualifications)?|desirable|additional qualifications|good to have|it(?:'|’)?s a plus if|bonus if you have|extra credit|ideally|even better)$/i;
const NEUTRAL_HEADING =
  /^(?:responsibilities|what you(?:'|’)?ll do|about (?:the )?(?:role|job|company|us|team)|the role|job description|description|overview|benefits|perks|what we offer|why join us|compensation|salary|our team|who we are|location|how to apply|duties|key responsibilities|your role|the opportunity|company description|role description|job summary|summary)$/i;

const INLINE_PREFERRED =
  /\b(?:nice[- ]to[- ]have|preferred|preferably|bonus|a plus|is a plus|are a plus|plus\b|desired|desirable|ideally|advantage|advantageous|good to have|familiarity with|exposure to)\b/i;
const INLINE_REQUIRED =
  /\b(?:must[- ]have|must|required|requires?|mandatory|essential|need to have|you have|minimum|at least)\b/i;

const YEARS =
  /(\d{1,2})\s*(?:\+|\s*(?:-|–|to)\s*\d{1,2})?\s*\+?\s*(?:years?|yrs?)\b(?:['’]s?)?(?:\s+of)?(?:\s+(?:professional|hands[- ]on|relevant|industry|commercial|practical|working|proven))*(?:\s+(?:experience|exp\.?))?(?:\s+(?:with|in|using|of|building|developing|writing))?/gi;

const SENIORITY_RULES: [Seniority, RegExp][] = [
  ['intern', /\b(?:intern|internship|co-?op|trainee|apprentice)\b/i],
  ['executive', /\b(?:chief|cto|ceo|cfo|coo|cio|vp|vice president|head of|director|svp|evp)\b/i],
  ['principal', /\b(?:principal|distinguished|fellow)\b/i],
  ['lead', /\b(?:lead|staff|manager|team lead|tech lead|architect)\b/i],
  ['senior', /\b(?:senior|sr\.?|iii|experienced)\b/i],
  ['junior', /\b(?:junior|jr\.?|entry[- ]level|graduate|associate|new grad|i)\b/i],
  ['mid', /\b(?:mid[- ]level|intermediate|ii)\b/i],
];

/** Checked against the title first, then the whole text, in this order. */
const EMPLOYMENT_TYPES: [string, RegExp][] = [
  ['internship', /\b(?:internship|intern)\b/i],
  ['part-time', /\bpart[- ]time\b/i],
  ['contract', /\b(?:contract(?:or)?|contract[- ]to[- ]hire|c2h|fixed[- ]term)\b/i],
  ['temporary', /\b(?:temporary|seasonal)\b/i],
  ['freelance', /\bfreelance\b/i],
  ['full-time', /\b(?:full[- ]time|permanent)\b/i],
];

/**
 * Job posts pasted from web pages often lose their line breaks ("...the role.Requirements 5+ years").
 * Known headings glued to the previous sentence start a new segment so their cue still applies.
 */
const GLUED_HEADING_WORDS = String.raw`(?:Requirements|Qualifications|Minimum Qualifications|Basic Qualifications|Preferred Qualifications|Preferred Skills|Optional Skills|Desired Skills|Required Skills|Key Skills|Responsibilities|Key Responsibilities|Nice to [Hh]ave|Bonus Points|Benefits|Job [Bb]enefits|Perks|What [Ww]e [Oo]ffer|We [Oo]ffer|What [Yy]ou(?:'|’)ll [Dd]o|What [Yy]ou(?:'|’)ll [Nn]eed|What [Ww]e(?:'|’)re [Ll]ooking [Ff]or|Who [Yy]ou [Aa]re|About [Yy]ou|About [Tt]he (?:Role|Team|Company|Job)|About [Uu]s|Company [Dd]escription|Job [Dd]escription|Compensation|You [Hh]ave|Your [Tt]asks|Your [Ss]kills|Your [Pp]rofile|Your [Rr]ole|Your [Pp]rospects|Your [Bb]ackground|Technologies|Equal [Oo]pportunity|How [Tt]o [Aa]pply)`;
const GLUED_HEADING = new RegExp(
  String.raw`(?<=[\p{Ll}\p{N}.!?:)]\s?|\s{2})(?=${GLUED_HEADING_WORDS}(?:\b|(?<=:)))`,
  'u',
);
const HEADING_AT_START = new RegExp(String.raw`^(${GLUED_HEADING_WORDS})(?:\b|(?<=:))[:：]?\s*(.*)$`, 'u');
/** Words before "insurance" etc. that make it an employee benefit, not a skill. */
const BENEFIT_BEFORE =
  /\b(?:health|medical|dental|vision|life|disability|pet|travel|unemployment)\s*(?:,|and|&)?\s*$/i;

interface Segment {
  text: string;
  line: number;
  heading: boolean;
  bullet: boolean;
}

function segmentsOf(lines: DocLine[]): Segment[] {
  const segments: Segment[] = [];
  lines.forEach((line, index) => {
    const pieces = line.text.split(GLUED_HEADING);
    pieces.forEach((piece, position) => {
      if (position === 0 || pieces.length === 1) {
        segments.push({ text: piece, line: index, heading: line.heading, bullet: line.bullet });
        return;
      }
      const split = HEADING_AT_START.exec(piece);
      if (split) {
        segments.push({ text: split[1] ?? '', line: index, heading: true, bullet: false });
        if (split[2]) segments.push({ text: split[2], line: index, heading: false, bullet: false });
      } else {
        segments.push({ text: piece, line: index, heading: false, bullet: false });
      }
    });
  });
  return segments;
}

function sentencesOf(text: string): { text: string; start: number; end: number }[] {
  const sentences: { text: string; start: number; end: number }[] = [];
  const pattern = /[^.;!?]+(?:[.;!?]+(?=\s|$)|$)|[^.;!?]*[.;!?]+(?=\S)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0].trim())
      sentences.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return sentences.length > 0 ? sentences : [{ text, start: 0, end: text.length }];
}

function normaliseHeading(text: string): string {
  return text
    .replace(/[:：]\s*$/, '')
    .replace(/^[#*\s]+|[#*\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function headingImportance(line: { text: string }): Importance | 'none' {
  const text = normaliseHeading(line.text);
  if (!text || text.length > 60) return 'none';
  if (PREFERRED_HEADING.test(text)) return 'preferred';
  if (REQUIRED_HEADING.test(text)) return 'required';
  if (NEUTRAL_HEADING.test(text)) return 'neutral';
  return 'none';
}

/**
 * The job's name in a title line: without a leading label ("Job Description: Java Developer"),
 * a parenthesis about years or schedule ("(3 Years of Experience)", "(m/f/d)") or a tail after
 * " | " / " – ". A parenthesis left open by a wrapped line is closed by the next line.
 */
/** True when the text's last "(" is not closed on it (a title wrapped inside a parenthesis). */
function leavesParenthesisOpen(text: string): boolean {
  return text.lastIndexOf('(') > text.lastIndexOf(')');
}

/** What a parenthesis in a title says when it is not part of the job's name. */
const TITLE_ASIDE =
  /\b(?:years?|yrs?|experience|m\/f|f\/m|w\/m|m\/w|d\/f|all genders|remote|hybrid|full[- ]time|part[- ]time|contract)\b/i;

export function cleanTitle(text: string, next = ''): string {
  let title = text.trim();
  if (leavesParenthesisOpen(title) && /^[^(]*\)/.test(next.trim())) title = `${title} ${next.trim()}`;
  title = title.replace(
    /^(?:job\s+(?:description|title|posting|opening)|position|role|vacancy|opening)\s*[:：–—-]\s*/i,
    '',
  );
  title = title.replace(/\(([^()]*)\)/g, (group, inner: string) => (TITLE_ASIDE.test(inner) ? ' ' : group));
  return title.replace(/\s+/g, ' ').trim();
}

function findTitle(lines: DocLine[]): { title: string; line: number } {
  for (let index = 0; index < Math.min(lines.length, 15); index++) {
    const text = lines[index]?.text ?? '';
    const labelled = /^(?:job\s+title|title|position|role)\s*[:：]\s*(.+)$/i.exec(text.trim());
    if (labelled?.[1]) return { title: labelled[1].trim(), line: index };
  }
  const firstHeading = lines.findIndex(
    (line, index) => index < 5 && line.heading && line.text.trim().length > 0,
  );
  const firstLines = lines.map((_, index) => index).slice(0, 5);
  const candidates = firstHeading >= 0 ? [firstHeading, ...firstLines] : firstLines;
  for (const candidate of candidates) {
    // A line that only closes a parenthesis opened on the line before ends a wrapped title.
    const index =
      candidate > 0 &&
      /^[^(]*\)/.test(lines[candidate]?.text ?? '') &&
      leavesParenthesisOpen(lines[candidate - 1]?.text ?? '')
        ? candidate - 1
        : candidate;
    const text = lines[index]?.text.trim() ?? '';
    if (!text || headingImportance(lines[index] as DocLine) !== 'none') continue;
    if (text.split(/\s+/).length <= 12 && !/[.!?]$/.test(text)) {
      const title = cleanTitle(text, lines[index + 1]?.text ?? '');
      return { title: title.replace(/(?<!\s)\s*[|–—-].*$/, '') || title || text, line: index };
    }
  }
  return { title: cleanTitle(lines[0]?.text ?? '', lines[1]?.text ?? '').slice(0, 80), line: 0 };
}

/** A role or team noun right after a field ("Backend Engineering team", "full-stack developer"). */
const ROLE_AFTER =
  /^[\s-]*(?:(?:engineering|software|systems?)\s+)?(?:developers?|engineers?|designers?|managers?|architects?|analysts?|administrators?|scientists?|team|teams|department|position|role|specialists?|guild|chapter|squad)\b/i;
/**
 * A skill written as the name of a role ("Backend Developer", "Site Reliability Engineer"): the
 * job's or a colleague's title, not something asked of the candidate.
 */
const ROLE_SURFACE =
  /\b(?:developers?|engineers?|designers?|managers?|architects?|analysts?|administrators?|scientists?|specialists?|consultants?|officers?)$/i;

/**
 * "…experience as a data engineer", "worked as a UX designer": the role asked of the candidate,
 * whose skill it names (unlike a colleague's or the job's own title), so it stays a requirement.
 */
const AS_THE_ROLE =
  /\b(?:experience|background|years?|worked|working|work)\b[^.;:]{0,20}?\bas\s+an?\s+(?:(?:senior|lead|junior|principal|staff)\s+)?$/i;

/** Praise words an alias may start with ("excellent communication"): not part of the skill's words. */
const PRAISE =
  /^(?:excellent|strong|good|great|solid|outstanding|effective|very good|exceptional|superb)\s+/i;

/**
 * Words that may follow a spoken language named as one ("English skills", "German C1", "Danish is
 * an advantage", "English both spoken and written"). Any other word makes it the adjective of a
 * nationality: "Danish universities", "the German market", "Finnish people".
 */
const LANGUAGE_FOLLOWERS =
  /^(?:languages?|skills?|proficiency|proficient|fluency|fluent|level|levels|speaking|speakers?|native|mother|tongue|written|spoken|oral|verbal|communication|communicating|knowledge|writing|reading|and|or|is|are|as|at|on|in|with|for|required|preferred|appreciated|desired|desirable|advantage|beneficial|welcome|needed|a|an|would|will|both|to|be|plus|must|mandatory|necessary|essential|also|well|etc|\p{L}+ly)$/iu;

/** Words before a nationality adjective and its capitalised noun ("at Danish Universities"). */
const NATIONALITY_DETERMINER = /\b(?:the|a|an|at|of|our|their|its|for|within)\s+$/i;

/** An auxiliary that makes the next past participle passive ("will be recruited", "is onboarded"). */
const PASSIVE_BEFORE = /\b(?:be|been|being|is|are|was|were|get|gets|getting|got)\s+(?:\p{L}+ly\s+)?$/iu;

/**
 * True when a skill's words, where they stand, do not ask anything of the candidate: a spoken
 * language used as a nationality ("Danish universities"), an activity's past participle in the
 * passive ("you will be onboarded", "the candidate has to be recruited": done to the candidate),
 * or a prepositional idiom ("in collaboration with partners", "in compliance with the law").
 */
function notAskedOfCandidate(match: SkillMatch, text: string): boolean {
  const before = text.slice(Math.max(0, match.start - 40), match.start);
  const after = text.slice(match.end, match.end + 40);
  if (isSpokenLanguage(match.canonical)) {
    const next = /^(?:\s*[-‐]\s*|\s+)([\p{L}\p{N}]+)/u.exec(after)?.[1];
    // A capitalised next word may open the next clause of unpunctuated text ("…spoken English
    // Strong understanding of…"): an adjective only after a determiner ("the Danish Ministry").
    const adjective =
      next !== undefined &&
      /^\p{L}+$/u.test(next) &&
      !LANGUAGE_FOLLOWERS.test(next) &&
      !isSpokenLanguage(next) &&
      (/^\p{Ll}/u.test(next) || NATIONALITY_DETERMINER.test(before));
    if (adjective) return true;
  }
  if (/^\p{L}+ed$/iu.test(match.surface) && /ing$/i.test(match.canonical) && PASSIVE_BEFORE.test(before))
    return true;
  return /\bin\s+$/i.test(before) && /^\s+(?:with|to)\b/i.test(after) && match.kind === 'soft';
}

/**
 * A skill written as a job board's tag: lower case, joined by hyphens or glued to "js"
 * ("amazon-web-services", "reactjs", "apache-spark"), unlike the way prose names it.
 */
function isTagSlug(surface: string): boolean {
  return /^[a-z0-9.+#]+(?:-[a-z0-9.+#]+)+$|^[a-z]+js$/.test(surface);
}

function requirementFor(match: SkillMatch, line: number, minYears?: number): Requirement {
  const surface = match.surface.replace(PRAISE, '') || match.surface;
  const requirement: Requirement = { skill: match.canonical, surface, kind: match.kind, line };
  if (minYears !== undefined) requirement.minYears = minYears;
  return requirement;
}

/** Years attached to each skill on a line: "5+ years of Python and Django" → both get 5. */
function yearsBySkill(
  text: string,
  matches: SkillMatch[],
): { bySkill: Map<string, number>; overall: number[] } {
  const bySkill = new Map<string, number>();
  const overall: number[] = [];
  for (const match of text.matchAll(YEARS)) {
    const years = Number(match[1]);
    if (!Number.isFinite(years) || years <= 0 || years > 30) continue;
    overall.push(years);
    const after = match.index + match[0].length;
    // The skills named right after the phrase (same clause) carry the requirement.
    const clauseEnd = text.slice(after).search(/[.;]|\band\s+\d|\bor\s+\d/);
    const limit = clauseEnd < 0 ? text.length : after + clauseEnd;
    const before = Math.max(0, match.index - 40);
    for (const skill of matches) {
      const inClauseAfter = skill.start >= after - 1 && skill.start < limit && skill.start - after < 80;
      const justBefore =
        skill.end <= match.index &&
        skill.end >= before &&
        /^\s*(?:[:–—-]\s*)?$/.test(text.slice(skill.end, match.index));
      if ((inClauseAfter || justBefore) && !bySkill.has(skill.canonical)) bySkill.set(skill.canonical, years);
    }
  }
  return { bySkill, overall };
}

export function extractJob(doc: ParsedDocument): JobSpec {
  const lines = doc.lines;
  const { title, line: titleLine } = findTitle(lines);
  const warnings: string[] = [];
  const required = new Map<string, Requirement>();
  const preferred = new Map<string, Requirement>();
  /** Skills named in responsibilities: required only when the post lists no requirements. */
  const duties = new Map<string, Requirement>();
  const neutral = new Map<string, Requirement>();
  /** Skills named only in sentences about the employer ("we build apps with React"). */
  const company = new Map<string, Requirement>();
  /** Neutral skills seen only in the header block or in prose (company blurb, "about the role"). */
  const descriptive = new Set<string>();
  let section: SectionKind = 'header';
  let sawRequirementSection = false;
  const overallYears: number[] = [];
  const degreeMentions: { level: DegreeLevel; importance: Importance }[] = [];

  /** Words the posting writes in lower case: ordinary words, never product names (listNeighbours). */
  const plainWords = new Set(doc.text.match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []);
  for (const segment of segmentsOf(lines)) {
    const { line: index } = segment;
    let text = segment.text;
    const line = segment;
    if (!text.trim()) continue;
    // The title names the job, not its requirements ("Full Stack Developer (React)").
    if (index === titleLine && text === lines[index]?.text && text.split(/\s+/).length <= 15) continue;
    if (section === 'header' && index > titleLine + 8) section = 'other';
    const announced =
      headingKind(text) ??
      (line.heading || !/[.!]\s*$/.test(text.trim()) ? fuzzyHeadingKind(text) : undefined);
    if (announced && (line.heading || !/[.!]\s*$/.test(text.trim()))) {
      section = announced;
      if (announced === 'requirements' || announced === 'preferred') sawRequirementSection = true;
      continue;
    }
    let kind: SectionKind = section;
    const leading = leadingHeading(text);
    if (leading) {
      kind = leading.kind;
      text = leading.rest;
      if (leading.kind === 'requirements' || leading.kind === 'preferred') sawRequirementSection = true;
      // An upper-case heading glued to its first line ("RESPONSIBILITIES Develop…") opens a section.
      if (!/[:：]/.test(segment.text.slice(0, segment.text.length - text.length))) section = leading.kind;
      if (!text.trim()) {
        section = leading.kind;
        continue;
      }
    }
    if (neverRequirements(kind)) continue;
    const listed = kind === 'requirements' || kind === 'preferred';
    // Short requirement items ("Go is a plus", "R") are skill lists: ambiguous names may count.
    const listLike = listed && (line.bullet || text.split(/\s+/).length <= 12);
    const matches = findSkills(text, { listContext: listLike });
    const { bySkill, overall } = yearsBySkill(text, matches);
    // Cues apply per sentence: "Must have SQL. Python is a plus." mixes both.
    type Mode = Importance | 'duty' | 'company' | 'skip';
    const sentenceModes = sentencesOf(text).map(
      (sentence): { text: string; start: number; end: number; mode: Mode } => {
        let cue = sentenceCue(sentence.text);
        // Inside a requirement list only text plainly about something else is left out (the
        // company paragraph that follows the list without a heading, an EEO line).
        if (listed && cue !== 'legal' && (cue === 'none' || hasRequirementCue(sentence.text)))
          cue = 'requirement';
        const preferredCue = hasPreferredCue(sentence.text) || INLINE_PREFERRED.test(sentence.text);
        let mode: Mode;
        if (cue === 'benefits' || cue === 'legal' || cue === 'apply') mode = 'skip';
        else if (cue === 'company') mode = 'company';
        else if (kind === 'preferred') mode = 'preferred';
        else if (preferredCue && (listed || cue === 'requirement')) mode = 'preferred';
        else if (kind === 'requirements') mode = 'required';
        else if (cue === 'requirement' || INLINE_REQUIRED.test(sentence.text)) mode = 'required';
        else if (kind === 'responsibilities' || isDutySentence(sentence.text)) mode = 'duty';
        else mode = 'neutral';
        return { ...sentence, mode };
      },
    );
    if (sentenceModes.every((sentence) => sentence.mode === 'skip')) continue;
    overallYears.push(...overall);
    // Degrees asked for ("BS/MS degree", "PhD") are requirements of their own (kind 'degree'),
    // proven by a resume's education; the lowest one the post requires is also its `degree`.
    const degreeMatches: SkillMatch[] = [];
    for (const mention of findDegrees(text)) {
      const mode = sentenceModes.find(
        (sentence) => mention.start >= sentence.start && mention.start < sentence.end,
      )?.mode;
      if (mode === undefined || mode === 'skip' || mode === 'company') continue;
      // The post's `degree` is the level it states; "university / college degree" means a bachelor's.
      const level =
        mention.asked === 'any'
          ? /\b(?:university|college|undergraduate|4|four)\b/i.test(mention.surface)
            ? 'bachelor'
            : undefined
          : mention.asked === 'none'
            ? undefined
            : mention.asked;
      if (level)
        degreeMentions.push({
          level,
          importance: mode === 'preferred' ? 'preferred' : mode === 'required' ? 'required' : 'neutral',
        });
      degreeMatches.push({
        canonical: DEGREE_REQUIREMENT[mention.asked],
        surface: mention.surface,
        start: mention.start,
        end: mention.end,
        kind: 'degree',
        viaAlias: false,
      });
    }
    const prose =
      !sawRequirementSection ||
      (!line.bullet && (text.split(/\s+/).length > 12 || /[.!]["”)]?\s*$/.test(text)));
    // What the requirement sentences ask for beyond the taxonomy ("knowledge of music cognition").
    const phraseMatches: SkillMatch[] = [];
    for (const sentence of sentenceModes) {
      if (sentence.mode !== 'required' && sentence.mode !== 'preferred') continue;
      for (const phrase of knowledgePhrases(sentence.text)) {
        const start = sentence.start + phrase.start;
        const end = sentence.start + phrase.end;
        if ([...matches, ...degreeMatches].some((match) => match.start < end && match.end > start)) continue;
        phraseMatches.push({
          canonical: phrase.text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()),
          surface: phrase.text,
          start,
          end,
          kind: 'hard',
          viaAlias: false,
        });
      }
    }
    // Product names listed beside known skills ("Selenium Jest Enzyme") are items of the same list.
    for (const sentence of sentenceModes) {
      if (sentence.mode !== 'required' && sentence.mode !== 'preferred') continue;
      const known = [...matches, ...degreeMatches, ...phraseMatches]
        .filter(
          (match) => match.start >= sentence.start && match.end <= sentence.end && match.kind !== 'soft',
        )
        .map((match) => ({ start: match.start - sentence.start, end: match.end - sentence.start }));
      for (const name of listNeighbours(sentence.text, known, plainWords)) {
        phraseMatches.push({
          canonical: name.text,
          surface: name.text,
          start: sentence.start + name.start,
          end: sentence.start + name.end,
          kind: 'tool',
          viaAlias: false,
        });
      }
    }
    // A short item of a requirement list is itself the requirement ("• Webpack", "JS frameworks").
    const item =
      listed && matches.length === 0 && degreeMatches.length === 0 && phraseMatches.length === 0
        ? listItemPhrase(text)
        : undefined;
    if (item)
      phraseMatches.push({
        canonical: item.text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()),
        surface: item.text,
        start: item.start,
        end: item.end,
        kind: 'hard',
        viaAlias: false,
      });
    // Skills listed as examples after "such as" / "e.g." / "for example", with the kind of thing
    // they exemplify right before the cue ("server-side languages such as Python, Ruby or Java"),
    // are alternatives of one requirement when that makes two or more skills.
    const exampleKeys = new Map<SkillMatch, string>();
    const candidates = [...matches, ...phraseMatches].filter((match) => match.kind !== 'soft');
    for (const list of exampleLists(text)) {
      if (!list.alternatives) continue;
      const inList = candidates.filter((match) => match.start >= list.start && match.end <= list.end);
      const category = candidates.find(
        (match) => match.end <= list.cueStart && /^[\s,(]*$/.test(text.slice(match.end, list.cueStart)),
      );
      if (category) inList.push(category);
      if (new Set(inList.map((match) => match.canonical)).size < 2) continue;
      for (const match of inList) exampleKeys.set(match, `${index}:${list.start}`);
    }
    // A line like "Python (required), Go (nice to have)" decides per skill by the nearest cue.
    for (const match of [...matches, ...degreeMatches, ...phraseMatches]) {
      if (
        match.canonical === 'Insurance' &&
        BENEFIT_BEFORE.test(text.slice(Math.max(0, match.start - 30), match.start))
      ) {
        continue;
      }
      let itemMode: Mode =
        sentenceModes.find((sentence) => match.start >= sentence.start && match.start < sentence.end)?.mode ??
        'neutral';
      if (itemMode === 'skip') continue;
      // "our Backend team", "a full-stack engineer": a field named as the team or the role.
      if (
        match.kind !== 'language' &&
        match.kind !== 'degree' &&
        ROLE_AFTER.test(text.slice(match.end, match.end + 30))
      )
        continue;
      if (
        match.kind !== 'certification' &&
        match.kind !== 'degree' &&
        ROLE_SURFACE.test(match.surface) &&
        !AS_THE_ROLE.test(text.slice(Math.max(0, match.start - 60), match.start))
      )
        continue;
      if (notAskedOfCandidate(match, text)) continue;
      const tail = text.slice(match.end, match.end + 30);
      if (/^\s*(?:\(\s*)?(?:is\s+)?(?:a\s+)?(?:plus|preferred|nice[- ]to[- ]have|bonus|optional)/i.test(tail))
        itemMode = 'preferred';
      else if (/^\s*(?:\(\s*)?(?:is\s+)?(?:required|mandatory|must)/i.test(tail)) itemMode = 'required';
      const requirement = requirementFor(match, index, bySkill.get(match.canonical));
      const alternatives = exampleKeys.get(match);
      if (alternatives) requirement.alternatives = alternatives;
      const target =
        itemMode === 'required'
          ? required
          : itemMode === 'preferred'
            ? preferred
            : itemMode === 'duty'
              ? duties
              : itemMode === 'company'
                ? company
                : neutral;
      const existing = target.get(match.canonical);
      if (itemMode === 'neutral') {
        if (!prose) descriptive.delete(match.canonical);
        else if (!existing) descriptive.add(match.canonical);
      }
      if (!existing) target.set(match.canonical, requirement);
      else {
        if (requirement.minYears !== undefined && (existing.minYears ?? 0) < requirement.minYears) {
          existing.minYears = requirement.minYears;
        }
        // Shown as the post writes it in prose, not as a tag ("AWS", not "amazon-web-services").
        if (isTagSlug(existing.surface) && !isTagSlug(requirement.surface))
          existing.surface = requirement.surface;
      }
    }
  }

  const stated = required.size > 0 || sawRequirementSection;
  // Responsibilities weigh less than requirements: nice-to-have when the post lists its
  // requirements, the requirements themselves when it does not. Soft skills named only in
  // duties ("collaborate with…") are dropped when the post has its own requirement list.
  for (const [skill, requirement] of duties) {
    if (required.has(skill) || preferred.has(skill)) continue;
    if (!stated) required.set(skill, requirement);
    else if (requirement.kind !== 'soft' && !process.env.NODUTY) preferred.set(skill, requirement);
  }
  // Skills mentioned outside any requirement section: required when the post states no
  // requirements of its own (then the whole text is the requirement), otherwise preferred.
  // When the post has its own requirement lists, skills that appear only in its header or prose
  // (the company blurb, "about the role") describe the employer, not the candidate: dropped.
  for (const [skill, requirement] of neutral) {
    if (required.has(skill) || preferred.has(skill)) continue;
    if (stated) {
      if (!descriptive.has(skill) && requirement.kind !== 'soft' && !process.env.NONEUTRAL)
        preferred.set(skill, requirement);
    } else required.set(skill, requirement);
  }
  // Sentences about the employer count only when the post says nothing else at all.
  if (required.size === 0 && preferred.size === 0 && !process.env.NOCOMPANY) {
    for (const [skill, requirement] of company) required.set(skill, requirement);
  }
  for (const skill of required.keys()) preferred.delete(skill);
  // Soft skills in a job post are rarely decisive; keep them but after the hard ones.
  const ordered = (map: Map<string, Requirement>): Requirement[] =>
    [...map.values()].sort(
      (a, b) => Number(a.kind === 'soft') - Number(b.kind === 'soft') || a.line - b.line,
    );

  const fullText = doc.text;
  const spec: JobSpec = {
    title,
    required: ordered(required),
    preferred: ordered(preferred),
    warnings,
  };
  const seniority = SENIORITY_RULES.find(([, pattern]) => pattern.test(title))?.[0];
  if (seniority) spec.seniority = seniority;
  const skillYears = [...required.values()].map((requirement) => requirement.minYears ?? 0);
  const minYears = Math.max(0, ...overallYears.filter((years) => years <= 20), ...skillYears);
  if (minYears > 0) spec.minYears = minYears;
  if (!spec.seniority && spec.minYears !== undefined) {
    spec.seniority =
      spec.minYears >= 8 ? 'lead' : spec.minYears >= 5 ? 'senior' : spec.minYears >= 2 ? 'mid' : 'junior';
  }
  const requiredDegrees = degreeMentions.filter((mention) => mention.importance !== 'preferred');
  const degreePool = requiredDegrees.length > 0 ? requiredDegrees : degreeMentions;
  if (degreePool.length > 0) {
    spec.degree = degreePool.reduce<DegreeLevel>(
      (lowest, mention) =>
        DEGREE_ORDER.indexOf(mention.level) < DEGREE_ORDER.indexOf(lowest) ? mention.level : lowest,
      'doctorate',
    );
  }
  const labelledLocation = /^(?:location|based in|office|work location)\s*[:：]\s*(.+)$/im
    .exec(fullText)?.[1]
    ?.trim();
  const location = labelledLocation ?? findLocation(fullText);
  if (location) spec.location = location;
  if (/\b(?:hybrid)\b/i.test(fullText)) spec.remote = false;
  else if (
    /\b(?:fully remote|100% remote|remote[- ](?:first|friendly|ok)|work from home|wfh|remote position|remote role|remote\b)/i.test(
      fullText,
    )
  ) {
    spec.remote = !/\b(?:not remote|no remote|on[- ]?site only)\b/i.test(fullText);
  } else if (/\b(?:on[- ]?site|in[- ]office)\b/i.test(fullText)) spec.remote = false;
  const employmentType =
    EMPLOYMENT_TYPES.find(([, pattern]) => pattern.test(title))?.[0] ??
    EMPLOYMENT_TYPES.find(([type, pattern]) => type !== 'internship' && pattern.test(fullText))?.[0];
  if (employmentType) spec.employmentType = employmentType;
  if (spec.required.length === 0 && spec.preferred.length === 0) {
    warnings.push('No skills were recognised in this job description; matching will rely on the text alone.');
  }
  return spec;
}
