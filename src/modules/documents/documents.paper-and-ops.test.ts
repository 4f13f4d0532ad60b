import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { browser } from '../../kernel/auth/testing';
import { samplePdf } from '../../kernel/storage/storage.test-support';
import { createTestProvince, signInDesk, type TestProvince } from './documents.test-support';

type Sessions = Awaited<ReturnType<typeof signInDesk>>;

/** A multipart/form-data body as a browser sends it. */
async function multipart(content: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

describe('a paper document registered by hand, handled late, and seen by the operations center', () => {
  // 10:00 in Hạ Long on a working Monday.
  const clock = new ManualClock(new Date('2026-11-23T03:00:00Z'));
  let test: TestApp;
  let world: TestProvince;
  let province: Sessions;
  let incomingId: string;

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    test.app.inject({
      method,
      url,
      headers: browser(test.ctx, cookie),
      payload: payload as object,
    });

  beforeAll(async () => {
    test = await createTestApp({ clock });
    world = await createTestProvince(test.ctx);
    province = await signInDesk(test.app, test.ctx, clock, world.province);
  }, 180_000);
  afterAll(() => test?.close());

  it('registers a scanned paper document with the next arrival number', async () => {
    const body = await multipart(samplePdf(), 'Công văn 15 của Công an tỉnh.pdf');
    const upload = await test.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...browser(test.ctx, province.clerk), ...body.headers },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(201);
    const paper = {
      senderName: 'Công an tỉnh Quảng Ninh',
      notation: '15/CAT-PV01',
      typeName: 'Công văn',
      subject: 'Đề nghị phối hợp bảo đảm an ninh trật tự dịp Tết Nguyên đán',
      promulgatedOn: '2026-11-20',
      scanFileIds: [upload.json().id],
    };
    const registered = await call(province.clerk, 'POST', '/api/documents/incoming', paper);
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({
      status: 'registered',
      source: 'paper',
      number: 1,
      notation: '15/CAT-PV01',
      files: [{ role: 'received', name: 'Công văn 15 của Công an tỉnh.pdf' }],
    });
    incomingId = registered.json().id;

    // The same scan cannot be filed twice, and nothing is registered when it is refused.
    const again = await call(province.clerk, 'POST', '/api/documents/incoming', paper);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('FILE_INVALID');
    const register = await call(province.clerk, 'GET', '/api/documents/incoming?box=register');
    expect(register.json().total).toBe(1);

    // An officer is not the clerk: no registering.
    const byOfficer = await call(province.officer, 'POST', '/api/documents/incoming', paper);
    expect(byOfficer.statusCode).toBe(403);
  });

  it('flags the document overdue once its deadline has passed, in the list and for the IOC', async () => {
    const assigned = await call(
      province.leader,
      'POST',
      `/api/documents/incoming/${incomingId}/actions`,
      {
        action: 'assign',
        leadUserId: world.province.officer.id,
        handlingUnit: 'Văn phòng',
        deadline: '2026-11-25',
      },
    );
    expect(assigned.json()).toMatchObject({ status: 'assigned', overdue: false });
    const mine = await call(province.officer, 'GET', '/api/documents/incoming?box=mine');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([incomingId]);

    clock.set(new Date('2026-11-26T03:00:00Z'));
    // Three days later everyone signs in again.
    province = await signInDesk(test.app, test.ctx, clock, world.province);
    const overdue = await call(province.officer, 'GET', '/api/documents/incoming?box=overdue');
    expect(overdue.json().items).toMatchObject([{ id: incomingId, overdue: true }]);
    const desk = await call(province.officer, 'GET', '/api/documents/desk');
    expect(desk.json().counts).toMatchObject({ mine: 1, overdue: 1 });

    const kpis = await call(province.leader, 'GET', '/api/documents/ops');
    expect(kpis.statusCode).toBe(200);
    expect(kpis.json()).toMatchObject({
      overdueIncoming: 1,
      openIncoming: 1,
      overdueByAgency: [{ code: '000.00.00.H49', overdue: 1 }],
      exchange: { queued: 0, failed: 0, unacknowledged: 0 },
    });
    // The KPIs are for the operations center: a clerk without ops.view is refused.
    expect((await call(province.clerk, 'GET', '/api/documents/ops')).statusCode).toBe(403);

    const done = await call(
      province.officer,
      'POST',
      `/api/documents/incoming/${incomingId}/actions`,
      {
        action: 'complete',
        note: 'Đã phối hợp',
      },
    );
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    expect((await call(province.leader, 'GET', '/api/documents/ops')).json().overdueIncoming).toBe(
      0,
    );
  });
});
