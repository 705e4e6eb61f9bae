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
  /** The first path segment after the screen, decoded: the record id of #/resume/<id>, #/job/<id>. */
  id: string | null;
  /** Every path segment after the screen, decoded (#/match/<resume>/<job>, #/ranking/job/<id>). */
  segments: string[];
  /** The query after `?` (#/ranking/job/<id>?must=Python&min=3): the screen's shareable state. */
  params: Record<string, string>;
}

const HOME: Route = { screen: 'library', id: null, segments: [], params: {} };

/**
 * Reads a location hash. Anything malformed (an unknown screen, an escape that cannot be decoded)
 * is the Library: a bad link never blanks the app.
 */
export function fromHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const path = queryAt >= 0 ? body.slice(0, queryAt) : body;
  const query = queryAt >= 0 ? body.slice(queryAt + 1) : '';
  const [name, ...rest] = path.split('/');
  if (!SCREENS.includes(name as ScreenName)) return { ...HOME, segments: [], params: {} };
  const segments: string[] = [];
  for (const part of rest) {
    if (part === '') continue;
    const decoded = safeDecode(part);
    // An id that cannot be decoded names no record: show the library rather than an empty page.
    if (decoded === null) return { ...HOME, segments: [], params: {} };
    segments.push(decoded);
  }
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return { screen: name as ScreenName, id: segments[0] ?? null, segments, params };
}

/** The hash of a route: segments encoded one by one, empty params left out, keys in a stable order. */
export function toHash(
  screen: ScreenName,
  segments: readonly string[] = [],
  params: Record<string, string> = {},
): string {
  const path = [screen, ...segments.map((segment) => encodeURIComponent(segment))].join('/');
  const query = new URLSearchParams(
    Object.entries(params)
      .filter(([, value]) => value !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ).toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

/** A malformed escape (`#/resume/%`) must not throw out of the router and blank the app. */
function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
