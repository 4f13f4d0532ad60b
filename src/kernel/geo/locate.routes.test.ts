import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { locateCommuneSql } from './geo.queries';

describe('GET /api/geo/locate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const locate = (lat: number | string, lon: number | string, extra = '') =>
    t.app.inject({ method: 'GET', url: `/api/geo/locate?lat=${lat}&lon=${lon}${extra}` });

  /** A point the geometry itself guarantees to be inside the unit. */
  async function pointInside(code: string): Promise<{ lat: number; lon: number }> {
    const result = await sql<{ lat: number; lon: number }>`
      SELECT ST_Y(ST_PointOnSurface(boundary)) AS lat, ST_X(ST_PointOnSurface(boundary)) AS lon
      FROM admin_commune WHERE code = ${code}
    `.execute(t.ctx.db);
    return result.rows[0]!;
  }

  it.each([
    ['06688', 'Phường Hạ Long', 'ward'],
    ['06793', 'Phường Cẩm Phả', 'ward'],
    ['06712', 'Phường Móng Cái 1', 'ward'],
    ['06994', 'Đặc khu Vân Đồn', 'special_zone'],
    ['07192', 'Đặc khu Cô Tô', 'special_zone'],
    ['06838', 'Xã Bình Liêu', 'commune'],
  ])('finds %s (%s) from a point inside it', async (code, fullName, kind) => {
    const { lat, lon } = await pointInside(code);
    const res = await locate(lat, lon);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      commune: {
        code,
        name: fullName.replace(/^(Phường|Xã|Đặc khu) /, ''),
        nameEn: expect.any(String),
        fullName,
        kind,
      },
      province: { code: '22', name: 'Quảng Ninh' },
    });
  });

  it('finds every one of the 54 Quảng Ninh units from a point inside it', async () => {
    const units = await sql<{ code: string; lat: number; lon: number }>`
      SELECT code, ST_Y(ST_PointOnSurface(boundary)) AS lat, ST_X(ST_PointOnSurface(boundary)) AS lon
      FROM admin_commune WHERE province_code = '22' ORDER BY code
    `.execute(t.ctx.db);
    expect(units.rows).toHaveLength(54);
    for (const unit of units.rows) {
      const res = await locate(unit.lat, unit.lon);
      expect(res.json().commune?.code, `unit ${unit.code}`).toBe(unit.code);
    }
  });

  // Real places, with the distance to the unit's border checked against the boundary itself,
  // so the expectation does not rest on a point that sits on the line.
  it.each([
    [
      'Hạ Long centre, 30/10 Square by the Quảng Ninh Museum',
      20.9505,
      107.0858,
      '06685',
      'Phường Hồng Gai',
    ],
    ['central Móng Cái', 21.525, 107.97, '06712', 'Phường Móng Cái 1'],
  ])('places %s in the right ward', async (_place, lat, lon, code, fullName) => {
    const margin = await sql<{ metres: number }>`
      SELECT ST_Distance(
        ST_Boundary(boundary)::geography,
        ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)::geography
      ) AS metres
      FROM admin_commune WHERE code = ${code}
    `.execute(t.ctx.db);
    expect(margin.rows[0]!.metres).toBeGreaterThan(200);

    const res = await locate(lat, lon);
    expect(res.statusCode).toBe(200);
    expect(res.json().commune).toMatchObject({ code, fullName });
  });

  it('answers 404 GEO_OUTSIDE_COVERAGE for a point at sea in the Gulf of Tonkin', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/geo/locate?lat=20.4&lon=107.6',
      headers: { 'x-request-id': 'sea-1' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'GEO_OUTSIDE_COVERAGE',
        message: 'No commune of the covered area contains this point.',
        details: { lat: 20.4, lon: 107.6 },
      },
      requestId: 'sea-1',
    });
  });

  it('answers 404 for a point on land outside the covered province (Hà Nội)', async () => {
    const res = await locate(21.0285, 105.8542);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('GEO_OUTSIDE_COVERAGE');
  });

  it.each([
    ['latitude above 90', 91, 107, 'querystring.lat'],
    ['latitude below -90', -90.5, 107, 'querystring.lat'],
    ['longitude above 180', 21, 180.01, 'querystring.lon'],
    ['longitude below -180', 21, -181, 'querystring.lon'],
    ['a latitude that is not a number', 'abc', 107, 'querystring.lat'],
  ])('refuses %s with 400 naming the field', async (_case, lat, lon, field) => {
    const res = await locate(lat, lon);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses a missing coordinate and unknown parameters', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/geo/locate?lat=21' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toContainEqual({
      field: 'querystring.lon',
      message: 'is required',
    });
    const unknown = await locate(21, 107, '&radius=5');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual({
      field: 'querystring.radius',
      message: 'unknown field',
    });
  });

  it('exports the very query the route runs, usable by a bare database client', async () => {
    const { lat, lon } = await pointInside('06688');
    const query = locateCommuneSql(lat, lon);
    let rows: unknown[];
    if (t.testDb.url) {
      const client = new pg.Client({ connectionString: t.testDb.url });
      await client.connect();
      rows = (await client.query(query)).rows;
      await client.end();
    } else {
      rows = (await t.testDb.database.pglite!.query(query.text, query.values)).rows;
    }
    expect(rows).toEqual([
      {
        code: '06688',
        name: 'Hạ Long',
        nameEn: 'Ha Long',
        fullName: 'Phường Hạ Long',
        kind: 'ward',
        provinceCode: '22',
        provinceName: 'Quảng Ninh',
      },
    ]);
  });
});
