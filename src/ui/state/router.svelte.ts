/** Hash-based navigation between the app's screens (works offline and from the PWA start_url). */
import { fromHash } from './route-hash';

export type { ScreenName } from './route-hash';
import type { Route, ScreenName } from './route-hash';

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
