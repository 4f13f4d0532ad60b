import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { browser, createTestAgencies, createTestUser, signInStaff } from '../auth/testing';
import { startScheduler } from './index';

describe('job status API', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-11-21T06:00:00Z'));
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const agencies = await createTestAgencies(t.ctx, 'JB');
    const provinceAdmin = await createTestUser(t.ctx, {
      email: 'quantri.jb@quangninh.example',
      agencyId: agencies.province,
      roles: ['province_admin'],
    });
    const clerk = await createTestUser(t.ctx, {
      email: 'canbo.jb@quangninh.example',
      agencyId: agencies.communeA,
      roles: ['officer'],
    });
    admin = await signInStaff(t.app, t.ctx, clock, provinceAdmin);
    officer = await signInStaff(t.app, t.ctx, clock, clerk);
  });
  afterAll(async () => t.close());

  const get = (cookie?: string) =>
    t.app.inject({ method: 'GET', url: '/api/jobs', headers: browser(t.ctx, cookie) });

  it('asks anonymous callers to sign in and refuses staff without events.manage', async () => {
    expect((await get()).statusCode).toBe(401);
    const res = await get(officer);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual({ permission: 'events.manage' });
  });

  it("shows each job's last run and outcome", async () => {
    const scheduler = startScheduler(
      t.ctx,
      [
        { name: 'test.report_digest', everySeconds: 600, run: async () => {} },
        {
          name: 'test.sync_national_portal',
          everySeconds: 60,
          run: async () => {
            throw new Error('Cổng DVC quốc gia trả lỗi 503');
          },
        },
      ],
      { poll: false },
    );
    const ranAt = clock.now().toISOString();
    await scheduler.runDue();
    await scheduler.stop();

    const res = await get(admin);
    expect(res.statusCode).toBe(200);
    const byName = new Map(
      res.json().items.map((item: { name: string }) => [item.name, item] as const),
    );
    expect(byName.get('test.report_digest')).toEqual({
      name: 'test.report_digest',
      everySeconds: 600,
      state: 'idle',
      lastStartedAt: ranAt,
      lastFinishedAt: ranAt,
      lastStatus: 'ok',
      lastError: null,
      nextRunAt: new Date(Date.parse(ranAt) + 600_000).toISOString(),
    });
    expect(byName.get('test.sync_national_portal')).toMatchObject({
      lastStatus: 'failed',
      lastError: 'Cổng DVC quốc gia trả lỗi 503',
    });
  });
});
