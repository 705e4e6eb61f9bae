/**
 * Hash-based navigation between the app's screens (works offline and from the PWA start_url).
 * Every screen's selection lives in the URL (#/match/<resume>/<job>, #/ranking/job/<id>?filters,
 * #/resume/<id>), so a view can be bookmarked, opened in another tab and restored by back/forward.
 */
import { fromHash, toHash, type Route, type ScreenName } from './route-hash';

export type { ScreenName } from './route-hash';

export class Router {
  #route = $state.raw<Route>(fromHash(location.hash));
  current = $derived(this.#route.screen);
  id = $derived(this.#route.id);
  segments = $derived(this.#route.segments);
  params = $derived(this.#route.params);

  constructor() {
    window.addEventListener('hashchange', () => {
      this.#route = fromHash(location.hash);
    });
  }

  /** A new history entry (what a link does). */
  go(screen: ScreenName, ...segments: string[]): void {
    location.hash = toHash(screen, segments);
  }

  /**
   * The current screen's state changed (a choice, a filter): the URL follows without a new history
   * entry, so Back leaves the screen instead of stepping through every keystroke.
   */
  replace(screen: ScreenName, segments: readonly string[], params: Record<string, string> = {}): void {
    const hash = toHash(screen, segments, params);
    if (hash === location.hash) return;
    history.replaceState(history.state, '', hash);
    this.#route = fromHash(hash);
  }
}

/** The page's one router. */
export const router = new Router();
