/**
 * Administration of accounts: listing, reading, creating staff and changing status or
 * roles. Every action is checked against the administrator's grants for `users.manage`
 * over the target's agency (authorizeRecord), and no one can grant a permission they do
 * not hold over that agency.
 */
import { randomInt } from 'node:crypto';
import type { AppContext } from '../context';
import { httpErrors } from '../errors/common.errors';
import { authErrors } from './auth.errors';
import { auditAuth, auditContactRead, type RequestInfo } from './auth.audit';
import type { AdminUserView } from './auth.schemas';
import type { UserStatus, UserType } from './auth.tables';
import { isUniqueViolation } from './auth.service';
import { authorizeRecord, coveringGrants, grantsOf, permissionScope } from './authorize';
import { normaliseEmail, normalisePhone } from './contact';
import { assertAcceptablePassword } from './password-policy';
import { hashPassword } from './passwords';
import { CITIZEN_ROLE, PERMISSIONS } from './permissions';
import type { Principal } from './principal';
import { revokeUserSessions } from './sessions';
import { presentAdminUser } from './user-view';
import {
  contactTaken,
  findUserById,
  insertUser,
  knownRoles,
  listUserRecords,
  loadUserRecord,
  replaceUserRoles,
  updateUser,
  type UserRecord,
  type UserSort,
} from './users.queries';

const MANAGE = PERMISSIONS.usersManage;

