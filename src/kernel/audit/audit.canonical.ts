/**
 * The canonical form of an audit row and the chain hash over it.
 *
 * The bytes hashed must be identical whichever database produced the row and whatever
 * the session's time zone, so the row is read through SQL that renders every column as
 * text: the timestamp in UTC with microseconds, and `details` in jsonb's own normalised
 * text form (keys ordered, spacing fixed). The canonical row is the JSON array of those
 * texts in column order, which no value can make ambiguous.
 */
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';

/** The row as the chain sees it: every column of audit_event, as text. */
export interface CanonicalEventRow {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  requestId: string | null;
  details: string;
}

/** SELECT list producing a CanonicalEventRow from `audit_event` aliased as `alias`. */
export function canonicalColumns(alias: string): RawBuilder<unknown> {
  const t = sql.table(alias);
  return sql`
    ${t}.id::text AS id,
    to_char(${t}.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
    ${t}.actor_type, ${t}.actor_id, ${t}.action, ${t}.record_type, ${t}.record_id,
    ${t}.ip, ${t}.request_id, ${t}.details::text AS details
  `;
}

export function canonicalRow(row: CanonicalEventRow): string {
  return JSON.stringify([
    row.id,
    row.occurredAt,
    row.actorType,
    row.actorId,
    row.action,
    row.recordType,
    row.recordId,
    row.ip,
    row.requestId,
    row.details,
  ]);
}

/** The "previous hash" of the first seal. */
export const GENESIS_HASH = '0'.repeat(64);

/** hex SHA-256(previous hash bytes ‖ UTF-8 canonical row). */
export function chainHash(previousHash: string, row: CanonicalEventRow): string {
  return createHash('sha256')
    .update(Buffer.from(previousHash, 'hex'))
    .update(canonicalRow(row), 'utf8')
    .digest('hex');
}
