import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import type { PeriodicJob } from '../manifest';
import { recordAudit, verifyAuditChain } from '../audit';
import { auditManifest } from '../audit/audit.manifest';
import { collectJobs, listJobStatus, startScheduler } from './index';
import { claimJob } from './jobs.queries';

// One database for the file; every test uses jobs of its own names.
describe('scheduler', () => {
  let t: TestContext;
  const clock = new ManualClock(new Date('2026-11-21T03:00:00Z'));
  beforeAll(async () => {
    t = await createTestContext({ clock });
  });
  afterAll(async () => t.close());

  async function statusOf(name: string) {
    return (await listJobStatus(t.ctx)).find((job) => job.name === name);
  }

  it('never runs a job in two schedulers at once', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let gate: Promise<void> = Promise.resolve();
    const job: PeriodicJob = {
      name: 'test.exclusive',
      everySeconds: 1,
      run: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        runs += 1;
        await gate;
        active -= 1;
      },
    };
    const a = startScheduler(t.ctx, [job], { poll: false });
    const b = startScheduler(t.ctx, [job], { poll: false });

    // While A's run is in progress, B may not start the job, even long after it fell due.
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    const runningInA = a.runDue();
    await vi.waitFor(() => expect(active).toBe(1), { timeout: 30_000, interval: 10 });
    clock.advance(10_000);
    expect(await b.runDue()).toEqual([]);
    expect((await statusOf('test.exclusive'))?.state).toBe('running');
    release();
    expect(await runningInA).toEqual([{ name: 'test.exclusive', status: 'ok' }]);
    // Due again (started 10 s ago, every second): B takes its turn.
    expect(await b.runDue()).toEqual([{ name: 'test.exclusive', status: 'ok' }]);

    // Both schedulers racing for every beat: exactly one run per beat.
    gate = Promise.resolve();
    runs = 0;
    for (let beat = 0; beat < 15; beat += 1) {
      clock.advance(1000);
      const [fromA, fromB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(fromA.length + fromB.length).toBe(1);
    }
    expect(runs).toBe(15);
    expect(maxActive).toBe(1);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('records a failing run and runs the job again at its next interval', async () => {
    let attempts = 0;
    const job: PeriodicJob = {
      name: 'test.flaky_import',
      everySeconds: 300,
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('Cổng dữ liệu quốc gia không phản hồi');
      },
    };
    const scheduler = startScheduler(t.ctx, [job], { poll: false });
    const startedAt = clock.now();
    expect(await scheduler.runDue()).toEqual([
      {
        name: 'test.flaky_import',
        status: 'failed',
        error: 'Cổng dữ liệu quốc gia không phản hồi',
      },
    ]);
    expect(await statusOf('test.flaky_import')).toEqual({
      name: 'test.flaky_import',
      everySeconds: 300,
      state: 'idle',
      lastStartedAt: startedAt,
      lastFinishedAt: startedAt,
      lastStatus: 'failed',
      lastError: 'Cổng dữ liệu quốc gia không phản hồi',
      nextRunAt: new Date(startedAt.getTime() + 300_000),
    });

    clock.advance(299_000);
    expect(await scheduler.runDue()).toEqual([]);
    clock.advance(1000);
    expect(await scheduler.runDue()).toEqual([{ name: 'test.flaky_import', status: 'ok' }]);
    expect(await statusOf('test.flaky_import')).toMatchObject({
      lastStatus: 'ok',
      lastError: null,
    });
    expect(attempts).toBe(2);
    await scheduler.stop();
  });

  it('takes over a job whose scheduler died, once its lease lapses', async () => {
    let runs = 0;
    const job: PeriodicJob = {
      name: 'test.orphaned',
      everySeconds: 1,
      run: async () => void runs++,
    };
    const now = clock.now();
    // A scheduler claimed the job and died without finishing it.
    expect(
      await claimJob(t.ctx.db, job, 'dead-host:1:x', now, new Date(now.getTime() + 60_000)),
    ).toBe(true);
    const scheduler = startScheduler(t.ctx, [job], { poll: false, leaseMs: 60_000 });
    clock.advance(59_000);
    expect(await scheduler.runDue()).toEqual([]);
    clock.advance(1000);
    expect(await scheduler.runDue()).toEqual([{ name: 'test.orphaned', status: 'ok' }]);
    expect(runs).toBe(1);
    await scheduler.stop();
  });

  it('lists registered jobs that never ran', async () => {
    const job: PeriodicJob = { name: 'test.never', everySeconds: 86_400, run: async () => {} };
    const scheduler = startScheduler(t.ctx, [job], { poll: false });
    await scheduler.stop();
    expect(await statusOf('test.never')).toEqual({
      name: 'test.never',
      everySeconds: 86_400,
      state: 'never_run',
      lastStartedAt: null,
      lastFinishedAt: null,
      lastStatus: null,
      lastError: null,
      nextRunAt: null,
    });
  });

  it('runs jobs in the background and waits for a running one on stop', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    let finished = false;
    const job: PeriodicJob = {
      name: 'test.background',
      everySeconds: 3600,
      run: async () => {
        started = true;
        await gate;
        finished = true;
      },
    };
    const scheduler = startScheduler(t.ctx, [job], { tickMs: 10 });
    await vi.waitFor(() => expect(started).toBe(true), { timeout: 30_000, interval: 10 });
    const stopped = scheduler.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
    expect(await statusOf('test.background')).toMatchObject({ state: 'idle', lastStatus: 'ok' });
  });

  it("runs the audit log's sealer and checkpoint signer", async () => {
    await recordAudit(t.ctx.db, {
      actorType: 'system',
      actorId: null,
      action: 'test.scheduled_seal',
      recordType: null,
      recordId: null,
      ip: null,
    });
    clock.advance(120_000);
    const scheduler = startScheduler(t.ctx, collectJobs([auditManifest]), { poll: false });
    expect(await scheduler.runDue()).toEqual([
      { name: 'audit.seal', status: 'ok' },
      { name: 'audit.sign_checkpoint', status: 'ok' },
    ]);
    await scheduler.stop();
    const sealed = await t.ctx.db
      .selectFrom('auditEvent as e')
      .innerJoin('auditSeal as s', 's.eventId', 'e.id')
      .select('s.seq')
      .where('e.action', '=', 'test.scheduled_seal')
      .executeTakeFirst();
    expect(sealed).toBeDefined();
    const result = await verifyAuditChain(t.ctx.db);
    expect(result).toMatchObject({ ok: true, checkpointsVerified: 1 });
  });
});
