/** The role catalogue: built-in roles seeded as reference data, extended by modules. */
import { sql } from 'kysely';
import type { AuthDb } from './auth-db';
import type { RoleDefinition } from './permissions';

/** Inserts or refreshes roles (labels and permissions): the seed is the source of truth. */
export async function upsertRoles(db: AuthDb, roles: readonly RoleDefinition[]): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insertInto('authRole')
    .values(
      roles.map((role) => ({
        name: role.name,
        labelVi: role.labelVi,
        labelEn: role.labelEn,
        permissions: [...role.permissions].sort(),
      })),
    )
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        labelVi: eb.ref('excluded.labelVi'),
        labelEn: eb.ref('excluded.labelEn'),
        permissions: eb.ref('excluded.permissions'),
      })),
    )
    .execute();
}

/**
 * Adds permissions to existing roles, keeping what they hold: how a module gives its own
 * permissions (e.g. `dossiers.process`) to the built-in roles from its reference seed.
 */
export async function addRolePermissions(
  db: AuthDb,
  additions: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  for (const [role, permissions] of Object.entries(additions)) {
    if (permissions.length === 0) continue;
    await db
      .updateTable('authRole')
      .set({
        permissions: sql<string[]>`ARRAY(SELECT DISTINCT p FROM unnest(permissions || ${[
          ...permissions,
        ]}::text[]) AS p ORDER BY p)`,
      })
      .where('name', '=', role)
      .execute();
  }
}

export async function listRoles(db: AuthDb): Promise<RoleDefinition[]> {
  return db.selectFrom('authRole').selectAll().orderBy('name').execute();
}
