import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock';
import {
  createDossiersWorld,
  birthValues,
  submitBirth,
  uploadFile,
  type DossiersWorld,
  type Headers,
} from '../dossiers.test-support';
import { dossiersDb } from '../dossiers-db';

const HOUR = 3_600_000;

describe('one-stop processing of a dossier', () => {
  // Monday 2 March 2026, 09:00 in Vietnam.
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let w: DossiersWorld;

  beforeAll(async () => {
    w = await createDossiersWorld(clock);
  });
  afterAll(async () => w.close());
  // Staff sessions lapse after a while idle, and these tests move the clock by hours.
  beforeEach(async () => w.signInAgain());

  const post = (headers: Headers, url: string, payload: object = {}) =>
    w.t.app.inject({ method: 'POST', url: `/api/dossiers/${url}`, headers, payload });
  const get = (headers: Headers, url: string) =>
    w.t.app.inject({ method: 'GET', url: `/api/dossiers${url}`, headers });

  it('receives a dossier: the appointment on the working calendar, the next step with the specialist', async () => {
    const { id, code } = await submitBirth(w);
    const received = await post(w.desk, `${code}/receive`, { note: 'Hồ sơ đủ thành phần' });
    expect(received.statusCode, received.body).toBe(200);
    // Online birth registration: one working day; received Monday 09:00 → Monday 17:00.
    expect(received.json()).toMatchObject({
      code,
      status: 'received',
      dueAt: '2026-03-02T10:00:00.000Z',
    });

    const view = await get(w.specialist, `/${code}`);
    expect(view.statusCode).toBe(200);
    const dossier = view.json();
    expect(dossier.status).toBe('received');
    expect(dossier.steps.map((s: { kind: string; status: string }) => [s.kind, s.status])).toEqual([
      ['reception', 'done'],
      ['review', 'active'],
    ]);
    expect(dossier.actions).toEqual(['forward', 'request_supplement', 'refuse', 'send_back']);
    // The specialist reads the applicant in full; the read is audited.
    expect(dossier.applicant.idNumber).toBe('022190001234');
    const audit = await dossiersDb(w.t.ctx)
      .selectFrom('auditEvent')
      .select(['actorId', 'details'])
      .where('action', '=', 'personal_data.read')
      .where('recordId', '=', id)
      .execute();
    expect(audit).toEqual([
      {
        actorId: w.accounts.specialist.id,
        details: {
          fields: ['applicant_email', 'applicant_id_number', 'applicant_phone', 'form_values'],
          purpose: 'dossier_processing',
        },
      },
    ]);

    // The applicant is told, by e-mail, of the reception and its appointment.
    const notices = await dossiersDb(w.t.ctx)
      .selectFrom('notification')
      .select(['recipient', 'template', 'variables'])
      .where('template', '=', 'dossiers_dossier_changed')
      .execute();
    expect(notices).toContainEqual({
      recipient: 'lan.nguyen@example.vn',
      template: 'dossiers_dossier_changed',
      variables: expect.objectContaining({
        code,
        status: 'Đã tiếp nhận',
        message: 'Hẹn trả kết quả: 17:00 ngày 02/03/2026.',
      }),
    });

    // The national portal's record: queued in the outbox at each change, and exported whole.
    const record = await get(w.specialist, `/${code}/national-record`);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({
      MaHoSo: code,
      MaTTHC: '1.001193',
      KenhThucHien: 2,
      TrangThaiHoSo: 2,
      NgayNopHoSo: expect.stringMatching(/^20260302/),
      NgayHenTra: '20260302170000',
      // Both documents, in either order: they were added in the same instant.
      TaiLieuNop: expect.arrayContaining([
        expect.objectContaining({ MaThanhPhanHoSo: 'TK01', NguonTaiLieu: 'TAI_LEN' }),
        expect.objectContaining({ MaThanhPhanHoSo: 'GCS01', NguonTaiLieu: 'TAI_LEN' }),
      ]),
      DanhSachLePhi: [],
      DanhSachGiayToKetQua: [],
    });
    expect(JSON.stringify(record.json())).not.toContain('022190001234');
    const queued = await dossiersDb(w.t.ctx)
      .selectFrom('outboxEvent')
      .select(['payload'])
      .where('type', '=', 'dossiers.national_record')
      .where('aggregateId', '=', id)
      .orderBy('seq')
      .execute();
    expect(
      queued.map((event) => (event.payload as { TrangThaiHoSo: number }).TrangThaiHoSo),
    ).toEqual([1, 2]);

    // Receiving twice is refused: it is no longer awaiting reception.
    const again = await post(w.desk, `${code}/receive`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DOSSIER_WRONG_STATUS');
  });

  it('keeps another commune’s desk out, and the specialist from the desk’s and the leader’s acts', async () => {
    const { code } = await submitBirth(w);
    const elsewhere = await post(w.other.desk, `${code}/receive`);
    expect(elsewhere.statusCode).toBe(404);
    expect((await get(w.other.desk, `/${code}`)).statusCode).toBe(404);
    const otherList = await get(w.other.desk, '?box=all&pageSize=100');
    expect(otherList.statusCode).toBe(200);
    expect(otherList.json().items.map((i: { code: string }) => i.code)).not.toContain(code);

    // The specialist is of the same ward but is not the desk.
    expect((await post(w.specialist, `${code}/receive`)).statusCode).toBe(403);
    expect((await post(w.desk, `${code}/receive`)).statusCode).toBe(200);
    // The desk cannot do the specialist's step, nor the leader approve before the review.
    expect((await post(w.desk, `${code}/forward`)).statusCode).toBe(403);
    const early = await post(w.leader, `${code}/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DOSSIER_WRONG_STEP');
  });

  it('lists the desk’s work with masked names, and exports it', async () => {
    const { code } = await submitBirth(w);
    const list = await get(w.desk, '?box=reception&q=nguyen thi&pageSize=100');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { code: string }) => i.code === code);
    expect(item).toMatchObject({ status: 'submitted', applicantName: 'Nguyễn T. L.' });
    const byCode = await get(w.desk, `?box=all&q=${encodeURIComponent(code)}`);
    expect(byCode.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
    // The citizen has no console.
    expect((await get(w.citizen, '?box=all')).statusCode).toBe(403);

    const csv = await get(w.desk, '/export?box=reception&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(code);
    expect(csv.body).toContain('Nguyễn T. L.');
    expect(csv.body).not.toContain('Nguyễn Thị Lan');
  });

  it('pauses the clock while the applicant supplies a document, and moves the deadlines by the pause', async () => {
    const { code } = await submitBirth(w);
    const received = await post(w.desk, `${code}/receive`);
    const dueAt = new Date(received.json().dueAt);
    // Exactly Monday 10:00 (signing in moves the clock by the authenticator's steps).
    clock.set(new Date('2026-03-02T02:55:00Z'));
    await w.signInAgain();
    clock.set(new Date('2026-03-02T03:00:00Z'));
    const asked = await post(w.specialist, `${code}/supplement-requests`, {
      note: 'Bổ sung văn bản ủy quyền của người đi đăng ký',
      slots: ['UQ01'],
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('supplement_requested');
    // Unknown documents cannot be asked for.
    const unknown = await post(w.specialist, `${code}/supplement-requests`, {
      note: 'x',
      slots: ['XYZ'],
    });
    expect(unknown.statusCode).toBe(409);

    // Paused: the specialist cannot forward.
    expect((await post(w.specialist, `${code}/forward`)).statusCode).toBe(409);
    // Exactly Tuesday 10:00: the mother supplies the power of attorney.
    clock.set(new Date('2026-03-03T02:55:00Z'));
    await w.signInAgain();
    const fileId = await uploadFile(w, w.citizen, undefined, 'giấy ủy quyền.pdf');
    clock.set(new Date('2026-03-03T03:00:00Z'));
    const missing = await post(w.citizen, `mine/${code}/supplements`, { documents: [] });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.documents).toEqual([{ slot: 'UQ01', problem: 'missing' }]);
    const someoneElse = await post(w.specialist, `mine/${code}/supplements`, { documents: [] });
    expect(someoneElse.statusCode).toBe(404);
    const supplied = await post(w.citizen, `mine/${code}/supplements`, {
      documents: [{ slot: 'UQ01', fileId }],
      note: 'Đã bổ sung',
    });
    expect(supplied.statusCode, supplied.body).toBe(200);
    // Paused from Monday 10:00 to Tuesday 10:00: eight working hours (10:00–11:30,
    // 13:30–17:00, 07:00–10:00), so Monday 17:00 becomes Tuesday 17:00.
    expect(supplied.json()).toMatchObject({ status: 'received' });
    expect(new Date(supplied.json().dueAt).getTime() - dueAt.getTime()).toBe(24 * HOUR);
    expect(supplied.json().dueAt).toBe('2026-03-03T10:00:00.000Z');

    const view = (await get(w.specialist, `/${code}`)).json();
    expect(view.supplements).toEqual([
      expect.objectContaining({ slots: ['UQ01'], suppliedAt: expect.any(String) }),
    ]);
    expect(view.documents.map((d: { slot: string }) => d.slot)).toContain('UQ01');
  });

  it('forwards, sends back with a reason, approves; refuses with a reason', async () => {
    const { code } = await submitBirth(w);
    await post(w.desk, `${code}/receive`);
    const forwarded = await post(w.specialist, `${code}/forward`, { note: 'Đủ điều kiện' });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json()).toMatchObject({ status: 'processing', step: { no: 2 } });
    const back = await post(w.leader, `${code}/send-back`, { note: 'Kiểm tra lại quê quán' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().step.no).toBe(1);
    expect((await post(w.specialist, `${code}/forward`)).statusCode).toBe(200);
    const approved = await post(w.leader, `${code}/approve`, { note: 'Đồng ý' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().step).toMatchObject({ no: 3 });
    const view = (await get(w.leader, `/${code}`)).json();
    expect(
      view.steps.map((s: { kind: string; status: string }) => `${s.kind}:${s.status}`),
    ).toEqual([
      'reception:done',
      'review:done',
      'approval:returned',
      'review:done',
      'approval:done',
      'signing:active',
    ]);
    expect(view.history.map((h: { action: string }) => h.action)).toEqual([
      'submitted',
      'received',
      'forwarded',
      'sent_back',
      'forwarded',
      'approved',
    ]);
    expect(view.actions).toEqual(['sign', 'send_back']);

    const other = await submitBirth(w);
    const noReason = await post(w.desk, `${other.code}/refuse`, {});
    expect(noReason.statusCode).toBe(400);
    const refused = await post(w.desk, `${other.code}/refuse`, {
      reason: 'Trẻ sinh tại xã khác, cha mẹ không cư trú tại phường',
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().status).toBe('refused');
    const mine = await w.t.app.inject({
      method: 'GET',
      url: `/api/dossiers/mine/${other.code}`,
      headers: w.citizen,
    });
    expect(mine.json().status).toBe('refused');
  });

  it('writes an apology with a new appointment once a dossier is late', async () => {
    const { code } = await submitBirth(w);
    const received = await post(w.desk, `${code}/receive`);
    const tooEarly = await post(w.desk, `${code}/apologies`, {
      reason: 'Chờ xác minh',
      newDueAt: '2026-12-01T10:00:00Z',
    });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('DOSSIER_NOT_LATE');

    clock.set(new Date(new Date(received.json().dueAt).getTime() + 26 * HOUR));
    await w.signInAgain();
    const late = await get(w.desk, '?box=late&pageSize=100');
    expect(late.json().items.map((i: { code: string }) => i.code)).toContain(code);
    const onSunday = await post(w.desk, `${code}/apologies`, {
      reason: 'Chờ xác minh',
      newDueAt: '2026-03-08T10:00:00Z',
    });
    expect(onSunday.statusCode).toBe(422);
    const apology = await post(w.specialist, `${code}/apologies`, {
      reason: 'Phải xác minh nơi sinh với bệnh viện',
      newDueAt: '2026-03-10T10:00:00Z',
    });
    expect(apology.statusCode, apology.body).toBe(201);
    const view = (await get(w.desk, `/${code}`)).json();
    expect(view.apologies).toEqual([
      expect.objectContaining({
        reason: 'Phải xác minh nơi sinh với bệnh viện',
        newDueAt: '2026-03-10T10:00:00.000Z',
        previousDueAt: received.json().dueAt,
      }),
    ]);
    // The legal appointment stays: the dossier is late whatever the new date.
    expect(view.dueAt).toBe(received.json().dueAt);
  });

  it('registers a paper dossier at the desk with its scans, received at once', async () => {
    const scans = [
      { slot: 'TK01', fileId: await uploadFile(w, w.desk, undefined, 'to-khai-scan.pdf') },
      { slot: 'GCS01', fileId: await uploadFile(w, w.desk, undefined, 'giay-chung-sinh-scan.pdf') },
    ];
    const body = {
      procedureCode: '1.001193',
      channel: 'TRUC_TIEP',
      communeCode: w.haLong.communeCode,
      applicant: { type: 'CONG_DAN', fullName: 'Vũ Thị Hoa', idNumber: '022195004321' },
      values: { ...birthValues(w.haLong.communeCode), mother_full_name: 'Vũ Thị Hoa' },
      documents: scans,
    };
    // Not the specialist's desk, and not another commune's.
    expect((await post(w.specialist, 'desk', body)).statusCode).toBe(403);
    expect((await post(w.other.desk, 'desk', body)).statusCode).toBe(404);
    const missing = await post(w.desk, 'desk', { ...body, documents: [scans[0]] });
    expect(missing.statusCode).toBe(422);
    const registered = await post(w.desk, 'desk', body);
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json()).toMatchObject({ status: 'received' });
    const view = (await get(w.desk, `/${registered.json().code}`)).json();
    expect(view).toMatchObject({ channel: 'TRUC_TIEP', returnMethod: 'desk' });
    expect(view.documents.map((d: { origin: string }) => d.origin)).toEqual(['scan', 'scan']);
    expect(view.steps.map((s: { kind: string }) => s.kind)).toEqual(['reception', 'review']);
  });
});
