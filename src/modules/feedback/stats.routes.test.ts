/**
 * The report statistics over HTTP: the public scorecard, the map feed and the operations
 * KPIs, computed from reports filed through the API and handled by officers, over a week
 * whose instants are set by hand so that every expected number can be worked out below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { browser, createTestUser, signInStaff } from '../../kernel/auth/testing';
import {
  CULTURE_DEPARTMENT,
  HA_LONG_COMMITTEE,
  HA_LONG_POINT,
  HONG_GAI_POINT,
  STREETLIGHT,
  TOURISM,
  loadFeedbackFixtures,
} from './feedback.test-support';
import { MapFeed } from './stats.schemas';

const HONG_GAI_COMMITTEE = '000.00.36.H49';
const HA_LONG_WARD = '06688';
const REPORTER = { name: 'Phạm Thị Hoa', email: 'hoa.pham@example.vn', phone: '0987654321' };

// Monday 2 March 2026, 09:00 in Vietnam.
const MONDAY_0900 = new Date('2026-03-02T02:00:00Z');
const MONDAY_1100 = new Date('2026-03-02T04:00:00Z');
const TUESDAY_0900 = new Date('2026-03-03T02:00:00Z');
const WEDNESDAY_1530 = new Date('2026-03-04T08:30:00Z');
// 00:30 on Thursday in Vietnam, still Wednesday in UTC.
const THURSDAY_0030 = new Date('2026-03-04T17:30:00Z');
const THURSDAY_1000 = new Date('2026-03-05T03:00:00Z');
/** When the statistics are read: a few minutes after the last change. */
const NOW = new Date('2026-03-05T03:05:00Z');

interface Filed {
  trackingCode: string;
  secret: string;
  commune: { code: string };
}

