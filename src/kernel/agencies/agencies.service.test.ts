import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import {
  DEMO_PROVINCE_COMMITTEE_CODE,
  loadQuangNinhAgencies,
} from '../../../seed/quang-ninh-agencies';
import type { Principal } from '../auth/principal';
import { createAgency, getAgency, listAgencyPage, updateAgency } from './agencies.service';
import { isInSubtree, subtreeIds } from './agencies.queries';

function admin(agencyId: string, permissions = ['agencies.manage']): Principal {
  return {
    kind: 'user',
    id: '00000000-0000-4000-8000-000000000001',
    type: 'staff',
    agencyId,
    permissions: new Set(permissions),
    sessionId: null,
    mfaPassed: true,
  };
}

describe('agency tree rules', () => {
  let t: TestContext;
  let ids: Map<string, string>;
  const id = (code: string) => ids.get(code)!;
  const ROOT = DEMO_PROVINCE_COMMITTEE_CODE;
  const CONSTRUCTION = '000.00.04.H49';
  const HA_LONG = '000.00.37.H49'; // the 7th commune in code order: 06688, phường Hạ Long
  const BAI_CHAY = '000.00.34.H49'; // 06673, phường Bãi Cháy

  beforeAll(async () => {
    t = await createTestContext();
    ids = await loadQuangNinhAgencies(t.ctx.db);
  });
  afterAll(async () => t.close());

  it('builds the demo tree the other tests rely on', async () => {
    expect((await getAgency(t.ctx.db, id(HA_LONG))).name).toBe('UBND phường Hạ Long');
    expect((await getAgency(t.ctx.db, id(BAI_CHAY))).name).toBe('UBND phường Bãi Cháy');
    expect((await getAgency(t.ctx.db, id(CONSTRUCTION))).name).toBe('Sở Xây dựng');
  });

  it('creates an agency only inside the administrator’s subtree', async () => {
    const departmentAdmin = admin(id(CONSTRUCTION));
    const office = await createAgency(t.ctx, departmentAdmin, {
      code: '000.01.04.H49',
      name: 'Phòng Quản lý xây dựng',
      kind: 'other',
      parentId: id(CONSTRUCTION),
    });
    expect(office).toMatchObject({ depth: 2, parentId: id(CONSTRUCTION), active: true });
    expect(office.ancestors.map((a) => a.code)).toEqual([ROOT, CONSTRUCTION]);
    expect(await isInSubtree(t.ctx.db, office.id, id(CONSTRUCTION))).toBe(true);

    await expect(
      createAgency(t.ctx, departmentAdmin, {
        code: '000.01.99.H49',
        name: 'Phòng ngoài phạm vi',
        kind: 'other',
        parentId: id(ROOT),
      }),
    ).rejects.toMatchObject({ code: 'AGENCY_PARENT_NOT_FOUND', status: 404 });
    await expect(
      updateAgency(t.ctx, departmentAdmin, id(HA_LONG), { name: 'Đổi tên' }),
    ).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND', status: 404 });
  });

  it('honours every grant that carries the permission, and none that does not', async () => {
    const twoPlaces: Principal = {
      ...admin(id(CONSTRUCTION)),
      grants: [
        { role: 'officer', agencyId: id(CONSTRUCTION), permissions: new Set(['records.read']) },
        { role: 'agency_admin', agencyId: id(BAI_CHAY), permissions: new Set(['agencies.manage']) },
      ],
    };
    const renamed = await updateAgency(t.ctx, twoPlaces, id(BAI_CHAY), {
      nameEn: "People's Committee of Bai Chay Ward (Ha Long Bay)",
    });
    expect(renamed.nameEn).toBe("People's Committee of Bai Chay Ward (Ha Long Bay)");
    await expect(
      updateAgency(t.ctx, twoPlaces, id(CONSTRUCTION), { name: 'Sở Xây dựng mới' }),
    ).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    await expect(
      updateAgency(t.ctx, admin(id(ROOT), ['records.read']), id(HA_LONG), { name: 'X' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('re-parents a whole subtree in one move, and the district level works', async () => {
    const provinceAdmin = admin(id(ROOT));
    const district = await createAgency(t.ctx, provinceAdmin, {
      code: '000.00.90.H49',
      name: 'UBND huyện Thử Nghiệm',
      kind: 'district_committee',
      parentId: id(ROOT),
    });
    const moved = await updateAgency(t.ctx, provinceAdmin, id(HA_LONG), {
      parentId: district.id,
    });
    expect(moved.depth).toBe(2);
    expect(moved.ancestors.map((a) => a.id)).toEqual([id(ROOT), district.id]);
    // A unit under the moved agency moves with it.
    const unit = await createAgency(t.ctx, provinceAdmin, {
      code: '000.01.37.H49',
      name: 'Bộ phận một cửa phường Hạ Long',
      kind: 'other',
      parentId: id(HA_LONG),
    });
    await updateAgency(t.ctx, provinceAdmin, district.id, { parentId: id(CONSTRUCTION) });
    expect((await getAgency(t.ctx.db, unit.id)).ancestors.map((a) => a.id)).toEqual([
      id(ROOT),
      id(CONSTRUCTION),
      district.id,
      id(HA_LONG),
    ]);
    expect(await subtreeIds(t.ctx.db, id(CONSTRUCTION))).toEqual(
      expect.arrayContaining([district.id, id(HA_LONG), unit.id]),
    );
    expect(await isInSubtree(t.ctx.db, unit.id, district.id)).toBe(true);

    // Back where they were, for the other tests.
    await updateAgency(t.ctx, provinceAdmin, id(HA_LONG), { parentId: id(ROOT) });
    expect(await isInSubtree(t.ctx.db, unit.id, district.id)).toBe(false);
    expect((await getAgency(t.ctx.db, unit.id)).depth).toBe(2);
  });

  it('refuses cycles: under itself, under its child, under its grandchild', async () => {
    const provinceAdmin = admin(id(ROOT));
    const parent = await createAgency(t.ctx, provinceAdmin, {
      code: '000.00.91.H49',
      name: 'Ban Thử Nghiệm',
      kind: 'other',
      parentId: id(ROOT),
    });
    const child = await createAgency(t.ctx, provinceAdmin, {
      code: '000.01.91.H49',
      name: 'Phòng Thử Nghiệm',
      kind: 'other',
      parentId: parent.id,
    });
    const grandchild = await createAgency(t.ctx, provinceAdmin, {
      code: '000.02.91.H49',
      name: 'Tổ Thử Nghiệm',
      kind: 'other',
      parentId: child.id,
    });
    for (const target of [parent.id, child.id, grandchild.id]) {
      await expect(
        updateAgency(t.ctx, provinceAdmin, parent.id, { parentId: target }),
      ).rejects.toMatchObject({ code: 'AGENCY_CYCLE', status: 409 });
    }
    await expect(
      updateAgency(t.ctx, provinceAdmin, id(ROOT), { parentId: grandchild.id }),
    ).rejects.toMatchObject({ code: 'AGENCY_CYCLE' });
    // Nothing moved.
    expect((await getAgency(t.ctx.db, grandchild.id)).ancestors.map((a) => a.id)).toEqual([
      id(ROOT),
      parent.id,
      child.id,
    ]);
  });

  it('keeps active agencies under active parents', async () => {
    const provinceAdmin = admin(id(ROOT));
    const parent = await createAgency(t.ctx, provinceAdmin, {
      code: '000.00.92.H49',
      name: 'Ban Tạm',
      kind: 'other',
      parentId: id(ROOT),
    });
    const child = await createAgency(t.ctx, provinceAdmin, {
      code: '000.01.92.H49',
      name: 'Phòng Tạm',
      kind: 'other',
      parentId: parent.id,
    });
    await expect(
      updateAgency(t.ctx, provinceAdmin, parent.id, { active: false }),
    ).rejects.toMatchObject({ code: 'AGENCY_HAS_ACTIVE_CHILDREN' });
    await updateAgency(t.ctx, provinceAdmin, child.id, { active: false });
    expect((await updateAgency(t.ctx, provinceAdmin, parent.id, { active: false })).active).toBe(
      false,
    );
    await expect(
      updateAgency(t.ctx, provinceAdmin, child.id, { active: true }),
    ).rejects.toMatchObject({ code: 'AGENCY_PARENT_INACTIVE' });
    await expect(
      createAgency(t.ctx, provinceAdmin, {
        code: '000.02.92.H49',
        name: 'Tổ Tạm',
        kind: 'other',
        parentId: parent.id,
      }),
    ).rejects.toMatchObject({ code: 'AGENCY_PARENT_INACTIVE' });
    const hidden = await listAgencyPage(t.ctx.db, {
      view: 'flat',
      q: 'tam',
      includeInactive: false,
      page: 1,
      pageSize: 50,
    });
    expect(hidden.items.map((a) => a.name)).not.toContain('Ban Tạm');
  });

  it('validates codes, their uniqueness and the communes served', async () => {
    const provinceAdmin = admin(id(ROOT));
    await expect(
      createAgency(t.ctx, provinceAdmin, {
        code: '22.H49',
        name: 'Mã sai',
        kind: 'other',
        parentId: id(ROOT),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    await expect(
      createAgency(t.ctx, provinceAdmin, {
        code: CONSTRUCTION,
        name: 'Trùng mã',
        kind: 'other',
        parentId: id(ROOT),
      }),
    ).rejects.toMatchObject({ code: 'AGENCY_CODE_TAKEN', status: 409 });
    await expect(
      updateAgency(t.ctx, provinceAdmin, id(BAI_CHAY), { communeCodes: ['06673', '99999'] }),
    ).rejects.toMatchObject({
      code: 'AGENCY_UNKNOWN_COMMUNE',
      status: 422,
      details: { communeCodes: ['99999'] },
    });
    const serving = await updateAgency(t.ctx, provinceAdmin, id(BAI_CHAY), {
      communeCodes: ['06673', '06706'],
    });
    expect(serving.communes.map((c) => c.fullName)).toEqual([
      'Phường Bãi Cháy',
      'Phường Tuần Châu',
    ]);
  });
});
