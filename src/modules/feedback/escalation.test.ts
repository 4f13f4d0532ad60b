/**
 * Escalation of overdue reports, driven by the job the scheduler runs: a report filed on the
 * Friday before the Hùng Kings holiday escalates only once its working-day deadline (which
 * skips the weekend and the holiday) has passed, to the provincial committee, and stays in
 * the commune's inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { browser, createTestUser, signInStaff } from '../../kernel/auth/testing';
import { collectJobs } from '../../kernel/jobs';
import { feedbackManifest } from './index';
import {
  HA_LONG_COMMITTEE,
  HA_LONG_POINT,
  STREETLIGHT,
  loadFeedbackFixtures,
} from './feedback.test-support';
import { ESCALATION_JOB } from './escalation';
import { feedbackDb } from './feedback-db';

const PROVINCE_COMMITTEE = '000.00.00.H49';

describe('escalation of overdue reports', () => {
  // Friday 24 April 2026, 09:00 in Vietnam; Sunday 26 is the Hùng Kings' day, Monday 27 its
  // day in lieu.
  const clock = new ManualClock(new Date('2026-04-24T02:00:00Z'));
  let t: TestApp;
  let agencies: Map<string, string>;
  const accounts: Record<string, { email: string; password: string }> = {};

  const job = () => collectJobs([feedbackManifest]).find((j) => j.name === ESCALATION_JOB)!;
  const staff = async (who: string) =>
    browser(t.ctx, await signInStaff(t.app, t.ctx, clock, accounts[who]!));
  const file = async (description: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/feedback/reports',
      headers: browser(t.ctx),
      payload: {
        categoryCode: STREETLIGHT,
        ...HA_LONG_POINT,
        description,
        attributes: { lights_out: 'one' },
        reporter: { name: 'Trần Văn Minh', email: 'minh.tran@example.vn' },
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ trackingCode: string; deadlineAt: string }>();
  };
  const staffView = async (who: string, code: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/inbox/${code}`,
      headers: await staff(who),
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const escalatedInbox = async (who: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/inbox?escalated=true&agencyId=${agencies.get(PROVINCE_COMMITTEE)}`,
      headers: await staff(who),
    });
    expect(res.statusCode).toBe(200);
    return res.json().items as Array<{ trackingCode: string; escalationLevel: number }>;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await loadFeedbackFixtures(t.ctx);
    for (const [who, agency] of [
      ['commune', HA_LONG_COMMITTEE],
      ['province', PROVINCE_COMMITTEE],
    ] as const) {
      accounts[who] = await createTestUser(t.ctx, {
        email: `canbo.${who}@example.vn`,
        agencyId: agencies.get(agency)!,
        roles: ['officer'],
      });
    }
  });
  afterAll(async () => t.close());

  it('escalates only after the working-day deadline, to the provincial committee', async () => {
    const filed = await file('Đèn đường trước chợ Hạ Long tắt cả tuần nay.');
    // Day 1 Friday 24; the weekend, Hùng Kings' Sunday and Monday in lieu are skipped;
    // day 2 Tuesday 28, day 3 Wednesday 29 April ends at 17:00.
    expect(filed.deadlineAt).toBe('2026-04-29T10:00:00.000Z');
    const deadline = new Date(filed.deadlineAt);

    // Tuesday 17:00 would be the deadline if the holiday were ignored; then one minute before.
    for (const at of [new Date('2026-04-28T10:01:00Z'), new Date(deadline.getTime() - 60_000)]) {
      clock.set(at);
      await job().run(t.ctx);
      const view = await staffView('commune', filed.trackingCode);
      expect(view.escalationLevel).toBe(0);
      expect(view.escalatedAgency).toBeNull();
      expect(await escalatedInbox('province')).toEqual([]);
    }

    clock.set(new Date(deadline.getTime() + 60_000));
    const escalatedAt = clock.now();
    await job().run(t.ctx);
    // Running again changes nothing: each report escalates once.
    await job().run(t.ctx);

    const communeView = await staffView('commune', filed.trackingCode);
    expect(communeView).toMatchObject({
      status: 'new',
      agency: { id: agencies.get(HA_LONG_COMMITTEE) },
      escalationLevel: 1,
      escalatedAgency: { id: agencies.get(PROVINCE_COMMITTEE), name: 'UBND tỉnh Quảng Ninh' },
      overdue: true,
    });
    const escalations = communeView.fullHistory.filter(
      (row: { action: string }) => row.action === 'escalated',
    );
    expect(escalations).toEqual([
      expect.objectContaining({
        at: escalatedAt.toISOString(),
        actorType: 'system',
        visibility: 'public',
        message: expect.stringContaining('UBND tỉnh Quảng Ninh'),
      }),
    ]);

    const publicView = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/reports/${filed.trackingCode}`,
    });
    expect(publicView.json().history.map((row: { action: string }) => row.action)).toContain(
      'escalated',
    );

    const db = feedbackDb(t.ctx);
    const report = await db
      .selectFrom('feedbackReport')
      .select('id')
      .where('trackingCode', '=', filed.trackingCode)
      .executeTakeFirstOrThrow();
    const audit = await db
      .selectFrom('auditEvent')
      .select(['actorType', 'action', 'details'])
      .where('recordId', '=', report.id)
      .where('action', '=', 'feedback.escalated')
      .execute();
    expect(audit).toEqual([
      {
        actorType: 'system',
        action: 'feedback.escalated',
        details: expect.objectContaining({
          trackingCode: filed.trackingCode,
          escalatedAgencyId: agencies.get(PROVINCE_COMMITTEE),
        }),
      },
    ]);

    // The commune still sees it in its own inbox; the province sees it as escalated.
    const communeInbox = await t.app.inject({
      method: 'GET',
      url: `/api/feedback/inbox?agencyId=${agencies.get(HA_LONG_COMMITTEE)}`,
      headers: await staff('commune'),
    });
    expect(
      communeInbox.json().items.map((i: { trackingCode: string }) => i.trackingCode),
    ).toContain(filed.trackingCode);
    expect(await escalatedInbox('province')).toEqual([
      expect.objectContaining({ trackingCode: filed.trackingCode, escalationLevel: 1 }),
    ]);
  });

  it('leaves a report at a root agency, and answered reports, where they are', async () => {
    clock.set(new Date('2026-05-04T02:00:00Z'));
    const atRoot = await file('Cột đèn nghiêng sắp đổ ở ngõ 5, cần kiểm tra gấp.');
    const answered = await file('Bóng đèn nhấp nháy cả đêm trước nhà văn hoá khu 3.');
    const province = await staff('province');
    const transfer = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/inbox/${atRoot.trackingCode}/actions`,
      headers: province,
      payload: {
        action: 'transfer',
        agencyId: agencies.get(PROVINCE_COMMITTEE),
        reason: 'Tỉnh trực tiếp xử lý.',
      },
    });
    expect(transfer.statusCode).toBe(200);
    const resolve = await t.app.inject({
      method: 'POST',
      url: `/api/feedback/inbox/${answered.trackingCode}/actions`,
      headers: province,
      payload: { action: 'resolve', message: 'Đã thay bóng đèn.' },
    });
    expect(resolve.statusCode).toBe(200);

    clock.set(new Date(new Date(atRoot.deadlineAt).getTime() + 86_400_000));
    await job().run(t.ctx);
    for (const code of [atRoot.trackingCode, answered.trackingCode]) {
      const view = await staffView('province', code);
      expect(view.escalationLevel).toBe(0);
      expect(view.fullHistory.map((row: { action: string }) => row.action)).not.toContain(
        'escalated',
      );
    }
  });
});
