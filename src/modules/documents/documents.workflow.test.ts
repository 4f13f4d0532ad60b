import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../../kernel/clock';
import { browser, nextTotpCode } from '../../kernel/auth/testing';
import { platformTrustStore } from '../../kernel/signing/trust';
import { verifyPdf } from '../../kernel/signing/pades-verify';
import { pdfsigIntegrity, tempDir } from '../../kernel/signing/signing.test-support';
import { samplePdf } from '../../kernel/signing/sample-pdf.test-support';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { testWorker } from './exchange/exchange.test-support';
import { createTestProvince, signInDesk, type TestProvince } from './documents.test-support';

type Sessions = Awaited<ReturnType<typeof signInDesk>>;

describe('an outgoing document from draft to completion at the recipient', () => {
  const clock = new ManualClock(new Date());
  let test: TestApp;
  let world: TestProvince;
  let ward: Sessions;
  let province: Sessions;
  let outgoingId: string;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    test.app.inject({
      method,
      url,
      headers: browser(test.ctx, cookie),
      payload: payload as object,
    });

  const draft = () => ({
    typeAbbreviation: null,
    draftingUnit: 'VP',
    subject: 'Báo cáo kết quả phối hợp xử lý ngập úng tại phường Hạ Long',
    greeting: 'Ủy ban nhân dân tỉnh Quảng Ninh',
    body: 'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, phường Hạ Long báo cáo như sau.\n\nĐã khơi thông 12 tuyến cống, không còn điểm ngập kéo dài.',
    signerUserId: world.ward.leader.id,
    signerCompetence: 'TM. ỦY BAN NHÂN DÂN',
    signerPosition: 'CHỦ TỊCH',
    recipients: [{ organId: '000.00.00.H49' }],
  });

  beforeAll(async () => {
    test = await createTestApp({ clock });
    world = await createTestProvince(test.ctx);
    ward = await signInDesk(test.app, test.ctx, clock, world.ward);
    province = await signInDesk(test.app, test.ctx, clock, world.province);
  }, 180_000);
  afterAll(() => test?.close());

  it('refuses a draft with an unknown kind, a signer who is not a leader or a bad recipient', async () => {
    const unknownKind = await call(ward.officer, 'POST', '/api/documents/outgoing', {
      ...draft(),
      typeAbbreviation: 'XYZ',
    });
    expect(unknownKind.statusCode).toBe(422);
    expect(unknownKind.json().error.code).toBe('DOCUMENT_TYPE_UNKNOWN');

    const clerkSigns = await call(ward.officer, 'POST', '/api/documents/outgoing', {
      ...draft(),
      signerUserId: world.ward.clerk.id,
    });
    expect(clerkSigns.json().error.code).toBe('SIGNER_NOT_ELIGIBLE');

    const outsider = await call(ward.officer, 'POST', '/api/documents/outgoing', {
      ...draft(),
      recipients: [{ organId: '000.00.99.H26' }],
    });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().error.details.recipients).toEqual([
      { organId: '000.00.99.H26', problem: 'name_required' },
    ]);

    const list = await call(ward.officer, 'GET', '/api/documents/outgoing');
    expect(list.json().total).toBe(0);
  });

  it('keeps the officer’s draft and lets only the named signer approve it', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await samplePdf(2))]), 'Phụ lục số liệu.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const upload = await test.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...browser(test.ctx, ward.officer),
        'content-type': request.headers.get('content-type')!,
      },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(upload.statusCode).toBe(201);
    const created = await call(ward.officer, 'POST', '/api/documents/outgoing', {
      ...draft(),
      attachmentFileIds: [upload.json().id],
    });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    outgoingId = view.id;
    expect(view).toMatchObject({
      status: 'draft',
      typeName: 'Công văn',
      placeName: 'Hạ Long',
      signerName: 'Nguyễn Văn Hùng',
      notation: null,
      recipients: [{ organId: '000.00.00.H49', organName: 'Ủy ban nhân dân tỉnh Quảng Ninh' }],
      actions: ['edit', 'submit'],
    });

    const submitted = await call(
      ward.officer,
      'POST',
      `/api/documents/outgoing/${outgoingId}/actions`,
      {
        action: 'submit',
      },
    );
    expect(submitted.json().status).toBe('in_review');

    const byClerk = await call(
      ward.clerk,
      'POST',
      `/api/documents/outgoing/${outgoingId}/actions`,
      {
        action: 'approve',
      },
    );
    expect(byClerk.statusCode).toBe(403);

    // Another agency's leader does not even learn the document exists.
    const byOutsider = await call(province.leader, 'GET', `/api/documents/outgoing/${outgoingId}`);
    expect(byOutsider.statusCode).toBe(404);

    const approved = await call(
      ward.leader,
      'POST',
      `/api/documents/outgoing/${outgoingId}/actions`,
      {
        action: 'approve',
      },
    );
    expect(approved.json()).toMatchObject({ status: 'approved', actions: ['sign', 'return'] });
  });

  it('signs only with a fresh authenticator code, and the signed PDF verifies with pdfsig', async () => {
    const wrong = await call(ward.leader, 'POST', `/api/documents/outgoing/${outgoingId}/actions`, {
      action: 'sign',
      code: '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('MFA_CODE_INVALID');
    expect(
      (await call(ward.leader, 'GET', `/api/documents/outgoing/${outgoingId}`)).json().status,
    ).toBe('approved');

    const signed = await call(
      ward.leader,
      'POST',
      `/api/documents/outgoing/${outgoingId}/actions`,
      {
        action: 'sign',
        code: nextTotpCode(clock),
      },
    );
    expect(signed.statusCode).toBe(200);
    expect(signed.json().status).toBe('signed');
    const file = signed.json().files.find((f: { role: string }) => f.role === 'signed');
    const pdf = await call(ward.leader, 'GET', `/api/documents/files/${file.id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    const ours = verifyPdf(bytes, await platformTrustStore(test.ctx));
    expect(ours.outcome).toBe('valid');
    expect(ours.signatures).toHaveLength(1);
    expect(pdfsigIntegrity(bytes)).toEqual(['Signature is Valid.']);
  });

  it('is numbered 01/UBND-VP at issue, sealed by the agency, and the seal verifies too', async () => {
    const issued = await call(ward.clerk, 'POST', `/api/documents/outgoing/${outgoingId}/actions`, {
      action: 'issue',
    });
    expect(issued.statusCode).toBe(200);
    const view = issued.json();
    expect(view).toMatchObject({ status: 'issued', notation: '01/UBND-VP', number: 1 });
    expect(view.exchangeId).toBe(
      `000.00.31.H49,${view.promulgatedOn.replaceAll('-', '/')},01/UBND-VP`,
    );
    const latest = view.files.filter((f: { role: string }) => f.role === 'signed').at(-1);
    const bytes = (await call(ward.clerk, 'GET', `/api/documents/files/${latest.id}`)).rawPayload;
    const verified = verifyPdf(bytes, await platformTrustStore(test.ctx));
    expect(verified.outcome).toBe('valid');
    expect(verified.signatures.map((signature) => signature.fieldName)).toEqual([
      'ChuKyNguoiKy',
      'ChuKyCoQuan',
    ]);
    // The chairman's signature stays valid: after it, only the seal (with its number and
    // date lines) was added.
    expect(verified.signatures[0]!.laterRevisions.every((revision) => revision.allowed)).toBe(true);
    expect(pdfsigIntegrity(bytes)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    // The number and the date are in the document where Decree 30 puts them, as text.
    const dir = tempDir('tinhso-issued-');
    fs.writeFileSync(dir.file('issued.pdf'), bytes);
    const firstPage = execFileSync('/usr/bin/pdftotext', ['-l', '1', dir.file('issued.pdf'), '-'], {
      encoding: 'utf8',
    });
    dir.remove();
    expect(firstPage).toContain('Số: 01/UBND-VP');

    // The attachment carries the agency's stamp with the number, and verifies on its own.
    const attachment = view.files.find((f: { role: string }) => f.role === 'attachment');
    expect(attachment.name).toBe('Phụ lục số liệu.pdf');
    const stamped = (await call(ward.clerk, 'GET', `/api/documents/files/${attachment.id}`))
      .rawPayload;
    expect(verifyPdf(stamped, await platformTrustStore(test.ctx)).outcome).toBe('valid');
    expect(pdfsigIntegrity(stamped)).toEqual(['Signature is Valid.']);
    // One byte changed inside what the seal covers: both verifiers refuse it.
    const tampered = Buffer.from(bytes);
    tampered.writeUInt8(tampered.readUInt8(200) ^ 0x01, 200);
    expect(verifyPdf(tampered, await platformTrustStore(test.ctx)).outcome).toBe('invalid');
    expect(pdfsigIntegrity(tampered)).not.toContain('Signature is Valid.');
    const [year, month, day] = view.promulgatedOn.split('-');
    expect(firstPage).toMatch(
      new RegExp(`Hạ Long, ngày ${day} tháng (0?)${Number(month)} năm ${year}`),
    );
  });

  it('arrives at the province, is registered, assigned and completed; the sender sees every step', async () => {
    const worker = testWorker(test.ctx);
    await worker.runOnce();
    const inbox = await call(province.clerk, 'GET', '/api/documents/incoming?box=to_register');
    expect(inbox.json().items).toHaveLength(1);
    const incoming = inbox.json().items[0];
    expect(incoming).toMatchObject({
      notation: '01/UBND-VP',
      senderName: 'Ủy ban nhân dân phường Hạ Long',
      status: 'received',
      source: 'exchange',
    });
    const act = (cookie: string, body: object) =>
      call(cookie, 'POST', `/api/documents/incoming/${incoming.id}/actions`, body);

    expect((await act(province.clerk, { action: 'register' })).json()).toMatchObject({
      status: 'registered',
      number: 1,
    });
    const assigned = await act(province.leader, {
      action: 'assign',
      handlingUnit: 'Văn phòng',
      leadUserId: world.province.officer.id,
      deadline: '2026-12-31',
    });
    expect(assigned.json()).toMatchObject({ status: 'assigned', handlingDeadline: '2026-12-31' });
    expect((await act(province.officer, { action: 'start' })).json().status).toBe('processing');
    expect(
      (await act(province.officer, { action: 'complete', note: 'Đã tổng hợp' })).json().status,
    ).toBe('done');
    await worker.runOnce();
    await worker.stop();

    const sender = (
      await call(ward.officer, 'GET', `/api/documents/outgoing/${outgoingId}`)
    ).json();
    expect(sender.statusEvents.map((e: { statusCode: string }) => e.statusCode)).toEqual([
      '01',
      '03',
      '04',
      '05',
      '06',
    ]);
    expect(sender.recipients[0].statusCode).toBe('06');
  });

  it('finds the document in the register without diacritics and exports the register', async () => {
    const found = await call(
      ward.clerk,
      'GET',
      '/api/documents/outgoing?box=register&q=ngap%20ung',
    );
    expect(found.json().items.map((i: { notation: string }) => i.notation)).toEqual(['01/UBND-VP']);
    const none = await call(ward.clerk, 'GET', '/api/documents/outgoing?box=register&q=khong%20co');
    expect(none.json().total).toBe(0);
    const csv = await call(ward.clerk, 'GET', '/api/documents/outgoing/export?format=csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toContain('Số, ký hiệu văn bản');
    expect(lines[1]).toContain('01/UBND-VP');
    expect(lines[1]).toContain('Ủy ban nhân dân tỉnh Quảng Ninh');
  });
});
