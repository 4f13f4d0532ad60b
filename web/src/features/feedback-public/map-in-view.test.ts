import { describe, expect, it } from 'vitest';
import { IN_VIEW_LIMIT, inViewItems, sameItems, type DrawnFeature } from './map-in-view';

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
const report = (code: string, lon: number, lat: number, tone = 'on_time'): DrawnFeature => ({
  properties: { code, tone, urgency: 1 },
  geometry: point(lon, lat),
});
const cluster = (id: number, count: number, urgency: number, lon: number, lat: number) => ({
  properties: { cluster: true, cluster_id: id, point_count: count, urgency },
  geometry: point(lon, lat),
});
const HA_LONG = { lon: 107.08, lat: 20.95 };

describe('the reports in the map view, as a list', () => {
  it('names groups with their most urgent colour and reports with theirs, nearest first', () => {
    const items = inViewItems(
      [
        report('PA-261121-FAR00', 107.5, 21.3, 'due_soon'),
        cluster(7, 120, 3, 107.09, 20.96),
        report('PA-261121-NEAR0', 107.081, 20.951, 'overdue'),
      ],
      HA_LONG,
    );
    expect(items).toEqual([
      { kind: 'report', code: 'PA-261121-NEAR0', tone: 'overdue', lon: 107.081, lat: 20.951 },
      { kind: 'cluster', id: 7, count: 120, tone: 'overdue', lon: 107.09, lat: 20.96 },
      { kind: 'report', code: 'PA-261121-FAR00', tone: 'due_soon', lon: 107.5, lat: 21.3 },
    ]);
  });

  it('lists a feature drawn on two tiles once, and at most a dozen entries', () => {
    const twice = [cluster(1, 5, 1, 107.1, 21), cluster(1, 5, 1, 107.1, 21)];
    expect(inViewItems(twice, HA_LONG)).toHaveLength(1);
    const many = Array.from({ length: 40 }, (_, i) => report(`PA-${i}`, 107 + i / 100, 21));
    expect(inViewItems(many, HA_LONG)).toHaveLength(IN_VIEW_LIMIT);
  });

  it('skips what it cannot name', () => {
    const odd: DrawnFeature[] = [
      { properties: {}, geometry: point(107, 21) },
      { properties: { code: 'PA-1' }, geometry: { type: 'LineString', coordinates: [] } },
    ];
    expect(inViewItems(odd, HA_LONG)).toEqual([]);
  });

  it('tells when two lists show the same entries', () => {
    const a = inViewItems([report('PA-1', 107, 21), cluster(2, 3, 0, 107.2, 21)], HA_LONG);
    const b = inViewItems([cluster(2, 3, 0, 107.2, 21), report('PA-1', 107, 21)], HA_LONG);
    expect(sameItems(a, b)).toBe(true);
    expect(sameItems(a, a.slice(1))).toBe(false);
  });
});
