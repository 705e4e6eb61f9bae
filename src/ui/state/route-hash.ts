/** Parsing of the location hash into a route (plain TS, so it is unit-tested without Svelte). */
export type ScreenName =
  | 'library'
  | 'match'
  | 'ranking'
  | 'performance'
  | 'export'
  | 'settings'
  | 'resume'
  | 'job'
  | 'applications'
  | 'analytics'
  | 'ats';

const SCREENS: ScreenName[] = [
  'library',
  'match',
  'ranking',
  'performance',
  'export',
  'settings',
  'resume',
  'job',
  'applications',
  'analytics',
  'ats',
];

export interface Route {
  screen: ScreenName;
  /** The record id for detail screens (#/resume/<id>, #/job/<id>). */
  id: string | null;
}

export function fromHash(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/') as [ScreenName, string | undefined];
  if (!SCREENS.includes(name)) return { screen: 'library', id: null };
  if (!id) return { screen: name, id: null };
  const decoded = safeDecode(id);
  // An id that cannot be decoded names no record: show the library rather than an empty page.
  return decoded === null ? { screen: 'library', id: null } : { screen: name, id: decoded };
}

/** A malformed escape (`#/resume/%`) must not throw out of the router and blank the app. */
function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
