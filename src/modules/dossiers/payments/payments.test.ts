import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../kernel/clock';
import { browser, createTestUser, signIn } from '../../../kernel/auth/testing';
import {
  createDossiersWorld,
  MOTHER_ID,
  submitBirth,
  type DossiersWorld,
  type Headers,
} from '../dossiers.test-support';
import { dossiersDb } from '../dossiers-db';
import { sandboxSecret } from './sandbox-key';
import { sendSandboxNotification } from './sandbox-delivery';
import { vnpSignedQuery, vnpDate, type VnpParams } from './vnpay-protocol';
import { feesOutstanding } from './index';

// The birth registration's online schedule: [0] on-time registration, exempt (0 đồng);
// [1] late registration, 8.000 đồng; [2] a copy of the extract, 8.000 đồng each.
const COPY = 2;
const RECEIPT = /^000\.00\.37\.H49-BL2026-\d{6}$/;

/** Monday 2 March 2026, 09:00 in Vietnam. */
const START = new Date('2026-03-02T02:00:00Z');

function pathOf(url: string): string {
  const parsed = new URL(url, 'http://localhost');
  return `${parsed.pathname}${parsed.search}`;
}

describe('fees and online payment of dossiers', () => {
  const clock = new ManualClock(START);
  let world: DossiersWorld;

  beforeAll(async () => {
    world = await createDossiersWorld(clock);
  });
  afterAll(async () => {
    await world?.close();
  });

  const inject = (
    method: 'GET' | 'POST',
    url: string,
    headers: Headers = {},
    payload?: Record<string, unknown>,
  ) => world.t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  const assess = (
    code: string,
    lines: Array<{ index: number; quantity?: number }>,
    as = world.desk,
  ) => inject('POST', `/api/dossiers/${code}/fees`, as, { lines });

  async function dossierOwing(copies = 2): Promise<{ id: string; code: string }> {
    const dossier = await submitBirth(world);
    const res = await assess(dossier.code, [{ index: 0 }, { index: COPY, quantity: copies }]);
    expect(res.statusCode, res.body).toBe(200);
    return dossier;
  }

  async function startPayment(code: string) {
    const res = await inject('POST', `/api/dossiers/mine/${code}/payments`, world.citizen);
    expect(res.statusCode, res.body).toBe(201);
    const started = res.json<{ paymentId: string; amount: number; redirectUrl: string }>();
    const request = Object.fromEntries(new URL(started.redirectUrl).searchParams);
    return { ...started, request, txnRef: request.vnp_TxnRef! };
  }

  /** The notification the provider sends when the applicant has paid, signed as it signs. */
  function notification(txnRef: string, amount: number, overrides: VnpParams = {}): string {
    const params: VnpParams = {
      vnp_Amount: String(amount * 100),
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: 'VNP14300001',
      vnp_CardType: 'ATM',
      vnp_OrderInfo: 'Nop phi le phi',
      vnp_PayDate: vnpDate(clock.now()),
      vnp_ResponseCode: '00',
      vnp_TmnCode: 'TINHSO00',
      vnp_TransactionNo: '14300001',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: txnRef,
      ...overrides,
    };
    return vnpSignedQuery(params, sandboxSecret(world.t.ctx.config.dataDir));
  }

  const ipn = (query: string) => inject('GET', `/api/payments/sandbox/ipn?${query}`);
  const fees = (code: string, as = world.citizen) =>
    inject('GET', `/api/dossiers/mine/${code}/fees`, as);

  async function notificationsOf(txnRef: string) {
    return dossiersDb(world.t.ctx)
      .selectFrom('paymentNotification')
      .select(['outcome', 'answer'])
      .where('txnRef', '=', txnRef)
      .orderBy('id')
      .execute();
  }

  it('takes the amounts from the procedure’s schedule for the dossier’s channel', async () => {
    const dossier = await dossierOwing(2);
    const res = await fees(dossier.code);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.channel).toBe('TRUC_TUYEN');
    expect(body.schedule).toHaveLength(3);
    expect(body.lines).toMatchObject([
      { kind: 'LE_PHI', unitAmount: 0, quantity: 1, amount: 0, status: 'waived' },
      { kind: 'PHI', unitAmount: 8000, quantity: 2, amount: 16000, status: 'due' },
    ]);
    expect(body).toMatchObject({ total: 16000, paid: 0, outstanding: 16000, payments: [] });

    // The desk's own view is the same; the history says fees were assessed.
    const staff = await inject('GET', `/api/dossiers/${dossier.code}/fees`, world.desk);
    expect(staff.statusCode).toBe(200);
    expect(staff.json().outstanding).toBe(16000);
    const mine = await inject('GET', `/api/dossiers/mine/${dossier.code}`, world.citizen);
    expect(mine.json().timeline.map((line: { action: string }) => line.action)).toContain(
      'fees_assessed',
    );
    expect(await feesOutstanding(dossiersDb(world.t.ctx), dossier.id)).toBe(16000);
  });

  it('refuses lines that are not in the schedule, or named twice', async () => {
    const dossier = await submitBirth(world);
    const res = await assess(dossier.code, [{ index: COPY }, { index: 7 }, { index: COPY }]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('FEE_LINES_INVALID');
    expect(res.json().error.details.lines).toEqual([
      { line: 1, index: 7, problem: 'not_in_schedule' },
      { line: 2, index: COPY, problem: 'duplicate' },
    ]);
    expect((await fees(dossier.code)).json().lines).toEqual([]);
  });

  it('marks the fee paid once on a valid notification, however often it is delivered', async () => {
    const dossier = await dossierOwing(2);
    const startedAt = clock.now();
    const payment = await startPayment(dossier.code);
    expect(payment.amount).toBe(16000);
    expect(payment.request).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_Amount: '1600000',
      vnp_CurrCode: 'VND',
      vnp_TxnRef: payment.txnRef,
      vnp_CreateDate: vnpDate(startedAt),
      vnp_ExpireDate: vnpDate(new Date(startedAt.getTime() + 15 * 60 * 1000)),
    });

    const query = notification(payment.txnRef, 16000);
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push((await ipn(query)).json());
    expect(answers).toEqual([
      { RspCode: '00', Message: 'Confirm Success' },
      { RspCode: '02', Message: 'Order already confirmed' },
      { RspCode: '02', Message: 'Order already confirmed' },
    ]);

    const body = (await fees(dossier.code)).json();
    expect(body).toMatchObject({ total: 16000, paid: 16000, outstanding: 0 });
    expect(body.payments).toHaveLength(1);
    expect(body.payments[0]).toMatchObject({ provider: 'sandbox', status: 'paid', amount: 16000 });
    expect(body.payments[0].receiptNumber).toMatch(RECEIPT);
    expect(body.lines[1]).toMatchObject({
      status: 'paid',
      receiptNumber: body.payments[0].receiptNumber,
    });
    expect(await notificationsOf(payment.txnRef)).toEqual([
      { outcome: 'paid', answer: '00' },
      { outcome: 'duplicate', answer: '02' },
      { outcome: 'duplicate', answer: '02' },
    ]);
    const timeline = (await inject('GET', `/api/dossiers/mine/${dossier.code}`, world.citizen))
      .json()
      .timeline.filter((line: { action: string }) => line.action === 'fee_paid');
    expect(timeline).toHaveLength(1);
    expect(timeline[0].note).toContain(body.payments[0].receiptNumber);
    const audit = await dossiersDb(world.t.ctx)
      .selectFrom('auditEvent')
      .select('action')
      .where('recordId', '=', dossier.id)
      .where('action', '=', 'dossiers.fee_paid')
      .execute();
    expect(audit).toHaveLength(1);
    expect(await feesOutstanding(dossiersDb(world.t.ctx), dossier.id)).toBe(0);

    // Paid fees are no longer the desk's to change.
    const again = await assess(dossier.code, []);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FEES_ALREADY_PAID');
  });

  it('confirms once when the same notification arrives three times at once', async () => {
    const dossier = await dossierOwing(1);
    const payment = await startPayment(dossier.code);
    const query = notification(payment.txnRef, 8000);
    const answers = await Promise.all([ipn(query), ipn(query), ipn(query)]);
    const codes = answers.map((res) => res.json<{ RspCode: string }>().RspCode).sort();
    expect(codes).toEqual(['00', '02', '02']);
    const body = (await fees(dossier.code)).json();
    expect(body).toMatchObject({ paid: 8000, outstanding: 0 });
    expect(
      body.payments.filter((p: { receiptNumber: string | null }) => p.receiptNumber),
    ).toHaveLength(1);
  });

  it('rejects a bad signature and a wrong amount, keeps them and logs them without personal data', async () => {
    const dossier = await dossierOwing(1);
    const payment = await startPayment(dossier.code);
    const warn = vi.spyOn(world.t.ctx.log, 'warn');
    try {
      // Signed for 8.000 đồng, then altered to claim 80.000: the signature no longer holds.
      const tampered = notification(payment.txnRef, 8000).replace(
        'vnp_Amount=800000',
        'vnp_Amount=8000000',
      );
      expect((await ipn(tampered)).json()).toEqual({ RspCode: '97', Message: 'Invalid signature' });
      // Genuinely signed, but for another amount than the payment's.
      expect((await ipn(notification(payment.txnRef, 1000))).json()).toEqual({
        RspCode: '04',
        Message: 'Invalid amount',
      });

      expect(await notificationsOf(payment.txnRef)).toEqual([
        { outcome: 'bad_signature', answer: '97' },
        { outcome: 'wrong_amount', answer: '04' },
      ]);
      const logged = JSON.stringify(warn.mock.calls);
      expect(logged).toContain('bad_signature');
      expect(logged).toContain('wrong_amount');
      expect(logged).not.toContain(MOTHER_ID);
      expect(logged).not.toContain('Nguyễn Thị Lan');
      expect(logged).not.toContain(dossier.code);
    } finally {
      warn.mockRestore();
    }
    const body = (await fees(dossier.code)).json();
    expect(body).toMatchObject({ paid: 0, outstanding: 8000 });
    expect(body.payments[0]).toMatchObject({ status: 'pending', receiptNumber: null });
  });

  it('answers 01 to a notification of a payment nobody started', async () => {
    const query = notification('FFFFFFFFFFFFFFFFFFFF', 8000);
    expect((await ipn(query)).json()).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect(await notificationsOf('FFFFFFFFFFFFFFFFFFFF')).toEqual([
      { outcome: 'unknown', answer: '01' },
    ]);
    // VNPay's endpoint holds no sandbox key: the same call there cannot be verified.
    const atVnpay = await inject('GET', `/api/payments/vnpay/ipn?${query}`);
    expect(atVnpay.json()).toEqual({ RspCode: '97', Message: 'Invalid signature' });
  });

  it('sends the browser back to the dossier from the return URL without marking anything paid', async () => {
    const dossier = await dossierOwing(1);
    const payment = await startPayment(dossier.code);
    const back = await inject(
      'GET',
      `/api/payments/sandbox/return?${notification(payment.txnRef, 8000)}`,
    );
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/ho-so/${dossier.code}?payment=success`);
    const body = (await fees(dossier.code)).json();
    expect(body).toMatchObject({ paid: 0, outstanding: 8000 });
    expect(body.payments[0].status).toBe('pending');

    const failed = await inject(
      'GET',
      `/api/payments/sandbox/return?${notification(payment.txnRef, 8000, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' })}`,
    );
    expect(failed.headers.location).toBe(`/ho-so/${dossier.code}?payment=failure`);

    const forged = await inject(
      'GET',
      `/api/payments/sandbox/return?${notification(payment.txnRef, 8000).replace(/vnp_SecureHash=.{8}/, 'vnp_SecureHash=00000000')}`,
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.headers['content-type']).toContain('text/html');
    expect(forged.body).toContain('PAYMENT_RESULT_INVALID');
  });

  it('pays end to end through the sandbox’s checkout page', async () => {
    const dossier = await dossierOwing(2);
    const payment = await startPayment(dossier.code);
    expect(new URL(payment.redirectUrl).pathname).toBe('/api/payments/sandbox/checkout');

    const page = await inject('GET', pathOf(payment.redirectUrl));
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="vi">');
    expect(page.body).toContain('16.000 đồng');
    expect(page.body).toContain('Thanh toán / Pay');
    expect(page.body).toContain('Hủy / Cancel');

    // The browser posts the form it was given, pressing "Pay".
    const form = new URLSearchParams();
    for (const [, name, value] of page.body.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
    )) {
      form.append(name!, value!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
    }
    form.append('decision', 'pay');
    const paid = await world.t.app.inject({
      method: 'POST',
      url: '/api/payments/sandbox/checkout',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(paid.statusCode, paid.body).toBe(303);
    const returnUrl = new URL(paid.headers.location as string);
    expect(returnUrl.pathname).toBe('/api/payments/sandbox/return');

    const back = await inject('GET', pathOf(returnUrl.toString()));
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/ho-so/${dossier.code}?payment=success`);

    const body = (await fees(dossier.code)).json();
    expect(body).toMatchObject({ paid: 16000, outstanding: 0 });
    expect(body.payments[0].receiptNumber).toMatch(RECEIPT);
    expect(await notificationsOf(payment.txnRef)).toEqual([{ outcome: 'paid', answer: '00' }]);

    // The same page posted again (a second press) pays nothing more.
    const twice = await world.t.app.inject({
      method: 'POST',
      url: '/api/payments/sandbox/checkout',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(twice.statusCode).toBe(303);
    expect((await fees(dossier.code)).json().payments).toHaveLength(1);
  });

  it('records the applicant’s cancelling on the sandbox page as a failed payment', async () => {
    const dossier = await dossierOwing(1);
    const payment = await startPayment(dossier.code);
    const form = new URLSearchParams({ ...payment.request, decision: 'cancel' });
    const cancelled = await world.t.app.inject({
      method: 'POST',
      url: '/api/payments/sandbox/checkout',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(cancelled.statusCode).toBe(303);
    const back = await inject('GET', pathOf(cancelled.headers.location as string));
    expect(back.headers.location).toBe(`/ho-so/${dossier.code}?payment=failure`);
    const body = (await fees(dossier.code)).json();
    expect(body).toMatchObject({ paid: 0, outstanding: 8000 });
    expect(body.payments[0].status).toBe('cancelled');

    // A request altered on its way to the sandbox is refused there.
    const altered = new URLSearchParams({ ...payment.request, vnp_Amount: '100', decision: 'pay' });
    const refused = await world.t.app.inject({
      method: 'POST',
      url: '/api/payments/sandbox/checkout',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: altered.toString(),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('PAYMENT_REQUEST_INVALID');
  });

  it('gives a receipt for fees taken at the desk, numbered in the agency’s series', async () => {
    const first = await dossierOwing(1);
    const second = await dossierOwing(3);
    const take = (code: string, method: string) =>
      inject('POST', `/api/dossiers/${code}/payments/desk`, world.desk, { method });

    const one = await take(first.code, 'cash');
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json()).toMatchObject({ amount: 8000 });
    expect(one.json().receiptNumber).toMatch(RECEIPT);
    const two = await take(second.code, 'card');
    expect(two.statusCode).toBe(201);
    expect(two.json().amount).toBe(24000);
    const seq = (receipt: string) => Number(receipt.slice(-6));
    expect(seq(two.json().receiptNumber)).toBe(seq(one.json().receiptNumber) + 1);

    const body = (await fees(second.code)).json();
    expect(body).toMatchObject({ paid: 24000, outstanding: 0 });
    expect(body.payments[0]).toMatchObject({
      provider: 'desk',
      method: 'card',
      status: 'paid',
      receiptNumber: two.json().receiptNumber,
    });

    const nothing = await take(first.code, 'cash');
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.code).toBe('NOTHING_TO_PAY');
    const online = await inject('POST', `/api/dossiers/mine/${first.code}/payments`, world.citizen);
    expect(online.statusCode).toBe(409);
    expect(online.json().error.code).toBe('NOTHING_TO_PAY');
  });

  it('keeps another commune’s desk out: the dossier does not exist for them', async () => {
    const dossier = await submitBirth(world);
    const assessing = await assess(dossier.code, [{ index: COPY }], world.other.desk);
    expect(assessing.statusCode).toBe(404);
    expect(assessing.json().error.code).toBe('DOSSIER_NOT_FOUND');
    const reading = await inject('GET', `/api/dossiers/${dossier.code}/fees`, world.other.desk);
    expect(reading.statusCode).toBe(404);
    const taking = await inject(
      'POST',
      `/api/dossiers/${dossier.code}/payments/desk`,
      world.other.desk,
      { method: 'cash' },
    );
    expect(taking.statusCode).toBe(404);
    // Ha Long's specialist reads dossiers there but does not take fees.
    const specialist = await assess(dossier.code, [{ index: COPY }], world.specialist);
    expect(specialist.statusCode).toBe(403);
    expect((await fees(dossier.code)).json().lines).toEqual([]);
  });

  it('shows the applicant their own fees and nobody else’s', async () => {
    const dossier = await dossierOwing(1);
    expect((await fees(dossier.code)).statusCode).toBe(200);
    const neighbour = await createTestUser(world.t.ctx, {
      email: 'hang.tran@example.vn',
      fullName: 'Trần Thị Hằng',
    });
    const headers = browser(
      world.t.ctx,
      (await signIn(world.t.app, world.t.ctx, neighbour.email, neighbour.password)).cookie,
    );
    const theirs = await fees(dossier.code, headers);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('DOSSIER_NOT_FOUND');
    const paying = await inject('POST', `/api/dossiers/mine/${dossier.code}/payments`, headers);
    expect(paying.statusCode).toBe(404);
    expect((await fees(dossier.code)).json().payments).toEqual([]);
  });

  it('holds the assessment while the applicant is paying, and frees it when the payment expires', async () => {
    const dossier = await dossierOwing(1);
    const payment = await startPayment(dossier.code);
    const held = await assess(dossier.code, [{ index: COPY, quantity: 2 }]);
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('PAYMENT_IN_PROGRESS');
    const desk = await inject('POST', `/api/dossiers/${dossier.code}/payments/desk`, world.desk, {
      method: 'cash',
    });
    expect(desk.statusCode).toBe(409);

    clock.advance(16 * 60 * 1000);
    const changed = await assess(dossier.code, [{ index: COPY, quantity: 2 }]);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ outstanding: 16000 });
    expect(changed.json().payments[0]).toMatchObject({
      id: payment.paymentId,
      status: 'cancelled',
    });
  });
});

describe('the sandbox’s notification over HTTP', () => {
  const clock = new ManualClock(START);
  let world: DossiersWorld;

  beforeAll(async () => {
    world = await createDossiersWorld(clock);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('reaches the IPN endpoint of a listening platform and is confirmed there', async () => {
    const dossier = await submitBirth(world);
    const assessed = await world.t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${dossier.code}/fees`,
      headers: world.desk,
      payload: { lines: [{ index: COPY }] },
    });
    expect(assessed.statusCode).toBe(200);
    const started = await world.t.app.inject({
      method: 'POST',
      url: `/api/dossiers/mine/${dossier.code}/payments`,
      headers: world.citizen,
    });
    const txnRef = new URL(started.json().redirectUrl as string).searchParams.get('vnp_TxnRef')!;

    await world.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = world.t.app.server.address() as AddressInfo;
    const query = vnpSignedQuery(
      {
        vnp_Amount: '800000',
        vnp_BankCode: 'SANDBOX',
        vnp_OrderInfo: `Nop phi le phi ho so ${dossier.code}`,
        vnp_PayDate: vnpDate(clock.now()),
        vnp_ResponseCode: '00',
        vnp_TmnCode: 'TINHSO00',
        vnp_TransactionNo: '10000001',
        vnp_TransactionStatus: '00',
        vnp_TxnRef: txnRef,
      },
      sandboxSecret(world.t.ctx.config.dataDir),
    );
    const answer = await sendSandboxNotification(`http://127.0.0.1:${port}`, query);
    expect(answer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const fees = await world.t.app.inject({
      method: 'GET',
      url: `/api/dossiers/mine/${dossier.code}/fees`,
      headers: world.citizen,
    });
    expect(fees.json()).toMatchObject({ paid: 8000, outstanding: 0 });
  });
});
