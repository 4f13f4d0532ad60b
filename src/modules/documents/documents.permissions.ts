/**
 * Who may do what with official documents. Decree 30/2020 gives each step its holder: an
 * officer drafts, the head of the unit reviews, the competent leader approves and signs, the
 * clerk (văn thư) numbers, seals, issues and registers what arrives, and the leader assigns
 * incoming documents for handling. Documents are scoped to the agency the person works in,
 * never to the agencies below it: a province officer does not read a commune's drafts.
 */
import type { AppContext } from '../../kernel/context';
import { addRolePermissions, PERMISSIONS, upsertRoles } from '../../kernel/auth';

export const DOCUMENT_PERMISSIONS = {
  /** Read the registers and the documents of one's agency. */
  read: 'documents.read',
  /** Draft outgoing documents, handle incoming documents one is assigned. */
  draft: 'documents.draft',
  /** Approve, return and sign outgoing documents; assign incoming ones. */
  lead: 'documents.lead',
  /** Number, seal and issue outgoing documents; register incoming ones (văn thư). */
  clerk: 'documents.clerk',
} as const;

const D = DOCUMENT_PERMISSIONS;

/** The two roles Decree 30 names that the kernel's built-in roles do not cover. */
export const DOCUMENT_ROLES = [
  {
    name: 'leader',
    labelVi: 'Lãnh đạo',
    labelEn: 'Leader',
    permissions: [PERMISSIONS.recordsRead, PERMISSIONS.opsView, D.read, D.draft, D.lead],
  },
  {
    name: 'clerk',
    labelVi: 'Văn thư',
    labelEn: 'Records clerk',
    permissions: [PERMISSIONS.recordsRead, D.read, D.clerk],
  },
] as const;

/** Reference seed: runs after the auth seed has reset the built-in roles. */
export async function seedDocumentRoles(ctx: AppContext): Promise<void> {
  await upsertRoles(
    ctx.db,
    DOCUMENT_ROLES.map((role) => ({ ...role, permissions: [...role.permissions] })),
  );
  await addRolePermissions(ctx.db, {
    officer: [D.read, D.draft],
    province_admin: Object.values(D),
  });
}
