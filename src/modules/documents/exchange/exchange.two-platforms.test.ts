// Two platforms, each with its own database and demo CA, each listening on a real port of
// 127.0.0.1, configured through their APIs as a province administrator would: each trusts the
// other's root, gives the other an API key, and routes the other's agency codes to it.
// Documents, statuses, recalls and replacements cross over real HTTP; the outbox workers are
// driven by the tests, on a clock the tests move.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import { buildApp } from '../../../app';
import { manifests } from '../../../parts';
import { ManualClock } from '../../../kernel/clock';
import type { Api } from '../../../kernel/http/api';
import type { Worker } from '../../../kernel/events';
import {
  browser,
  createTestAgencies,
  createTestUser,
  signInStaff,
  type TestAgencies,
} from '../../../kernel/auth/testing';
import {
  exchangeIdOf,
  heldCopies,
  issuedOutgoing,
  outgoingStatus,
  recipientsOf,
  rootPem,
  sealAgencies,
  send,
  testWorker,
} from './exchange.test-support';
import { recallOutgoing } from './send';

interface Platform {
  t: TestApp;
  /** The app serving the port now (replaced when the platform restarts). */
  app: Api;
  port: number;
  base: string;
  agencies: TestAgencies;
  /** A province administrator's session. */
  admin: Record<string, string>;
  /** The records clerk (văn thư) of commune A. */
  clerkId: string;
  worker: Worker;
}

const clock = new ManualClock(new Date());

async function startPlatform(tag: string): Promise<Platform> {
  const t = await createTestApp({ clock });
  const agencies = await createTestAgencies(t.ctx, tag);
  await sealAgencies(t.ctx, [agencies.province, agencies.communeA]);
  const account = await createTestUser(t.ctx, {
    email: `quantri.${tag.toLowerCase()}@example.vn`,
    agencyId: agencies.province,
    roles: ['province_admin'],
  });
  const admin = browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
  const clerk = await createTestUser(t.ctx, {
    email: `vanthu.${tag.toLowerCase()}@example.vn`,
    agencyId: agencies.communeA,
    roles: ['clerk'],
  });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const port = (t.app.server.address() as AddressInfo).port;
  return {
    t,
    app: t.app,
    port,
    base: `http://127.0.0.1:${port}`,
    agencies,
    admin,
    clerkId: clerk.id,
    worker: testWorker(t.ctx),
  };
}

/** `from` trusts `to`'s root, and routes `to`'s codes to it with a key `to` issued. */
async function connect(from: Platform, to: Platform, pattern: string): Promise<void> {
  const trusted = await from.app.inject({
    method: 'POST',
    url: '/api/signing/roots',
    headers: from.admin,
    payload: { pem: await rootPem(to.t.ctx) },
  });
  expect(trusted.statusCode, trusted.body).toBe(201);
  const key = await to.app.inject({
    method: 'POST',
    url: '/api/admin/api-keys',
    headers: to.admin,
    payload: {
      name: `Trục liên thông ${pattern}`,
      agencyId: to.agencies.province,
      scopes: ['documents.exchange'],
    },
  });
  expect(key.statusCode, key.body).toBe(201);
  const peer = await from.app.inject({
    method: 'POST',
    url: '/api/exchange/peers',
    headers: from.admin,
    payload: {
      name: `Hệ thống ${pattern}`,
      baseUrl: to.base,
      organPatterns: [pattern],
      apiKey: key.json().secret as string,
    },
  });
  expect(peer.statusCode, peer.body).toBe(201);
}

