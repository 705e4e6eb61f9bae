/**
 * JSON Resume (https://jsonresume.org, schema 1.0, plus the older `company` / `website` keys of
 * work entries) in and out.
 *
 * In: a picked `.json` file is parsed and checked (a Shortlist backup is recognised and refused
 * with a pointer to Restore); its fields become the Profile directly — no heuristics — and a
 * readable text rendering of it becomes the ParsedDocument, so search, scoring and evidence
 * highlighting work on it like on any other resume. Every field's provenance points at its line.
 * Out: any Profile → a JSON Resume object.
 *
 * The file is untrusted: only strings are taken, every string is trimmed and length-capped, and
 * nothing is ever rendered as HTML.
 */
import type {
  EducationEntry,
  ParsedDocument,
  Profile,
  Provenance,
  SectionSpan,
  SkillMention,
  WorkEntry,
} from '../domain';
import { ParseError } from '../errors';
import { mergedYears } from '../extract/dates';
import { buildDocument, type LineDraft } from '../parse/text';
import { canonicalSkill, skillKind } from '../taxonomy';
import { BUNDLE_FORMAT } from './bundle-schema';

export const JSON_RESUME_SCHEMA =
  'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

/** Longest string kept from one field (a resume field longer than this is not a field). */
const MAX_FIELD_CHARS = 5_000;
/** Most entries kept per list. */
const MAX_ENTRIES = 500;

type JsonObject = Record<string, unknown>;

export interface JsonResume {
  $schema?: string;
  basics?: {
    name?: string;
    label?: string;
    email?: string;
    phone?: string;
    url?: string;
    summary?: string;
    location?: {
      address?: string;
      city?: string;
      region?: string;
      postalCode?: string;
      countryCode?: string;
    };
    profiles?: { network?: string; username?: string; url?: string }[];
  };
  work?: {
    name?: string;
    position?: string;
    location?: string;
    url?: string;
    startDate?: string;
    endDate?: string;
    summary?: string;
    highlights?: string[];
  }[];
  education?: {
    institution?: string;
    area?: string;
    studyType?: string;
    startDate?: string;
    endDate?: string;
    score?: string;
  }[];
  skills?: { name?: string; level?: string; keywords?: string[] }[];
  projects?: { name?: string; description?: string }[];
  certificates?: { name?: string; issuer?: string; date?: string }[];
  languages?: { language?: string; fluency?: string }[];
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD_CHARS);
  return trimmed === '' ? undefined : trimmed;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value.slice(0, MAX_ENTRIES) : [];
}

function strings(value: unknown): string[] {
  return list(value)
    .map(text)
    .filter((item): item is string => item !== undefined);
}

/** Only the defined keys, so the result stays small and structured-clone clean. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** Does this parsed JSON look like a JSON Resume at all? */
function looksLikeJsonResume(value: JsonObject): boolean {
  if (typeof value.$schema === 'string' && /jsonresume|resume-schema/i.test(value.$schema)) return true;
  return (
    ['basics', 'work', 'education', 'skills'].some((key) => key in value) &&
    (isObject(value.basics) || Array.isArray(value.work) || Array.isArray(value.education))
  );
}

/**
 * Parse and check a JSON Resume file's text. Throws ParseError: corrupt-file (not valid JSON),
 * backup-file (a Shortlist export bundle) or not-json-resume (valid JSON, something else).
 */
