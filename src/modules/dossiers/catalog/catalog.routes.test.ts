import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import {
  DEMO_PROVINCE_COMMITTEE_CODE,
  loadQuangNinhAgencies,
} from '../../../../seed/quang-ninh-agencies';
import { loadProcedureCatalog } from '../../../../seed/procedures';
import { ManualClock } from '../../../kernel/clock';
import { browser, createTestUser, signInStaff } from '../../../kernel/auth/testing';
import type { ProcedureRecord } from './procedure-record';

const BIRTH = '1.001193';
const clone = <T>(value: T): T => structuredClone(value);

describe('procedure catalog API', () => {
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  const catalog = loadProcedureCatalog();
  let t: TestApp;
  let admin: Record<string, string>;
  let officer: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const ids = await loadQuangNinhAgencies(t.ctx.db);
    const staff = async (email: string, agencyCode: string, role: string) => {
      const account = await createTestUser(t.ctx, {
        email,
        agencyId: ids.get(agencyCode)!,
        roles: [role],
      });
      return browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
    };
    admin = await staff('quantri.tinh@example.vn', DEMO_PROVINCE_COMMITTEE_CODE, 'province_admin');
    officer = await staff('canbo@example.vn', '000.00.37.H49', 'officer');
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const importing = (headers: Record<string, string>, payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/procedures/import',
      headers,
      payload: payload as object,
    });

  it('refuses an import from anyone but a province administrator', async () => {
    expect((await importing(browser(t.ctx), catalog)).statusCode).toBe(401);
    const refused = await importing(officer, catalog);
    expect(refused.statusCode).toBe(403);
    expect((await get('/api/procedures')).json().total).toBe(0);
  });

  it('takes in the demo catalog, and finds nothing changed when it comes again', async () => {
    const codes = catalog.map((record) => record.tthc.MaTTHC).sort();
    expect(codes.length).toBeGreaterThanOrEqual(20);
    const first = await importing(admin, catalog);
    expect(first.statusCode).toBe(200);
    expect([...first.json().created].sort()).toEqual(codes);
    const again = await importing(admin, catalog);
    expect(again.json()).toEqual({ created: [], updated: [], unchanged: expect.any(Array) });
    expect([...again.json().unchanged].sort()).toEqual(codes);
  });

  it('finds procedures by words typed with or without diacritics, in any order', async () => {
    for (const q of ['khai sinh', 'Khai Sinh', 'KHAI SINH', 'sinh khai', 'đăng ký khai sinh']) {
      const res = await get(`/api/procedures?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((p: { code: string }) => p.code)).toContain(BIRTH);
    }
    const byCode = (await get(`/api/procedures?q=${BIRTH}`)).json();
    expect(byCode.items.map((p: { code: string }) => p.code)).toEqual([BIRTH]);
    expect((await get('/api/procedures?q=khong%20co%20thu%20tuc%20nay')).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it('says how long a procedure takes online and what its fees range over', async () => {
    const birth = (await get(`/api/procedures?q=${BIRTH}`)).json().items[0];
    const record = catalog.find((r) => r.tthc.MaTTHC === BIRTH)!;
    const online = record.tthc.CachThucThucHien.find((c) => c.Kenh === 'TRUC_TUYEN')!;
    expect(birth).toMatchObject({
      name: record.tthc.TenTTHC,
      field: { code: record.tthc.LinhVuc.MaLinhVuc },
      online: true,
      channel: 'TRUC_TUYEN',
      processingTime: { amount: online.ThoiGianGiaiQuyet, unit: online.DonViTinh },
      feeMin: Math.min(...online.PhiLePhi.map((fee) => fee.SoTien)),
      feeMax: Math.max(...online.PhiLePhi.map((fee) => fee.SoTien)),
    });
  });

  it('filters by level and field, pages, and sorts by code', async () => {
    const all = (await get('/api/procedures?pageSize=100')).json();
    expect(all.total).toBe(catalog.length);
    const commune = catalog.filter((r) => r.tthc.CapThucHien.includes('XA')).length;
    expect((await get('/api/procedures?level=XA')).json().total).toBe(commune);
    expect(commune).toBeGreaterThan(0);
    expect(commune).toBeLessThan(catalog.length);

    const fields = (await get('/api/procedures/fields')).json().items as Array<{
      code: string;
      procedures: number;
    }>;
    expect(fields.reduce((sum, field) => sum + field.procedures, 0)).toBe(catalog.length);
    const civil = fields.find((field) => field.procedures > 1)!;
    const inField = (await get(`/api/procedures?field=${encodeURIComponent(civil.code)}`)).json();
    expect(inField.total).toBe(civil.procedures);
    expect(
      inField.items.every((p: { field: { code: string } }) => p.field.code === civil.code),
    ).toBe(true);

    const pages = [1, 2, 3].map((page) => get(`/api/procedures?sort=code&pageSize=8&page=${page}`));
    const codes = (await Promise.all(pages)).flatMap((res) =>
      res.json().items.map((p: { code: string }) => p.code),
    );
    expect(codes).toEqual(
      catalog
        .map((r) => r.tthc.MaTTHC)
        .sort()
        .slice(0, 24),
    );
  });

  it('shows a procedure whole with its form, and says so for an unknown or malformed code', async () => {
    const res = await get(`/api/procedures/${BIRTH}`);
    expect(res.statusCode).toBe(200);
    const record = catalog.find((r) => r.tthc.MaTTHC === BIRTH)!;
    expect(res.json()).toMatchObject({
      code: BIRTH,
      revision: 1,
      receivingAgency: null,
      tthc: { ThanhPhanHoSo: record.tthc.ThanhPhanHoSo, CanCuPhapLy: record.tthc.CanCuPhapLy },
      form: record.tinhso.form,
      process: record.tinhso.process,
    });
    const withDepartment = catalog.find((r) =>
      r.tinhso.process.steps.some((step) => step.agency !== 'receiving'),
    )!;
    const departmentCodes = [
      ...new Set(
        withDepartment.tinhso.process.steps.flatMap((step) =>
          step.agency === 'receiving' ? [] : [step.agency.code],
        ),
      ),
    ].sort();
    const named = (await get(`/api/procedures/${withDepartment.tthc.MaTTHC}`)).json().agencies;
    expect(named.map((agency: { code: string }) => agency.code)).toEqual(departmentCodes);
    expect(named[0].name).toMatch(/^Sở /);

    const unknown = await get('/api/procedures/9.999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('PROCEDURE_NOT_FOUND');
    expect((await get('/api/procedures/khai-sinh')).statusCode).toBe(400);
  });

  it('exports the catalog as it was imported, fields of the national database it does not use included', async () => {
    const exported = await get('/api/procedures/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const byCode = new Map(
      exported.json<ProcedureRecord[]>().map((record) => [record.tthc.MaTTHC, record]),
    );
    for (const record of catalog) expect(byCode.get(record.tthc.MaTTHC)).toEqual(record);

    const extended = clone(catalog.find((r) => r.tthc.MaTTHC === BIRTH)!);
    (extended.tthc as unknown as Record<string, unknown>).MaCoQuanCongBo = 'G03';
    expect((await importing(admin, [extended])).json().updated).toEqual([BIRTH]);
    const again = await get(`/api/procedures/export?codes=${BIRTH}`);
    expect(again.json()).toEqual([extended]);
    expect((await get(`/api/procedures/${BIRTH}`)).json().revision).toBe(2);
  });

  it('refuses a batch with a bad procedure, says why for each, and takes none of it', async () => {
    const good = clone(catalog[0]!);
    good.tthc.MaTTHC = '1.999990';
    const bad = clone(catalog.find((r) => r.tinhso.receiving !== 'commune') ?? catalog[1]!);
    bad.tthc.MaTTHC = '1.999991';
    bad.tinhso.process.steps[0]!.share += 5;
    bad.tinhso.receiving = { code: '000.00.99.H49' };
    const res = await importing(admin, [good, bad]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'PROCEDURE_INVALID',
      details: {
        procedures: [
          {
            index: 1,
            code: '1.999991',
            problems: expect.arrayContaining([
              expect.stringMatching(/shares add up to 105/),
              'agency 000.00.99.H49 is not an agency of this platform',
            ]),
          },
        ],
      },
    });
    expect((await get('/api/procedures/1.999990')).statusCode).toBe(404);

    const shapeless = clone(good) as unknown as { tthc: Record<string, unknown> };
    delete shapeless.tthc.TenTTHC;
    const malformed = await importing(admin, [shapeless]);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });
});
