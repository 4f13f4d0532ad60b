/**
 * The feedback module's own permission, and who holds it. The routing matrix and the
 * categories' deadlines decide where every citizen's report goes and when it is late, across
 * the whole province, so only the province administrators manage them.
 */
import type { AppContext } from '../../kernel/context';
import { addRolePermissions } from '../../kernel/auth';

export const FEEDBACK_PERMISSIONS = {
  /** The routing matrix (category × commune → agency) and category settings. */
  routingManage: 'feedback.routing.manage',
} as const;

/** Reference seed: runs after the auth seed has reset the built-in roles. */
export async function grantFeedbackPermissions(ctx: AppContext): Promise<void> {
  await addRolePermissions(ctx.db, { province_admin: [FEEDBACK_PERMISSIONS.routingManage] });
}