async function sentPackages(p: Platform, query = '') {
  const res = await p.app.inject({
    method: 'GET',
    url: `/api/exchange/packages?direction=out&pageSize=100${query}`,
    headers: p.admin,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<Record<string, unknown>>;
}

async function receivedPackages(p: Platform) {
  const res = await p.app.inject({
    method: 'GET',
    url: '/api/exchange/packages?pageSize=100',
    headers: p.admin,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<Record<string, unknown>>;
}

describe('exchange between two platforms over HTTP', () => {
  let a: Platform;
  let b: Platform;
  let provinceB: { organId: string; organName: string };

  beforeAll(async () => {
    a = await startPlatform('XA');
    b = await startPlatform('XB');
    await connect(a, b, 'TXB.%');
    await connect(b, a, 'TXA.%');
    provinceB = { organId: 'TXB.00.00', organName: 'UBND tỉnh thử nghiệm XB' };
  });
  afterAll(async () => {
    for (const p of [a, b]) {
      if (!p) continue;
      await p.worker.stop();
      if (p.app !== p.t.app) await p.app.close();
      await p.t.close();
    }
  });

  it('carries a document from a commune of A to the province of B, and status 01 back', async () => {
    const outgoingId = await issuedOutgoing(a.t.ctx, {
      agencyId: a.agencies.communeA,
      recipients: [provinceB],
      subject: 'V/v phối hợp quản lý vùng giáp ranh',
      number: 20,
    });
    const [queued] = await send(a.t.ctx, outgoingId);
    expect(queued).toMatchObject({ organId: 'TXB.00.00', route: 'peer' });

    expect(await a.worker.runOnce()).toMatchObject({ delivered: 1, retried: 0 });
    const [sent] = await sentPackages(a, '&state=delivered');
    expect(sent).toMatchObject({
      id: queued!.packageId,
      kind: 'document',
      business: 'new',
      toOrgan: 'TXB.00.00',
      receiptCode: '01',
      attempts: 1,
      acknowledgedAt: null,
    });

    const exchangeId = await exchangeIdOf(a.t.ctx, outgoingId);
    const [incoming, ...others] = await heldCopies(b.t.ctx, b.agencies.province, exchangeId);
    expect(others).toHaveLength(0);
    expect(incoming).toMatchObject({
      status: 'received',
      source: 'exchange',
      senderOrganId: 'TXA.02.01',
      senderName: 'UBND phường Hạ Long XA',
      subject: 'V/v phối hợp quản lý vùng giáp ranh',
      notation: '20/UBND-VP',
    });
    const received = await receivedPackages(b);
    expect(received.filter((p) => p.exchangeId === exchangeId)).toEqual([
      expect.objectContaining({ state: 'accepted', kind: 'document', incomingId: incoming!.id }),
    ]);

    // B's status 01 crosses back when B's worker runs.
    expect(await b.worker.runOnce()).toMatchObject({ delivered: 1, retried: 0 });
    expect(await recipientsOf(a.t.ctx, outgoingId)).toEqual([
      { organId: 'TXB.00.00', statusCode: '01', statusNote: 'Đã nhận văn bản' },
    ]);
    const [acknowledged] = (await sentPackages(a)).filter((p) => p.id === queued!.packageId);
    expect(acknowledged!.acknowledgedAt).not.toBeNull();
  });

  it('recalls: 13 to B, B withdraws and answers 15, A’s document becomes recalled', async () => {
    const outgoingId = await issuedOutgoing(a.t.ctx, {
      agencyId: a.agencies.communeA,
      recipients: [provinceB],
      number: 21,
    });
    await send(a.t.ctx, outgoingId);
    await a.worker.runOnce();
    await b.worker.runOnce();
    clock.advance(60_000);

    await recallOutgoing(
      a.t.ctx,
      {
        principal: {
          kind: 'user',
          id: a.clerkId,
          type: 'staff',
          agencyId: a.agencies.communeA,
          permissions: new Set(['documents.clerk']),
          sessionId: null,
          mfaPassed: true,
        },
        request: { ip: '127.0.0.1', requestId: 'recall-test' },
      },
      outgoingId,
      'Ban hành nhầm nơi nhận',
    );
    expect(await a.worker.runOnce()).toMatchObject({ delivered: 1 });
    const exchangeId = await exchangeIdOf(a.t.ctx, outgoingId);
    const [incoming] = await heldCopies(b.t.ctx, b.agencies.province, exchangeId);
    expect(incoming!.status).toBe('recalled');
    expect(await outgoingStatus(a.t.ctx, outgoingId)).toBe('issued');

    expect(await b.worker.runOnce()).toMatchObject({ delivered: 1 });
    expect(await recipientsOf(a.t.ctx, outgoingId)).toEqual([
      { organId: 'TXB.00.00', statusCode: '15', statusNote: 'Đồng ý thu hồi văn bản' },
    ]);
    expect(await outgoingStatus(a.t.ctx, outgoingId)).toBe('recalled');
  });

  it('replaces: B’s copy of the first document becomes replaced, the new one is received', async () => {
    const first = await issuedOutgoing(a.t.ctx, {
      agencyId: a.agencies.communeA,
      recipients: [provinceB],
      subject: 'Kế hoạch kiểm tra liên ngành (bản có sai sót)',
      number: 22,
    });
    await send(a.t.ctx, first);
    await a.worker.runOnce();
    await b.worker.runOnce();
    const firstId = await exchangeIdOf(a.t.ctx, first);

    const second = await issuedOutgoing(a.t.ctx, {
      agencyId: a.agencies.communeA,
      recipients: [provinceB],
      subject: 'Kế hoạch kiểm tra liên ngành',
      number: 23,
    });
    await send(a.t.ctx, second, {
      type: 'replace',
      reason: 'Thay thế văn bản số 22/UBND-VP do sai thời gian kiểm tra',
      replacesExchangeId: firstId,
    });
    expect(await a.worker.runOnce()).toMatchObject({ delivered: 1 });

    const [old] = await heldCopies(b.t.ctx, b.agencies.province, firstId);
    expect(old!.status).toBe('replaced');
    const [replacement] = await heldCopies(
      b.t.ctx,
      b.agencies.province,
      await exchangeIdOf(a.t.ctx, second),
    );
    expect(replacement).toMatchObject({
      status: 'received',
      subject: 'Kế hoạch kiểm tra liên ngành',
    });
    await b.worker.runOnce();
    expect(await recipientsOf(a.t.ctx, second)).toEqual([
      { organId: 'TXB.00.00', statusCode: '01', statusNote: 'Đã nhận văn bản' },
    ]);
  });

  it('retries while B is down, and delivers exactly once when B is back on its database and port', async () => {
    await b.app.close();
    const outgoingId = await issuedOutgoing(a.t.ctx, {
      agencyId: a.agencies.communeA,
      recipients: [provinceB],
      number: 24,
    });
    const [queued] = await send(a.t.ctx, outgoingId);

    expect(await a.worker.runOnce()).toMatchObject({ delivered: 0, retried: 1, dead: 0 });
    const [pending] = (await sentPackages(a)).filter((p) => p.id === queued!.packageId);
    expect(pending).toMatchObject({
      state: 'queued',
      attempts: 1,
      errorCode: 'EXCHANGE_DELIVERY_FAILED',
    });
    expect(String(pending!.lastError)).toMatch(/ECONNREFUSED/);
    // Not due again before its backoff.
    expect(await a.worker.runOnce()).toMatchObject({ delivered: 0, retried: 0 });

    b.app = await buildApp({ ctx: b.t.ctx, manifests });
    await b.app.listen({ host: '127.0.0.1', port: b.port });
    clock.advance(1_500);
    expect(await a.worker.runOnce()).toMatchObject({ delivered: 1, retried: 0 });
    expect(await a.worker.runOnce()).toMatchObject({ delivered: 0, retried: 0 });

    const exchangeId = await exchangeIdOf(a.t.ctx, outgoingId);
    expect(await heldCopies(b.t.ctx, b.agencies.province, exchangeId)).toHaveLength(1);
    expect((await receivedPackages(b)).filter((p) => p.exchangeId === exchangeId)).toHaveLength(1);
    const [delivered] = (await sentPackages(a)).filter((p) => p.id === queued!.packageId);
    expect(delivered).toMatchObject({ state: 'delivered', attempts: 2, receiptCode: '01' });

    await b.worker.runOnce();
    expect(await recipientsOf(a.t.ctx, outgoingId)).toEqual([
      { organId: 'TXB.00.00', statusCode: '01', statusNote: 'Đã nhận văn bản' },
    ]);
  });

  it('tells the sender 02 when B has no agency with the code A addressed', async () => {
    const outgoingId = await issuedOutgoing(a.t.ctx, {
      agencyId: a.agencies.communeA,
      recipients: [{ organId: 'TXB.99.99', organName: 'Cơ quan không tồn tại' }],
      number: 25,
    });
    const [queued] = await send(a.t.ctx, outgoingId);
    await a.worker.runOnce();
    const [answered] = (await sentPackages(a)).filter((p) => p.id === queued!.packageId);
    expect(answered).toMatchObject({
      state: 'delivered',
      receiptCode: '02',
      errorCode: 'EXCHANGE_UNKNOWN_RECIPIENT',
    });
    const exchangeId = await exchangeIdOf(a.t.ctx, outgoingId);
    expect((await receivedPackages(b)).filter((p) => p.exchangeId === exchangeId)).toEqual([
      expect.objectContaining({ state: 'rejected', errorCode: 'EXCHANGE_UNKNOWN_RECIPIENT' }),
    ]);

    await b.worker.runOnce();
    const [recipient] = await recipientsOf(a.t.ctx, outgoingId);
    expect(recipient).toMatchObject({ organId: 'TXB.99.99', statusCode: '02' });
    expect(recipient!.statusNote).toMatch(/^EXCHANGE_UNKNOWN_RECIPIENT: /);
  });
});
