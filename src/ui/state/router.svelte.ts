/** Hash-based navigation between the app's screens (works offline and from the PWA start_url). */
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

interface Route {
  screen: ScreenName;
  /** The record id for detail screens (#/resume/<id>, #/job/<id>). */
  id: string | null;
}

function fromHash(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/') as [ScreenName, string | undefined];
  if (!SCREENS.includes(name)) return { screen: 'library', id: null };
  return { screen: name, id: id ? decodeURIComponent(id) : null };
}

export class Router {
  #route = $state<Route>(fromHash(location.hash));
  current = $derived(this.#route.screen);
  id = $derived(this.#route.id);

  constructor() {
    window.addEventListener('hashchange', () => {
      this.#route = fromHash(location.hash);
    });
  }

  go(screen: ScreenName, id?: string): void {
    location.hash = id ? `#/${screen}/${encodeURIComponent(id)}` : `#/${screen}`;
  }
}
