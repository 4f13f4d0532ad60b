import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { browser, createTestUser, signInStaff } from '../../kernel/auth/testing';
import { feedbackDb } from './feedback-db';
import { inboxMapFeed } from './inbox-map.queries';
import {
  HA_LONG_COMMITTEE,
  HA_LONG_POINT,
  HONG_GAI_POINT,
  STREETLIGHT,
  loadFeedbackFixtures,
} from './feedback.test-support';

const HONG_GAI_COMMITTEE = '000.00.36.H49';
const PROVINCE_COMMITTEE = '000.00.00.H49';

interface MapFeed {
  type: string;
  features: {
    type: string;
    geometry: { type: string; coordinates: number[] };
    properties: Record<string, unknown>;
  }[];
  cap: number;
  truncated: boolean;
}

describe('inbox map, assignees and officers', () => {
  // Monday 2 March 2026, 09:00 in Vietnam.
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let t: TestApp;
  let agencies: Map<string, string>;
  const headers: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};
  let haLongReport: string;
  let secondHaLongReport: string;
  let hongGaiReport: string;

  const file = async (point: { lat: number; lon: number }, description: string) => {
    // A minute apart, so "newest first" has one answer.
    clock.advance(60_000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/reports',
      headers: browser(t.ctx),
      payload: {
        categoryCode: STREETLIGHT,
        ...point,
        description,
        attributes: { lights_out: 'one' },
        reporter: { name: 'Đỗ Thị Hoa', email: 'hoa.do@example.vn' },
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json().trackingCode as string;
  };
  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: headers[who] });
  const act = (who: string, code: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/feedback/inbox/${code}/actions`,
      headers: headers[who],
      payload,
    });
  const codesOf = (feed: MapFeed) =>
    feed.features.map((feature) => feature.properties.trackingCode);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await loadFeedbackFixtures(t.ctx);
    // A role that may read reports but not act on them.
    await feedbackDb(t.ctx)
      .insertInto('authRole')
      .values({
        name: 'test_reader',
        labelVi: 'Chỉ xem',
        labelEn: 'Reader',
        permissions: ['records.read'],
      })
      .execute();
    const people: Array<[string, string, string, string]> = [
      ['haLongOfficer', 'Lê Thị Hà', HA_LONG_COMMITTEE, 'officer'],
      ['haLongColleague', 'Bùi Văn Cường', HA_LONG_COMMITTEE, 'officer'],
      ['haLongAdmin', 'Vũ Thị Quản', HA_LONG_COMMITTEE, 'agency_admin'],
      ['haLongReader', 'Ngô Văn Xem', HA_LONG_COMMITTEE, 'test_reader'],
      ['haLongLeaver', 'Đinh Văn Nghỉ', HA_LONG_COMMITTEE, 'officer'],
      ['hongGaiOfficer', 'Trịnh Thị Gai', HONG_GAI_COMMITTEE, 'officer'],
      ['provinceAdmin', 'Hoàng Văn Tỉnh', PROVINCE_COMMITTEE, 'province_admin'],
    ];
    for (const [key, fullName, agency, role] of people) {
      const account = await createTestUser(t.ctx, {
        email: `${key.toLowerCase()}@example.vn`,
        fullName,
        agencyId: agencies.get(agency)!,
        roles: [role],
      });
      ids[key] = account.id;
      if (key !== 'haLongLeaver' && key !== 'haLongAdmin') {
        headers[key] = browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
      }
    }
    await feedbackDb(t.ctx)
      .updateTable('appUser')
      .set({ status: 'disabled' })
      .where('id', '=', ids.haLongLeaver!)
      .execute();

    haLongReport = await file(HA_LONG_POINT, 'Đèn trước nhà văn hóa khu 3 tắt cả tuần.');
    secondHaLongReport = await file(HA_LONG_POINT, 'Cột đèn nghiêng sau bão, mã kiểm tra bản đồ.');
    hongGaiReport = await file(HONG_GAI_POINT, 'Đèn chợ Hạ Long 1 chập chờn mỗi tối.');
  });
  afterAll(async () => t.close());

  describe('GET /api/feedback/inbox/map', () => {
    it('gives an officer the points of their own ward only, with four properties each', async () => {
      const res = await get('haLongOfficer', '/api/feedback/inbox/map');
      expect(res.statusCode).toBe(200);
      const feed = res.json<MapFeed>();
      expect(feed).toMatchObject({ type: 'FeatureCollection', cap: 20_000, truncated: false });
      expect(codesOf(feed)).toEqual(expect.arrayContaining([haLongReport, secondHaLongReport]));
      expect(codesOf(feed)).not.toContain(hongGaiReport);
      const point = feed.features.find((f) => f.properties.trackingCode === haLongReport)!;
      expect(point).toEqual({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [HA_LONG_POINT.lon, HA_LONG_POINT.lat] },
        properties: {
          trackingCode: haLongReport,
          status: 'new',
          categoryName: 'Đèn chiếu sáng',
          lateness: 'on_time',
        },
      });
      // Nothing personal, not even the text of the report.
      expect(res.body).not.toContain('hoa.do@example.vn');
      expect(res.body).not.toContain('nhà văn hóa');

      const other = (await get('hongGaiOfficer', '/api/feedback/inbox/map')).json<MapFeed>();
      expect(codesOf(other)).toContain(hongGaiReport);
      expect(codesOf(other)).not.toContain(haLongReport);
      expect(codesOf(other)).not.toContain(secondHaLongReport);
    });

    it('cannot be widened to another agency by the agency filter', async () => {
      const haLong = agencies.get(HA_LONG_COMMITTEE)!;
      const res = await get('hongGaiOfficer', `/api/feedback/inbox/map?agencyId=${haLong}`);
      expect(res.statusCode).toBe(200);
      expect(res.json<MapFeed>().features).toEqual([]);

      // The province sees both wards, and narrows to one with the same filter.
      const all = (await get('provinceAdmin', '/api/feedback/inbox/map')).json<MapFeed>();
      expect(codesOf(all)).toEqual(expect.arrayContaining([haLongReport, hongGaiReport]));
      const narrowed = (
        await get(
          'provinceAdmin',
          `/api/feedback/inbox/map?agencyId=${agencies.get(HONG_GAI_COMMITTEE)}`,
        )
      ).json<MapFeed>();
      expect(codesOf(narrowed)).toContain(hongGaiReport);
      expect(codesOf(narrowed)).not.toContain(haLongReport);
    });

    it('applies the list’s filters: text, status, and shows hidden reports to staff', async () => {
      const searched = (
        await get(
          'haLongOfficer',
          `/api/feedback/inbox/map?q=${encodeURIComponent('ma kiem tra ban do')}`,
        )
      ).json<MapFeed>();
      expect(codesOf(searched)).toEqual([secondHaLongReport]);

      expect(
        (await act('haLongOfficer', secondHaLongReport, { action: 'receive' })).statusCode,
      ).toBe(200);
      const received = (
        await get('haLongOfficer', '/api/feedback/inbox/map?status=received')
      ).json<MapFeed>();
      expect(codesOf(received)).toEqual([secondHaLongReport]);
      expect(received.features[0]!.properties.status).toBe('received');

      expect(
        (await act('haLongOfficer', secondHaLongReport, { action: 'hide', reason: 'Thử ẩn.' }))
          .statusCode,
      ).toBe(200);
      const staffMap = (await get('haLongOfficer', '/api/feedback/inbox/map')).json<MapFeed>();
      expect(codesOf(staffMap)).toContain(secondHaLongReport);
      const publicMap = await t.app.inject({
        method: 'GET',
        url: '/api/feedback/map?status=all',
      });
      expect(publicMap.body).not.toContain(secondHaLongReport);
      await act('haLongOfficer', secondHaLongReport, { action: 'unhide' });
    });

    it('says when the answer was cut at the cap, keeping the newest points', async () => {
      const scope = { kind: 'agencies' as const, agencyIds: [agencies.get(HA_LONG_COMMITTEE)!] };
      const feed = await inboxMapFeed(feedbackDb(t.ctx), {}, scope, clock.now(), 1);
      expect(feed.truncated).toBe(true);
      expect(feed.cap).toBe(1);
      expect(codesOf(feed as MapFeed)).toEqual([secondHaLongReport]);
      const whole = await inboxMapFeed(feedbackDb(t.ctx), {}, scope, clock.now(), 2);
      expect(whole.truncated).toBe(false);
      expect(whole.features).toHaveLength(2);
    });

    it('refuses bad filters, paging parameters and anonymous callers', async () => {
      for (const query of ['status=bogus', 'agencyId=not-a-uuid', 'page=2', 'from=yesterday']) {
        const res = await get('haLongOfficer', `/api/feedback/inbox/map?${query}`);
        expect({ query, status: res.statusCode, code: res.json().error.code }).toEqual({
          query,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/feedback/inbox/map' });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe('GET /api/feedback/inbox/:code/assignees', () => {
    it('lists the active officers of the responsible ward who may handle reports', async () => {
      const res = await get('haLongOfficer', `/api/feedback/inbox/${haLongReport}/assignees`);
      expect(res.statusCode).toBe(200);
      // Sorted by name; no administrator without the right, no disabled account, no other
      // ward, no province staff; nothing but the id and the name.
      expect(res.json()).toEqual({
        items: [
          { id: ids.haLongColleague, fullName: 'Bùi Văn Cường' },
          { id: ids.haLongOfficer, fullName: 'Lê Thị Hà' },
        ],
      });
      const province = await get('provinceAdmin', `/api/feedback/inbox/${haLongReport}/assignees`);
      expect(province.json()).toEqual(res.json());
    });

    it('answers 404 outside the officer’s reach, 403 without the right to act, 400 on a bad code', async () => {
      const outside = await get('hongGaiOfficer', `/api/feedback/inbox/${haLongReport}/assignees`);
      expect(outside.statusCode).toBe(404);
      expect(outside.body).not.toContain('Lê Thị Hà');
      const reader = await get('haLongReader', `/api/feedback/inbox/${haLongReport}/assignees`);
      expect(reader.statusCode).toBe(403);
      const bad = await get('haLongOfficer', `/api/feedback/inbox/${'X'.repeat(40)}/assignees`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
      const unknown = await get('haLongOfficer', '/api/feedback/inbox/PA-000000-ZZZZZ/assignees');
      expect(unknown.statusCode).toBe(404);
    });

    it('assigns to a listed colleague, refuses another ward’s officer, and unassigns', async () => {
      const assigned = await act('haLongOfficer', haLongReport, {
        action: 'assign',
        assigneeId: ids.haLongColleague,
      });
      expect(assigned.statusCode).toBe(200);
      expect(assigned.json().assigneeId).toBe(ids.haLongColleague);
      const mine = (
        await get('haLongColleague', `/api/feedback/inbox?assigneeId=${ids.haLongColleague}`)
      ).json();
      expect(mine.items.map((item: { trackingCode: string }) => item.trackingCode)).toEqual([
        haLongReport,
      ]);
      const mapped = (
        await get('haLongColleague', `/api/feedback/inbox/map?assigneeId=${ids.haLongColleague}`)
      ).json<MapFeed>();
      expect(codesOf(mapped)).toEqual([haLongReport]);

      const foreign = await act('haLongOfficer', haLongReport, {
        action: 'assign',
        assigneeId: ids.hongGaiOfficer,
      });
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().error.code).toBe('REPORT_ASSIGNEE_INVALID');

      const unassigned = await act('haLongOfficer', haLongReport, {
        action: 'assign',
        assigneeId: null,
      });
      expect(unassigned.statusCode).toBe(200);
      expect(unassigned.json().assigneeId).toBeNull();
    });
  });

  describe('GET /api/feedback/inbox/officers', () => {
    it('offers the officers of the agencies in reach, for the assignee filter', async () => {
      const haLong = await get('haLongOfficer', '/api/feedback/inbox/officers');
      expect(haLong.statusCode).toBe(200);
      const names = haLong.json().items.map((item: { fullName: string }) => item.fullName);
      expect(names).toEqual(['Bùi Văn Cường', 'Lê Thị Hà']);
      const hongGai = await get('hongGaiOfficer', '/api/feedback/inbox/officers');
      expect(hongGai.json().items).toEqual([{ id: ids.hongGaiOfficer, fullName: 'Trịnh Thị Gai' }]);
      const anonymous = await t.app.inject({ method: 'GET', url: '/api/feedback/inbox/officers' });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