describe('report statistics API', () => {
  const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
  let t: TestApp;
  let agencies: Map<string, string>;
  const accounts: Record<string, { email: string; password: string }> = {};
  const filed: Record<string, Filed> = {};

  let signIns = 0;
  /**
   * Signs in shortly before the instant, so the sign-in steps leave the instant exact; each
   * sign-in starts a minute later than the one before, so no authenticator code is reused.
   */
  async function staffAt(who: string, at: Date) {
    signIns += 1;
    clock.set(new Date(at.getTime() - (30 - signIns) * 60_000));
    const cookie = await signInStaff(t.app, t.ctx, clock, accounts[who]!);
    clock.set(at);
    return browser(t.ctx, cookie);
  }
  async function file(name: string, categoryCode: string, point: object, at: Date) {
    clock.set(at);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/reports',
      headers: browser(t.ctx),
      payload: {
        categoryCode,
        ...point,
        description: `Phản ánh thử nghiệm ${name}: đèn đường không sáng.`,
        attributes: categoryCode === STREETLIGHT ? { lights_out: 'one' } : {},
        reporter: REPORTER,
      },
    });
    expect(res.statusCode).toBe(201);
    filed[name] = res.json();
  }
  async function act(who: string, at: Date, name: string, payload: object) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/inbox/${filed[name]!.trackingCode}/actions`,
      headers: await staffAt(who, at),
      payload,
    });
    expect(res.statusCode).toBe(200);
  }
  async function rate(name: string, rating: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/reports/${filed[name]!.trackingCode}/rating`,
      headers: { ...browser(t.ctx), 'x-report-secret': filed[name]!.secret },
      payload: { rating },
    });
    expect(res.statusCode).toBe(200);
  }
  async function map(query: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/feedback/map${query}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    expect(res.body).not.toContain(REPORTER.email);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json();
    // The feed's text is written by hand (reportMapFeedJson): it must be what the API
    // documents, GeoJSON included.
    expect([...Value.Errors(MapFeed, body)]).toEqual([]);
    const byName = new Map(Object.entries(filed).map(([name, f]) => [f.trackingCode, name]));
    return {
      body,
      points: Object.fromEntries(
        body.features.map((f: { id: string; properties: { lateness: string } }) => [
          byName.get(f.id),
          f.properties.lateness,
        ]),
      ),
    };
  }

  let wednesdayMap: Awaited<ReturnType<typeof map>>;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await loadFeedbackFixtures(t.ctx);
    for (const [who, agency, role] of [
      ['haLong', HA_LONG_COMMITTEE, 'officer'],
      ['hongGai', HONG_GAI_COMMITTEE, 'officer'],
      ['operator', '000.00.00.H49', 'operator'],
    ] as const) {
      accounts[who] = await createTestUser(t.ctx, {
        email: `${who.toLowerCase()}@example.vn`,
        agencyId: agencies.get(agency)!,
        roles: [role],
      });
    }
    // Streetlights get 3 working days (due Wednesday 17:00), tourism 16 working hours (due
    // Wednesday 09:00). Working time counts 07:00–11:30 and 13:30–17:00.
    for (const name of ['A', 'B']) await file(name, STREETLIGHT, HA_LONG_POINT, MONDAY_0900);
    for (const name of ['C', 'F']) await file(name, STREETLIGHT, HONG_GAI_POINT, MONDAY_0900);
    await file('D', TOURISM, HA_LONG_POINT, MONDAY_0900);
    // A: answered after 2 working hours, rated satisfied.
    await act('haLong', MONDAY_1100, 'A', { action: 'resolve', message: 'Đã thay bóng đèn.' });
    await rate('A', 'satisfied');
    // C and F: answered after 8 working hours (Monday 6 h, Tuesday 2 h); C rated not satisfied.
    await act('hongGai', TUESDAY_0900, 'C', { action: 'reject', reason: 'Đèn thuộc khu dân cư.' });
    await act('hongGai', TUESDAY_0900, 'F', { action: 'resolve', message: 'Đã sửa.' });
    await rate('C', 'not_satisfied');
    clock.set(WEDNESDAY_1530);
    wednesdayMap = await map('?status=all');
    await file('I', STREETLIGHT, HONG_GAI_POINT, THURSDAY_0030);
    // B: answered Thursday 10:00, late, after 6 + 8 + 8 + 3 = 25 working hours.
    await act('haLong', THURSDAY_1000, 'B', { action: 'resolve', message: 'Đã sửa xong.' });
    await file('E', STREETLIGHT, HA_LONG_POINT, THURSDAY_1000);
    await file('H', STREETLIGHT, HA_LONG_POINT, THURSDAY_1000);
    await act('haLong', THURSDAY_1000, 'H', { action: 'hide', reason: 'Nội dung trùng lặp.' });
    clock.set(NOW);
  });
  afterAll(async () => t.close());

  it('ranks agencies by answers on time, with working hours and satisfaction', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/feedback/scorecard' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    for (const personal of [REPORTER.name, REPORTER.email, REPORTER.phone]) {
      expect(res.body).not.toContain(personal);
    }
    const body = res.json();
    expect(body.to).toBe(NOW.toISOString());
    expect(body.from).toBe(new Date(NOW.getTime() - 90 * 86_400_000).toISOString());
    const rows = body.agencies.map((row: { agency: { code: string } }) => ({
      ...row,
      agency: row.agency.code,
    }));
    expect(rows).toEqual([
      {
        agency: HONG_GAI_COMMITTEE,
        received: 3,
        answered: 2,
        answeredOnTime: 2,
        onTimeRate: 1,
        averageAnswerWorkingHours: 8,
        satisfactionRate: 0,
        rated: 1,
        openNow: 1,
        overdueNow: 0,
      },
      {
        agency: HA_LONG_COMMITTEE,
        received: 4,
        answered: 2,
        answeredOnTime: 1,
        onTimeRate: 0.5,
        averageAnswerWorkingHours: 13.5,
        satisfactionRate: 1,
        rated: 1,
        openNow: 2,
        overdueNow: 0,
      },
      {
        agency: CULTURE_DEPARTMENT,
        received: 1,
        answered: 0,
        answeredOnTime: 0,
        onTimeRate: null,
        averageAnswerWorkingHours: null,
        satisfactionRate: null,
        rated: 0,
        openNow: 1,
        overdueNow: 1,
      },
    ]);
    expect(body.agencies[1].agency).toEqual({
      id: agencies.get(HA_LONG_COMMITTEE),
      code: HA_LONG_COMMITTEE,
      name: 'UBND phường Hạ Long',
      nameEn: expect.any(String),
    });
    expect(body.totals).toEqual({
      received: 8,
      answered: 4,
      answeredOnTime: 3,
      onTimeRate: 0.75,
      averageAnswerWorkingHours: 10.75,
      satisfactionRate: 0.5,
      rated: 2,
      openNow: 4,
      overdueNow: 1,
    });
  });

  it('limits the scorecard to the window asked for, and refuses an inverted one', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/scorecard?from=${TUESDAY_0900.toISOString()}`,
    });
    expect(res.statusCode).toBe(200);
    const counts = res
      .json()
      .agencies.map((row: { agency: { code: string }; received: number; openNow: number }) => [
        row.agency.code,
        row.received,
        row.openNow,
      ]);
    // Only I, E and H were filed since Tuesday, none answered yet, so the agencies rank by
    // name; D is still open, so its department still shows.
    expect(counts).toEqual([
      [CULTURE_DEPARTMENT, 0, 1],
      [HA_LONG_COMMITTEE, 2, 2],
      [HONG_GAI_COMMITTEE, 1, 1],
    ]);
    const inverted = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/scorecard?from=${THURSDAY_1000.toISOString()}&to=${MONDAY_0900.toISOString()}`,
    });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('maps public reports with their lateness as GeoJSON', async () => {
    // Wednesday 15:30: B and F have less than a fifth of their time left, D is past it.
    expect(wednesdayMap.points).toEqual({
      A: 'on_time',
      B: 'due_soon',
      C: 'on_time',
      D: 'overdue',
      F: 'on_time',
    });
    const open = await map('');
    expect(open.body).toMatchObject({ type: 'FeatureCollection', truncated: false, cap: 20_000 });
    // H is hidden by moderation and never shown.
    expect(open.points).toEqual({ D: 'overdue', E: 'on_time', I: 'on_time' });
    const feature = open.body.features.find((f: { id: string }) => f.id === filed.E!.trackingCode);
    expect(feature).toEqual({
      type: 'Feature',
      id: filed.E!.trackingCode,
      geometry: { type: 'Point', coordinates: [HA_LONG_POINT.lon, HA_LONG_POINT.lat] },
      properties: { category: STREETLIGHT, status: 'new', lateness: 'on_time' },
    });
    const ward = await map(`?status=all&communeCode=${HA_LONG_WARD}&categoryCode=${STREETLIGHT}`);
    expect(ward.points).toEqual({ A: 'on_time', B: 'overdue', E: 'on_time' });
    const sinceThursday = await map(`?status=all&from=${THURSDAY_0030.toISOString()}`);
    expect(Object.keys(sinceThursday.points).sort()).toEqual(['E', 'I']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/feedback/map?status=closed' });
    expect(bad.statusCode).toBe(400);
  });

  it('gives the operations center its KPIs, to holders of ops.view only', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/feedback/ops' });
    expect(anonymous.statusCode).toBe(401);
    const officer = await t.app.inject({
      method: 'GET',
      url: '/api/feedback/ops',
      headers: await staffAt('haLong', NOW),
    });
    expect(officer.statusCode).toBe(403);

    const res = await t.app.inject({
      method: 'GET',
      url: '/api/feedback/ops',
      headers: await staffAt('operator', NOW),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain(REPORTER.email);
    expect(res.json()).toEqual({
      // E and H this morning, and I at 00:30 Vietnam time (which a UTC day would miss).
      reportsToday: 3,
      open: 4,
      overdue: 1,
      // Answered in the last 30 days: A, C and F on time, B late.
      onTimeRate30d: 0.75,
      satisfaction30d: 0.5,
      topCategories: [
        { code: STREETLIGHT, name: 'Đèn chiếu sáng', nameEn: 'Streetlights', reports: 7 },
        { code: TOURISM, name: 'Dịch vụ du lịch', nameEn: 'Tourism services', reports: 1 },
      ],
      communes: [
        { code: filed.I!.commune.code, name: 'Phường Hồng Gai', open: 1, reports30d: 3 },
        { code: HA_LONG_WARD, name: 'Phường Hạ Long', open: 3, reports30d: 5 },
      ].sort((a, b) => a.code.localeCompare(b.code)),
      generatedAt: NOW.toISOString(),
    });
  });
});
