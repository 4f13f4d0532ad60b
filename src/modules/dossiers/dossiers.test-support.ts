/**
 * A province for the dossiers' tests: Quảng Ninh's agencies and procedure catalog, a citizen,
 * and the one-stop people of Hạ Long ward (desk officer, justice officer, chairman) and of a
 * second commune, each signed in with the second factor; and a birth registration submitted
 * online the way the portal submits it.
 */
import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { loadQuangNinhAgencies } from '../../../seed/quang-ninh-agencies';
import { loadProcedureCatalog } from '../../../seed/procedures';
import type { ManualClock } from '../../kernel/clock';
import {
  browser,
  createTestUser,
  signIn,
  signInStaff,
  type TestAccount,
} from '../../kernel/auth/testing';
import { samplePdf } from '../../kernel/storage/storage.test-support';
import { demoSignaturePng } from '../../kernel/signing/appearance';
import { issueDemoKeystore, seedDemoCertificateAuthority } from '../../kernel/signing/signing.seed';
import { dossiersDb } from './dossiers-db';
import { importProcedures } from './catalog';

export const BIRTH = '1.001193';
export const HA_LONG = '000.00.37.H49';
export const SERVICE_CENTER = '000.00.20.H49';
export const MOTHER_ID = '022190001234';

export type Headers = Record<string, string>;

export interface DossiersWorld {
  t: TestApp;
  clock: ManualClock;
  /** Agency id by national code. */
  agencies: Map<string, string>;
  haLong: { agencyId: string; communeCode: string };
  /** Another commune with its own desk officer. */
  other: { agencyId: string; communeCode: string; desk: Headers };
  citizen: Headers;
  citizenAccount: TestAccount;
  desk: Headers;
  specialist: Headers;
  leader: Headers;
  accounts: { desk: TestAccount; specialist: TestAccount; leader: TestAccount };
  /** Signs everyone in again (sessions lapse when a test moves the clock by hours). */
  signInAgain(): Promise<void>;
  close(): Promise<void>;
}

/** A multipart/form-data body as a browser would send it. */
export async function multipart(content: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

async function communeOf(t: TestApp, agencyId: string): Promise<string> {
  const row = await dossiersDb(t.ctx)
    .selectFrom('agencyCommune')
    .select('communeCode')
    .where('agencyId', '=', agencyId)
    .orderBy('communeCode')
    .executeTakeFirstOrThrow();
  return row.communeCode;
}

export async function createDossiersWorld(clock: ManualClock): Promise<DossiersWorld> {
  const t = await createTestApp({ clock });
  const agencies = await loadQuangNinhAgencies(t.ctx.db);
  await importProcedures(t.ctx, loadProcedureCatalog(), {
    type: 'system',
    id: null,
    ip: null,
    requestId: null,
  });
  const haLongId = agencies.get(HA_LONG)!;
  const otherId = (
    await dossiersDb(t.ctx)
      .selectFrom('agency')
      .innerJoin('agencyCommune', 'agencyCommune.agencyId', 'agency.id')
      .select('agency.id')
      .where('agency.kind', '=', 'commune_committee')
      .where('agency.id', '!=', haLongId)
      .orderBy('agency.code')
      .executeTakeFirstOrThrow()
  ).id;
  const staff = (email: string, fullName: string, agencyId: string, role: string) =>
    createTestUser(t.ctx, { email, fullName, agencyId, roles: [role] });
  const accounts = {
    desk: await staff('motcua.halong@example.vn', 'Phạm Thị Nhận', haLongId, 'desk_officer'),
    specialist: await staff('tuphap.halong@example.vn', 'Lê Văn Cần', haLongId, 'officer'),
    leader: await staff('chutich.halong@example.vn', 'Nguyễn Văn Hùng', haLongId, 'leader'),
  };
  // The chairman signs results with a certificate of the demo authority, which is trusted.
  await seedDemoCertificateAuthority(t.ctx);
  await issueDemoKeystore(t.ctx, {
    holderKind: 'person',
    userId: accounts.leader.id,
    subject: {
      commonName: 'Nguyễn Văn Hùng',
      organization: 'UBND phường Hạ Long',
      province: 'Quảng Ninh',
    },
    appearanceImage: await demoSignaturePng('Nguyễn Văn Hùng'),
  });
  const otherDesk = await staff('motcua.khac@example.vn', 'Vũ Văn Khác', otherId, 'desk_officer');
  const citizenAccount = await createTestUser(t.ctx, {
    email: 'lan.nguyen@example.vn',
    fullName: 'Nguyễn Thị Lan',
  });

  const world: DossiersWorld = {
    t,
    clock,
    agencies,
    haLong: { agencyId: haLongId, communeCode: await communeOf(t, haLongId) },
    other: { agencyId: otherId, communeCode: await communeOf(t, otherId), desk: {} },
    citizen: {},
    citizenAccount,
    desk: {},
    specialist: {},
    leader: {},
    accounts,
    async signInAgain() {
      const asStaff = async (account: TestAccount) =>
        browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
      world.desk = await asStaff(accounts.desk);
      world.specialist = await asStaff(accounts.specialist);
      world.leader = await asStaff(accounts.leader);
      world.other.desk = await asStaff(otherDesk);
      world.citizen = browser(
        t.ctx,
        (await signIn(t.app, t.ctx, citizenAccount.email, citizenAccount.password)).cookie,
      );
    },
    close: () => t.close(),
  };
  await world.signInAgain();
  return world;
}

/** Uploads a file as the person of `headers`; its id. */
export async function uploadFile(
  world: DossiersWorld,
  headers: Headers,
  content: Buffer = samplePdf(),
  name = 'giấy chứng sinh.pdf',
): Promise<string> {
  const body = await multipart(content, name);
  const res = await world.t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** The birth registration form as a mother fills it for her son born in `communeCode`. */
export function birthValues(communeCode: string) {
  return {
    child_full_name: 'Trần Minh Khôi',
    child_birth_date: '2026-02-20',
    child_sex: 'nam',
    child_ethnicity: 'Kinh',
    child_nationality: 'Việt Nam',
    child_birth_commune: communeCode,
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
  };
}

/** A birth registration submitted online by the world's citizen in `communeCode`. */
export async function submitBirth(
  world: DossiersWorld,
  communeCode = world.haLong.communeCode,
): Promise<{ id: string; code: string }> {
  const res = await world.t.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: world.citizen,
    payload: {
      procedureCode: BIRTH,
      communeCode,
      applicant: {
        type: 'CONG_DAN',
        fullName: 'Nguyễn Thị Lan',
        idNumber: MOTHER_ID,
        phone: '0912345678',
        email: 'lan.nguyen@example.vn',
      },
      values: birthValues(communeCode),
      documents: [
        {
          slot: 'TK01',
          fileId: await uploadFile(world, world.citizen, samplePdf(), 'tờ khai.pdf'),
        },
        { slot: 'GCS01', fileId: await uploadFile(world, world.citizen) },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json();
  return { id: body.id as string, code: body.code as string };
}
