/**
 * Who may use the exchange. `documents.exchange` lets a machine (another platform, an axis
 * node) hand packages over and read the packages of the agencies its key covers; people rarely
 * need it, but a key can carry only what its creator holds, so the province administrators
 * who create the peers' keys hold it. `documents.exchange.manage` configures peers.
 */
import type { AppContext } from '../../../kernel/context';
import { addRolePermissions } from '../../../kernel/auth';

export const EXCHANGE_PERMISSIONS = {
  /** Hand packages to this platform and read those of the agencies in scope. */
  exchange: 'documents.exchange',
  /** Add and disable the peers packages are routed to. */
  manage: 'documents.exchange.manage',
} as const;

/** Reference seed: runs after the auth seed has reset the built-in roles. */
export async function grantExchangePermissions(ctx: AppContext): Promise<void> {
  await addRolePermissions(ctx.db, { province_admin: Object.values(EXCHANGE_PERMISSIONS) });
}
