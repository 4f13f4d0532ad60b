import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { browser, createTestUser, signInStaff } from '../../kernel/auth/testing';
import { photoWithGps } from '../../kernel/storage/storage.test-support';
import {
  AT_SEA,
  CULTURE_DEPARTMENT,
  HA_LONG_COMMITTEE,
  HA_LONG_POINT,
  HONG_GAI_POINT,
  STREETLIGHT,
  TOURISM,
  loadFeedbackFixtures,
} from './feedback.test-support';

describe('citizen reports API', () => {
  // Monday 2 March 2026, 09:00 in Vietnam.
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let t: TestApp;
  let agencies: Map<string, string>;
  let haLongOfficer: Record<string, string>;
  let hongGaiOfficer: Record<string, string>;
  let provinceAdmin: Record<string, string>;

  const report = (overrides: Record<string, unknown> = {}) => ({
    categoryCode: STREETLIGHT,
    ...HA_LONG_POINT,
    address: 'Đường Trần Hưng Đạo',
    description: 'Ba cột đèn trước số 12 không sáng từ tối qua.',
    attributes: { lights_out: 'several', pole_number: 'HL-0412' },
    reporter: { name: 'Nguyễn Thị Lan', email: 'lan.nguyen@example.vn', phone: '0912345678' },
    ...overrides,
  });
  const file = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/feedback/reports',
      payload,
      headers: { ...browser(t.ctx), ...headers },
    });
  const act = (headers: Record<string, string>, code: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/feedback/inbox/${code}/actions`, headers, payload });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await loadFeedbackFixtures(t.ctx);
    const staff = async (email: string, agency: string, role: string) => {
      const account = await createTestUser(t.ctx, {
        email,
        agencyId: agencies.get(agency)!,
        roles: [role],
      });
      return browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
    };
    haLongOfficer = await staff('canbo.halong@example.vn', HA_LONG_COMMITTEE, 'officer');
    hongGaiOfficer = await staff('canbo.honggai@example.vn', '000.00.36.H49', 'officer');
    provinceAdmin = await staff('quantri@example.vn', '000.00.00.H49', 'province_admin');
  });
  afterAll(async () => t.close());

  it('files a report with the ward found from the point and the deadline on working days', async () => {
    const res = await file(report());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      trackingCode: expect.stringMatching(/^PA-260302-[0-9A-Z]{5}$/),
      secret: expect.any(String),
      status: 'new',
      agency: { id: agencies.get(HA_LONG_COMMITTEE), name: 'UBND phường Hạ Long' },
      commune: { name: 'Phường Hạ Long' },
      // Day 1 is Monday; the third working day ends Wednesday 4 March at 17:00.
      deadlineAt: '2026-03-04T10:00:00.000Z',
    });
  });

  it('files under the category as it stands, however it was changed since the last filing', async () => {
    // The process keeps the category it filed under; a change by plain SQL must still show.
    expect((await file(report())).json().deadlineAt).toBe('2026-03-04T10:00:00.000Z');
    const setCategory = (set: string) =>
      sql`UPDATE feedback_category SET ${sql.raw(set)} WHERE code = ${STREETLIGHT}`.execute(
        t.ctx.db,
      );
    try {
      await setCategory('deadline_amount = 5');
      // Five working days from Monday 09:00 end on Friday 6 March at 17:00.
      expect((await file(report())).json().deadlineAt).toBe('2026-03-06T10:00:00.000Z');
      // Made stricter, then relaxed: neither the old copy nor the stricter one decides.
      const anonymous = () => file(report({ anonymous: true, reporter: undefined }));
      await setCategory('allow_anonymous = false');
      expect((await anonymous()).json().error.code).toBe('REPORT_ANONYMOUS_NOT_ALLOWED');
      await setCategory('allow_anonymous = true');
      expect((await anonymous()).statusCode).toBe(201);
      await setCategory('active = false');
      const closed = await file(report());
      expect({ status: closed.statusCode, code: closed.json().error.code }).toEqual({
        status: 404,
        code: 'CATEGORY_NOT_FOUND',
      });
    } finally {
      await setCategory('deadline_amount = 3, active = true, allow_anonymous = true');
    }
    expect((await file(report())).json().deadlineAt).toBe('2026-03-04T10:00:00.000Z');
  });

  it('refuses bad reports with precise codes and files nothing', async () => {
    const before = await t.ctx.db
      .selectFrom('audit_event' as never)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const cases: Array<[object, number, string]> = [
      [report({ ...AT_SEA }), 422, 'REPORT_OUTSIDE_PROVINCE'],
      [report({ attributes: { lights_out: 'all' } }), 400, 'REPORT_ATTRIBUTES_INVALID'],
      [report({ attributes: {} }), 400, 'REPORT_ATTRIBUTES_INVALID'],
      [report({ categoryCode: 'no_such_thing' }), 404, 'CATEGORY_NOT_FOUND'],
      [
        report({ categoryCode: TOURISM, attributes: {}, anonymous: true }),
        422,
        'REPORT_ANONYMOUS_NOT_ALLOWED',
      ],
      [report({ reporter: { name: 'Lan' } }), 422, 'REPORT_CONTACT_REQUIRED'],
      [report({ description: 'ngắn' }), 400, 'VALIDATION_FAILED'],
      [report({ unknownField: 1 }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await file(payload);
      expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status, code });
    }
    const after = await t.ctx.db
      .selectFrom('audit_event' as never)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
    const invalid = await file(report({ attributes: { lights_out: 'all', colour: 'red' } }));
    expect(invalid.json().error.details).toEqual(
      expect.arrayContaining([
        { field: 'attributes.colour', message: 'unknown question' },
        { field: 'attributes.lights_out', message: 'not one of the listed values' },
      ]),
    );
  });

  it('routes a province-level category to its department, on working hours', async () => {
    const res = await file(
      report({
        categoryCode: TOURISM,
        attributes: { amount: '500000' },
        description: 'Thu phí tham quan gấp đôi giá niêm yết.',
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().agency.id).toBe(agencies.get(CULTURE_DEPARTMENT));
    // Filed Monday at 09:01:30 (signing the officers in moved the clock 90 s): 5 h 58.5 min
    // left that day, 8 h on Tuesday, and the last 2 h 1.5 min on Wednesday morning.
    expect(res.json().submittedAt).toBe('2026-03-02T02:01:30.000Z');
    expect(res.json().deadlineAt).toBe('2026-03-04T02:01:30.000Z');
  });

  it('shows the public no personal data, and the reporter their own view with the secret', async () => {
    const filed = (await file(report())).json();
    const publicView = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/reports/${filed.trackingCode}`,
    });
    expect(publicView.statusCode).toBe(200);
    const text = publicView.body;
    for (const personal of [
      'Nguyễn Thị Lan',
      'lan.nguyen@example.vn',
      '0912345678',
      '+84912345678',
    ]) {
      expect(text).not.toContain(personal);
    }
    expect(publicView.json()).toMatchObject({ status: 'new', history: [{ action: 'submitted' }] });
    // Answer codes are data, not column names: they come back as the category defines them.
    expect(publicView.json().attributes).toEqual({ lights_out: 'several', pole_number: 'HL-0412' });
    expect(publicView.json()).not.toHaveProperty('canRate');

    const own = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/reports/${filed.trackingCode.toLowerCase()}`,
      headers: { 'x-report-secret': filed.secret },
    });
    expect(own.json()).toMatchObject({ canRate: false, originalDescription: expect.any(String) });

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/feedback/reports?q=cot%20den&pageSize=100',
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((item: { trackingCode: string }) => item.trackingCode)).toContain(
      filed.trackingCode,
    );
    expect(list.body).not.toContain('lan.nguyen@example.vn');
  });

  it('suggests open reports of the same category within 250 m', async () => {
    const filed = (await file(report())).json();
    const near = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/nearby?categoryCode=${STREETLIGHT}&lat=${HA_LONG_POINT.lat + 0.001}&lon=${HA_LONG_POINT.lon}`,
    });
    expect(near.json().items.map((item: { trackingCode: string }) => item.trackingCode)).toContain(
      filed.trackingCode,
    );
    const far = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/nearby?categoryCode=${STREETLIGHT}&lat=${HONG_GAI_POINT.lat}&lon=${HONG_GAI_POINT.lon}`,
    });
    expect(
      far.json().items.map((item: { trackingCode: string }) => item.trackingCode),
    ).not.toContain(filed.trackingCode);
  });

  it('keeps reports of one ward out of another ward’s inbox', async () => {
    const filed = (await file(report())).json();
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/feedback/inbox?pageSize=100',
      headers: haLongOfficer,
    });
    expect(mine.json().items.map((item: { trackingCode: string }) => item.trackingCode)).toContain(
      filed.trackingCode,
    );
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/feedback/inbox?pageSize=100',
      headers: hongGaiOfficer,
    });
    expect(
      theirs.json().items.map((item: { trackingCode: string }) => item.trackingCode),
    ).not.toContain(filed.trackingCode);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/inbox/${filed.trackingCode}`,
      headers: hongGaiOfficer,
    });
    expect(detail.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/feedback/inbox' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes a report from new to resolved, then reopens it when the citizen is not satisfied', async () => {
    const filed = (await file(report())).json();
    const code = filed.trackingCode;
    expect((await act(haLongOfficer, code, { action: 'resolve', message: 'x' })).statusCode).toBe(
      200,
    );
    // Already resolved: no second resolution.
    const again = await act(haLongOfficer, code, { action: 'receive' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REPORT_TRANSITION_INVALID');

    const second = (await file(report())).json();
    for (const payload of [
      { action: 'receive' },
      { action: 'note', message: 'Đã liên hệ đội điện chiếu sáng.' },
      { action: 'start' },
      { action: 'resolve', message: 'Đã thay 3 bóng đèn ngày 3/3.' },
    ]) {
      const res = await act(haLongOfficer, second.trackingCode, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(200);
    }
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/reports/${second.trackingCode}`,
      headers: { 'x-report-secret': second.secret },
    });
    expect(seen.json()).toMatchObject({ status: 'resolved', canRate: true });
    expect(seen.json().history.map((h: { action: string }) => h.action)).toEqual([
      'submitted',
      'received',
      'started',
      'resolved',
    ]);
    expect(seen.body).not.toContain('đội điện chiếu sáng');

    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/reports/${second.trackingCode}/rating`,
      headers: { ...browser(t.ctx), 'x-report-secret': 'not-the-secret' },
      payload: { rating: 'not_satisfied' },
    });
    expect(wrong.statusCode).toBe(403);

    clock.advance(10 * 60_000);
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/reports/${second.trackingCode}/rating`,
      headers: { ...browser(t.ctx), 'x-report-secret': second.secret },
      payload: { rating: 'not_satisfied', comment: 'Đèn vẫn chập chờn.' },
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ reopened: true, report: { status: 'in_progress' } });

    const staffView = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/inbox/${second.trackingCode}`,
      headers: haLongOfficer,
    });
    expect(staffView.json()).toMatchObject({ reopenCount: 1, ratingComment: 'Đèn vẫn chập chờn.' });
    expect(staffView.json().fullHistory.map((h: { action: string }) => h.action)).toContain(
      'noted',
    );
  });

  it('transfers a report to another agency with the reason in the public history', async () => {
    const filed = (await file(report())).json();
    const res = await act(haLongOfficer, filed.trackingCode, {
      action: 'transfer',
      agencyId: agencies.get('000.00.04.H49'),
      reason: 'Đèn trên quốc lộ do Sở Xây dựng quản lý.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'new', agency: { name: 'Sở Xây dựng' } });
    // The ward no longer reaches it; the province does.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/feedback/inbox/${filed.trackingCode}`,
          headers: haLongOfficer,
        })
      ).statusCode,
    ).toBe(404);
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/feedback/reports/${filed.trackingCode}` })
    ).json();
    expect(view.history.at(-1)).toMatchObject({
      action: 'transferred',
      agencyName: 'Sở Xây dựng',
      message: 'Đèn trên quốc lộ do Sở Xây dựng quản lý.',
    });
  });

  it('merges a duplicate: its followers follow the original', async () => {
    const original = (await file(report())).json();
    const duplicate = (
      await file(report({ reporter: { name: 'Trần Văn Bình', email: 'binh@example.vn' } }))
    ).json();
    const res = await act(haLongOfficer, duplicate.trackingCode, {
      action: 'duplicate',
      originalTrackingCode: original.trackingCode,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'duplicate', duplicateOf: original.trackingCode });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'duplicate', status: 'duplicate' });
    await act(haLongOfficer, original.trackingCode, { action: 'resolve', message: 'Đã sửa xong.' });
    const mails = await t.ctx.db
      .selectFrom('notification' as never)
      .select(['recipient' as never, 'template' as never])
      .execute();
    expect(mails).toEqual(
      expect.arrayContaining([
        { recipient: 'binh@example.vn', template: 'feedback_report_changed' },
      ]),
    );
  });

  it('lets moderators hide a report from the public while the reporter still sees it', async () => {
    const filed = (await file(report())).json();
    expect(
      (
        await act(provinceAdmin, filed.trackingCode, {
          action: 'hide',
          reason: 'Nội dung xúc phạm.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/feedback/reports/${filed.trackingCode}` }))
        .statusCode,
    ).toBe(404);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/reports/${filed.trackingCode}`,
      headers: { 'x-report-secret': filed.secret },
    });
    expect(own.json()).toMatchObject({ hidden: true });
  });

  it('audits every read of the reporter’s contact', async () => {
    const filed = (await file(report())).json();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/inbox/${filed.trackingCode}/reporter`,
      headers: haLongOfficer,
    });
    expect(res.json()).toEqual({
      anonymous: false,
      name: 'Nguyễn Thị Lan',
      email: 'lan.nguyen@example.vn',
      phone: '+84912345678',
      hasAccount: false,
    });
    const audit = await t.ctx.db
      .selectFrom('audit_event' as never)
      .select(['action' as never])
      .where('action' as never, '=', 'personal_data.read' as never)
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('files a report with a photo whose metadata is gone, once per idempotency key', async () => {
    const photo = await photoWithGps();
    const boundary = '----tinhso';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report())}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/feedback/reports',
        headers: {
          ...browser(t.ctx),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'idempotency-key': 'offline-queue-7f3a9c',
        },
        payload: body,
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const retried = await send();
    expect(retried.json().trackingCode).toBe(first.json().trackingCode);
    const count = await t.ctx.db
      .selectFrom('feedback_report' as never)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tracking_code' as never, '=', first.json().trackingCode as never)
      .executeTakeFirst();
    expect(Number((count as { n: unknown }).n)).toBe(1);

    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/feedback/reports/${first.json().trackingCode}`,
      })
    ).json();
    expect(view.media).toHaveLength(1);
    const served = await t.app.inject({ method: 'GET', url: view.media[0].url });
    expect(served.statusCode).toBe(200);
    const metadata = await sharp(served.rawPayload).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('SecretModel-123'))).toBe(false);
  });

  it('exports the filtered inbox to XLSX and CSV without the reporters’ contacts', async () => {
    const filed = (
      await file(report({ description: 'Đèn cao áp cháy ở ngõ 5, xuất file kiểm tra.' }))
    ).json();
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/inbox/export?format=xlsx&q=${encodeURIComponent('xuat file kiem tra')}`,
      headers: haLongOfficer,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/phan-anh-2026-03-02\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã phản ánh');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(filed.trackingCode);
    expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);

    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/feedback/inbox/export?format=csv',
      headers: haLongOfficer,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(filed.trackingCode);
    expect(csv.body).not.toContain('lan.nguyen@example.vn');
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/feedback/inbox/export?format=csv',
      headers: hongGaiOfficer,
    });
    expect(other.body).not.toContain(filed.trackingCode);
  });
});
