/**
 * Who may do what with procedures and dossiers. The catalog is the province's: its
 * administrators import and change it; everybody reads it.
 */
import type { AppContext } from '../../kernel/context';
import { addRolePermissions } from '../../kernel/auth';

export const DOSSIER_PERMISSIONS = {
  /** Import and change the procedure catalog (procedures, forms, processes). */
  catalog: 'dossiers.catalog',
} as const;

/** Reference seed: runs after the auth seed has reset the built-in roles. */
export async function seedDossierRoles(ctx: AppContext): Promise<void> {
  await addRolePermissions(ctx.db, {
    province_admin: Object.values(DOSSIER_PERMISSIONS),
  });
}
