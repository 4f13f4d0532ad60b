/**
 * A dossier is seen and handled by the people of the agencies it passes through: the agency
 * that received it and the agencies its steps name (a department examining a dossier the
 * province's service center received). The grant must sit on that agency itself, not above
 * it: the province's officers do not read a commune's dossiers, and one commune never reads
 * another's. Outside that reach the dossier does not exist (404); inside it, without the
 * permission, 403.
 */
import type { Grant, Principal } from '../../../kernel/auth';
import { httpErrors } from '../../../kernel/errors/common.errors';
import type { DossiersDb, DossiersTrx } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';

export function grantsOfPrincipal(principal: Principal): readonly Grant[] {
  if (principal.grants) return principal.grants;
  if (!principal.agencyId) return [];
  return [
    { role: principal.type, agencyId: principal.agencyId, permissions: principal.permissions },
  ];
}

/** The agencies where the principal holds `permission` (their dossier lists' reach). */
export function agenciesWith(principal: Principal, permission: string): string[] {
  if (principal.type !== 'staff' && principal.kind !== 'api_key') return [];
  return [
    ...new Set(
      grantsOfPrincipal(principal)
        .filter((grant) => grant.permissions.has(permission))
        .map((grant) => grant.agencyId),
    ),
  ];
}

/** The agencies a dossier passes through: the receiving one and those of its steps. */
export async function agenciesOfDossier(
  db: DossiersDb | DossiersTrx,
  dossier: { id: string; receivingAgencyId: string },
): Promise<string[]> {
  const steps = await db
    .selectFrom('dossierStep')
    .select('agencyId')
    .distinct()
    .where('dossierId', '=', dossier.id)
    .execute();
  return [...new Set([dossier.receivingAgencyId, ...steps.map((step) => step.agencyId)])];
}

/**
 * Throws DOSSIER_NOT_FOUND unless the principal has a grant on one of the dossier's
 * agencies, FORBIDDEN unless one of those grants carries `permission` at `atAgency` (the
 * agency where the action happens; any of the dossier's agencies when omitted).
 */
export function assertDossierAccess(
  principal: Principal,
  permission: string,
  dossierAgencies: readonly string[],
  atAgency?: string,
): void {
  const grants = grantsOfPrincipal(principal).filter((grant) =>
    dossierAgencies.includes(grant.agencyId),
  );
  if (grants.length === 0) throw dossierErrors.DOSSIER_NOT_FOUND();
  const where = atAgency ? grants.filter((grant) => grant.agencyId === atAgency) : grants;
  if (!where.some((grant) => grant.permissions.has(permission))) {
    throw httpErrors.FORBIDDEN({ permission });
  }
}

/** Whether the principal holds `permission` through a grant on `agencyId` itself. */
export function holdsAt(principal: Principal, permission: string, agencyId: string): boolean {
  return grantsOfPrincipal(principal).some(
    (grant) => grant.agencyId === agencyId && grant.permissions.has(permission),
  );
}
