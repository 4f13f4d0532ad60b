// Exchange between two agencies of one platform: a commune committee sends a document to the
// province committee; it arrives in-process, and the status comes back the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import { ManualClock } from '../../../kernel/clock';
import {
  createTestAgencies,
  createTestUser,
  type TestAgencies,
} from '../../../kernel/auth/testing';
import type { Worker } from '../../../kernel/events';
import { documentsDb } from '../documents-db';
import { queueStatus } from './exchange-status';
import {
  agencyCode,
  exchangeIdOf,
  heldCopies,
  incomingOf,
  issuedOutgoing,
  outgoingStatus,
  packagesOf,
  recipientsOf,
  sealAgencies,
  send,
  testWorker,
} from './exchange.test-support';
import { recallOutgoing } from './send';

describe('exchange inside one platform', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let agencies: TestAgencies;
  let worker: Worker;
  let province: { organId: string; organName: string };
  let communeB: { organId: string; organName: string };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    agencies = await createTestAgencies(t.ctx, 'EXL');
    await sealAgencies(t.ctx, [agencies.communeA, agencies.province]);
    province = { organId: await agencyCode(t.ctx, agencies.province), organName: 'UBND tỉnh' };
    communeB = {
      organId: await agencyCode(t.ctx, agencies.communeB),
      organName: 'UBND phường Bãi Cháy',
    };
    worker = testWorker(t.ctx);
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
  });

  it('delivers a commune’s document to the province committee and brings status 01 back', async () => {
    const outgoingId = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [province],
      subject: 'V/v báo cáo tình hình chuyển đổi số quý IV',
    });
    const queued = await send(t.ctx, outgoingId);
    expect(queued).toEqual([
      { packageId: expect.any(String), organId: province.organId, route: 'local' },
    ]);
    await worker.runOnce();

    const [incoming, ...more] = await incomingOf(t.ctx, agencies.province);
    expect(more).toHaveLength(0);
    expect(incoming).toMatchObject({
      status: 'received',
      source: 'exchange',
      senderOrganId: await agencyCode(t.ctx, agencies.communeA),
      subject: 'V/v báo cáo tình hình chuyển đổi số quý IV',
      notation: '07/UBND-VP',
      typeName: 'Công văn',
      signerName: 'Nguyễn Văn Hùng',
      urgency: 'urgent',
      secrecy: 'normal',
    });
    const outgoing = await documentsDb(t.ctx)
      .selectFrom('documentOutgoing')
      .select('exchangeId')
      .where('id', '=', outgoingId)
      .executeTakeFirstOrThrow();
    expect(incoming!.exchangeId).toBe(outgoing.exchangeId);
    expect(outgoing.exchangeId).toMatch(/^TEXL\.02\.01,\d{4}\/\d{2}\/\d{2},07\/UBND-VP$/);

    // The signed PDF arrived, typed by its bytes, stored through kernel storage.
    const files = await documentsDb(t.ctx)
      .selectFrom('documentFile as f')
      .innerJoin('storedFile as s', 's.id', 'f.storedFileId')
      .select(['f.role', 'f.mediaType', 's.ownerType', 's.agencyId'])
      .where('f.incomingId', '=', incoming!.id)
      .execute();
    expect(files).toEqual([
      {
        role: 'received',
        mediaType: 'application/pdf',
        ownerType: 'document_incoming',
        agencyId: agencies.province,
      },
    ]);

    // The sender sees the recipient's 01, and the package acknowledged.
    expect(await recipientsOf(t.ctx, outgoingId)).toEqual([
      { organId: province.organId, statusCode: '01', statusNote: 'Đã nhận văn bản' },
    ]);
    const packages = await packagesOf(t.ctx);
    const sent = packages.find((p) => p.id === queued[0]!.packageId)!;
    expect(sent).toMatchObject({
      direction: 'out',
      kind: 'document',
      state: 'delivered',
      receiptCode: '01',
      attempts: 1,
    });
    expect(sent.acknowledgedAt).not.toBeNull();
    const history = await documentsDb(t.ctx)
      .selectFrom('documentHistory')
      .select('action')
      .where('incomingId', '=', incoming!.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.action)).toEqual(['exchange_received', 'exchange_status_sent']);
  });

  it('registers a document sent twice once, and answers 01 again', async () => {
    const outgoingId = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [province],
      number: 8,
    });
    await send(t.ctx, outgoingId);
    clock.advance(1000);
    await send(t.ctx, outgoingId);
    await worker.runOnce();
    const held = await heldCopies(t.ctx, agencies.province, await exchangeIdOf(t.ctx, outgoingId));
    expect(held).toHaveLength(1);
    const events = await documentsDb(t.ctx)
      .selectFrom('documentStatusEvent')
      .select(['statusCode', 'description'])
      .where('outgoingId', '=', outgoingId)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { statusCode: '01', description: 'Đã nhận văn bản' },
      { statusCode: '01', description: 'Đã nhận văn bản (gói tin gửi lại)' },
    ]);
  });

  it('carries the receiver’s later statuses (03 registered) to the sender', async () => {
    const outgoingId = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [province],
      number: 9,
    });
    await send(t.ctx, outgoingId);
    await worker.runOnce();
    const [incoming] = await heldCopies(
      t.ctx,
      agencies.province,
      await exchangeIdOf(t.ctx, outgoingId),
    );
    clock.advance(60_000);
    await documentsDb(t.ctx)
      .transaction()
      .execute((trx) => queueStatus(t.ctx, trx, incoming!.id, '03', 'Đã vào sổ văn bản đến số 12'));
    await worker.runOnce();
    expect(await recipientsOf(t.ctx, outgoingId)).toEqual([
      { organId: province.organId, statusCode: '03', statusNote: 'Đã vào sổ văn bản đến số 12' },
    ]);
  });

  it('recalls: the receiver withdraws what it has not finished, the sender’s document is recalled', async () => {
    const outgoingId = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [province],
      number: 10,
    });
    await send(t.ctx, outgoingId);
    await worker.runOnce();
    clock.advance(60_000);
    const clerk = await createTestUser(t.ctx, {
      email: 'vanthu.thuhoi@example.vn',
      agencyId: agencies.communeA,
      roles: ['clerk'],
    });
    // Someone of another agency may not.
    await expect(
      recallOutgoing(
        t.ctx,
        {
          principal: staffPrincipal(clerk.id, agencies.communeB),
          request: { ip: null, requestId: null },
        },
        outgoingId,
        'Thu hồi',
      ),
    ).rejects.toMatchObject({ status: 404 });
    await recallOutgoing(
      t.ctx,
      {
        principal: staffPrincipal(clerk.id, agencies.communeA),
        request: { ip: null, requestId: null },
      },
      outgoingId,
      'Văn bản ban hành nhầm đối tượng',
    );
    await worker.runOnce();
    const [incoming] = await heldCopies(
      t.ctx,
      agencies.province,
      await exchangeIdOf(t.ctx, outgoingId),
    );
    expect(incoming!.status).toBe('recalled');
    expect(await recipientsOf(t.ctx, outgoingId)).toEqual([
      { organId: province.organId, statusCode: '15', statusNote: 'Đồng ý thu hồi văn bản' },
    ]);
    const outgoing = await documentsDb(t.ctx)
      .selectFrom('documentOutgoing')
      .select('status')
      .where('id', '=', outgoingId)
      .executeTakeFirstOrThrow();
    expect(outgoing.status).toBe('recalled');
  });

  it('updates the receiver’s envelope (15), then revokes it: withdrawn (15), the sender’s recalled', async () => {
    const outgoingId = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [province],
      subject: 'V/v tổ chức hội nghị (dự kiến ngày 10)',
      number: 14,
    });
    await send(t.ctx, outgoingId);
    await worker.runOnce();
    clock.advance(60_000);
    await documentsDb(t.ctx)
      .updateTable('documentOutgoing')
      .set({ subject: 'V/v tổ chức hội nghị (ngày 12)', urgency: 'express' })
      .where('id', '=', outgoingId)
      .execute();
    await send(t.ctx, outgoingId, { type: 'update', reason: 'Đổi ngày tổ chức hội nghị' });
    await worker.runOnce();
    const exchangeId = await exchangeIdOf(t.ctx, outgoingId);
    const [updated, ...copies] = await heldCopies(t.ctx, agencies.province, exchangeId);
    expect(copies).toHaveLength(0);
    expect(updated).toMatchObject({
      status: 'received',
      subject: 'V/v tổ chức hội nghị (ngày 12)',
      urgency: 'express',
    });
    expect(await recipientsOf(t.ctx, outgoingId)).toEqual([
      { organId: province.organId, statusCode: '15', statusNote: 'Đã cập nhật thông tin văn bản' },
    ]);
    // An update's 15 is no recall.
    expect(await outgoingStatus(t.ctx, outgoingId)).toBe('issued');

    clock.advance(60_000);
    await send(t.ctx, outgoingId, { type: 'revoke', reason: 'Hoãn hội nghị' });
    await worker.runOnce();
    const [revoked] = await heldCopies(t.ctx, agencies.province, exchangeId);
    expect(revoked!.status).toBe('recalled');
    expect(await outgoingStatus(t.ctx, outgoingId)).toBe('recalled');
  });

  it('answers 16 to a recall of a document already handled, and the sender’s stays issued', async () => {
    const outgoingId = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [province],
      number: 15,
    });
    await send(t.ctx, outgoingId);
    await worker.runOnce();
    const [incoming] = await heldCopies(
      t.ctx,
      agencies.province,
      await exchangeIdOf(t.ctx, outgoingId),
    );
    await documentsDb(t.ctx)
      .updateTable('documentIncoming')
      .set({ status: 'done', completedAt: clock.now() })
      .where('id', '=', incoming!.id)
      .execute();
    clock.advance(60_000);
    await send(t.ctx, outgoingId, { type: 'revoke', reason: 'Thu hồi' });
    await worker.runOnce();
    const [recipient] = await recipientsOf(t.ctx, outgoingId);
    expect(recipient).toMatchObject({ statusCode: '16' });
    expect(recipient!.statusNote).toMatch(/đã được xử lý xong/);
    expect(await outgoingStatus(t.ctx, outgoingId)).toBe('issued');
    const [still] = await heldCopies(
      t.ctx,
      agencies.province,
      await exchangeIdOf(t.ctx, outgoingId),
    );
    expect(still!.status).toBe('done');
  });

  it('queues nothing for a document addressed to no agency', async () => {
    const onFile = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [],
      number: 16,
    });
    expect(await send(t.ctx, onFile)).toEqual([]);
  });

  it('refuses before queueing anything: secret documents, unreachable recipients, no seal', async () => {
    const before = (await packagesOf(t.ctx)).length;
    const secret = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [province],
      secrecy: 'confidential',
      number: 11,
    });
    await expect(send(t.ctx, secret)).rejects.toMatchObject({
      code: 'EXCHANGE_SECRECY_NOT_ALLOWED',
      status: 422,
    });
    const unreachable = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeA,
      recipients: [province, { organId: '000.00.00.G99', organName: 'Bộ không có trên trục' }],
      number: 12,
    });
    await expect(send(t.ctx, unreachable)).rejects.toMatchObject({
      code: 'EXCHANGE_NO_ROUTE',
      status: 422,
      details: { organIds: ['000.00.00.G99'] },
    });
    // Commune B has no seal.
    const unsealed = await issuedOutgoing(t.ctx, {
      agencyId: agencies.communeB,
      recipients: [province],
      number: 13,
    });
    await expect(send(t.ctx, unsealed)).rejects.toMatchObject({
      code: 'EXCHANGE_NO_SEAL',
      status: 422,
    });
    expect(await packagesOf(t.ctx)).toHaveLength(before);
    expect(communeB.organId).toMatch(/^TEXL/);
  });
});

function staffPrincipal(id: string, agencyId: string) {
  return {
    kind: 'user' as const,
    id,
    type: 'staff' as const,
    agencyId,
    permissions: new Set<string>(['documents.clerk']),
    sessionId: null,
    mfaPassed: true,
  };
}
