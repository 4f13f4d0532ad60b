import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';

interface Feature {
  type: string;
  id: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

/** Every number of a GeoJSON coordinates array. */
function numbers(coordinates: unknown): number[] {
  return Array.isArray(coordinates) ? coordinates.flatMap(numbers) : [coordinates as number];
}

describe('GET /api/geo/boundaries.geojson', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('serves the 54 Quảng Ninh units as a simplified GeoJSON FeatureCollection', async () => {
    const res = await get('/api/geo/boundaries.geojson?province=22');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    const collection = res.json<{ type: string; features: Feature[] }>();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(54);
    const haLong = collection.features.find((f) => f.id === '06688')!;
    expect(haLong.type).toBe('Feature');
    expect(haLong.properties).toEqual({
      code: '06688',
      name: 'Hạ Long',
      nameEn: 'Ha Long',
      kind: 'ward',
    });
    for (const feature of collection.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      const values = numbers(feature.geometry.coordinates);
      expect(values.length).toBeGreaterThan(8);
      // Rounded to 5 decimals, and inside Quảng Ninh's bounding box.
      for (const value of values)
        expect(Math.abs(value * 1e5 - Math.round(value * 1e5))).toBeLessThan(1e-6);
    }
    const lons = collection.features.flatMap((f) =>
      numbers(f.geometry.coordinates).filter((_, i) => i % 2 === 0),
    );
    expect(Math.min(...lons)).toBeGreaterThan(106.3);
    expect(Math.max(...lons)).toBeLessThan(108.3);
    // Simplified: far lighter than the 4.4 MB source.
    expect(res.body.length).toBeLessThan(1_000_000);
  });

  it('answers 304 to a client that holds the current version, from the cache', async () => {
    const first = await get('/api/geo/boundaries.geojson?province=22');
    const etag = first.headers.etag as string;
    const again = await get('/api/geo/boundaries.geojson?province=22', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const weak = await get('/api/geo/boundaries.geojson?province=22', {
      'if-none-match': `"other", W/${etag}`,
    });
    expect(weak.statusCode).toBe(304);
    const stale = await get('/api/geo/boundaries.geojson?province=22', {
      'if-none-match': '"stale"',
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(first.body);
  });

  it('serves an empty collection for a province without boundaries, 404 for no province', async () => {
    const hanoi = await get('/api/geo/boundaries.geojson?province=01');
    expect(hanoi.statusCode).toBe(200);
    expect(hanoi.json()).toEqual({ type: 'FeatureCollection', features: [] });
    const none = await get('/api/geo/boundaries.geojson?province=99');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('GEO_PROVINCE_NOT_FOUND');
    const missing = await get('/api/geo/boundaries.geojson');
    expect(missing.statusCode).toBe(400);
  });
});
