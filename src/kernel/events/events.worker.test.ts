import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { createContext } from '../create-context';
import { openDatabase, type Database } from '../db/database';
import type { EventHandler, OutboxEvent } from '../manifest';
import { publish, startWorker } from './index';
import { claimDueDeliveries, fanOutEvents } from './events.queries';
import { retryDeadLetter } from './events.service';
import { purgeDeliveredEvents } from './events.purge';

/** A handler that records what it received and fails as long as `failures` says so. */
function recordingHandler(name: string, event: string, failures = 0) {
  const received: OutboxEvent[] = [];
  let toFail = failures;
  const handler: EventHandler = {
    name,
    event,
    handle: async (e) => {
      if (toFail > 0) {
        toFail -= 1;
        throw new Error(`trạm đo mất kết nối (${name})`);
      }
      received.push(e);
    },
  };
  return { handler, received };
}

// One database for the file; every test uses its own event types and handler names.
describe('outbox worker', () => {
  let t: TestContext;
  const clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestContext({ clock, env: { OUTBOX_MAX_ATTEMPTS: '3' } });
  });
  afterAll(async () => t.close());

  async function deliveriesOf(handler: string) {
    return t.ctx.db
      .selectFrom('outboxDelivery')
      .selectAll()
      .where('handler', '=', handler)
      .orderBy('id')
      .execute();
  }

  it('delivers a committed event once to every handler of its type, and nothing else', async () => {
    const first = recordingHandler('feedback.notify_citizen', 'test.report_received');
    const second = recordingHandler('ops.count_reports', 'test.report_received');
    const other = recordingHandler('ops.other', 'test.other_type');
    const worker = startWorker(t.ctx, [first.handler, second.handler, other.handler], {
      poll: false,
    });

    const id = await t.ctx.db.transaction().execute(async (trx) =>
      publish(trx, {
        type: 'test.report_received',
        aggregateId: 'r-1',
        payload: { reportId: 'r-1', commune: 'Phường Hồng Gai' },
      }),
    );
    // Rolled back: the event never existed.
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await publish(trx, { type: 'test.report_received', aggregateId: 'r-2', payload: {} });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');

    expect(await worker.runOnce()).toEqual({ delivered: 2, retried: 0, dead: 0 });
    for (const { received } of [first, second]) {
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        id,
        type: 'test.report_received',
        aggregateId: 'r-1',
        payload: { reportId: 'r-1', commune: 'Phường Hồng Gai' },
      });
      expect(received[0]!.occurredAt).toBeInstanceOf(Date);
    }
    expect(other.received).toHaveLength(0);

    // Delivered events are never handed over again.
    clock.advance(3_600_000);
    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(first.received).toHaveLength(1);
    expect(await deliveriesOf('feedback.notify_citizen')).toMatchObject([
      { state: 'done', attempts: 1, lastError: null },
    ]);
    await worker.stop();
  });

  it('leaves events to the workers that have handlers', async () => {
    const idle = startWorker(t.ctx, [], { poll: false });
    await t.ctx.db.transaction().execute(async (trx) => {
      await publish(trx, { type: 'test.permit_issued', aggregateId: 'p-1', payload: {} });
    });
    expect(await idle.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    await idle.stop();
    const archive = recordingHandler('documents.archive', 'test.permit_issued');
    const worker = startWorker(t.ctx, [archive.handler], { poll: false });
    expect(await worker.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(archive.received).toMatchObject([{ aggregateId: 'p-1' }]);
    await worker.stop();
  });

  it('retries a failing handler with backoff until it succeeds', async () => {
    const flaky = recordingHandler('notify.send_sms', 'test.sms_requested', 2);
    const worker = startWorker(t.ctx, [flaky.handler], { poll: false, random: () => 0.5 });
    await t.ctx.db.transaction().execute(async (trx) => {
      await publish(trx, { type: 'test.sms_requested', aggregateId: null, payload: { n: 1 } });
    });

    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(await deliveriesOf('notify.send_sms')).toMatchObject([
      {
        state: 'pending',
        attempts: 1,
        lastError: 'trạm đo mất kết nối (notify.send_sms)',
        nextAttemptAt: new Date(clock.now().getTime() + 1000),
      },
    ]);
    // Not due before its backoff has passed.
    clock.advance(999);
    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    // The second delay doubles.
    expect((await deliveriesOf('notify.send_sms'))[0]!.nextAttemptAt).toEqual(
      new Date(clock.now().getTime() + 2000),
    );
    clock.advance(2000);
    expect(await worker.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(flaky.received).toHaveLength(1);
    expect(await deliveriesOf('notify.send_sms')).toMatchObject([
      { state: 'done', attempts: 3, lastError: null, deliveredAt: clock.now() },
    ]);
    await worker.stop();
  });

  it('parks a delivery as a dead letter after the maximum attempts; a retry delivers it', async () => {
    const broken = recordingHandler('storage.make_thumbnail', 'test.file_uploaded', 3);
    const worker = startWorker(t.ctx, [broken.handler], { poll: false, backoff: { baseMs: 0 } });
    await t.ctx.db.transaction().execute(async (trx) => {
      await publish(trx, { type: 'test.file_uploaded', aggregateId: 'f-1', payload: {} });
    });

    // OUTBOX_MAX_ATTEMPTS=3: three attempts, then dead.
    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 2, dead: 1 });
    const [dead] = await deliveriesOf('storage.make_thumbnail');
    expect(dead).toMatchObject({ state: 'dead', attempts: 3 });
    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(broken.received).toHaveLength(0);

    await retryDeadLetter(t.ctx, dead!.id, {
      actorType: 'user',
      actorId: 'admin-1',
      ip: '127.0.0.1',
      requestId: 'req-retry',
    });
    expect(await worker.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(broken.received).toHaveLength(1);
    expect(await deliveriesOf('storage.make_thumbnail')).toMatchObject([
      { state: 'done', attempts: 1 },
    ]);
    const audit = await t.ctx.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('action', '=', 'events.delivery_retried')
      .where('recordId', '=', String(dead!.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actorId: 'admin-1', requestId: 'req-retry' });
    expect(audit.details).toMatchObject({ handler: 'storage.make_thumbnail', failedAttempts: 3 });
    await worker.stop();
  });

  it('takes over a delivery whose worker died mid-attempt once its lease lapses', async () => {
    const handler = recordingHandler('dossiers.index', 'test.dossier_filed');
    await t.ctx.db.transaction().execute(async (trx) => {
      await publish(trx, { type: 'test.dossier_filed', aggregateId: 'd-1', payload: {} });
    });
    // A worker fans out and claims, then its process dies before settling the delivery.
    await fanOutEvents(
      t.ctx.db,
      new Map([['test.dossier_filed', ['dossiers.index']]]),
      clock.now(),
      10,
    );
    const now = clock.now();
    const claimed = await claimDueDeliveries(
      t.ctx.db,
      ['dossiers.index'],
      now,
      new Date(now.getTime() + 90_000),
      10,
    );
    expect(claimed).toHaveLength(1);

    const worker = startWorker(t.ctx, [handler.handler], { poll: false });
    expect(await worker.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    clock.advance(90_000);
    expect(await worker.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(await deliveriesOf('dossiers.index')).toMatchObject([{ state: 'done', attempts: 2 }]);
    await worker.stop();
  });

  it('shares the work between several workers without delivering anything twice', async () => {
    const calls = new Map<string, number>();
    const counting: EventHandler = {
      name: 'sensors.aggregate',
      event: 'test.observation_received',
      handle: async (event) => {
        calls.set(event.id, (calls.get(event.id) ?? 0) + 1);
      },
    };
    for (let i = 0; i < 30; i += 1) {
      await t.ctx.db.transaction().execute(async (trx) => {
        await publish(trx, {
          type: 'test.observation_received',
          aggregateId: `s-${i}`,
          payload: { i },
        });
      });
    }
    const workers = [1, 2, 3].map(() =>
      startWorker(t.ctx, [counting], { poll: false, batchSize: 4 }),
    );
    const summaries = await Promise.all(workers.map((worker) => worker.runOnce()));
    expect(summaries.reduce((sum, s) => sum + s.delivered, 0)).toBe(30);
    expect(calls.size).toBe(30);
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    await Promise.all(workers.map((worker) => worker.stop()));
  });

  it('delivers in the background and drains the delivery in progress on stop', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    let finished = false;
    const slow: EventHandler = {
      name: 'documents.sign',
      event: 'test.document_issued',
      handle: async () => {
        started = true;
        await gate;
        finished = true;
      },
    };
    const worker = startWorker(t.ctx, [slow], { pollMs: 20 });
    await t.ctx.db.transaction().execute(async (trx) => {
      await publish(trx, { type: 'test.document_issued', aggregateId: 'doc-1', payload: {} });
    });
    await vi.waitFor(() => expect(started).toBe(true), { timeout: 30_000, interval: 20 });
    const stopped = worker.stop();
    release();
    await stopped;
    expect(finished).toBe(true);
    expect(await deliveriesOf('documents.sign')).toMatchObject([{ state: 'done' }]);
  });
});

describe('outbox purge', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.close());

  it('removes events a week after all their deliveries succeeded, and keeps the rest', async () => {
    const ok = recordingHandler('purge.ok', 'test.purge');
    const broken = recordingHandler('purge.broken', 'test.purge_broken', 99);
    const worker = startWorker(t.ctx, [ok.handler, broken.handler], {
      poll: false,
      maxAttempts: 1,
    });
    const delivered = await t.ctx.db
      .transaction()
      .execute(async (trx) => publish(trx, { type: 'test.purge', aggregateId: null, payload: {} }));
    const dead = await t.ctx.db
      .transaction()
      .execute(async (trx) =>
        publish(trx, { type: 'test.purge_broken', aggregateId: null, payload: {} }),
      );
    expect(await worker.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 1 });
    await worker.stop();

    const remaining = async () =>
      (await t.ctx.db.selectFrom('outboxEvent').select('id').execute()).map((e) => e.id);
    const sixDaysOn = new ManualClock(new Date(Date.now() + 6 * 86_400_000));
    expect(await purgeDeliveredEvents({ ...t.ctx, clock: sixDaysOn })).toBe(0);
    const eightDaysOn = new ManualClock(new Date(Date.now() + 8 * 86_400_000));
    expect(await purgeDeliveredEvents({ ...t.ctx, clock: eightDaysOn })).toBe(1);
    expect(await remaining()).toContain(dead);
    expect(await remaining()).not.toContain(delivered);
  });
});

describe('outbox worker after a crash', () => {
  let t: TestContext;
  let reopened: Database | null = null;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => {
    await reopened?.close();
    await t.close();
  });

  it('delivers after a restart an event committed before the process died', async () => {
    const id = await t.ctx.db
      .transaction()
      .execute(async (trx) =>
        publish(trx, { type: 'test.alert_raised', aggregateId: 'a-1', payload: { level: 'đỏ' } }),
      );
    // The process dies: nothing but the committed database survives.
    if (t.testDb.url) {
      reopened = await openDatabase({ url: t.testDb.url, poolSize: 2 });
    } else {
      const dump = await t.ctx.database.pglite!.dumpDataDir('none');
      reopened = await openDatabase({ pgliteDump: dump });
    }
    const ctx = await createContext({ config: t.ctx.config, database: reopened });
    const handler = recordingHandler('ops.show_alert', 'test.alert_raised');
    const worker = startWorker(ctx, [handler.handler], { poll: false });
    expect(await worker.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(handler.received).toMatchObject([{ id, payload: { level: 'đỏ' } }]);
    await worker.stop();
  });
});
