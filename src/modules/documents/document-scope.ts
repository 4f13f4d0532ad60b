/**
 * Documents belong to one agency and are handled by the people of that agency only: the
 * grant must sit on the document's agency itself, not above it (see documents.permissions).
 */
import { sql } from 'kysely';
import type { Principal } from '../../kernel/auth';
import { httpErrors } from '../../kernel/errors/common.errors';
import type { DocumentsDb, DocumentsTrx } from './documents-db';
import { documentErrors } from './documents.errors';

function grantsAt(principal: Principal, agencyId: string) {
  const grants = principal.grants ?? [
    {
      role: principal.type,
      agencyId: principal.agencyId ?? '',
      permissions: principal.permissions,
    },
  ];
  return grants.filter((grant) => grant.agencyId === agencyId);
}

/** Throws NOT_FOUND outside the principal's agencies and FORBIDDEN without the permission. */
export function assertDocumentAccess(
  principal: Principal,
  permission: string,
  agencyId: string,
): void {
  const grants = grantsAt(principal, agencyId);
  if (grants.some((grant) => grant.permissions.has(permission))) return;
  if (grants.length > 0) throw httpErrors.FORBIDDEN({ permission });
  throw documentErrors.DOCUMENT_NOT_FOUND();
}

/** The agency whose registers the principal works in: their own, if they hold `permission` there. */
export function workingAgency(principal: Principal, permission: string): string {
  const own = principal.agencyId;
  if (own && grantsAt(principal, own).some((grant) => grant.permissions.has(permission))) {
    return own;
  }
  const other = (principal.grants ?? []).find((grant) => grant.permissions.has(permission));
  if (other) return other.agencyId;
  if (own) throw httpErrors.FORBIDDEN({ permission });
  throw documentErrors.DOCUMENT_NO_AGENCY();
}

/** Whether the user holds `permission` through a role granted on the agency itself. */
export async function holdsAt(
  db: DocumentsDb | DocumentsTrx,
  userId: string,
  agencyId: string,
  permission: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('userRole')
    .innerJoin('authRole', 'authRole.name', 'userRole.role')
    .innerJoin('appUser', 'appUser.id', 'userRole.userId')
    .select('userRole.userId')
    .where('userRole.userId', '=', userId)
    .where('userRole.agencyId', '=', agencyId)
    .where('appUser.status', '=', 'active')
    .where(sql<boolean>`${permission} = ANY(auth_role.permissions)`)
    .executeTakeFirst();
  return row !== undefined;
}
