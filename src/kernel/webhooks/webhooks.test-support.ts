/**
 * A real HTTP receiver for webhook tests (node:http on 127.0.0.1), which records every
 * request with its raw body and answers each path with planned statuses, then 200; and the
 * sign-in of the staff the webhook tests need. Used only by tests.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../context';
import type { Api } from '../http/api';
import type { ManualClock } from '../clock';
import {
  browser,
  createTestAgencies,
  createTestUser,
  signInStaff,
  type TestAccount,
} from '../auth/testing';
import { upsertRoles } from '../auth/roles.queries';
import { PERMISSIONS } from '../auth/permissions';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived, as a receiver must verify it. */
  rawBody: string;
}

export interface TestReceiver {
  /** `http://127.0.0.1:<port>` */
  base: string;
  received: ReceivedRequest[];
  /** The next answers of a path (status codes), used up in order; 200 afterwards. */
  plan(path: string, statuses: number[]): void;
  at(path: string): ReceivedRequest[];
  close(): Promise<void>;
}

export async function startTestReceiver(): Promise<TestReceiver> {
  const received: ReceivedRequest[] = [];
  const plans = new Map<string, number[]>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({
        method: request.method ?? '',
        path,
        headers: request.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      });
      const status = plans.get(path)?.shift() ?? 200;
      const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
      if (status >= 300 && status < 400) headers.location = `${path}/moved`;
      response.writeHead(status, headers);
      response.end(status === 200 ? 'đã nhận' : 'Dịch vụ tạm ngừng — service unavailable');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    plan: (path, statuses) => plans.set(path, [...statuses]),
    at: (path) => received.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port on which nothing listens (a receiver that is down). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface WebhookStaff {
  agencies: Awaited<ReturnType<typeof createTestAgencies>>;
  /** Browser headers of a province administrator (holds webhooks.manage everywhere). */
  provinceAdmin: Record<string, string>;
  /** A commune's integration officer: webhooks.manage over commune A only. */
  communeIntegrator: Record<string, string>;
  /** A commune officer without webhooks.manage. */
  communeOfficer: Record<string, string>;
  /** Signs the province administrator in again (after the test clock outran the session). */
  renewProvinceAdmin(): Promise<void>;
}

export async function signInWebhookStaff(
  app: Api,
  ctx: AppContext,
  clock: ManualClock,
  tag: string,
): Promise<WebhookStaff> {
  const agencies = await createTestAgencies(ctx, tag);
  await upsertRoles(ctx.db, [
    {
      name: 'integration_officer',
      labelVi: 'Cán bộ tích hợp',
      labelEn: 'Integration officer',
      permissions: [PERMISSIONS.webhooksManage],
    },
  ]);
  const lower = tag.toLowerCase();
  const accounts = {
    provinceAdmin: await createTestUser(ctx, {
      email: `quantri.${lower}@quangninh.example`,
      agencyId: agencies.province,
      roles: ['province_admin'],
    }),
    communeIntegrator: await createTestUser(ctx, {
      email: `tichhop.${lower}@quangninh.example`,
      agencyId: agencies.communeA,
      roles: ['integration_officer'],
    }),
    communeOfficer: await createTestUser(ctx, {
      email: `canbo.${lower}@quangninh.example`,
      agencyId: agencies.communeA,
      roles: ['officer'],
    }),
  };
  const signIn = async (account: TestAccount) =>
    browser(ctx, await signInStaff(app, ctx, clock, account));
  const staff: WebhookStaff = {
    agencies,
    provinceAdmin: await signIn(accounts.provinceAdmin),
    communeIntegrator: await signIn(accounts.communeIntegrator),
    communeOfficer: await signIn(accounts.communeOfficer),
    renewProvinceAdmin: async () => {
      staff.provinceAdmin = await signIn(accounts.provinceAdmin);
    },
  };
  return staff;
}
