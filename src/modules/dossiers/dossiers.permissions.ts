/**
 * Who may do what with procedures and dossiers. The catalog is the province's: its
 * administrators import and change it; everybody reads it. A dossier is handled by the
 * people of the agencies its process names: the one-stop desk (bộ phận một cửa) receives it,
 * checks it, asks for more documents or refuses it, and returns the result; a specialist
 * (chuyên viên) examines it and proposes; a leader approves and signs. Each works only in the
 * agency their role is granted on (dossier-scope.ts), never in the agencies below it.
 */
import type { AppContext } from '../../kernel/context';
import { addRolePermissions, PERMISSIONS, upsertRoles } from '../../kernel/auth';

export const DOSSIER_PERMISSIONS = {
  /** Import and change the procedure catalog (procedures, forms, processes). */
  catalog: 'dossiers.catalog',
  /** See the dossiers that pass through one's agency, and their applicants' data (audited). */
  read: 'dossiers.read',
  /** The desk: receive, refuse, ask for documents, register paper dossiers, take fees, return. */
  receive: 'dossiers.receive',
  /** Examine a dossier, forward it, ask for documents, send it back a step. */
  handle: 'dossiers.handle',
  /** Approve and sign results; send a dossier back a step. */
  decide: 'dossiers.decide',
  /** The service-quality index and the dossiers' figures of the agencies in one's subtree. */
  report: 'dossiers.report',
} as const;

const D = DOSSIER_PERMISSIONS;

/** The desk officer of a public administration service center or a commune's one-stop desk. */
export const DESK_ROLE = {
  name: 'desk_officer',
  labelVi: 'Cán bộ một cửa',
  labelEn: 'One-stop desk officer',
  permissions: [PERMISSIONS.recordsRead, D.read, D.receive],
};

/** Reference seed: runs after the auth seed has reset the built-in roles. */
export async function seedDossierRoles(ctx: AppContext): Promise<void> {
  await upsertRoles(ctx.db, [DESK_ROLE]);
  await addRolePermissions(ctx.db, {
    officer: [D.read, D.handle],
    leader: [D.read, D.decide, D.report],
    operator: [D.report],
    province_admin: Object.values(D),
  });
}
