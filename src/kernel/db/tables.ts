/**
 * The kernel's tables as Kysely sees them (camelCase). Each concern declares its own in
 * `<concern>.tables.ts`; modules extend the type with `db.withTables<TheirTables>()`.
 */
import type { HttpTables } from '../http/http.tables';
import type { AgenciesTables } from '../agencies/agencies.tables';

export type KernelTables = HttpTables & AgenciesTables;
