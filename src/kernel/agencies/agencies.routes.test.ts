import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import {
  DEMO_PROVINCE_COMMITTEE_CODE,
  loadQuangNinhAgencies,
} from '../../../seed/quang-ninh-agencies';
import { ManualClock } from '../clock';
import { browser, createTestUser, signInStaff } from '../auth/testing';

describe('agencies API', () => {
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let t: TestApp;
  let ids: Map<string, string>;
  let departmentAdmin: Record<string, string>;
  let provinceAdmin: Record<string, string>;
  let officer: Record<string, string>;
  const id = (code: string) => ids.get(code)!;
  const ROOT = DEMO_PROVINCE_COMMITTEE_CODE;
  const CONSTRUCTION = '000.00.04.H49';
  const HA_LONG = '000.00.37.H49';
  const CO_TO = '000.00.84.H49';

  beforeAll(async () => {
    t = await createTestApp({ clock });
    ids = await loadQuangNinhAgencies(t.ctx.db);
    const staff = async (email: string, agency: string, role: string) => {
      const account = await createTestUser(t.ctx, {
        email,
        agencyId: id(agency),
        roles: [role],
      });
      return browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
    };
    departmentAdmin = await staff('quantri.xd@example.vn', CONSTRUCTION, 'agency_admin');
    provinceAdmin = await staff('quantri.tinh@example.vn', ROOT, 'province_admin');
    officer = await staff('canbo@example.vn', HA_LONG, 'officer');
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const post = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/agencies', headers, payload });
  const patch = (headers: Record<string, string>, agencyId: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/agencies/${agencyId}`, headers, payload });

  it('lists agencies by name, searching without diacritics', async () => {
    for (const q of ['so xay dung', 'Sở Xây dựng', 'SO XAY DUNG', 'construction']) {
      const res = await get(`/api/agencies?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((a: { code: string }) => a.code)).toEqual([CONSTRUCTION]);
    }
    const wards = (await get('/api/agencies?q=ubnd%20phuong&pageSize=10')).json();
    expect(wards.total).toBe(30);
    expect(wards.items).toHaveLength(10);
    expect(wards.items[0]).toEqual({
      id: expect.any(String),
      code: expect.stringMatching(/\.H49$/),
      name: 'UBND phường An Sinh',
      nameEn: "People's Committee of An Sinh Ward",
      kind: 'commune_committee',
      parentId: id(ROOT),
      active: true,
      depth: 1,
    });
  });

  it('filters by kind and by the commune served', async () => {
    const communes = (await get('/api/agencies?kind=commune_committee&pageSize=100')).json();
    expect(communes.total).toBe(54);
    const byCommune = (await get('/api/agencies?communeCode=06994')).json();
    expect(byCommune.items.map((a: { name: string }) => a.name)).toEqual(['UBND đặc khu Vân Đồn']);
    const departments = (await get(`/api/agencies?parentId=${id(ROOT)}&kind=department`)).json();
    expect(departments.total).toBe(13);
  });

  it('returns the tree depth-first, keeping the path to each search match', async () => {
    const tree = (await get('/api/agencies?view=tree&pageSize=200')).json();
    expect(tree.items[0]).toMatchObject({ code: ROOT, depth: 0, parentId: null });
    const kinds = tree.items.slice(1).map((a: { kind: string }) => a.kind);
    // The committee's departments come before the commune committees.
    expect(kinds.indexOf('commune_committee')).toBeGreaterThan(kinds.lastIndexOf('department'));
    const found = (await get('/api/agencies?view=tree&q=co%20to')).json();
    expect(found.items.map((a: { code: string; depth: number }) => [a.code, a.depth])).toEqual([
      [ROOT, 0],
      [CO_TO, 1],
    ]);
    expect(found.total).toBe(2);
  });

  it('describes one agency with its ancestors and the communes it serves', async () => {
    const res = await get(`/api/agencies/${id(HA_LONG)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: HA_LONG,
      name: 'UBND phường Hạ Long',
      kind: 'commune_committee',
      depth: 1,
      ancestors: [{ id: id(ROOT), code: ROOT, name: 'UBND tỉnh Quảng Ninh' }],
      communes: [{ code: '06688', name: 'Hạ Long', fullName: 'Phường Hạ Long' }],
      childCount: 0,
    });
    expect(new Date(res.json().createdAt).getTime()).not.toBeNaN();
    const missing = await get('/api/agencies/7d1f4a40-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('AGENCY_NOT_FOUND');
    expect((await get('/api/agencies/not-a-uuid')).statusCode).toBe(400);
  });

  it('lets only signed-in administrators change the tree', async () => {
    const body = {
      code: '000.01.04.H49',
      name: 'Phòng Kỹ thuật',
      kind: 'other',
      parentId: id(CONSTRUCTION),
    };
    const anonymous = await post(browser(t.ctx), body);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const withoutPermission = await post(officer, body);
    expect(withoutPermission.statusCode).toBe(403);
    expect(withoutPermission.json().error.code).toBe('FORBIDDEN');
  });

  it('creates a unit inside the administrator’s subtree, and nowhere else', async () => {
    const created = await post(departmentAdmin, {
      code: '000.02.04.H49',
      name: 'Phòng Quản lý nhà và thị trường bất động sản',
      nameEn: 'Housing and Real Estate Market Division',
      kind: 'other',
      parentId: id(CONSTRUCTION),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: '000.02.04.H49',
      depth: 2,
      ancestors: [{ code: ROOT }, { code: CONSTRUCTION }],
      communes: [],
    });
    const detail = await get(`/api/agencies/${id(CONSTRUCTION)}`);
    expect(detail.json().childCount).toBe(1);
    const audited = await t.ctx.db
      .selectFrom('auditEvent')
      .select(['action', 'actorId', 'ip'])
      .where('recordType', '=', 'agency')
      .where('recordId', '=', created.json().id)
      .execute();
    expect(audited).toEqual([
      { action: 'agencies.created', actorId: expect.any(String), ip: expect.any(String) },
    ]);

    const outside = await post(departmentAdmin, {
      code: '000.03.04.H49',
      name: 'Phòng ngoài phạm vi',
      kind: 'other',
      parentId: id(HA_LONG),
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('AGENCY_PARENT_NOT_FOUND');
    const rename = await patch(departmentAdmin, id(HA_LONG), { name: 'UBND phường Hạ Long mới' });
    expect(rename.statusCode).toBe(404);
    expect(rename.json().error.code).toBe('AGENCY_NOT_FOUND');
  });

  it('validates the national code format and uniqueness', async () => {
    const badCode = await post(provinceAdmin, {
      code: '000.00.22.h49',
      name: 'Mã sai định dạng',
      kind: 'department',
      parentId: id(ROOT),
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.code).toBe('VALIDATION_FAILED');
    expect(badCode.json().error.details[0].field).toBe('body.code');
    const taken = await post(provinceAdmin, {
      code: CONSTRUCTION,
      name: 'Trùng mã',
      kind: 'department',
      parentId: id(ROOT),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'AGENCY_CODE_TAKEN',
      details: { code: CONSTRUCTION },
    });
    const unknownField = await patch(provinceAdmin, id(HA_LONG), { kind: 'department' });
    expect(unknownField.statusCode).toBe(400);
    const empty = await patch(provinceAdmin, id(HA_LONG), {});
    expect(empty.statusCode).toBe(400);
  });

  it('moves an agency under a district committee and refuses a cycle', async () => {
    const district = await post(provinceAdmin, {
      code: '000.00.95.H49',
      name: 'UBND huyện Thử Nghiệm',
      kind: 'district_committee',
      parentId: id(ROOT),
    });
    expect(district.statusCode).toBe(201);
    const districtId: string = district.json().id;

    const moved = await patch(provinceAdmin, id(CO_TO), {
      parentId: districtId,
      communeCodes: ['07192'],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: districtId, depth: 2 });
    const tree = (await get(`/api/agencies?view=tree&within=${districtId}`)).json();
    expect(tree.items.map((a: { code: string; depth: number }) => [a.code, a.depth])).toEqual([
      ['000.00.95.H49', 1],
      [CO_TO, 2],
    ]);

    const cycle = await patch(provinceAdmin, districtId, { parentId: id(CO_TO) });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toBe('AGENCY_CYCLE');
    const deactivate = await patch(provinceAdmin, districtId, { active: false });
    expect(deactivate.statusCode).toBe(409);
    expect(deactivate.json().error.code).toBe('AGENCY_HAS_ACTIVE_CHILDREN');
    const unknownCommune = await patch(provinceAdmin, id(CO_TO), { communeCodes: ['00000'] });
    expect(unknownCommune.statusCode).toBe(422);
    expect(unknownCommune.json().error.details).toEqual({ communeCodes: ['00000'] });
  });

  it('replays a retried creation with the same Idempotency-Key', async () => {
    const headers = { ...provinceAdmin, 'idempotency-key': 'create-ban-dan-toc-1' };
    const body = {
      code: '000.00.96.H49',
      name: 'Ban Thử Nghiệm',
      kind: 'other',
      parentId: id(ROOT),
    };
    const first = await post(headers, body);
    const retry = await post(headers, body);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
  });
});
