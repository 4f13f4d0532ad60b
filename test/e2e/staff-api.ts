/**
 * What an administrator does through the API before a browser test: sign in with the
 * password and the authenticator, then create a staff account. Plain HTTP, as any client.
 */
import { totpCode } from './totp';

export interface AdminSession {
  cookie: string;
}

function sessionCookie(response: Response): string {
  const header = response.headers.getSetCookie().find((value) => value.includes('session'));
  if (!header) throw new Error('the platform set no session cookie');
  return header.split(';')[0]!;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

export async function signInStaff(
  baseUrl: string,
  account: { email: string; password: string; totpSecret: string | null },
): Promise<AdminSession> {
  const headers = { 'content-type': 'application/json', origin: baseUrl };
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ identifier: account.email, password: account.password }),
  });
  await expectOk(login, 'login');
  let cookie = sessionCookie(login);
  const verify = await fetch(`${baseUrl}/api/auth/mfa/verify`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({ code: totpCode(account.totpSecret!) }),
  });
  await expectOk(verify, 'MFA verification');
  if (verify.headers.getSetCookie().length > 0) cookie = sessionCookie(verify);
  return { cookie };
}

export async function agencyIdByName(baseUrl: string, q: string): Promise<string> {
  const response = await fetch(
    `${baseUrl}/api/agencies?${new URLSearchParams({ q, view: 'flat' }).toString()}`,
  );
  await expectOk(response, 'agency search');
  const body = (await response.json()) as { items: { id: string }[] };
  if (!body.items[0]) throw new Error(`no agency matches "${q}"`);
  return body.items[0].id;
}

export async function createStaff(
  baseUrl: string,
  admin: AdminSession,
  staff: { email: string; fullName: string; password: string; agencyId: string; roles: string[] },
): Promise<void> {
  const response = await fetch(`${baseUrl}/api/admin/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie: admin.cookie },
    body: JSON.stringify(staff),
  });
  await expectOk(response, 'staff creation');
}
