/**
 * A small province for document tests: a provincial People's Committee and a ward, each
 * with its notation and place, a seal from the demo CA, a leader with a personal
 * certificate and signature image, a clerk and an officer. Used only by tests.
 */
import type { AppContext } from '../../kernel/context';
import type { Api } from '../../kernel/http/api';
import type { ManualClock } from '../../kernel/clock';
import { insertAgency } from '../../kernel/agencies/agencies.queries';
import { createTestUser, signInStaff, type TestAccount } from '../../kernel/auth/testing';
import { demoSealPng, demoSignaturePng } from '../../kernel/signing/appearance';
import { issueDemoKeystore, seedDemoCertificateAuthority } from '../../kernel/signing/signing.seed';
import { documentsDb } from './documents-db';

export interface TestDesk {
  agencyId: string;
  code: string;
  officer: TestAccount;
  leader: TestAccount;
  clerk: TestAccount;
}

export interface TestProvince {
  province: TestDesk;
  ward: TestDesk;
}

async function desk(
  ctx: AppContext,
  agency: { id: string; code: string; name: string },
  issuer: { abbreviation: string; placeName: string },
  people: { tag: string; leaderName: string },
): Promise<TestDesk> {
  await documentsDb(ctx)
    .insertInto('documentIssuer')
    .values({ agencyId: agency.id, ...issuer })
    .execute();
  await issueDemoKeystore(ctx, {
    holderKind: 'seal',
    agencyId: agency.id,
    subject: { commonName: agency.name, organization: agency.name, province: 'Quảng Ninh' },
    appearanceImage: await demoSealPng(agency.name),
  });
  const account = (role: string, fullName: string) =>
    createTestUser(ctx, {
      email: `${role}.${people.tag}@example.vn`,
      agencyId: agency.id,
      roles: [role],
      fullName,
    });
  const leader = await account('leader', people.leaderName);
  await issueDemoKeystore(ctx, {
    holderKind: 'person',
    userId: leader.id,
    subject: { commonName: people.leaderName, organization: agency.name, province: 'Quảng Ninh' },
    appearanceImage: await demoSignaturePng(people.leaderName),
  });
  return {
    agencyId: agency.id,
    code: agency.code,
    leader,
    officer: await account('officer', `Chuyên viên ${people.tag}`),
    clerk: await account('clerk', `Văn thư ${people.tag}`),
  };
}

export async function createTestProvince(ctx: AppContext): Promise<TestProvince> {
  await seedDemoCertificateAuthority(ctx);
  const committee = await insertAgency(ctx.db, {
    code: '000.00.00.H49',
    name: 'Ủy ban nhân dân tỉnh Quảng Ninh',
    kind: 'province_committee',
  });
  const ward = await insertAgency(ctx.db, {
    code: '000.00.31.H49',
    name: 'Ủy ban nhân dân phường Hạ Long',
    kind: 'commune_committee',
    parentId: committee.id,
  });
  return {
    province: await desk(
      ctx,
      { id: committee.id, code: '000.00.00.H49', name: 'Ủy ban nhân dân tỉnh Quảng Ninh' },
      { abbreviation: 'UBND', placeName: 'Quảng Ninh' },
      { tag: 'tinh', leaderName: 'Trần Văn Tỉnh' },
    ),
    ward: await desk(
      ctx,
      { id: ward.id, code: '000.00.31.H49', name: 'Ủy ban nhân dân phường Hạ Long' },
      { abbreviation: 'UBND', placeName: 'Hạ Long' },
      { tag: 'halong', leaderName: 'Nguyễn Văn Hùng' },
    ),
  };
}

/** Signed-in sessions (password and second factor) for each person of a desk. */
export async function signInDesk(app: Api, ctx: AppContext, clock: ManualClock, desk: TestDesk) {
  return {
    officer: await signInStaff(app, ctx, clock, desk.officer),
    leader: await signInStaff(app, ctx, clock, desk.leader),
    clerk: await signInStaff(app, ctx, clock, desk.clerk),
  };
}
