import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../../app';
import { manifests } from '../../parts';
import type { Api } from '../http/api';
import type { Principal } from '../auth/principal';
import { createTestContext, type TestContext } from '../../../test/support/harness';

/**
 * Sign-in is another part's concern; these tests stand in for it with a hook that sets the
 * principal named by a test header, after the platform's own authentication hook.
 */
function staff(permissions: string[]): Principal {
  return {
    kind: 'user',
    id: '7d0c4c5e-1b4e-4f7e-9d55-6c1c2b7a9e01',
    type: 'staff',
    agencyId: null,
    permissions: new Set(permissions),
    sessionId: null,
    mfaPassed: true,
  };
}
const PRINCIPALS: Record<string, Principal> = {
  admin: staff(['calendar.manage']),
  clerk: staff([]),
};

describe('calendar API', () => {
  let test: TestContext;
  let app: Api;

  beforeAll(async () => {
    test = await createTestContext();
    app = await buildApp({ ctx: test.ctx, manifests });
    app.addHook('onRequest', async (request) => {
      const as = request.headers['x-test-as'];
      if (typeof as === 'string' && PRINCIPALS[as]) request.principal = PRINCIPALS[as];
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.close();
  });

  const get = (url: string, as?: string) =>
    app.inject({ method: 'GET', url, headers: as ? { 'x-test-as': as } : {} });
  const deadline = (from: string, amount: string) =>
    get(`/api/calendar/deadline?from=${encodeURIComponent(from)}&${amount}`);

  describe('public computations', () => {
    it('lists the days off of 2026 with their names and kinds', async () => {
      const res = await get('/api/calendar/holidays?year=2026');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.year).toBe(2026);
      expect(body.timezone).toBe('Asia/Ho_Chi_Minh');
      expect(body.daysOff).toHaveLength(12);
      expect(body.daysOff).toContainEqual({
        date: '2026-04-27',
        name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
        nameEn: "Hùng Kings' Commemoration Day (in lieu)",
        kind: 'in_lieu',
      });
      expect(body.daysOff).toContainEqual({
        date: '2026-02-17',
        name: 'Tết Nguyên đán (mùng 1)',
        nameEn: 'Lunar New Year (day 1)',
        kind: 'statutory',
      });
      expect(body.workingDays).toEqual([]);
    });

    it('refuses a year the calendar does not cover', async () => {
      const res = await get('/api/calendar/holidays?year=2020');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details[0].field).toBe('querystring.year');
    });

    it('computes a dossier deadline across the Tết 2026 break', async () => {
      const res = await deadline('2026-02-13T10:00:00+07:00', 'workingDays=3');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        from: '2026-02-13T03:00:00.000Z',
        deadline: '2026-02-24T10:00:00.000Z',
        deadlineLocal: '2026-02-24T17:00:00+07:00',
        timezone: 'Asia/Ho_Chi_Minh',
        unit: 'working_days',
        amount: 3,
      });
    });

    it('computes a deadline in working hours', async () => {
      const res = await deadline('2026-03-06T16:00:00+07:00', 'workingHours=2.5');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        deadlineLocal: '2026-03-09T08:30:00+07:00',
        unit: 'working_hours',
        amount: 2.5,
      });
    });

    it('asks for exactly one of working days and working hours', async () => {
      for (const amount of ['workingDays=1&workingHours=1', 'x=1']) {
        const res = await deadline('2026-03-06T16:00:00+07:00', amount);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION_FAILED');
      }
      const neither = await get(
        `/api/calendar/deadline?from=${encodeURIComponent('2026-03-06T16:00:00+07:00')}`,
      );
      expect(neither.statusCode).toBe(400);
      expect(neither.json().error.details).toEqual([
        {
          field: 'querystring.workingDays',
          message: 'give exactly one of workingDays, workingHours',
        },
      ]);
    });

    it('refuses an instant without its offset and a deadline past the covered years', async () => {
      const noOffset = await deadline('2026-03-06T16:00:00', 'workingDays=1');
      expect(noOffset.statusCode).toBe(400);
      expect(noOffset.json().error.details[0].field).toBe('querystring.from');
      const tooLate = await deadline('2100-12-31T10:00:00+07:00', 'workingDays=2');
      expect(tooLate.statusCode).toBe(422);
      expect(tooLate.json().error.code).toBe('CALENDAR_OUT_OF_RANGE');
    });

    it('measures working time between two instants', async () => {
      const from = encodeURIComponent('2026-03-02T08:00:00+07:00');
      const to = encodeURIComponent('2026-03-04T08:00:00+07:00');
      const res = await get(`/api/calendar/working-time?from=${from}&to=${to}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        from: '2026-03-02T01:00:00.000Z',
        to: '2026-03-04T01:00:00.000Z',
        workingMs: 16 * 3_600_000,
        workingHours: 16,
        workingDays: 2,
      });
      const backwards = await get(`/api/calendar/working-time?from=${to}&to=${from}`);
      expect(backwards.statusCode).toBe(422);
      expect(backwards.json().error.code).toBe('CALENDAR_INVALID_PERIOD');
    });
  });

  describe('exceptions administration', () => {
    const makeUpSaturday = {
      date: '2026-03-14',
      kind: 'working_day',
      name: 'Làm bù cho ngày nghỉ thứ Sáu 2/1/2026',
      nameEn: 'Make-up working day for Friday 2 January 2026',
    };
    const post = (body: unknown, as?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/calendar/exceptions',
        payload: body as Record<string, unknown>,
        headers: as ? { 'x-test-as': as } : {},
      });
    const remove = (id: string, as?: string) =>
      app.inject({
        method: 'DELETE',
        url: `/api/calendar/exceptions/${id}`,
        headers: as ? { 'x-test-as': as } : {},
      });

    it('asks anonymous callers to sign in', async () => {
      const list = await get('/api/calendar/exceptions?year=2026');
      expect(list.statusCode).toBe(401);
      expect(list.json().error.code).toBe('UNAUTHENTICATED');
      expect((await post(makeUpSaturday)).statusCode).toBe(401);
      expect((await remove('7d0c4c5e-1b4e-4f7e-9d55-6c1c2b7a9e02')).statusCode).toBe(401);
    });

    it('refuses staff without the calendar.manage permission', async () => {
      const res = await post(makeUpSaturday, 'clerk');
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'FORBIDDEN',
        details: { permission: 'calendar.manage' },
      });
    });

    it('records a make-up Saturday that deadlines then count, and removes it', async () => {
      const before = await deadline('2026-03-13T10:00:00+07:00', 'workingDays=2');
      expect(before.json().deadlineLocal).toBe('2026-03-16T17:00:00+07:00');

      const created = await post(makeUpSaturday, 'admin');
      expect(created.statusCode).toBe(201);
      const exception = created.json();
      expect(exception).toMatchObject({
        ...makeUpSaturday,
        createdBy: PRINCIPALS.admin!.id,
      });
      expect(exception.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(exception.createdAt).getTime()).not.toBeNaN();

      const listed = await get('/api/calendar/exceptions?year=2026', 'admin');
      expect(listed.statusCode).toBe(200);
      expect(listed.json()).toEqual({ year: 2026, items: [exception] });
      expect((await get('/api/calendar/exceptions?year=2027', 'admin')).json().items).toEqual([]);

      const after = await deadline('2026-03-13T10:00:00+07:00', 'workingDays=2');
      expect(after.json().deadlineLocal).toBe('2026-03-14T17:00:00+07:00');
      const holidays = (await get('/api/calendar/holidays?year=2026')).json();
      expect(holidays.workingDays).toEqual([
        { date: '2026-03-14', name: makeUpSaturday.name, nameEn: makeUpSaturday.nameEn },
      ]);

      const duplicate = await post({ ...makeUpSaturday, kind: 'day_off' }, 'admin');
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().error.code).toBe('CALENDAR_EXCEPTION_EXISTS');

      const deleted = await remove(exception.id, 'admin');
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe('');
      const restored = await deadline('2026-03-13T10:00:00+07:00', 'workingDays=2');
      expect(restored.json().deadlineLocal).toBe('2026-03-16T17:00:00+07:00');

      const again = await remove(exception.id, 'admin');
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe('CALENDAR_EXCEPTION_NOT_FOUND');

      const audit = await sql<{ action: string; actorId: string; details: { date: string } }>`
        SELECT action, actor_id, details FROM audit_event
        WHERE record_id = ${exception.id} ORDER BY id`.execute(test.ctx.db);
      expect(audit.rows).toEqual([
        {
          action: 'calendar.exception_added',
          actorId: PRINCIPALS.admin!.id,
          details: { date: '2026-03-14', kind: 'working_day', name: makeUpSaturday.name },
        },
        {
          action: 'calendar.exception_removed',
          actorId: PRINCIPALS.admin!.id,
          details: { date: '2026-03-14', kind: 'working_day', name: makeUpSaturday.name },
        },
      ]);
    });

    it('records a bridging day off that the holiday list then shows', async () => {
      const created = await post(
        {
          date: '2026-01-02',
          kind: 'day_off',
          name: 'Nghỉ liền Tết Dương lịch',
          nameEn: "Day off after New Year's Day",
        },
        'admin',
      );
      expect(created.statusCode).toBe(201);
      const holidays = (await get('/api/calendar/holidays?year=2026')).json();
      expect(holidays.daysOff).toContainEqual({
        date: '2026-01-02',
        name: 'Nghỉ liền Tết Dương lịch',
        nameEn: "Day off after New Year's Day",
        kind: 'exception',
      });
    });

    it('refuses an exception that would change nothing', async () => {
      const wednesday = await post(
        { date: '2026-03-11', kind: 'working_day', name: 'Đi làm', nameEn: 'Work' },
        'admin',
      );
      expect(wednesday.statusCode).toBe(422);
      expect(wednesday.json().error).toMatchObject({
        code: 'CALENDAR_EXCEPTION_NO_EFFECT',
        details: { date: '2026-03-11', working: true, reason: 'weekday' },
      });
      const tet = await post(
        { date: '2026-02-17', kind: 'day_off', name: 'Nghỉ', nameEn: 'Off' },
        'admin',
      );
      expect(tet.statusCode).toBe(422);
    });

    it('validates the body and the id', async () => {
      const badDate = await post({ ...makeUpSaturday, date: '2026-02-30' }, 'admin');
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().error.details[0].field).toBe('body.date');
      const extra = await post({ ...makeUpSaturday, createdBy: 'someone' }, 'admin');
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error.details).toContainEqual({
        field: 'body.createdBy',
        message: 'unknown field',
      });
      const blank = await post({ ...makeUpSaturday, name: '   ' }, 'admin');
      expect(blank.statusCode).toBe(400);
      const outside = await post({ ...makeUpSaturday, date: '2019-03-16' }, 'admin');
      expect(outside.statusCode).toBe(422);
      expect(outside.json().error.code).toBe('CALENDAR_OUT_OF_RANGE');
      const badId = await remove('not-a-uuid', 'admin');
      expect(badId.statusCode).toBe(400);
    });

    it('documents the routes in the OpenAPI description', async () => {
      const doc = (await get('/api/openapi.json')).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/calendar/holidays',
          '/api/calendar/deadline',
          '/api/calendar/working-time',
          '/api/calendar/exceptions',
          '/api/calendar/exceptions/{id}',
        ]),
      );
    });
  });
});
