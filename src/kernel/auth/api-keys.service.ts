/** Administration of API keys: create (the secret is shown once), list and revoke. */
import type { AppContext } from '../context';
import { httpErrors } from '../errors/common.errors';
import { authErrors } from './auth.errors';
import { auditAuth, type RequestInfo } from './auth.audit';
import type { Paged } from './admin-users.service';
import { authorizeRecord, coveringGrants, grantsOf, permissionScope } from './authorize';
import { forgetApiKey, generateApiKey, hashApiKey } from './api-keys';
import { PERMISSIONS } from './permissions';
import type { Principal } from './principal';

const MANAGE = PERMISSIONS.apiKeysManage;

export interface ApiKeyView {
  id: string;
  prefix: string;
  name: string;
  agency: { id: string; code: string; name: string };
  scopes: string[];
  createdBy: { id: string; fullName: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

function apiKeyQuery(ctx: AppContext) {
  return ctx.db
    .selectFrom('apiKey as k')
    .innerJoin('agency as a', 'a.id', 'k.agencyId')
    .leftJoin('appUser as u', 'u.id', 'k.createdBy')
    .select([
      'k.id',
      'k.prefix',
      'k.name',
      'k.scopes',
      'k.createdAt',
      'k.lastUsedAt',
      'k.expiresAt',
      'k.revokedAt',
      'a.id as agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      'u.id as creatorId',
      'u.fullName as creatorName',
    ]);
}

type ApiKeyRow = Awaited<ReturnType<ReturnType<typeof apiKeyQuery>['executeTakeFirstOrThrow']>>;

function present(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    agency: { id: row.agencyId, code: row.agencyCode, name: row.agencyName },
    scopes: row.scopes,
    createdBy:
      row.creatorId && row.creatorName ? { id: row.creatorId, fullName: row.creatorName } : null,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

async function loadKey(ctx: AppContext, id: string): Promise<ApiKeyView | undefined> {
  const row = await apiKeyQuery(ctx).where('k.id', '=', id).executeTakeFirst();
  return row ? present(row) : undefined;
}

export async function listApiKeys(
  ctx: AppContext,
  principal: Principal,
  query: { page: number; pageSize: number },
): Promise<Paged<ApiKeyView>> {
  const scope = await permissionScope(ctx, principal, MANAGE);
  if (scope.agencyIds.length === 0) {
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  }
  const count = await ctx.db
    .selectFrom('apiKey')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agencyId', 'in', scope.agencyIds)
    .executeTakeFirstOrThrow();
  const rows = await apiKeyQuery(ctx)
    .where('k.agencyId', 'in', scope.agencyIds)
    .orderBy('k.createdAt', 'desc')
    .orderBy('k.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map(present),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export interface CreateApiKeyInput {
  name: string;
  agencyId: string;
  scopes: string[];
  expiresAt?: string;
}

export async function createApiKey(
  ctx: AppContext,
  request: RequestInfo,
  principal: Principal,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKeyView; secret: string }> {
  await authorizeRecord(ctx, principal, MANAGE, input.agencyId);
  const scopes = [...new Set(input.scopes)].sort();
  // A key can do no more than its creator can over the same agency.
  const held = new Set(
    (await coveringGrants(ctx.db, grantsOf(principal), input.agencyId)).flatMap((grant) => [
      ...grant.permissions,
    ]),
  );
  const beyond = scopes.filter((scope) => !held.has(scope));
  if (beyond.length > 0) throw authErrors.SCOPE_NOT_GRANTABLE({ scopes: beyond });
  const now = ctx.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw httpErrors.VALIDATION_FAILED([
      { field: 'body.expiresAt', message: 'must be in the future' },
    ]);
  }
  const { prefix, key } = generateApiKey();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('apiKey')
      .values({
        prefix,
        secretHash: hashApiKey(key),
        name: input.name.trim(),
        agencyId: input.agencyId,
        scopes,
        createdBy: principal.kind === 'user' ? principal.id : null,
        createdAt: now,
        lastUsedAt: null,
        expiresAt,
        revokedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditAuth(trx, {
      action: 'auth.api_key_created',
      actor: principal,
      recordType: 'api_key',
      recordId: row.id,
      request,
      details: {
        prefix,
        agencyId: input.agencyId,
        scopes,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return row.id;
  });
  return { apiKey: (await loadKey(ctx, id))!, secret: key };
}

export async function revokeApiKey(
  ctx: AppContext,
  request: RequestInfo,
  principal: Principal,
  id: string,
): Promise<ApiKeyView> {
  const key = await loadKey(ctx, id);
  if (!key) throw httpErrors.NOT_FOUND();
  await authorizeRecord(ctx, principal, MANAGE, key.agency.id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('apiKey')
      .set({ revokedAt: now })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (revoked) {
      forgetApiKey(ctx.db, id);
      await auditAuth(trx, {
        action: 'auth.api_key_revoked',
        actor: principal,
        recordType: 'api_key',
        recordId: id,
        request,
        details: { prefix: key.prefix },
      });
    }
  });
  return (await loadKey(ctx, id))!;
}
