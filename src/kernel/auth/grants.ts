/** The role grants of a person, turned into the permissions of their principal. */
import type { AuthDb } from './auth-db';
import type { Grant, Principal } from './principal';

export async function loadGrants(db: AuthDb, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('userRole as ur')
    .innerJoin('authRole as r', 'r.name', 'ur.role')
    .select(['ur.role', 'ur.agencyId', 'r.permissions'])
    .where('ur.userId', '=', userId)
    .orderBy('ur.role')
    .execute();
  const grants: Grant[] = [];
  for (const row of rows) {
    if (row.agencyId === null) continue;
    grants.push({ role: row.role, agencyId: row.agencyId, permissions: new Set(row.permissions) });
  }
  return grants;
}

export function unionOfPermissions(grants: readonly Grant[]): Set<string> {
  const all = new Set<string>();
  for (const grant of grants) for (const permission of grant.permissions) all.add(permission);
  return all;
}

export interface UserPrincipalInput {
  userId: string;
  userType: 'citizen' | 'staff';
  agencyId: string | null;
  sessionId: string | null;
  mfaPassed: boolean;
  grants: Grant[];
}

export function userPrincipal(input: UserPrincipalInput): Principal {
  return {
    kind: 'user',
    id: input.userId,
    type: input.userType,
    agencyId: input.agencyId,
    permissions: unionOfPermissions(input.grants),
    sessionId: input.sessionId,
    mfaPassed: input.mfaPassed,
    grants: input.grants,
  };
}

/**
 * The principal of a staff member outside any request: for work done on their behalf by the
 * platform itself (the demo seed acting out its sample documents). No session, no second
 * factor: routes never see such a principal.
 */
export async function principalOfUser(db: AuthDb, userId: string): Promise<Principal> {
  const user = await db
    .selectFrom('appUser')
    .select(['id', 'type', 'agencyId'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return userPrincipal({
    userId: user.id,
    userType: user.type === 'staff' ? 'staff' : 'citizen',
    agencyId: user.agencyId,
    sessionId: null,
    mfaPassed: false,
    grants: await loadGrants(db, user.id),
  });
}
