/**
 * Verification of the audit chain: re-walks every seal in order, recomputes each hash from
 * the event row as it is now, checks every signed checkpoint against the recomputed chain,
 * and reports the first problem found. Needs no secret: checkpoint signatures are checked
 * with the public keys stored in `audit_signing_key`.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import {
  canonicalColumns,
  chainHash,
  GENESIS_HASH,
  type CanonicalEventRow,
} from './audit.canonical';
import { verifyCheckpointSignature } from './audit.checkpoint';

export type AuditProblem =
  /** An event row no longer holds what was sealed. */
  | 'altered'
  /** A sealed event row, or a seal, or the sealed tail the last checkpoint covers, is gone. */
  | 'removed'
  /** Sealed rows were swapped: their contents (or their seals) moved to other positions. */
  | 'reordered'
  /** The seal numbering has a hole or a duplicate. */
  | 'seq_gap'
  /** A checkpoint's signature does not verify, or its key is unknown. */
  | 'bad_signature'
  /** A checkpoint names a chain head that differs from the recomputed chain. */
  | 'checkpoint_mismatch'
  /** A committed event stayed unsealed longer than the sealer ever takes. */
  | 'unsealed_too_long';

export interface AuditVerification {
  ok: boolean;
  /** Seals whose event row was re-hashed successfully before any problem. */
  checkedRows: number;
  checkpointsVerified: number;
  problem?: AuditProblem;
  firstBadSeq?: number;
  firstBadEventId?: number;
}

export interface VerifyOptions {
  /** An event unsealed for longer than this is reported (default five minutes). */
  unsealedGraceSeconds?: number;
}

const PAGE = 1000;
/** How far ahead a mismatching seal looks for the row its content moved to. */
const REORDER_SEARCH = 1000;

interface SealRow extends CanonicalEventRow {
  seq: number;
  eventId: number;
  hash: string;
  missing: boolean;
}

interface CheckpointRow {
  seq: number;
  hash: string;
  signedAt: Date;
  signature: string;
  keyId: string;
}

export async function verifyAuditChain(
  db: Db,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const keys = await loadPublicKeys(db);
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let checkedRows = 0;
  let checkpointsVerified = 0;
  const fail = (problem: AuditProblem, seq?: number, eventId?: number): AuditVerification => ({
    ok: false,
    checkedRows,
    checkpointsVerified,
    problem,
    ...(seq !== undefined ? { firstBadSeq: seq } : {}),
    ...(eventId !== undefined ? { firstBadEventId: eventId } : {}),
  });

  for (;;) {
    const seals = await readSeals(db, expectedSeq - 1, PAGE);
    if (seals.length === 0) break;
    const last = seals[seals.length - 1]!.seq;
    const checkpoints = await db
      .selectFrom('auditCheckpoint')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .where('seq', '<=', last)
      .orderBy('seq')
      .execute();
    let checkpointIndex = 0;

    for (let i = 0; i < seals.length; i += 1) {
      const seal = seals[i]!;
      if (seal.seq !== expectedSeq) return fail('seq_gap', expectedSeq);
      if (seal.missing) return fail('removed', seal.seq, seal.eventId);
      const hash = chainHash(previous, seal);
      if (hash !== seal.hash) {
        const moved = await contentMovedElsewhere(db, seals, i, previous);
        return fail(moved ? 'reordered' : 'altered', seal.seq, seal.eventId);
      }
      previous = hash;
      expectedSeq += 1;
      checkedRows += 1;

      const checkpoint = checkpoints[checkpointIndex];
      if (checkpoint && checkpoint.seq === seal.seq) {
        checkpointIndex += 1;
        const problem = checkCheckpoint(checkpoint, hash, keys);
        if (problem) return fail(problem, seal.seq, seal.eventId);
        checkpointsVerified += 1;
      }
    }
    if (seals.length < PAGE) break;
  }

  // A checkpoint beyond the last seal: the signed tail of the chain was cut off.
  const beyond = await db
    .selectFrom('auditCheckpoint')
    .select('seq')
    .where('seq', '>=', expectedSeq)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  if (beyond) return fail('removed', expectedSeq);

  const grace = options.unsealedGraceSeconds ?? 300;
  const stale = await sql<{ id: number }>`
    SELECT e.id FROM audit_event e
    WHERE e.occurred_at < now() - make_interval(secs => ${grace})
      AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)
    ORDER BY e.id LIMIT 1
  `.execute(db);
  if (stale.rows[0]) return fail('unsealed_too_long', undefined, Number(stale.rows[0].id));

  return { ok: true, checkedRows, checkpointsVerified };
}

async function readSeals(db: Db, afterSeq: number, limit: number): Promise<SealRow[]> {
  const result = await sql<SealRow>`
    SELECT s.seq, s.event_id, s.hash, (e.id IS NULL) AS missing, ${canonicalColumns('e')}
    FROM audit_seal s LEFT JOIN audit_event e ON e.id = s.event_id
    WHERE s.seq > ${afterSeq}
    ORDER BY s.seq
    LIMIT ${limit}
  `.execute(db);
  return result.rows.map((row) => ({ ...row, seq: Number(row.seq), eventId: Number(row.eventId) }));
}

/**
 * After a mismatch at seals[index]: does the content that belongs there sit elsewhere in
 * the chain? Either two seals were swapped (another sealed row hashes correctly here), or
 * two rows' contents were swapped (another row's content, under this id, hashes correctly).
 */
async function contentMovedElsewhere(
  db: Db,
  page: SealRow[],
  index: number,
  previous: string,
): Promise<boolean> {
  const here = page[index]!;
  let candidates = page.slice(index + 1);
  if (candidates.length < REORDER_SEARCH) {
    candidates = candidates.concat(
      await readSeals(db, page[page.length - 1]!.seq, REORDER_SEARCH - candidates.length),
    );
  }
  for (const other of candidates) {
    if (other.missing) continue;
    if (chainHash(previous, other) === here.hash) return true;
    if (chainHash(previous, { ...other, id: here.id }) === here.hash) return true;
  }
  return false;
}

function checkCheckpoint(
  checkpoint: CheckpointRow,
  recomputedHash: string,
  keys: Map<string, KeyObject>,
): AuditProblem | null {
  const key = keys.get(checkpoint.keyId);
  if (!key || !verifyCheckpointSignature(checkpoint, checkpoint.signature, key)) {
    return 'bad_signature';
  }
  if (checkpoint.hash !== recomputedHash) return 'checkpoint_mismatch';
  return null;
}

async function loadPublicKeys(db: Db): Promise<Map<string, KeyObject>> {
  const rows = await db.selectFrom('auditSigningKey').select(['keyId', 'publicKeyPem']).execute();
  return new Map(rows.map((row) => [row.keyId, createPublicKey(row.publicKeyPem)]));
}
