/**
 * The map's style: no glyphs, no sprites, no external tiles unless configured, so it draws
 * with no network beyond the platform. Sea-coloured background, communes filled by kind,
 * outlines; hover and selection come from feature state. Names are shown in a popup and in
 * the side panel instead of map labels, which would need glyph files.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { Boundaries } from './boundaries';

export type MapTheme = 'light' | 'dark';

interface Palette {
  sea: string;
  ward: string;
  commune: string;
  specialZone: string;
  line: string;
  selectedLine: string;
}

export const PALETTES: Record<MapTheme, Palette> = {
  light: {
    sea: '#b9dcec',
    ward: '#f3d9a4',
    commune: '#cfe5b7',
    specialZone: '#f2b8a2',
    line: '#5b6b73',
    selectedLine: '#0b4f6c',
  },
  dark: {
    sea: '#0c1f2e',
    ward: '#3a6f8f',
    commune: '#2f6b4f',
    specialZone: '#8a4f3c',
    line: '#9fb8c8',
    selectedLine: '#ffd166',
  },
};

export const COMMUNE_SOURCE = 'communes';
export const COMMUNE_FILL = 'communes-fill';

export function mapStyle(
  data: Boundaries,
  tileUrl: string | null,
  theme: MapTheme,
): StyleSpecification {
  const palette = PALETTES[theme];
  const selected = ['boolean', ['feature-state', 'selected'], false];
  const hovered = ['boolean', ['feature-state', 'hover'], false];
  const baseOpacity = tileUrl ? 0.35 : 0.85;
  return {
    version: 8,
    sources: {
      [COMMUNE_SOURCE]: { type: 'geojson', data, promoteId: 'code' },
      ...(tileUrl
        ? { tiles: { type: 'raster' as const, tiles: [tileUrl], tileSize: 256, maxzoom: 19 } }
        : {}),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': palette.sea } },
      ...(tileUrl ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles' }] : []),
      {
        id: COMMUNE_FILL,
        type: 'fill',
        source: COMMUNE_SOURCE,
        paint: {
          'fill-color': [
            'match',
            ['get', 'kind'],
            'ward',
            palette.ward,
            'special_zone',
            palette.specialZone,
            palette.commune,
          ],
          'fill-opacity': ['case', selected, 1, hovered, 1, baseOpacity],
        },
      },
      {
        id: 'communes-outline',
        type: 'line',
        source: COMMUNE_SOURCE,
        paint: {
          'line-color': ['case', selected, palette.selectedLine, palette.line],
          'line-width': ['case', selected, 3, hovered, 2, 0.8],
        },
      },
    ],
  } as StyleSpecification;
}
