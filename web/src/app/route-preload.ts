/**
 * What the page the address opens straight into needs, started the moment the entry runs
 * instead of after React, the router and the area's code have booted: the code of heavy
 * pages (MapLibre is a megabyte) and the data they show (the API client takes those answers,
 * see shared/api/early-responses). Code and data then download side by side with the app,
 * and the public map draws about a second sooner on a cold load. Navigating inside the app
 * is unchanged: the page's own imports and queries find the same chunks cached.
 *
 * Only small modules may be imported here: this file is part of the entry chunk.
 */
import { fetchEarly } from '../shared/api/early-responses';
import { feedQuery, mapFiltersFrom } from '../features/feedback-public/map-filters';

interface PublicConfig {
  provinceCode?: unknown;
}

/** The public map: MapLibre, the report feed, and the province's commune boundaries. */
function publicMap(search: URLSearchParams): void {
  void import('../features/feedback-public/PublicReportsMap').catch(() => undefined);
  const query = new URLSearchParams(feedQuery(mapFiltersFrom(search)));
  void fetchEarly(`/api/feedback/map?${query.toString()}`).catch(() => undefined);
  void fetchEarly('/api/config/public')
    // A copy is read here; the app reads the original when it asks for the settings.
    .then((response) => (response.ok ? (response.clone().json() as Promise<PublicConfig>) : null))
    .then((config) => {
      if (typeof config?.provinceCode !== 'string') return;
      const province = new URLSearchParams({ province: config.provinceCode });
      void fetchEarly(`/api/geo/boundaries.geojson?${province.toString()}`).catch(() => undefined);
    })
    // A failed early request is harmless: the page asks again and shows its own error.
    .catch(() => undefined);
}

const PRELOADS: ReadonlyArray<readonly [RegExp, (search: URLSearchParams) => void]> = [
  [/^\/phan-anh\/ban-do\/?$/, publicMap],
];

/** Starts what the page at `pathname` (with `search`) needs, if it is worth starting early. */
export function preloadRoute(pathname: string, search: string): void {
  for (const [pattern, preload] of PRELOADS) {
    if (pattern.test(pathname)) preload(new URLSearchParams(search));
  }
}