export function readJsonResume(raw: string, fileName: string): JsonResume {
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ParseError(
      'corrupt-file',
      `“${fileName}” is not valid JSON (${detail}), so nothing was added. Export the JSON Resume again, ` +
        'or fix the file in a text editor.',
      { cause: error },
    );
  }
  if (isObject(value) && value.format === BUNDLE_FORMAT) {
    throw new ParseError(
      'backup-file',
      `“${fileName}” is a Shortlist backup, not a resume, so it was not added as one. ` +
        'To bring a backup back, use Export → Restore.',
    );
  }
  if (!isObject(value) || !looksLikeJsonResume(value)) {
    throw new ParseError(
      'not-json-resume',
      `“${fileName}” is a JSON file but not a JSON Resume (no "basics", "work" or "education"), so ` +
        'nothing was added. Supported formats: PDF, DOCX, TXT, Markdown and JSON Resume.',
    );
  }
  const basics = isObject(value.basics) ? value.basics : {};
  const location = isObject(basics.location) ? basics.location : {};
  const resume: JsonResume = {
    basics: compact({
      name: text(basics.name),
      label: text(basics.label),
      email: text(basics.email),
      phone: text(basics.phone),
      url: text(basics.url) ?? text(basics.website),
      summary: text(basics.summary),
      location: compact({
        address: text(location.address),
        city: text(location.city),
        region: text(location.region),
        postalCode: text(location.postalCode),
        countryCode: text(location.countryCode),
      }),
      profiles: list(basics.profiles)
        .filter(isObject)
        .map((profile) =>
          compact({
            network: text(profile.network),
            username: text(profile.username),
            url: text(profile.url),
          }),
        ),
    }),
    // Schema 0.x wrote work entries as { company, website }; 1.0 as { name, url }.
    work: list(value.work)
      .filter(isObject)
      .map((entry) =>
        compact({
          name: text(entry.name) ?? text(entry.company),
          position: text(entry.position),
          location: text(entry.location),
          url: text(entry.url) ?? text(entry.website),
          startDate: text(entry.startDate),
          endDate: text(entry.endDate),
          summary: text(entry.summary) ?? text(entry.description),
          highlights: strings(entry.highlights),
        }),
      ),
    education: list(value.education)
      .filter(isObject)
      .map((entry) =>
        compact({
          institution: text(entry.institution),
          area: text(entry.area),
          studyType: text(entry.studyType),
          startDate: text(entry.startDate),
          endDate: text(entry.endDate),
          score: text(entry.score) ?? text(entry.gpa),
        }),
      ),
    skills: list(value.skills)
      .filter(isObject)
      .map((skill) =>
        compact({ name: text(skill.name), level: text(skill.level), keywords: strings(skill.keywords) }),
      ),
    projects: list(value.projects)
      .filter(isObject)
      .map((project) => compact({ name: text(project.name), description: text(project.description) })),
    certificates: list(value.certificates)
      .filter(isObject)
      .map((certificate) =>
        compact({
          name: text(certificate.name),
          issuer: text(certificate.issuer),
          date: text(certificate.date),
        }),
      ),
    languages: list(value.languages)
      .filter(isObject)
      .map((language) => compact({ language: text(language.language), fluency: text(language.fluency) })),
  };
  if (typeof value.$schema === 'string') resume.$schema = value.$schema;
  return resume;
}

/** "2020-01-15" / "2020-01" / "2020" → "2020-01" / "2020"; anything else is dropped. */
function toProfileDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^(present|current|now)$/i.test(value)) return 'present';
  const match = /^(\d{4})(?:-(\d{1,2}))?/.exec(value);
  if (!match) return undefined;
  return match[2] ? `${match[1]}-${match[2].padStart(2, '0')}` : match[1];
}

