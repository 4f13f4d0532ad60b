import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { locateCommune } from './geo.queries';

describe('commune boundaries cut into pieces for lookup', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.close());

  it('cover every loaded boundary exactly, in pieces of at most 128 vertices', async () => {
    const result = await sql<{ code: string; pieces: number; most: number; gap: number }>`
      SELECT c.code, count(*)::int AS pieces, max(ST_NPoints(p.piece)) AS most,
             abs(ST_Area(c.boundary) - sum(ST_Area(p.piece))) / ST_Area(c.boundary) AS gap
      FROM admin_commune c JOIN admin_commune_piece p ON p.commune_code = c.code
      GROUP BY c.code, c.boundary
    `.execute(t.ctx.db);
    const bounded = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM admin_commune WHERE boundary IS NOT NULL
    `.execute(t.ctx.db);
    // Quảng Ninh's 54 units, all cut.
    expect(result.rows).toHaveLength(54);
    expect(bounded.rows[0]!.n).toBe(54);
    for (const row of result.rows) {
      expect(row.most).toBeLessThanOrEqual(128);
      expect(row.gap).toBeLessThan(1e-9);
    }
    expect(result.rows.some((row) => row.pieces > 1)).toBe(true);
  });

  it('follow a boundary that is loaded again, so lookup finds the new shape', async () => {
    // A small square out at sea, south of Cô Tô, where no unit lies.
    const lat = 20.8;
    const lon = 107.9;
    expect(await locateCommune(t.ctx.db, lat, lon)).toBeNull();
    await sql`
      UPDATE admin_commune
      SET boundary = ST_Multi(ST_MakeEnvelope(107.89, 20.79, 107.91, 20.81, 4326))
      WHERE code = '07192'
    `.execute(t.ctx.db);
    expect((await locateCommune(t.ctx.db, lat, lon))?.commune.code).toBe('07192');
    const pieces = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM admin_commune_piece WHERE commune_code = '07192'
    `.execute(t.ctx.db);
    expect(pieces.rows[0]!.n).toBe(1);

    await sql`UPDATE admin_commune SET boundary = NULL WHERE code = '07192'`.execute(t.ctx.db);
    expect(await locateCommune(t.ctx.db, lat, lon)).toBeNull();
  });
});