export interface UserListQuery {
  q?: string;
  agencyId?: string;
  type?: UserType;
  status?: UserStatus;
  page: number;
  pageSize: number;
  sort: UserSort;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Accounts in the administrator's scope, contact details masked. */
export async function listUsers(
  ctx: AppContext,
  principal: Principal,
  query: UserListQuery,
): Promise<Paged<AdminUserView>> {
  const scope = await permissionScope(ctx, principal, MANAGE);
  const { items, total } = await listUserRecords(ctx.db, { ...query, scope });
  return {
    items: items.map((record) => presentAdminUser(record, 'masked')),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadAuthorized(
  ctx: AppContext,
  principal: Principal,
  userId: string,
): Promise<UserRecord> {
  const record = await loadUserRecord(ctx.db, userId);
  if (!record) throw httpErrors.NOT_FOUND();
  await authorizeRecord(ctx, principal, MANAGE, record.agency?.id ?? null);
  return record;
}

function contactFields(record: UserRecord): string[] {
  return [record.email ? 'email' : null, record.phone ? 'phone' : null].filter(
    (field): field is string => field !== null,
  );
}

/** One account with its full contact details: a read of personal data, audited. */
export async function getUser(
  ctx: AppContext,
  request: RequestInfo,
  principal: Principal,
  userId: string,
): Promise<AdminUserView> {
  const record = await loadAuthorized(ctx, principal, userId);
  await auditContactRead(
    ctx.db,
    principal,
    record.id,
    contactFields(record),
    request,
    'users.view',
  );
  return presentAdminUser(record, 'full');
}

/** Permissions the principal holds over an agency (grants covering it). */
async function permissionsOver(
  ctx: AppContext,
  principal: Principal,
  agencyId: string,
): Promise<Set<string>> {
  const covering = await coveringGrants(ctx.db, grantsOf(principal), agencyId);
  const all = new Set<string>();
  for (const grant of covering) for (const permission of grant.permissions) all.add(permission);
  return all;
}

/** Refuses unknown roles, the citizen role, and roles carrying what the granter lacks. */
async function assertGrantable(
  ctx: AppContext,
  principal: Principal,
  agencyId: string,
  roles: readonly string[],
): Promise<void> {
  const known = await knownRoles(ctx.db, roles);
  const unknown = roles.filter((role) => !known.has(role) || role === CITIZEN_ROLE);
  if (unknown.length > 0) throw authErrors.ROLE_UNKNOWN({ roles: unknown });
  const held = await permissionsOver(ctx, principal, agencyId);
  const beyond = roles.filter((role) => [...known.get(role)!].some((p) => !held.has(p)));
  if (beyond.length > 0) throw authErrors.ROLE_NOT_GRANTABLE({ roles: beyond });
}

/** 96 bits from an alphabet without look-alikes, for an administrator to pass on once. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 17; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export interface CreateStaffInput {
  email: string;
  phone?: string;
  fullName: string;
  agencyId: string;
  roles: string[];
  password?: string;
}

export async function createStaff(
  ctx: AppContext,
  request: RequestInfo,
  principal: Principal,
  input: CreateStaffInput,
): Promise<{ user: AdminUserView; temporaryPassword?: string }> {
  await authorizeRecord(ctx, principal, MANAGE, input.agencyId);
  const roles = [...new Set(input.roles)];
  await assertGrantable(ctx, principal, input.agencyId, roles);
  const email = normaliseEmail(input.email);
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone) throw authErrors.PHONE_INVALID();
  const generated = input.password === undefined ? temporaryPassword() : undefined;
  const password = input.password ?? generated!;
  assertAcceptablePassword(password, { email, phone });
  const passwordHash = await hashPassword(password);
  const now = ctx.clock.now();
  let userId: string;
  try {
    userId = await ctx.db.transaction().execute(async (trx) => {
      if (await contactTaken(trx, email, phone)) throw authErrors.ACCOUNT_EXISTS();
      const id = await insertUser(trx, {
        type: 'staff',
        email,
        phone,
        fullName: input.fullName.trim(),
        passwordHash,
        agencyId: input.agencyId,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await replaceUserRoles(
        trx,
        id,
        roles.map((role) => ({ role, agencyId: input.agencyId })),
        principal.kind === 'user' ? principal.id : null,
      );
      await auditAuth(trx, {
        action: 'auth.user_created',
        actor: principal,
        recordType: 'user',
        recordId: id,
        request,
        details: { type: 'staff', agencyId: input.agencyId, roles, temporaryPassword: !!generated },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw authErrors.ACCOUNT_EXISTS();
    throw error;
  }
  const user = presentAdminUser((await loadUserRecord(ctx.db, userId))!, 'full');
  return generated ? { user, temporaryPassword: generated } : { user };
}

export interface UpdateUserInput {
  status?: UserStatus;
  fullName?: string;
  roles?: string[];
}

export async function updateUserByAdmin(
  ctx: AppContext,
  request: RequestInfo,
  principal: Principal,
  userId: string,
  input: UpdateUserInput,
): Promise<AdminUserView> {
  const record = await loadAuthorized(ctx, principal, userId);
  const isSelf = principal.kind === 'user' && principal.id === userId;
  if (isSelf && (input.status !== undefined || input.roles !== undefined)) {
    throw authErrors.SELF_CHANGE_REFUSED();
  }
  let roles: string[] | undefined;
  if (input.roles !== undefined) {
    if (record.type === 'citizen') throw authErrors.CITIZEN_ROLES_FIXED();
    roles = [...new Set(input.roles)];
    // Removing a role is as powerful as granting it: both sides must be within reach.
    const touched = [
      ...roles.filter((role) => !record.roles.includes(role)),
      ...record.roles.filter((role) => !roles!.includes(role)),
    ];
    await assertGrantable(ctx, principal, record.agency!.id, touched);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findUserById(trx, userId);
    if (!current) throw httpErrors.NOT_FOUND();
    await updateUser(trx, userId, {
      ...(input.fullName !== undefined ? { fullName: input.fullName.trim() } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      // Re-enabling an account also lifts a lock from the failures that may have led to it.
      ...(input.status === 'active' ? { failedLoginCount: 0, lockedUntil: null } : {}),
      updatedAt: now,
    });
    if (input.status !== undefined && input.status !== current.status) {
      const ended = input.status === 'disabled' ? await revokeUserSessions(trx, userId, now) : 0;
      await auditAuth(trx, {
        action: input.status === 'disabled' ? 'auth.user_disabled' : 'auth.user_enabled',
        actor: principal,
        recordType: 'user',
        recordId: userId,
        request,
        details: input.status === 'disabled' ? { sessionsEnded: ended } : {},
      });
    }
    if (roles !== undefined) {
      await replaceUserRoles(
        trx,
        userId,
        roles.map((role) => ({ role, agencyId: record.agency!.id })),
        principal.kind === 'user' ? principal.id : null,
      );
      await auditAuth(trx, {
        action: 'auth.user_roles_changed',
        actor: principal,
        recordType: 'user',
        recordId: userId,
        request,
        details: { before: record.roles, after: [...roles].sort() },
      });
    }
    if (input.fullName !== undefined) {
      await auditAuth(trx, {
        action: 'auth.user_updated',
        actor: principal,
        recordType: 'user',
        recordId: userId,
        request,
        details: { fields: ['fullName'] },
      });
    }
    await auditContactRead(trx, principal, userId, contactFields(record), request, 'users.edit');
  });
  return presentAdminUser((await loadUserRecord(ctx.db, userId))!, 'full');
}
