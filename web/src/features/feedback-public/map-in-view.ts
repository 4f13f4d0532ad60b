/**
 * What the public map shows, as a list a keyboard or a screen reader can use: the groups and
 * single reports drawn in the current view, nearest the centre first. Choosing a group zooms
 * into it; choosing a report opens it beside the map, as a click on the map does.
 */
import { TONES, URGENCY, type Tone } from './map-filters';

export type InViewItem =
  | { kind: 'cluster'; id: number; count: number; tone: Tone; lon: number; lat: number }
  | { kind: 'report'; code: string; tone: Tone; lon: number; lat: number };

/** The drawn features as MapLibre gives them (properties and point geometry). */
export interface DrawnFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown };
}

/** At most this many entries: the list is a way in, not a second map. */
export const IN_VIEW_LIMIT = 12;

const toneOfUrgency = (urgency: unknown): Tone =>
  TONES.find((tone) => URGENCY[tone] === urgency) ?? 'closed';

function itemOf(feature: DrawnFeature): InViewItem | null {
  if (feature.geometry.type !== 'Point' || !Array.isArray(feature.geometry.coordinates)) {
    return null;
  }
  const [lon, lat] = feature.geometry.coordinates as number[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return null;
  const p = feature.properties;
  if (typeof p.cluster_id === 'number' && typeof p.point_count === 'number') {
    return {
      kind: 'cluster',
      id: p.cluster_id,
      count: p.point_count,
      tone: toneOfUrgency(p.urgency),
      lon,
      lat,
    };
  }
  if (typeof p.code === 'string') {
    const tone = TONES.includes(p.tone as Tone) ? (p.tone as Tone) : 'closed';
    return { kind: 'report', code: p.code, tone, lon, lat };
  }
  return null;
}

const keyOf = (item: InViewItem): string =>
  item.kind === 'cluster' ? `c${item.id}` : `r${item.code}`;

/**
 * The entries for the drawn features: each group or report once (a feature on a tile edge
 * comes twice), nearest `centre` first, at most IN_VIEW_LIMIT.
 */
export function inViewItems(
  features: readonly DrawnFeature[],
  centre: { lon: number; lat: number },
): InViewItem[] {
  const seen = new Map<string, InViewItem>();
  for (const feature of features) {
    const item = itemOf(feature);
    if (item && !seen.has(keyOf(item))) seen.set(keyOf(item), item);
  }
  // Degrees of longitude shrink with latitude; near Vietnam's latitudes a plain scale is
  // enough to order by distance.
  const scale = Math.cos((centre.lat * Math.PI) / 180);
  const distance = (item: InViewItem) =>
    ((item.lon - centre.lon) * scale) ** 2 + (item.lat - centre.lat) ** 2;
  return [...seen.values()]
    .sort((a, b) => distance(a) - distance(b) || keyOf(a).localeCompare(keyOf(b)))
    .slice(0, IN_VIEW_LIMIT);
}

/** Whether two lists name the same entries in the same order (to skip needless renders). */
export function sameItems(a: readonly InViewItem[], b: readonly InViewItem[]): boolean {
  return a.length === b.length && a.every((item, i) => keyOf(item) === keyOf(b[i]!));
}

export { keyOf as inViewKey };
