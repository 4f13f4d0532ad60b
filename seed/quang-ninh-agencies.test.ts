import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/support/harness';
import { isAgencyCode } from '../src/kernel/agencies/agency-code';
import {
  DEMO_PROVINCE_COMMITTEE_CODE,
  DEMO_SERVICE_CENTER_CODE,
  demoAgencyIds,
  demoCommuneCommitteeId,
  loadQuangNinhAgencies,
} from './quang-ninh-agencies';

describe('Quảng Ninh demo agencies', () => {
  let t: TestContext;
  let ids: Map<string, string>;
  beforeAll(async () => {
    t = await createTestContext();
    ids = await loadQuangNinhAgencies(t.ctx.db);
  });
  afterAll(async () => t.close());

  it('has the committee, its bodies, the service center and 54 commune committees', async () => {
    const kinds = await sql<{ kind: string; n: number }>`
      SELECT kind, count(*) AS n FROM agency GROUP BY kind ORDER BY kind
    `.execute(t.ctx.db);
    expect(kinds.rows).toEqual([
      { kind: 'commune_committee', n: 54 },
      { kind: 'department', n: 13 },
      { kind: 'other', n: 2 },
      { kind: 'province_committee', n: 1 },
      { kind: 'public_service_center', n: 1 },
    ]);
    expect(ids.size).toBe(71);
    for (const code of ids.keys()) expect(isAgencyCode(code), code).toBe(true);
  });

  it('hangs everything under UBND tỉnh Quảng Ninh', async () => {
    const root = ids.get(DEMO_PROVINCE_COMMITTEE_CODE)!;
    const rows = await sql<{ parentless: number; under_root: number }>`
      SELECT count(*) FILTER (WHERE parent_id IS NULL) AS parentless,
             count(*) FILTER (WHERE parent_id = ${root} AND path = '/' || ${root} || '/' || id || '/') AS under_root
      FROM agency
    `.execute(t.ctx.db);
    expect(rows.rows[0]).toEqual({ parentless: 1, underRoot: 70 });
    const center = await sql<{
      name: string;
    }>`SELECT name FROM agency WHERE id = ${ids.get(DEMO_SERVICE_CENTER_CODE)!}`.execute(t.ctx.db);
    expect(center.rows[0]!.name).toBe('Trung tâm Phục vụ hành chính công tỉnh');
  });

  it('gives every commune-level unit its own People’s Committee, serving it', async () => {
    const served = await sql<{ code: string; name: string; committees: number }>`
      SELECT c.code, min(a.name) AS name, count(a.id) AS committees
      FROM admin_commune c
      LEFT JOIN agency_commune ac ON ac.commune_code = c.code
      LEFT JOIN agency a ON a.id = ac.agency_id AND a.kind = 'commune_committee'
      WHERE c.province_code = '22'
      GROUP BY c.code ORDER BY c.code
    `.execute(t.ctx.db);
    expect(served.rows).toHaveLength(54);
    expect(served.rows.every((r) => r.committees === 1)).toBe(true);
    const names = new Map(served.rows.map((r) => [r.code, r.name]));
    expect(names.get('06688')).toBe('UBND phường Hạ Long');
    expect(names.get('06724')).toBe('UBND xã Hải Sơn');
    expect(names.get('06994')).toBe('UBND đặc khu Vân Đồn');
    expect(names.get('07192')).toBe('UBND đặc khu Cô Tô');
    const haLong = await demoCommuneCommitteeId(t.ctx.db, '06688');
    expect(haLong).toBe(ids.get('000.00.37.H49'));
  });

  it('loads once: a second run changes nothing and returns the same ids', async () => {
    const again = await loadQuangNinhAgencies(t.ctx.db);
    expect(again).toEqual(ids);
    expect(await demoAgencyIds(t.ctx.db)).toEqual(ids);
    const total = await sql<{ n: number }>`SELECT count(*) AS n FROM agency`.execute(t.ctx.db);
    expect(total.rows[0]!.n).toBe(71);
  });
});
