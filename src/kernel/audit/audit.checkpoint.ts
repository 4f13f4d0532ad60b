/**
 * Signed checkpoints over the chain head, once a minute (as X-Road's message log batches
 * its signatures): rewriting the chain after a checkpoint would need the signing key.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import { CHAIN_LOCK } from './audit.sealer';
import { loadAuditSigningKey, registerPublicKey } from './audit.signing-key';

export interface CheckpointStatement {
  seq: number;
  hash: string;
  signedAt: Date;
  keyId: string;
}

/** The exact bytes signed; versioned so the format can evolve without ambiguity. */
export function checkpointMessage(statement: CheckpointStatement): Buffer {
  return Buffer.from(
    [
      'tinhso-audit-checkpoint/1',
      `seq=${statement.seq}`,
      `hash=${statement.hash}`,
      `signed_at=${statement.signedAt.toISOString()}`,
      `key_id=${statement.keyId}`,
    ].join('\n'),
    'utf8',
  );
}

export function verifyCheckpointSignature(
  statement: CheckpointStatement,
  signature: string,
  publicKey: KeyObject,
): boolean {
  return verify(null, checkpointMessage(statement), publicKey, Buffer.from(signature, 'base64'));
}

/** Signs the chain head unless it is already signed; returns the signed seq, if any. */
export async function signAuditCheckpoint(ctx: AppContext): Promise<number | null> {
  const key = loadAuditSigningKey(ctx.config);
  await registerPublicKey(ctx.db, key);
  return ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
    const head = await trx
      .selectFrom('auditSeal')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!head) return null;
    const last = await trx
      .selectFrom('auditCheckpoint')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last && last.seq >= head.seq) return null;
    const statement: CheckpointStatement = {
      seq: head.seq,
      hash: head.hash,
      signedAt: ctx.clock.now(),
      keyId: key.keyId,
    };
    const signature = sign(null, checkpointMessage(statement), key.privateKey).toString('base64');
    await trx
      .insertInto('auditCheckpoint')
      .values({ ...statement, signature })
      .execute();
    return head.seq;
  });
}
