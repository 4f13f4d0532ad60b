/**
 * Helpers for tests of identity and access (and of any part that needs signed-in people):
 * an agency tree, accounts created straight in the database, and sign-in through the API.
 * Used only by `*.test.ts` files.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../context';
import type { Api } from '../http/api';
import { insertAgency } from '../agencies/agencies.queries';
import type { ManualClock } from '../clock';
import { base32Decode } from './base32';
import { fieldCipher } from './field-crypto';
import { hashPassword } from './passwords';
import { sessionCookieName } from './session-cookie';
import { totp } from './totp';
import { insertUser, replaceUserRoles, updateUser } from './users.queries';

export interface TestAgencies {
  province: string;
  department: string;
  communeA: string;
  communeB: string;
}

/** A province committee with a department and two communes under it. */
export async function createTestAgencies(ctx: AppContext, tag: string): Promise<TestAgencies> {
  const province = await insertAgency(ctx.db, {
    code: `T${tag}.00.00`,
    name: `UBND tỉnh thử nghiệm ${tag}`,
    kind: 'province_committee',
  });
  const department = await insertAgency(ctx.db, {
    code: `T${tag}.01.00`,
    name: `Sở Xây dựng ${tag}`,
    kind: 'department',
    parentId: province.id,
  });
  const communeA = await insertAgency(ctx.db, {
    code: `T${tag}.02.01`,
    name: `UBND phường Hạ Long ${tag}`,
    kind: 'commune_committee',
    parentId: province.id,
  });
  const communeB = await insertAgency(ctx.db, {
    code: `T${tag}.02.02`,
    name: `UBND phường Bãi Cháy ${tag}`,
    kind: 'commune_committee',
    parentId: province.id,
  });
  return {
    province: province.id,
    department: department.id,
    communeA: communeA.id,
    communeB: communeB.id,
  };
}

/** Base32 secret every test staff account uses for its authenticator. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface TestAccount {
  id: string;
  email: string;
  password: string;
}

export async function createTestUser(
  ctx: AppContext,
  options: {
    email: string;
    password?: string;
    type?: 'citizen' | 'staff';
    agencyId?: string | null;
    roles?: string[];
    /** Staff default to an enrolled authenticator with TEST_TOTP_SECRET. */
    totp?: boolean;
    fullName?: string;
    phone?: string | null;
  },
): Promise<TestAccount> {
  const password = options.password ?? 'hoa phượng đỏ rực';
  const type = options.type ?? (options.agencyId ? 'staff' : 'citizen');
  const now = ctx.clock.now();
  const id = await insertUser(ctx.db, {
    type,
    email: options.email,
    phone: options.phone ?? null,
    fullName: options.fullName ?? 'Người Thử Nghiệm',
    passwordHash: await hashPassword(password),
    agencyId: type === 'staff' ? (options.agencyId ?? null) : null,
    createdAt: now,
    updatedAt: now,
  });
  const roles = options.roles ?? (type === 'citizen' ? ['citizen'] : []);
  await replaceUserRoles(
    ctx.db,
    id,
    roles.map((role) => ({ role, agencyId: role === 'citizen' ? null : options.agencyId! })),
    null,
  );
  if (options.totp ?? type === 'staff') {
    await updateUser(ctx.db, id, {
      totpSecret: fieldCipher(ctx.config).encrypt(
        base32Decode(TEST_TOTP_SECRET),
        `app_user.totp_secret:${id}`,
      ),
      totpEnabledAt: now,
    });
  }
  return { id, email: options.email, password };
}

/** Headers of a browser on the platform's own origin, carrying the session cookie. */
export function browser(ctx: AppContext, cookie?: string): Record<string, string> {
  const headers: Record<string, string> = { origin: new URL(ctx.config.publicUrl).origin };
  if (cookie) headers.cookie = `${sessionCookieName(ctx.config)}=${cookie}`;
  return headers;
}

export function sessionCookieOf(ctx: AppContext, res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === sessionCookieName(ctx.config) && c.value !== '')?.value;
}

export async function signIn(
  app: Api,
  ctx: AppContext,
  identifier: string,
  password: string,
): Promise<{ res: LightMyRequestResponse; cookie: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: browser(ctx),
    payload: { identifier, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { res, cookie: sessionCookieOf(ctx, res)! };
}

/** The current code of the test authenticator, moving the clock to a fresh 30-second step. */
export function nextTotpCode(clock: ManualClock, secret = TEST_TOTP_SECRET): string {
  clock.advance(30_000);
  return totp(base32Decode(secret), clock.now());
}

/** Password, then the authenticator code: a staff session that passed the second factor. */
export async function signInStaff(
  app: Api,
  ctx: AppContext,
  clock: ManualClock,
  account: { email: string; password: string },
): Promise<string> {
  const first = await signIn(app, ctx, account.email, account.password);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    headers: browser(ctx, first.cookie),
    payload: { code: nextTotpCode(clock) },
  });
  if (res.statusCode !== 200)
    throw new Error(`second factor failed: ${res.statusCode} ${res.body}`);
  return sessionCookieOf(ctx, res)!;
}
