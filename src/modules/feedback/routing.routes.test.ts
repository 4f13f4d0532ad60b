import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { deadlineFrom } from './category-deadline';
import { browser, createTestUser, signInStaff } from '../../kernel/auth/testing';
import {
  CULTURE_DEPARTMENT,
  HA_LONG_COMMITTEE,
  HA_LONG_POINT,
  STREETLIGHT,
  TOURISM,
  loadFeedbackFixtures,
} from './feedback.test-support';

const HA_LONG = '06688';
const HONG_GAI_COMMITTEE = '000.00.36.H49';
const CONSTRUCTION_DEPARTMENT = '000.00.04.H49';
const ENVIRONMENT_DEPARTMENT = '000.00.05.H49';
const SERVICE_CENTER = '000.00.20.H49';
const PROVINCE_COMMITTEE = '000.00.00.H49';
/** Phường Bạc Liêu (Cà Mau): a real unit, outside the province the platform serves. */
const OUTSIDE_COMMUNE = '31825';

interface Cell {
  categoryCode: string;
  communeCode: string;
  agencyId: string | null;
  defaultAgencyId: string | null;
  source: 'matrix' | 'default';
  updatedBy: { id: string; fullName: string } | null;
}

describe('routing matrix and category settings administration', () => {
  // Monday 2 March 2026, 09:00 in Vietnam.
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let t: TestApp;
  let agencies: Map<string, string>;
  let admin: Record<string, string>;
  let adminId: string;
  let officer: Record<string, string>;
  let departmentAdmin: Record<string, string>;
  const id = (code: string) => agencies.get(code)!;

  const send = (
    headers: Record<string, string>,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/feedback/admin${url}`, headers, payload });

  const fileReport = async (categoryCode = STREETLIGHT) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/reports',
      headers: browser(t.ctx),
      payload: {
        categoryCode,
        ...HA_LONG_POINT,
        description: 'Cột đèn trước nhà văn hoá khu 3 không sáng.',
        attributes: categoryCode === STREETLIGHT ? { lights_out: 'one' } : {},
        reporter: { name: 'Trần Văn Bình', email: 'binh.tran@example.vn' },
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{
      trackingCode: string;
      agency: { id: string };
      submittedAt: string;
      deadlineAt: string;
    }>();
  };
  const publicReport = async (code: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/feedback/reports/${code}` })).json<{
      agency: { id: string };
      deadlineAt: string;
    }>();

  const matrix = async () => {
    const res = await send(admin, 'GET', '/routing');
    expect(res.statusCode).toBe(200);
    return res.json<{
      categories: Array<{ code: string }>;
      communes: Array<{ code: string; fullName: string }>;
      agencies: Array<{ id: string; code: string; kind: string; communeCodes: string[] }>;
      cells: Cell[];
    }>();
  };
  const cellOf = async (categoryCode: string, communeCode: string) =>
    (await matrix()).cells.find(
      (cell) => cell.categoryCode === categoryCode && cell.communeCode === communeCode,
    )!;

  const auditRows = async (action: string) =>
    (
      await sql<{
        actorId: string;
        recordId: string;
        details: Record<string, unknown>;
      }>`SELECT actor_id, record_id, details FROM audit_event WHERE action = ${action} ORDER BY id`.execute(
        t.ctx.db,
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await loadFeedbackFixtures(t.ctx);
    const staff = async (email: string, agency: string, role: string) => {
      const account = await createTestUser(t.ctx, {
        email,
        agencyId: id(agency),
        roles: [role],
        fullName: `Cán bộ ${role}`,
      });
      return {
        id: account.id,
        headers: browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account)),
      };
    };
    const province = await staff('quantri.tinh@example.vn', PROVINCE_COMMITTEE, 'province_admin');
    admin = province.headers;
    adminId = province.id;
    officer = (await staff('canbo.halong@example.vn', HA_LONG_COMMITTEE, 'officer')).headers;
    // The same role, but granted over one department only: not province-wide.
    departmentAdmin = (await staff('quantri.so@example.vn', CULTURE_DEPARTMENT, 'province_admin'))
      .headers;
  });
  afterAll(async () => t.close());

  it('shows every served commune with its default agency, and the explicit cells apart', async () => {
    const body = await matrix();
    expect(body.communes).toHaveLength(54);
    expect(body.categories.map((c) => c.code)).toEqual(
      expect.arrayContaining([STREETLIGHT, TOURISM]),
    );
    expect(body.cells).toHaveLength(body.categories.length * 54);
    expect(await cellOf(STREETLIGHT, HA_LONG)).toMatchObject({
      agencyId: id(HA_LONG_COMMITTEE),
      defaultAgencyId: id(HA_LONG_COMMITTEE),
      source: 'default',
      updatedBy: null,
    });
    expect(await cellOf(TOURISM, HA_LONG)).toMatchObject({
      agencyId: id(CULTURE_DEPARTMENT),
      source: 'default',
    });
    // The service center takes dossiers, not reports: it is not offered.
    expect(body.agencies.map((a) => a.code)).not.toContain(SERVICE_CENTER);
    expect(body.agencies.find((a) => a.code === HA_LONG_COMMITTEE)?.communeCodes).toEqual([
      HA_LONG,
    ]);
  });

  it('routes new reports to a changed cell while filed reports keep their agency', async () => {
    const before = await fileReport();
    expect(before.agency.id).toBe(id(HA_LONG_COMMITTEE));

    const set = await send(admin, 'PUT', `/routing/${STREETLIGHT}/${HA_LONG}`, {
      agencyId: id(CONSTRUCTION_DEPARTMENT),
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      agencyId: id(CONSTRUCTION_DEPARTMENT),
      defaultAgencyId: id(HA_LONG_COMMITTEE),
      source: 'matrix',
      updatedBy: { id: adminId, fullName: 'Cán bộ province_admin' },
    });

    const after = await fileReport();
    expect(after.agency.id).toBe(id(CONSTRUCTION_DEPARTMENT));
    expect((await publicReport(before.trackingCode)).agency.id).toBe(id(HA_LONG_COMMITTEE));
    expect(await cellOf(STREETLIGHT, HA_LONG)).toMatchObject({ source: 'matrix' });

    expect(await auditRows('feedback.routing_cell_set')).toEqual([
      {
        actorId: adminId,
        recordId: `${STREETLIGHT}/${HA_LONG}`,
        details: {
          categoryCode: STREETLIGHT,
          communeCode: HA_LONG,
          fromAgencyId: null,
          toAgencyId: id(CONSTRUCTION_DEPARTMENT),
          defaultAgencyId: id(HA_LONG_COMMITTEE),
        },
      },
    ]);

    // Clearing the cell brings the default back, for new reports only.
    const cleared = await send(admin, 'DELETE', `/routing/${STREETLIGHT}/${HA_LONG}`);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ agencyId: id(HA_LONG_COMMITTEE), source: 'default' });
    expect((await fileReport()).agency.id).toBe(id(HA_LONG_COMMITTEE));
    expect((await publicReport(after.trackingCode)).agency.id).toBe(id(CONSTRUCTION_DEPARTMENT));
    expect(await auditRows('feedback.routing_cell_cleared')).toEqual([
      expect.objectContaining({
        recordId: `${STREETLIGHT}/${HA_LONG}`,
        details: expect.objectContaining({ fromAgencyId: id(CONSTRUCTION_DEPARTMENT) }),
      }),
    ]);
    // Clearing a cell that is already at its default changes and audits nothing.
    await send(admin, 'DELETE', `/routing/${STREETLIGHT}/${HA_LONG}`);
    expect(await auditRows('feedback.routing_cell_cleared')).toHaveLength(1);
  });

  it('lets only province-wide administrators in', async () => {
    const attempts: Array<[Record<string, string>, number]> = [
      [officer, 403],
      [departmentAdmin, 403],
      [browser(t.ctx), 401],
    ];
    for (const [headers, status] of attempts) {
      for (const [method, url, payload] of [
        ['GET', '/routing', undefined],
        ['PUT', `/routing/${TOURISM}/${HA_LONG}`, { agencyId: id(ENVIRONMENT_DEPARTMENT) }],
        ['DELETE', `/routing/${TOURISM}/${HA_LONG}`, undefined],
        [
          'POST',
          '/routing/cells',
          {
            cells: [
              { categoryCode: TOURISM, communeCode: HA_LONG, agencyId: id(ENVIRONMENT_DEPARTMENT) },
            ],
          },
        ],
        ['GET', '/categories', undefined],
        ['PATCH', `/categories/${TOURISM}`, { active: false }],
      ] as const) {
        const res = await send(headers, method, url, payload);
        expect({ method, url, status: res.statusCode }).toEqual({ method, url, status });
      }
    }
    expect(await cellOf(TOURISM, HA_LONG)).toMatchObject({ source: 'default' });
    expect((await fileReport(TOURISM)).agency.id).toBe(id(CULTURE_DEPARTMENT));
  });

  it('refuses unknown ids and agencies that cannot answer there, with precise codes', async () => {
    const cases: Array<[string, object | undefined, number, string, Record<string, unknown>?]> = [
      [
        `/routing/no_such_category/${HA_LONG}`,
        { agencyId: id(ENVIRONMENT_DEPARTMENT) },
        404,
        'ROUTING_CATEGORY_UNKNOWN',
      ],
      [
        `/routing/${STREETLIGHT}/${OUTSIDE_COMMUNE}`,
        { agencyId: id(ENVIRONMENT_DEPARTMENT) },
        404,
        'ROUTING_COMMUNE_UNKNOWN',
      ],
      [
        `/routing/${STREETLIGHT}/${HA_LONG}`,
        { agencyId: '00000000-0000-4000-8000-000000000000' },
        404,
        'ROUTING_AGENCY_UNKNOWN',
      ],
      [
        `/routing/${STREETLIGHT}/${HA_LONG}`,
        { agencyId: id(SERVICE_CENTER) },
        422,
        'ROUTING_AGENCY_NOT_ELIGIBLE',
        { reason: 'service_center' },
      ],
      // Another ward's committee answers only in its own ward.
      [
        `/routing/${STREETLIGHT}/${HA_LONG}`,
        { agencyId: id(HONG_GAI_COMMITTEE) },
        422,
        'ROUTING_AGENCY_NOT_ELIGIBLE',
        { reason: 'serves_other_communes' },
      ],
      [`/routing/${STREETLIGHT}/${HA_LONG}`, { agencyId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED'],
      [
        `/routing/${STREETLIGHT}/6688`,
        { agencyId: id(ENVIRONMENT_DEPARTMENT) },
        400,
        'VALIDATION_FAILED',
      ],
      [
        `/routing/${STREETLIGHT}/${HA_LONG}`,
        { agencyId: id(ENVIRONMENT_DEPARTMENT), note: 'x' },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [url, payload, status, code, details] of cases) {
      const res = await send(admin, 'PUT', url, payload);
      expect({ url, status: res.statusCode, code: res.json().error.code }).toEqual({
        url,
        status,
        code,
      });
      if (details) expect(res.json().error.details).toMatchObject(details);
    }
    const clearUnknown = await send(admin, 'DELETE', `/routing/${STREETLIGHT}/${OUTSIDE_COMMUNE}`);
    expect(clearUnknown.json().error.code).toBe('ROUTING_COMMUNE_UNKNOWN');
    expect(
      (await send(admin, 'PATCH', '/categories/no_such_category', { active: true })).json(),
    ).toMatchObject({ error: { code: 'ROUTING_CATEGORY_UNKNOWN' } });
    expect(await auditRows('feedback.routing_cell_set')).toHaveLength(1);
  });

  it('applies several cells in one request, all or nothing', async () => {
    const body = await matrix();
    const communes = body.communes.slice(0, 3).map((c) => c.code);
    const bulk = (extra: object[]) =>
      send(admin, 'POST', '/routing/cells', {
        cells: [
          ...communes.map((communeCode) => ({
            categoryCode: TOURISM,
            communeCode,
            agencyId: id(ENVIRONMENT_DEPARTMENT),
          })),
          ...extra,
        ],
      });
    const auditsBefore = (await auditRows('feedback.routing_cell_set')).length;

    const refused = await bulk([
      { categoryCode: TOURISM, communeCode: HA_LONG, agencyId: id(SERVICE_CENTER) },
    ]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'ROUTING_AGENCY_NOT_ELIGIBLE',
      details: { index: 3, communeCode: HA_LONG },
    });
    const repeated = await bulk([
      { categoryCode: TOURISM, communeCode: communes[0], agencyId: null },
    ]);
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error).toMatchObject({
      code: 'ROUTING_CELL_REPEATED',
      details: { indexes: [0, 3] },
    });
    const after = await matrix();
    for (const communeCode of communes) {
      expect(
        after.cells.find((c) => c.categoryCode === TOURISM && c.communeCode === communeCode),
      ).toMatchObject({ agencyId: id(CULTURE_DEPARTMENT), source: 'default' });
    }
    expect(await auditRows('feedback.routing_cell_set')).toHaveLength(auditsBefore);

    const applied = await bulk([]);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().changed).toBe(3);
    expect(applied.json().cells).toEqual(
      communes.map((communeCode) =>
        expect.objectContaining({
          categoryCode: TOURISM,
          communeCode,
          agencyId: id(ENVIRONMENT_DEPARTMENT),
          source: 'matrix',
        }),
      ),
    );
    const audits = await auditRows('feedback.routing_cell_set');
    expect(audits.slice(auditsBefore).map((row) => row.recordId)).toEqual(
      communes.map((communeCode) => `${TOURISM}/${communeCode}`),
    );
    // Sending the same cells again changes nothing and writes no audit line.
    expect((await bulk([])).json().changed).toBe(0);
    expect(await auditRows('feedback.routing_cell_set')).toHaveLength(auditsBefore + 3);
  });

  it('changes a category’s deadline, templates and active flag for new reports only', async () => {
    const list = await send(admin, 'GET', '/categories');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.find((c: { code: string }) => c.code === STREETLIGHT)).toMatchObject({
      active: true,
      deadline: { amount: 3, unit: 'working_days' },
      answerTemplates: [{ title: 'Đã sửa', body: 'Đèn đã được thay.' }],
    });

    const before = await fileReport();
    const templates = [
      { title: 'Đã thay bóng đèn', body: '{{agency}} đã thay bóng đèn tại vị trí phản ánh.' },
      { title: 'Chuyển điện lực', body: 'Sự cố thuộc lưới điện, đã chuyển Điện lực.' },
    ];
    const patched = await send(admin, 'PATCH', `/categories/${STREETLIGHT}`, {
      deadline: { amount: 4, unit: 'working_hours' },
      answerTemplates: templates,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      deadline: { amount: 4, unit: 'working_hours' },
      answerTemplates: templates,
    });

    const after = await fileReport();
    // The new allowance, counted on the working calendar (with its lunch break) from filing.
    const calendar = await loadWorkingCalendar(t.ctx.db, t.ctx.config);
    const expected = deadlineFrom(
      calendar,
      { deadlineAmount: 4, deadlineUnit: 'working_hours' },
      new Date(after.submittedAt),
    );
    expect(after.deadlineAt).toBe(expected.toISOString());
    expect(after.deadlineAt).not.toBe(before.deadlineAt);
    expect((await publicReport(before.trackingCode)).deadlineAt).toBe(before.deadlineAt);

    expect(await auditRows('feedback.category_updated')).toEqual([
      expect.objectContaining({
        recordId: STREETLIGHT,
        details: {
          changes: {
            deadline: {
              from: { amount: 3, unit: 'working_days' },
              to: { amount: 4, unit: 'working_hours' },
            },
            answerTemplates: {
              from: [{ title: 'Đã sửa', body: 'Đèn đã được thay.' }],
              to: templates,
            },
          },
        },
      }),
    ]);

    const bad = await send(admin, 'PATCH', `/categories/${STREETLIGHT}`, {
      deadline: { amount: 0, unit: 'working_days' },
    });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const blank = await send(admin, 'PATCH', `/categories/${STREETLIGHT}`, {
      answerTemplates: [{ title: '  ', body: 'x' }],
    });
    expect(blank.json().error.code).toBe('VALIDATION_FAILED');

    const off = await send(admin, 'PATCH', `/categories/${STREETLIGHT}`, { active: false });
    expect(off.json().active).toBe(false);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/reports',
      headers: browser(t.ctx),
      payload: {
        categoryCode: STREETLIGHT,
        ...HA_LONG_POINT,
        description: 'Cột đèn trước nhà văn hoá khu 3 không sáng.',
        attributes: { lights_out: 'one' },
        reporter: { name: 'Trần Văn Bình', email: 'binh.tran@example.vn' },
      },
    });
    expect(refused.json().error.code).toBe('CATEGORY_NOT_FOUND');
    // The matrix still lists an inactive category, so it can be switched back on.
    expect((await matrix()).categories.map((c) => c.code)).toContain(STREETLIGHT);
    await send(admin, 'PATCH', `/categories/${STREETLIGHT}`, { active: true });
    expect(await auditRows('feedback.category_updated')).toHaveLength(3);
  });
});
