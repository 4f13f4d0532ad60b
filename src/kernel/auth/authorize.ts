/**
 * Record-level authorisation, called by services (not routes) so no route can forget it.
 *
 * A grant covers its agency's whole subtree. For a record owned by an agency:
 * - a grant that covers the agency and carries the permission → allowed;
 * - a grant covers the agency but none carries the permission → 403 FORBIDDEN;
 * - no grant covers the agency → 404 NOT_FOUND, so a principal cannot learn that a record
 *   exists outside its scope.
 * Records without an agency (citizens' accounts, province-wide items) are covered only by
 * grants on a root of the tree (the provincial People's Committee).
 */
import { sql } from 'kysely';
import { httpErrors } from '../errors/common.errors';
import type { AuthDb } from './auth-db';
import type { Grant, Principal } from './principal';

export interface AuthorizeContext {
  db: AuthDb;
}

export function grantsOf(principal: Principal): readonly Grant[] {
  if (principal.grants) return principal.grants;
  if (!principal.agencyId) return [];
  return [
    { role: principal.type, agencyId: principal.agencyId, permissions: principal.permissions },
  ];
}

/** Throws NOT_FOUND or FORBIDDEN unless `principal` may apply `permission` to the record. */
export async function authorizeRecord(
  ctx: AuthorizeContext,
  principal: Principal,
  permission: string,
  recordAgencyId: string | null,
): Promise<void> {
  const covering = await coveringGrants(ctx.db, grantsOf(principal), recordAgencyId);
  if (covering.some((grant) => grant.permissions.has(permission))) return;
  if (covering.length > 0) throw httpErrors.FORBIDDEN({ permission });
  throw httpErrors.NOT_FOUND();
}

/** Whether `principal` may apply `permission` to a record of `recordAgencyId` (no throw). */
export async function isAuthorized(
  ctx: AuthorizeContext,
  principal: Principal,
  permission: string,
  recordAgencyId: string | null,
): Promise<boolean> {
  const covering = await coveringGrants(ctx.db, grantsOf(principal), recordAgencyId);
  return covering.some((grant) => grant.permissions.has(permission));
}

/** The grants whose subtree contains the agency (or, for null, that sit on a root). */
export async function coveringGrants(
  db: AuthDb,
  grants: readonly Grant[],
  agencyId: string | null,
): Promise<Grant[]> {
  if (grants.length === 0) return [];
  const grantAgencyIds = [...new Set(grants.map((grant) => grant.agencyId))];
  let covered: string[];
  if (agencyId === null) {
    const rows = await db
      .selectFrom('agency')
      .select('id')
      .where('id', 'in', grantAgencyIds)
      .where('parentId', 'is', null)
      .execute();
    covered = rows.map((row) => row.id);
  } else {
    const rows = await db
      .selectFrom('agency as anc')
      .innerJoin('agency as rec', (join) => join.on(sql<boolean>`rec.path LIKE anc.path || '%'`))
      .select('anc.id')
      .where('rec.id', '=', agencyId)
      .where('anc.id', 'in', grantAgencyIds)
      .execute();
    covered = rows.map((row) => row.id);
  }
  return grants.filter((grant) => covered.includes(grant.agencyId));
}

export interface PermissionScope {
  /** Every agency on which the permission may be used (the grants' subtrees). */
  agencyIds: string[];
  /** Whether records without an agency are in scope too (a grant on a root agency). */
  includesUnassigned: boolean;
}

/** Where `principal` may use `permission`: for filtering lists in SQL. */
export async function permissionScope(
  ctx: AuthorizeContext,
  principal: Principal,
  permission: string,
): Promise<PermissionScope> {
  const grantAgencyIds = [
    ...new Set(
      grantsOf(principal)
        .filter((grant) => grant.permissions.has(permission))
        .map((grant) => grant.agencyId),
    ),
  ];
  if (grantAgencyIds.length === 0) return { agencyIds: [], includesUnassigned: false };
  const rows = await ctx.db
    .selectFrom('agency as g')
    .innerJoin('agency as d', (join) => join.on(sql<boolean>`d.path LIKE g.path || '%'`))
    .select(['d.id', 'g.parentId as grantParentId'])
    .where('g.id', 'in', grantAgencyIds)
    .execute();
  return {
    agencyIds: [...new Set(rows.map((row) => row.id))],
    includesUnassigned: rows.some((row) => row.grantParentId === null),
  };
}
