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
