/**
 * The filters of the public report map as they live in the address (`?status=all&
 * categoryCode=…`), and the colour each report takes: open reports by how close they are to
 * their deadline, closed ones in one quiet colour. Colours are never the only cue: the legend
 * says each in words with its count.
 */
import type { MessageKey } from '../../shared/i18n/translate';
import type { Lateness, MapFeed } from './public-api';

export type MapStatus = 'open' | 'all';

export interface MapFilters {
  status: MapStatus;
  categoryCode: string;
}

const CODE = /^[a-z0-9_]{2,40}$/;

export function mapFiltersFrom(params: URLSearchParams): MapFilters {
  const category = params.get('categoryCode') ?? '';
  return {
    status: params.get('status') === 'all' ? 'all' : 'open',
    categoryCode: CODE.test(category) ? category : '',
  };
}

export function mapParams(filters: MapFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status === 'all') search.set('status', 'all');
  if (filters.categoryCode) search.set('categoryCode', filters.categoryCode);
  return search;
}

/** The query of the map feed (GET /api/feedback/map) for these filters, in a fixed order. */
export function feedQuery(filters: MapFilters): { status: MapStatus; categoryCode?: string } {
  return {
    status: filters.status,
    ...(filters.categoryCode ? { categoryCode: filters.categoryCode } : {}),
  };
}

/** What a marker's colour says. */
export type Tone = Lateness | 'closed';

export const TONES: readonly Tone[] = ['on_time', 'due_soon', 'overdue', 'closed'];

// Dark enough to stand out on the light commune fills (at least 3:1 against them), and told
// apart by lightness as well as hue.
export const TONE_COLOR: Record<Tone, string> = {
  on_time: '#1d5fa8',
  due_soon: '#a35200',
  overdue: '#b0102a',
  closed: '#4a5a64',
};

export const TONE_LABEL: Record<Tone, MessageKey> = {
  on_time: 'feedbackPublic.map.onTime',
  due_soon: 'feedbackPublic.map.dueSoon',
  overdue: 'feedbackPublic.map.overdue',
  closed: 'feedbackPublic.map.closed',
};

const OPEN = new Set(['new', 'received', 'in_progress']);

/** How urgent each colour is: a cluster shows its most urgent report's colour. */
export const URGENCY: Record<Tone, number> = { closed: 0, on_time: 1, due_soon: 2, overdue: 3 };

export interface MarkerProperties {
  code: string;
  tone: Tone;
  urgency: number;
}

export interface Markers {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: number[] };
    properties: MarkerProperties;
  }[];
}

/**
 * The feed as markers. The tracking code moves into the properties because MapLibre keeps
 * only numeric feature ids, and a click must know which report it hit.
 */
export function markersOf(feed: MapFeed): { markers: Markers; counts: Record<Tone, number> } {
  const counts: Record<Tone, number> = { on_time: 0, due_soon: 0, overdue: 0, closed: 0 };
  const features = feed.features.map((feature) => {
    const tone: Tone = OPEN.has(feature.properties.status) ? feature.properties.lateness : 'closed';
    counts[tone]++;
    return {
      type: 'Feature' as const,
      geometry: feature.geometry,
      properties: { code: feature.id, tone, urgency: URGENCY[tone] },
    };
  });
  return { markers: { type: 'FeatureCollection', features }, counts };
}
