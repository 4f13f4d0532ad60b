import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { queueNotification, sendQueuedNotifications, MAX_ATTEMPTS } from './notify.service';
import {
  accountCreatedTemplate,
  genericNoticeTemplate,
  passwordChangedTemplate,
} from './kernel-templates';
import { createNotifier } from './notifier';
import type { MessageCarrier } from './carriers';
import { decodeMail, startTestSmtpServer, type TestSmtpServer } from './mail.test-support';

describe('notifications', () => {
  const clock = new ManualClock(new Date('2026-11-21T01:00:00Z'));
  let smtp: TestSmtpServer;
  let t: TestContext;
  const logLines: string[] = [];

  const stateOf = (id: string) =>
    t.ctx.db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await createTestContext({ clock, config: { smtpUrl: smtp.url } });
    // Capture what the sender logs, to check that no address appears in clear.
    t.ctx.log = pino(
      { level: 'debug' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
  });
  afterAll(async () => {
    t?.ctx.notify.close();
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.rejectRecipient = () => undefined;
    logLines.length = 0;
  });

  it('sends a queued Vietnamese e-mail over SMTP after the transaction commits', async () => {
    const id = await t.ctx.db.transaction().execute((trx) =>
      queueNotification(trx, {
        channel: 'email',
        to: 'tran.thi.hoa@quangninh.example',
        template: accountCreatedTemplate,
        variables: {
          name: 'Trần Thị Hòa',
          username: 'hoa.tt',
          link: 'https://tinhso.example/kich-hoat?t=1&u=<x>',
          expiresHours: '48',
        },
      }),
    );
    expect(smtp.received).toHaveLength(0);
    expect((await stateOf(id)).state).toBe('queued');

    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['tran.thi.hoa@quangninh.example']);
    expect(mail.from).toBe('no-reply@tinhso.local');
    const decoded = decodeMail(mail.raw);
    expect(decoded.subject).toBe('Tài khoản Tỉnh số của bạn đã được tạo');
    expect(decoded.text).toContain('Xin chào Trần Thị Hòa,');
    expect(decoded.text).toContain('đăng nhập hoa.tt');
    expect(decoded.html).toContain('href="https://tinhso.example/kich-hoat?t=1&amp;u=&lt;x&gt;"');

    const row = await stateOf(id);
    expect(row).toMatchObject({ state: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).toEqual(clock.now());
    expect(row.providerMessageId).toMatch(/@/);
    expect(logLines.join('')).not.toContain('tran.thi.hoa@quangninh.example');
    expect(logLines.join('')).toContain('tr***@quangninh.example');

    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('sends nothing when the transaction rolls back', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await queueNotification(trx, {
          channel: 'email',
          to: 'huy@quangninh.example',
          template: passwordChangedTemplate,
          variables: { name: 'Huy', changedAt: '21/11/2026 08:00' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it('writes in English for English readers', async () => {
    await queueNotification(t.ctx.db, {
      channel: 'email',
      to: 'visitor@example.com',
      template: passwordChangedTemplate,
      locale: 'en',
      variables: { name: 'Alex', changedAt: '21/11/2026 08:00' },
    });
    await sendQueuedNotifications(t.ctx);
    const decoded = decodeMail(smtp.received[0]!.raw);
    expect(decoded.subject).toBe('Your Tỉnh số password was changed');
    expect(decoded.text).toContain('Hello Alex,');
  });

  it('retries a temporary refusal later, then delivers', async () => {
    smtp.rejectRecipient = () => 451;
    const id = await queueNotification(t.ctx.db, {
      channel: 'email',
      to: 'le.van.minh@quangninh.example',
      template: genericNoticeTemplate,
      variables: { title: 'Lịch tiếp công dân', message: 'Thứ Năm, 8 giờ sáng.' },
    });
    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await stateOf(id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    expect(waiting.lastError).toContain('le***@quangninh.example');
    expect(waiting.lastError).not.toContain('le.van.minh@');
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(clock.now().getTime());

    // Not due yet: nothing happens.
    smtp.rejectRecipient = () => undefined;
    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 0, retried: 0, failed: 0 });

    clock.set(waiting.nextAttemptAt!);
    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await stateOf(id)).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect(decodeMail(smtp.received[0]!.raw).subject).toBe('Lịch tiếp công dân');
  });

  it('gives up at once on a permanent refusal', async () => {
    smtp.rejectRecipient = () => 550;
    const id = await queueNotification(t.ctx.db, {
      channel: 'email',
      to: 'khong.ton.tai@quangninh.example',
      template: genericNoticeTemplate,
      variables: { title: 'a', message: 'b' },
    });
    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await stateOf(id)).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it(`gives up after ${MAX_ATTEMPTS} temporary failures`, async () => {
    smtp.rejectRecipient = () => 452;
    const id = await queueNotification(t.ctx.db, {
      channel: 'email',
      to: 'hop.thu.day@quangninh.example',
      template: genericNoticeTemplate,
      variables: { title: 'a', message: 'b' },
    });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      clock.advance(2 * 3600_000);
      await sendQueuedNotifications(t.ctx);
    }
    expect(await stateOf(id)).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('sends SMS and Zalo through their carriers, and fails when a channel is off', async () => {
    const sent: { channel: string; to: string; text: string }[] = [];
    const carrier = (channel: string): MessageCarrier => ({
      name: `test-${channel}`,
      send: async (to, text) => {
        sent.push({ channel, to, text });
        return { messageId: `${channel}-${sent.length}` };
      },
    });
    t.ctx.notify = createNotifier(t.ctx.config, t.ctx.log, {
      sms: carrier('sms'),
      zalo: carrier('zalo'),
    });
    const variables = { name: 'Ngô Văn Bình', changedAt: '21/11/2026 09:15' };
    await queueNotification(t.ctx.db, {
      channel: 'sms',
      to: '0912345678',
      template: passwordChangedTemplate,
      variables,
    });
    await queueNotification(t.ctx.db, {
      channel: 'zalo',
      to: '+84912345678',
      template: passwordChangedTemplate,
      variables,
    });
    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(sent.map((m) => [m.channel, m.to]).sort()).toEqual([
      ['sms', '0912345678'],
      ['zalo', '+84912345678'],
    ]);
    expect(sent.find((m) => m.channel === 'sms')!.text).toContain(
      'Mật khẩu tài khoản Tỉnh số của bạn đã được thay đổi lúc 21/11/2026 09:15',
    );
    expect(logLines.join('')).not.toContain('0912345678');

    t.ctx.notify = createNotifier({ ...t.ctx.config, smsTransport: 'none' }, t.ctx.log);
    const id = await queueNotification(t.ctx.db, {
      channel: 'sms',
      to: '0987654321',
      template: passwordChangedTemplate,
      variables,
    });
    expect(await sendQueuedNotifications(t.ctx)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await stateOf(id)).lastError).toBe('no sms carrier is configured');
    t.ctx.notify = createNotifier(t.ctx.config, t.ctx.log);
  });

  it('refuses a malformed recipient before anything is queued', async () => {
    await expect(
      queueNotification(t.ctx.db, {
        channel: 'email',
        to: 'not an address',
        template: genericNoticeTemplate,
        variables: { title: 'a', message: 'b' },
      }),
    ).rejects.toThrow(/invalid email recipient/);
    await expect(
      queueNotification(t.ctx.db, {
        channel: 'sms',
        to: '09-12',
        template: genericNoticeTemplate,
        variables: { title: 'a', message: 'b' },
      }),
    ).rejects.toThrow(/invalid sms recipient/);
  });
});
