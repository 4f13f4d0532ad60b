import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import { loadQuangNinhAgencies } from '../../../../seed/quang-ninh-agencies';
import { loadProcedureCatalog } from '../../../../seed/procedures';
import { ManualClock } from '../../../kernel/clock';
import {
  browser,
  createTestUser,
  signIn,
  signInStaff,
  type TestAccount,
} from '../../../kernel/auth/testing';
import { samplePdf, sampleExecutable } from '../../../kernel/storage/storage.test-support';
import { dossiersDb } from '../dossiers-db';
import { importProcedures } from '../catalog';
import { TRACKING_ATTEMPTS } from '../tracking';

const BIRTH = '1.001193';
const HA_LONG = '000.00.37.H49';
const SERVICE_CENTER = '000.00.20.H49';
const MOTHER_ID = '022190001234';

/** A multipart/form-data body as a browser would send it. */
async function multipart(content: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

describe('submitting a dossier online and following it', () => {
  // Monday 2 March 2026, 09:00 in Vietnam.
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let t: TestApp;
  let motherAccount: TestAccount;
  let neighbourAccount: TestAccount;
  let mother: Record<string, string>;
  let neighbour: Record<string, string>;
  let haLongCommune: string;

  const values = (commune: string) => ({
    child_full_name: 'Trần Minh Khôi',
    child_birth_date: '2026-02-20',
    child_sex: 'nam',
    child_ethnicity: 'Kinh',
    child_nationality: 'Việt Nam',
    child_birth_commune: commune,
    child_birth_place: 'Bệnh viện Bãi Cháy',
    child_home_town: 'Hạ Long, Quảng Ninh',
    mother_full_name: 'Nguyễn Thị Lan',
    mother_birth_date: '1990-05-14',
    mother_ethnicity: 'Kinh',
    mother_nationality: 'Việt Nam',
    mother_citizen_id: MOTHER_ID,
    mother_residence: 'Tổ 3, khu 5, phường Hạ Long',
    father_known: 'khong',
    registrant_relationship: 'me',
    registrant_phone: '0912345678',
    declaration: true,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const ids = await loadQuangNinhAgencies(t.ctx.db);
    await importProcedures(t.ctx, loadProcedureCatalog(), {
      type: 'system',
      id: null,
      ip: null,
      requestId: null,
    });
    haLongCommune = (
      await dossiersDb(t.ctx)
        .selectFrom('agencyCommune')
        .select('communeCode')
        .where('agencyId', '=', ids.get(HA_LONG)!)
        .executeTakeFirstOrThrow()
    ).communeCode;
    motherAccount = await createTestUser(t.ctx, {
      email: 'lan.nguyen@example.vn',
      fullName: 'Nguyễn Thị Lan',
    });
    neighbourAccount = await createTestUser(t.ctx, {
      email: 'hang.xom@example.vn',
      fullName: 'Lê Văn Xóm',
    });
    await signInBoth();
  });

  /** Fresh sessions, after the clock has moved past the old ones' idle time. */
  async function signInBoth() {
    const session = async (account: TestAccount) =>
      browser(t.ctx, (await signIn(t.app, t.ctx, account.email, account.password)).cookie);
    mother = await session(motherAccount);
    neighbour = await session(neighbourAccount);
  }
  afterAll(async () => t.close());

  async function upload(
    headers: Record<string, string>,
    content = samplePdf(),
    name = 'giấy chứng sinh.pdf',
  ) {
    const body = await multipart(content, name);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  const submit = (headers: Record<string, string>, payload: object, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: key ? { ...headers, 'idempotency-key': key } : headers,
      payload,
    });

  async function birthDossier(headers: Record<string, string>) {
    return {
      procedureCode: BIRTH,
      communeCode: haLongCommune,
      applicant: {
        type: 'CONG_DAN',
        fullName: 'Nguyễn Thị Lan',
        idNumber: MOTHER_ID,
        phone: '0912345678',
      },
      values: values(haLongCommune),
      documents: [
        { slot: 'TK01', fileId: await upload(headers, samplePdf(), 'tờ khai.pdf') },
        { slot: 'GCS01', fileId: await upload(headers) },
      ],
    };
  }

  const countDossiers = async () =>
    Number(
      (
        await dossiersDb(t.ctx)
          .selectFrom('dossier')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  let code = '';

  it('takes a birth registration at the ward, with the national code, once for a retried key', async () => {
    const payload = await birthDossier(mother);
    const first = await submit(mother, payload, 'khai-sinh-khoi-1');
    expect(first.statusCode).toBe(201);
    const dossier = first.json();
    expect(dossier).toMatchObject({
      code: `${HA_LONG}-260302-0001`,
      status: 'submitted',
      procedure: { code: BIRTH },
      receivingAgency: { code: HA_LONG },
    });
    code = dossier.code;
    const retried = await submit(mother, payload, 'khai-sinh-khoi-1');
    expect(retried.statusCode).toBe(201);
    expect(retried.json().code).toBe(code);
    expect(await countDossiers()).toBe(1);
  });

  it('keeps what is personal encrypted in the database', async () => {
    const row = await dossiersDb(t.ctx)
      .selectFrom('dossier')
      .select(['applicantIdNumber', 'applicantPhone', 'formValues', 'applicantName'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row.applicantName).toBe('Nguyễn Thị Lan');
    for (const stored of [row.applicantIdNumber, row.applicantPhone!, row.formValues]) {
      expect(stored).toMatch(/^v1:/);
      expect(stored).not.toContain(MOTHER_ID);
      expect(stored).not.toContain('0912345678');
      expect(stored).not.toContain('Khôi');
    }
  });

  it('numbers the next dossier of the day after it, and restarts the next day', async () => {
    const second = await submit(mother, await birthDossier(mother));
    expect(second.json().code).toBe(`${HA_LONG}-260302-0002`);
    clock.set(new Date('2026-03-02T17:30:00Z')); // 00:30 on Tuesday in Vietnam
    await signInBoth();
    const third = await submit(mother, await birthDossier(mother));
    expect(third.json().code).toBe(`${HA_LONG}-260303-0001`);
  });

  it('sends a province-level procedure to the service center', async () => {
    const catalog = loadProcedureCatalog();
    const provincial = catalog.find(
      (record) =>
        record.tinhso.receiving !== 'commune' &&
        record.tthc.CachThucThucHien.some((c) => c.Kenh === 'TRUC_TUYEN'),
    )!;
    const res = await submit(mother, {
      procedureCode: provincial.tthc.MaTTHC,
      applicant: { type: 'CONG_DAN', fullName: 'Nguyễn Thị Lan', idNumber: MOTHER_ID },
      values: {},
      documents: [],
    });
    // The empty form and documents are refused, but for what they lack, not for the place.
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DOSSIER_INVALID');
    expect(res.json().error.details.fields.length).toBeGreaterThan(0);
  });

  it('refuses an incomplete dossier, says what to put right, and writes nothing', async () => {
    const before = await countDossiers();
    const payload = await birthDossier(mother);
    const incomplete = {
      ...payload,
      values: {
        ...payload.values,
        child_birth_date: '2027-01-01',
        declaration: false,
        father_known: 'co',
      },
      documents: [
        payload.documents[0]!,
        { slot: 'XX99', fileId: payload.documents[1]!.fileId },
        { slot: 'UQ01', fileId: await upload(neighbour) },
      ],
    };
    const res = await submit(mother, incomplete);
    expect(res.statusCode).toBe(422);
    const { fields, documents } = res.json().error.details;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'child_birth_date', code: 'max', params: { max: '2026-03-03' } },
        { field: 'father_full_name', code: 'required' },
        { field: 'declaration', code: 'required' },
      ]),
    );
    expect(documents).toEqual(
      expect.arrayContaining([
        { slot: 'XX99', fileId: payload.documents[1]!.fileId, problem: 'unknown_slot' },
        { slot: 'UQ01', fileId: expect.any(String), problem: 'not_found' },
        { slot: 'GCS01', problem: 'missing' },
      ]),
    );
    expect(await countDossiers()).toBe(before);
  });

  it('refuses a file the desk cannot open, a commune nobody serves, and a staff account', async () => {
    const payload = await birthDossier(mother);
    const program = await multipart(sampleExecutable(), 'giấy.pdf');
    const executable = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...mother, ...program.headers },
      payload: program.payload,
    });
    // The upload itself is refused by its content, whatever its name says.
    expect(executable.statusCode).toBe(415);

    const nowhere = await submit(mother, { ...payload, communeCode: '99999' });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().error.code).toBe('COMMUNE_NOT_SERVED');

    const officer = await createTestUser(t.ctx, {
      email: 'canbo.motcua@example.vn',
      agencyId: (
        await dossiersDb(t.ctx)
          .selectFrom('agency')
          .select('id')
          .where('code', '=', SERVICE_CENTER)
          .executeTakeFirstOrThrow()
      ).id,
      roles: ['officer'],
    });
    const staff = browser(t.ctx, await signInStaff(t.app, t.ctx, clock, officer));
    const refused = await submit(staff, payload);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('CITIZENS_ONLY');
    expect((await submit(browser(t.ctx), payload)).statusCode).toBe(401);
  });

  it('shows the applicant their dossiers and what they submitted, and nobody else', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/dossiers/mine', headers: mother });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(3);
    expect(list.json().items[0].code).toBe(`${HA_LONG}-260303-0001`);

    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/mine/${code}`,
      headers: mother,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      code,
      applicant: { fullName: 'Nguyễn Thị Lan', idNumber: MOTHER_ID, phone: '0912345678' },
      values: { child_full_name: 'Trần Minh Khôi', declaration: true },
      documents: [{ slot: 'TK01' }, { slot: 'GCS01' }],
      timeline: [{ action: 'submitted', status: 'submitted' }],
    });
    // The father's section did not apply: its fields are not kept.
    expect(mine.json().values).not.toHaveProperty('father_full_name');

    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/mine/${code}`,
      headers: neighbour,
    });
    expect(theirs.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/dossiers/mine', headers: neighbour })).json()
        .total,
    ).toBe(0);
  });

  it('shows anyone with the code and the right four digits the status, and nothing personal', async () => {
    const track = (idLast4: string, dossierCode = code) =>
      t.app.inject({
        method: 'POST',
        url: '/api/dossiers/track',
        headers: browser(t.ctx),
        payload: { code: dossierCode, idLast4 },
      });
    const found = await track(MOTHER_ID.slice(-4));
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      code,
      status: 'submitted',
      procedure: { code: BIRTH },
      receivingAgency: { code: HA_LONG },
      timeline: [{ action: 'submitted', agency: expect.stringContaining('Hạ Long') }],
    });
    expect(found.body).not.toContain('Nguyễn Thị Lan');
    expect(found.body).not.toContain(MOTHER_ID);
    expect(found.body).not.toContain('Khôi');

    const wrong = await track('0000');
    const unknown = await track('1234', `${HA_LONG}-260302-9999`);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);

    for (let attempt = 1; attempt < TRACKING_ATTEMPTS; attempt++) await track('0000');
    const locked = await track(MOTHER_ID.slice(-4));
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TRACKING_LOCKED');
    clock.advance(61 * 60 * 1000);
    expect((await track(MOTHER_ID.slice(-4))).statusCode).toBe(200);
    // The lock is per dossier: another code is not held up by this one's guesses.
  });
});
