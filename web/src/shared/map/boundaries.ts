/**
 * The commune boundaries of the province (GET /api/geo/boundaries.geojson), the offline
 * base layer of every map, and the helpers the map and its text alternative share.
 */
import { useQuery } from '@tanstack/react-query';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { api, unwrap } from '../api/client';
import type { MessageKey } from '../i18n/translate';

export type CommuneKind = 'ward' | 'commune' | 'special_zone';

export interface CommuneProperties {
  code: string;
  name: string;
  nameEn: string;
  kind: CommuneKind;
}

export type CommuneFeature = Feature<Polygon | MultiPolygon, CommuneProperties>;
export type Boundaries = FeatureCollection<Polygon | MultiPolygon, CommuneProperties>;

export type Bounds = [west: number, south: number, east: number, north: number];

export const KIND_LABEL: Record<CommuneKind, MessageKey> = {
  ward: 'map.kindWard',
  commune: 'map.kindCommune',
  special_zone: 'map.kindSpecialZone',
};

export function useBoundaries(provinceCode: string) {
  return useQuery({
    queryKey: ['geo', 'boundaries', provinceCode],
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/geo/boundaries.geojson', { params: { query: { province: provinceCode } } }),
      )) as unknown as Boundaries,
    enabled: provinceCode !== '',
    // Boundaries change by law, not by the minute.
    staleTime: 24 * 60 * 60 * 1000,
  });
}

function extend(bounds: Bounds, rings: Position[][]): void {
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      if (lon === undefined || lat === undefined) continue;
      bounds[0] = Math.min(bounds[0], lon);
      bounds[1] = Math.min(bounds[1], lat);
      bounds[2] = Math.max(bounds[2], lon);
      bounds[3] = Math.max(bounds[3], lat);
    }
  }
}

/** The smallest lon/lat box around the features, or null when there is no geometry. */
export function boundsOf(features: readonly CommuneFeature[]): Bounds | null {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    const geometry = feature.geometry;
    if (geometry.type === 'Polygon') extend(bounds, geometry.coordinates);
    else for (const polygon of geometry.coordinates) extend(bounds, polygon);
  }
  return Number.isFinite(bounds[0]) ? bounds : null;
}

/** Lower case without diacritics, so "ha long" finds "Hạ Long" and "cam pha" finds "Cẩm Phả". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}
