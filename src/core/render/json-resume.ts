/**
 * A resume version as JSON Resume (https://jsonresume.org/schema, v1.0.0): the same fields the
 * PDF and DOCX templates print. Written here because no JSON Resume exporter existed in
 * src/core/export when this was built; if one lands there, this should delegate to it.
 */
import type { ParsedDocument, Profile } from '../domain';

export interface JsonResume {
  $schema: string;
  basics: {
    name?: string;
    label?: string;
    email?: string;
    phone?: string;
    url?: string;
    summary?: string;
    location?: { address: string };
    profiles: { network: string; url: string; username?: string }[];
  };
  work: {
    name: string;
    position: string;
    location?: string;
    startDate?: string;
    endDate?: string;
    highlights: string[];
  }[];
  education: {
    institution: string;
    studyType?: string;
    area?: string;
    startDate?: string;
    endDate?: string;
    score?: string;
  }[];
  skills: { name: string }[];
  certificates: { name: string }[];
  languages: { language: string; fluency?: string }[];
  projects: { name: string; description?: string }[];
}

/** JSON Resume dates are ISO 8601 ("2020-01"); an open end is simply left out. */
function date(value: string | undefined): string | undefined {
  return value && value !== 'present' ? value : undefined;
}

function optional<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export function toJsonResume(profile: Profile, document?: ParsedDocument): JsonResume {
  const summarySection = profile.sections.find((section) => section.name === 'summary');
  const summary =
    summarySection && document
      ? document.lines
          .slice(summarySection.startLine, summarySection.endLine + 1)
          .map((line) => line.text)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim()
      : undefined;
  const { basics } = profile;
  return {
    $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    basics: optional({
      name: basics.name,
      label: basics.label,
      email: basics.email,
      phone: basics.phone,
      url: basics.url,
      summary,
      location: basics.location ? { address: basics.location } : undefined,
      profiles: basics.profiles.map((p) =>
        optional({ network: p.network, url: p.url, username: p.username }),
      ),
    }),
    work: profile.work.map((entry) =>
      optional({
        name: entry.company,
        position: entry.position,
        location: entry.location,
        startDate: date(entry.startDate),
        endDate: date(entry.endDate),
        highlights: entry.highlights,
      }),
    ),
    education: profile.education.map((entry) =>
      optional({
        institution: entry.institution,
        studyType: entry.studyType,
        area: entry.area,
        startDate: date(entry.startDate),
        endDate: date(entry.endDate),
        score: entry.score,
      }),
    ),
    skills: [...new Set(profile.skills.map((skill) => skill.name))].map((name) => ({ name })),
    certificates: profile.certificates.map((certificate) => ({ name: certificate.name })),
    languages: profile.languages.map((language) =>
      optional({ language: language.language, fluency: language.fluency }),
    ),
    projects: profile.projects.map((project) =>
      optional({ name: project.name, description: project.description }),
    ),
  };
}
