import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/support/harness';
import { loadAdminUnits } from './admin-units';

describe('administrative units reference data', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.close());

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    (await query.execute(t.ctx.db)).rows[0]!.n;

  it('holds all 34 provinces and 3,321 commune-level units', async () => {
    expect(await count(sql`SELECT count(*) AS n FROM admin_province`)).toBe(34);
    expect(await count(sql`SELECT count(*) AS n FROM admin_commune`)).toBe(3321);
    const kinds = await sql<{ kind: string; n: number }>`
      SELECT kind, count(*) AS n FROM admin_commune GROUP BY kind ORDER BY kind
    `.execute(t.ctx.db);
    expect(kinds.rows).toEqual([
      { kind: 'commune', n: 2611 },
      { kind: 'special_zone', n: 13 },
      { kind: 'ward', n: 697 },
    ]);
  });

  it('holds the 54 units of Quảng Ninh with valid boundaries, and no others', async () => {
    const units = await sql<{ n: number; bounded: number; valid: number }>`
      SELECT count(*) AS n, count(boundary) AS bounded,
             count(*) FILTER (WHERE ST_IsValid(boundary)) AS valid
      FROM admin_commune WHERE province_code = '22'
    `.execute(t.ctx.db);
    expect(units.rows[0]).toEqual({ n: 54, bounded: 54, valid: 54 });
    expect(
      await count(sql`SELECT count(boundary) AS n FROM admin_commune WHERE province_code <> '22'`),
    ).toBe(0);
    const province = await sql<{ srid: number; type: string; area: number }>`
      SELECT ST_SRID(boundary) AS srid, GeometryType(boundary) AS type, area_km2 AS area
      FROM admin_province WHERE code = '22'
    `.execute(t.ctx.db);
    expect(province.rows[0]).toEqual({ srid: 4326, type: 'MULTIPOLYGON', area: 6207.95 });
  });

  it('skips a re-run over identical data, and repairs a damaged table', async () => {
    expect(await loadAdminUnits(t.ctx.db)).toEqual({
      provinces: 34,
      communes: 3321,
      provinceBoundaries: 1,
      communeBoundaries: 54,
      loaded: false,
    });

    await sql`UPDATE admin_commune SET boundary = NULL, name = 'sai' WHERE code = '06688'`.execute(
      t.ctx.db,
    );
    expect((await loadAdminUnits(t.ctx.db)).loaded).toBe(true);
    const repaired = await sql<{ name: string; bounded: boolean }>`
      SELECT name, boundary IS NOT NULL AS bounded FROM admin_commune WHERE code = '06688'
    `.execute(t.ctx.db);
    expect(repaired.rows[0]).toEqual({ name: 'Hạ Long', bounded: true });
  });
});
