/** SQL for people's accounts and their role grants. Functions take the database or a transaction first. */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { AuthDb } from './auth-db';
import type { AppUserTable, Locale, UserStatus, UserType } from './auth.tables';

export type AppUserRow = Selectable<AppUserTable>;

export async function findUserById(db: AuthDb, id: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: AuthDb, email: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('appUser').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserByPhone(db: AuthDb, phone: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('appUser').selectAll().where('phone', '=', phone).executeTakeFirst();
}

/** Whether another account already uses this email or phone. */
export async function contactTaken(
  db: AuthDb,
  email: string | null,
  phone: string | null,
): Promise<boolean> {
  if (!email && !phone) return false;
  const row = await db
    .selectFrom('appUser')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(email ? [eb('email', '=', email)] : []),
        ...(phone ? [eb('phone', '=', phone)] : []),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(db: AuthDb, user: Insertable<AppUserTable>): Promise<string> {
  const row = await db.insertInto('appUser').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: AuthDb,
  id: string,
  changes: Updateable<AppUserTable>,
): Promise<void> {
  await db.updateTable('appUser').set(changes).where('id', '=', id).execute();
}

export interface RoleGrant {
  role: string;
  agencyId: string | null;
}

/** Replaces every grant of the user with `grants`. */
export async function replaceUserRoles(
  db: AuthDb,
  userId: string,
  grants: readonly RoleGrant[],
  grantedBy: string | null,
): Promise<void> {
  await db.deleteFrom('userRole').where('userId', '=', userId).execute();
  if (grants.length === 0) return;
  await db
    .insertInto('userRole')
    .values(
      grants.map((grant) => ({ userId, role: grant.role, agencyId: grant.agencyId, grantedBy })),
    )
    .execute();
}

export async function knownRoles(
  db: AuthDb,
  names: readonly string[],
): Promise<Map<string, Set<string>>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('authRole')
    .select(['name', 'permissions'])
    .where('name', 'in', [...names])
    .execute();
  return new Map(rows.map((row) => [row.name, new Set(row.permissions)]));
}

/** Everything needed to present an account: the row, its agency and its grants. */
export interface UserRecord {
  id: string;
  type: UserType;
  fullName: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  status: UserStatus;
  agency: { id: string; code: string; name: string } | null;
  roles: string[];
  permissions: string[];
  mfaEnabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
  lockedUntil: Date | null;
}

function userRecordQuery(db: AuthDb) {
  return db
    .selectFrom('appUser as u')
    .leftJoin('agency as a', 'a.id', 'u.agencyId')
    .select([
      'u.id',
      'u.type',
      'u.fullName',
      'u.email',
      'u.phone',
      'u.locale',
      'u.status',
      'u.totpEnabledAt',
      'u.createdAt',
      'u.lastLoginAt',
      'u.lockedUntil',
      'a.id as agencyId',
      'a.code as agencyCode',
      'a.name as agencyName',
      sql<string[]>`coalesce((SELECT array_agg(DISTINCT ur.role ORDER BY ur.role)
        FROM user_role ur WHERE ur.user_id = u.id), '{}')`.as('roles'),
      sql<string[]>`coalesce((SELECT array_agg(DISTINCT p ORDER BY p)
        FROM user_role ur JOIN auth_role r ON r.name = ur.role, unnest(r.permissions) AS p
        WHERE ur.user_id = u.id), '{}')`.as('permissions'),
    ]);
}

type UserRecordRow = Awaited<
  ReturnType<ReturnType<typeof userRecordQuery>['executeTakeFirstOrThrow']>
>;

function toUserRecord(row: UserRecordRow): UserRecord {
  return {
    id: row.id,
    type: row.type,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    locale: row.locale,
    status: row.status,
    agency:
      row.agencyId && row.agencyCode && row.agencyName
        ? { id: row.agencyId, code: row.agencyCode, name: row.agencyName }
        : null,
    roles: row.roles ?? [],
    permissions: row.permissions ?? [],
    mfaEnabled: row.totpEnabledAt !== null,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
    lockedUntil: row.lockedUntil,
  };
}

export async function loadUserRecord(db: AuthDb, id: string): Promise<UserRecord | undefined> {
  const row = await userRecordQuery(db).where('u.id', '=', id).executeTakeFirst();
  return row ? toUserRecord(row) : undefined;
}

export type UserSort =
  'createdAt' | '-createdAt' | 'fullName' | '-fullName' | 'lastLoginAt' | '-lastLoginAt';

export interface UserFilter {
  q?: string;
  agencyId?: string;
  type?: UserType;
  status?: UserStatus;
  /** Agencies whose people may be listed; citizens only when `includesUnassigned`. */
  scope: { agencyIds: string[]; includesUnassigned: boolean };
  sort: UserSort;
  page: number;
  pageSize: number;
}

export async function listUserRecords(
  db: AuthDb,
  filter: UserFilter,
): Promise<{ items: UserRecord[]; total: number }> {
  let base = db.selectFrom('appUser as u').where((eb) => {
    const inScope = [];
    if (filter.scope.agencyIds.length > 0) {
      inScope.push(eb('u.agencyId', 'in', filter.scope.agencyIds));
    }
    if (filter.scope.includesUnassigned) inScope.push(eb('u.agencyId', 'is', null));
    return inScope.length > 0 ? eb.or(inScope) : eb.val(false);
  });
  if (filter.agencyId) base = base.where('u.agencyId', '=', filter.agencyId);
  if (filter.type) base = base.where('u.type', '=', filter.type);
  if (filter.status) base = base.where('u.status', '=', filter.status);
  const q = filter.q?.trim() ?? '';
  if (q !== '') {
    // Accents and case ignored: "nguyen van a" finds "Nguyễn Văn A".
    const pattern = `%${escapeLike(q.toLowerCase())}%`;
    // A phone is searched by its digits: "0912 345" finds +84912345678.
    const digits = q.replace(/\D/g, '').replace(/^0/, '');
    base = base.where((eb) =>
      eb.or([
        eb(
          sql`immutable_unaccent(lower(u.full_name))`,
          'like',
          sql`immutable_unaccent(${pattern})`,
        ),
        eb('u.email', 'like', pattern),
        ...(digits.length >= 3 ? [eb('u.phone', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  const countRow = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const ids = await base
    .select('u.id')
    .orderBy(sortColumn(filter.sort), filter.sort.startsWith('-') ? 'desc' : 'asc')
    .orderBy('u.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  if (ids.length === 0) return { items: [], total: Number(countRow.total) };
  const rows = await userRecordQuery(db)
    .where(
      'u.id',
      'in',
      ids.map((row) => row.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toUserRecord(row)]));
  return {
    items: ids.map((row) => byId.get(row.id)).filter((r): r is UserRecord => r !== undefined),
    total: Number(countRow.total),
  };
}

function sortColumn(sort: UserSort): 'u.createdAt' | 'u.fullName' | 'u.lastLoginAt' {
  const key = sort.replace(/^-/, '');
  if (key === 'fullName') return 'u.fullName';
  if (key === 'lastLoginAt') return 'u.lastLoginAt';
  return 'u.createdAt';
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The full name of the person behind a principal, as history lines name who acted; null for
 * API keys and the system. Takes any handle (a module's transaction with its own tables).
 */
export async function actorNameOf(
  db: Kysely<any>,
  principal: { kind: string; id: string },
): Promise<string | null> {
  if (principal.kind !== 'user') return null;
  const row = await (db as AuthDb)
    .selectFrom('appUser')
    .select('fullName')
    .where('id', '=', principal.id)
    .executeTakeFirst();
  return row?.fullName ?? null;
}
