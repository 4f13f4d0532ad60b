/**
 * The sealer: links committed audit rows into the hash chain.
 *
 * Writers never wait for the chain; they only INSERT. The sealer (a job of the scheduler
 * role, every second) appends one seal per newly visible row, in the order it observes them
 * committed: a row whose transaction commits late is sealed after rows with higher ids that
 * committed earlier, so ids need not follow seal order. Sealers serialise on an advisory
 * lock, so the chain never forks even if two scheduler processes overlapped.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database';
import {
  canonicalColumns,
  chainHash,
  GENESIS_HASH,
  type CanonicalEventRow,
} from './audit.canonical';

/** Advisory lock key shared by everything that appends to the chain. */
export const CHAIN_LOCK = 0x617564; // "aud"
const BATCH = 1000;
/**
 * Rows older than the newest seal made this long ago can no longer appear: their ids were
 * handed out before a row that was already committed and sealed back then, so only a
 * transaction open for longer than this could still commit one. Bounding the search keeps
 * each run proportional to recent activity rather than to the whole log.
 */
const LATE_COMMIT_WINDOW = '1 hour';

export interface SealResult {
  sealed: number;
  headSeq: number;
}

/** Seals every committed, unsealed audit row; returns how many were sealed. */
export async function sealPendingAuditEvents(db: Db): Promise<SealResult> {
  let sealed = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
      const head = await sql<{ seq: number; hash: string }>`
        SELECT seq, hash FROM audit_seal ORDER BY seq DESC LIMIT 1
      `.execute(trx);
      const floor = await sql<{ eventId: number }>`
        SELECT event_id FROM audit_seal
        WHERE sealed_at < now() - ${LATE_COMMIT_WINDOW}::interval
        ORDER BY sealed_at DESC LIMIT 1
      `.execute(trx);
      const rows = await sql<CanonicalEventRow>`
        SELECT ${canonicalColumns('e')}
        FROM audit_event e
        WHERE e.id > ${floor.rows[0]?.eventId ?? 0}
          AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)
        ORDER BY e.id
        LIMIT ${BATCH}
      `.execute(trx);

      let seq = head.rows[0]?.seq ?? 0;
      let previous = head.rows[0]?.hash ?? GENESIS_HASH;
      if (rows.rows.length === 0) return { count: 0, seq };
      const seals = rows.rows.map((row) => {
        seq += 1;
        previous = chainHash(previous, row);
        return { seq, eventId: Number(row.id), hash: previous };
      });
      await trx.insertInto('auditSeal').values(seals).execute();
      return { count: seals.length, seq };
    });
    sealed += batch.count;
    if (batch.count < BATCH) return { sealed, headSeq: batch.seq };
  }
}
