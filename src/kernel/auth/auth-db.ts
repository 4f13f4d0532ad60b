/**
 * The database handle identity and access works with: the kernel's (Kysely is invariant in
 * its table type, so callers' `ctx.db` and transactions must match it exactly).
 */
import type { Kysely } from 'kysely';
import type { KernelTables } from '../db/tables';

export type AuthDb = Kysely<KernelTables>;