function locationText(location: NonNullable<JsonResume['basics']>['location']): string | undefined {
  if (!location) return undefined;
  const parts = [location.address, location.city, location.region, location.countryCode].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function dateSpan(start: string | undefined, end: string | undefined): string | undefined {
  if (!start && !end) return undefined;
  return `${start ?? ''} – ${end === 'present' || (!end && start) ? 'Present' : (end ?? '')}`.trim();
}

/**
 * The Profile and the readable document come from one walk over the resume, so every field's
 * line index is the line that shows it.
 */
export function profileFromJsonResume(
  resume: JsonResume,
  now = new Date(),
): { document: ParsedDocument; profile: Profile } {
  const drafts: LineDraft[] = [];
  const provenance: Record<string, Provenance> = {};
  const sections: SectionSpan[] = [];
  const add = (draft: LineDraft, field?: string): number => {
    drafts.push(draft);
    const line = drafts.length - 1;
    if (field) provenance[field] = { line, confidence: 1, source: 'import' };
    return line;
  };
  const section = (name: string, heading: string, body: () => void): void => {
    const headingLine = add({ text: heading, heading: true, bold: true });
    body();
    if (drafts.length - 1 > headingLine)
      sections.push({ name, heading, startLine: headingLine + 1, endLine: drafts.length - 1 });
    else drafts.pop();
  };

  const basics = resume.basics ?? {};
  const location = locationText(basics.location);
  if (basics.name) add({ text: basics.name, bold: true, fontSize: 20 }, 'basics.name');
  if (basics.label) add({ text: basics.label }, 'basics.label');
  if (basics.email) add({ text: basics.email }, 'basics.email');
  if (basics.phone) add({ text: basics.phone }, 'basics.phone');
  if (basics.url) add({ text: basics.url }, 'basics.url');
  if (location) add({ text: location }, 'basics.location');
  const profiles = (basics.profiles ?? [])
    .filter((profile) => profile.url || profile.username)
    .map((profile) => ({
      network: profile.network ?? '',
      url: profile.url ?? '',
      ...(profile.username ? { username: profile.username } : {}),
    }));
  for (const profile of profiles)
    add({ text: [profile.network, profile.url || profile.username].filter(Boolean).join(': ') });
  if (basics.summary) section('summary', 'Summary', () => add({ text: basics.summary ?? '' }));

  const work: WorkEntry[] = [];
  section('experience', 'Experience', () => {
    for (const entry of resume.work ?? []) {
      if (!entry.name && !entry.position) continue;
      const index = work.length;
      const line = add(
        { text: [entry.position, entry.name].filter(Boolean).join(', '), bold: true },
        `work.${index}.position`,
      );
      provenance[`work.${index}.company`] = { line, confidence: 1, source: 'import' };
      const startDate = toProfileDate(entry.startDate);
      // JSON Resume leaves endDate out for a current role.
      const endDate = toProfileDate(entry.endDate) ?? (startDate ? 'present' : undefined);
      const span = [dateSpan(startDate, endDate), entry.location].filter(Boolean).join(' · ');
      if (span) add({ text: span }, `work.${index}.dates`);
      const highlights = [...(entry.summary ? [entry.summary] : []), ...(entry.highlights ?? [])];
      for (const highlight of entry.highlights ?? []) add({ text: highlight, bullet: true });
      if (entry.summary) add({ text: entry.summary });
      work.push(
        compact({
          company: entry.name ?? '',
          position: entry.position ?? '',
          location: entry.location,
          startDate,
          endDate,
          highlights,
          line,
        }),
      );
    }
  });

  const education: EducationEntry[] = [];
  section('education', 'Education', () => {
    for (const entry of resume.education ?? []) {
      if (!entry.institution) continue;
      const index = education.length;
      const line = add({ text: entry.institution, bold: true }, `education.${index}.institution`);
      const degree = [entry.studyType, entry.area].filter(Boolean).join(' in ');
      const startDate = toProfileDate(entry.startDate);
      const endDate = toProfileDate(entry.endDate);
      const details = [degree, dateSpan(startDate, endDate), entry.score].filter(Boolean).join(' · ');
      if (details) add({ text: details });
      education.push(
        compact({
          institution: entry.institution,
          studyType: entry.studyType,
          area: entry.area,
          startDate,
          endDate,
          score: entry.score,
          line,
        }),
      );
    }
  });

  const skills: SkillMention[] = [];
  const seenSkills = new Set<string>();
  section('skills', 'Skills', () => {
    for (const skill of resume.skills ?? []) {
      const names = [...(skill.name ? [skill.name] : []), ...(skill.keywords ?? [])];
      if (names.length === 0) continue;
      const line = add({
        text:
          skill.name && skill.keywords?.length
            ? `${skill.name}: ${skill.keywords.join(', ')}`
            : names.join(', '),
      });
      for (const surface of names) {
        const canonical = canonicalSkill(surface);
        const name = canonical ?? surface;
        if (seenSkills.has(name.toLowerCase())) continue;
        seenSkills.add(name.toLowerCase());
        const kind = canonical ? skillKind(canonical) : undefined;
        skills.push({ name, surface, known: canonical !== undefined, ...(kind ? { kind } : {}), line });
      }
    }
  });

  const projects: Profile['projects'] = [];
  section('projects', 'Projects', () => {
    for (const project of resume.projects ?? []) {
      if (!project.name) continue;
      const line = add({ text: project.name, bold: true });
      if (project.description) add({ text: project.description });
      projects.push({
        name: project.name,
        ...(project.description ? { description: project.description } : {}),
        line,
      });
    }
  });
  const certificates: Profile['certificates'] = [];
  section('certifications', 'Certificates', () => {
    for (const certificate of resume.certificates ?? []) {
      if (!certificate.name) continue;
      const line = add({
        text: [certificate.name, certificate.issuer, certificate.date].filter(Boolean).join(' · '),
      });
      certificates.push({ name: certificate.name, line });
    }
  });
  const languages: Profile['languages'] = [];
  section('languages', 'Languages', () => {
    for (const language of resume.languages ?? []) {
      if (!language.language) continue;
      const line = add({ text: [language.language, language.fluency].filter(Boolean).join(' — ') });
      languages.push({
        language: language.language,
        ...(language.fluency ? { fluency: language.fluency } : {}),
        line,
      });
    }
  });

  const links = [basics.url, ...profiles.map((profile) => profile.url)].filter(
    (link): link is string => typeof link === 'string' && /^https?:\/\//i.test(link),
  );
  const document = buildDocument('json', drafts, { links });
  const profile: Profile = {
    basics: compact({
      name: basics.name,
      label: basics.label,
      email: basics.email,
      phone: basics.phone,
      url: basics.url,
      location,
      profiles,
    }),
    work,
    education,
    skills,
    projects,
    certificates,
    languages,
    sections,
    totalYears: mergedYears(
      work.map((entry) => ({ start: entry.startDate, end: entry.endDate })),
      now,
    ),
    provenance,
    // The person's own structured data: nothing was guessed.
    confidence: 1,
    warnings: [],
  };
  return { document, profile };
}

/** Profile date → JSON Resume date ("present" is an absent endDate). */
function toJsonDate(value: string | undefined): string | undefined {
  return value && value !== 'present' ? value : undefined;
}

/** "Lyon, France" → { city: "Lyon", region: "France" }; one part → { city }. */
function toJsonLocation(location: string | undefined): NonNullable<JsonResume['basics']>['location'] {
  if (!location) return undefined;
  const comma = location.indexOf(',');
  if (comma < 0) return { city: location };
  return { city: location.slice(0, comma).trim(), region: location.slice(comma + 1).trim() };
}

/** The text of the resume's summary section, when the document has one. */
function summaryOf(
  profile: Profile,
  document: Pick<ParsedDocument, 'lines'> | undefined,
): string | undefined {
  const section = profile.sections.find((span) => span.name === 'summary');
  if (!section || !document) return undefined;
  const text = document.lines
    .slice(section.startLine, section.endLine + 1)
    .map((line) => line.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

/**
 * Any resume's Profile → a JSON Resume (schema 1.0) object, ready for JSON.stringify. The
 * parsed document, when given, supplies the summary (the profile keeps only its section span).
 */
export function profileToJsonResume(profile: Profile, document?: Pick<ParsedDocument, 'lines'>): JsonResume {
  const basics = profile.basics;
  return {
    $schema: JSON_RESUME_SCHEMA,
    basics: compact({
      name: basics.name,
      label: basics.label,
      email: basics.email,
      phone: basics.phone,
      url: basics.url,
      summary: summaryOf(profile, document),
      location: toJsonLocation(basics.location),
      profiles: basics.profiles.map((item) =>
        compact({ network: item.network, url: item.url, username: item.username }),
      ),
    }),
    work: profile.work.map((entry) =>
      compact({
        name: entry.company || undefined,
        position: entry.position || undefined,
        location: entry.location,
        startDate: entry.startDate === 'present' ? undefined : entry.startDate,
        endDate: toJsonDate(entry.endDate),
        highlights: entry.highlights,
      }),
    ),
    education: profile.education.map((entry) =>
      compact({
        institution: entry.institution,
        area: entry.area,
        studyType: entry.studyType,
        startDate: toJsonDate(entry.startDate),
        endDate: toJsonDate(entry.endDate),
        score: entry.score,
      }),
    ),
    skills: profile.skills.map((skill) => ({ name: skill.name })),
    projects: profile.projects.map((project) =>
      compact({ name: project.name, description: project.description }),
    ),
    certificates: profile.certificates.map((certificate) => ({ name: certificate.name })),
    languages: profile.languages.map((language) =>
      compact({ language: language.language, fluency: language.fluency }),
    ),
  };
}
