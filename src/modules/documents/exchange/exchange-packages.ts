/**
 * SQL of exchange packages. An outgoing packet is stored and its delivery event published in
 * the caller's transaction, so a packet exists exactly when the change that caused it
 * committed, and the outbox worker delivers it afterwards, at least once.
 */
import type { Selectable } from 'kysely';
import { publish } from '../../../kernel/events';
import { sha256Hex } from '../../../kernel/crypto/sha256';
import type { ExchangeDb, ExchangeTrx } from './exchange-db';
import type { BusinessType, ExchangePackageTable } from './exchange.tables';

export type ExchangePackage = Selectable<ExchangePackageTable>;

/** Published once per queued packet; its handler delivers the packet. */
export const PACKAGE_QUEUED_EVENT = 'documents.exchange_package_queued';

export interface PackageQueuedPayload {
  packageId: string;
}

export interface NewOutPackage {
  kind: 'document' | 'status';
  exchangeId: string;
  fromOrgan: string;
  toOrgan: string;
  business?: BusinessType | null;
  statusCode?: string | null;
  xml: string;
  agencyId: string;
  outgoingId?: string | null;
  incomingId?: string | null;
  peerId?: string | null;
  /** Set when no route reaches the recipient: the packet is kept, failed, and not sent. */
  failure?: { code: string; message: string };
  at: Date;
}

export async function queueOutPackage(trx: ExchangeTrx, input: NewOutPackage): Promise<string> {
  const row = await trx
    .insertInto('exchangePackage')
    .values({
      direction: 'out',
      kind: input.kind,
      exchangeId: input.exchangeId,
      fromOrgan: input.fromOrgan,
      toOrgan: input.toOrgan,
      business: input.business ?? null,
      statusCode: input.statusCode ?? null,
      xml: input.xml,
      sha256: sha256Hex(input.xml),
      size: Buffer.byteLength(input.xml, 'utf8'),
      state: input.failure ? 'failed' : 'queued',
      errorCode: input.failure?.code ?? null,
      lastError: input.failure?.message ?? null,
      lastAttemptAt: null,
      receiptCode: null,
      acknowledgedAt: null,
      peerId: input.peerId ?? null,
      apiKeyId: null,
      agencyId: input.agencyId,
      outgoingId: input.outgoingId ?? null,
      incomingId: input.incomingId ?? null,
      createdAt: input.at,
      deliveredAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!input.failure) {
    const payload: PackageQueuedPayload = { packageId: row.id };
    await publish(trx, { type: PACKAGE_QUEUED_EVENT, aggregateId: row.id, payload });
  }
  return row.id;
}

export async function findPackage(
  db: ExchangeDb | ExchangeTrx,
  id: string,
): Promise<ExchangePackage | undefined> {
  return db.selectFrom('exchangePackage').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rows of a packet received before, by its bytes: a retry gets the same answer. */
export async function receivedBefore(
  db: ExchangeDb | ExchangeTrx,
  sha256: string,
): Promise<ExchangePackage[]> {
  return db
    .selectFrom('exchangePackage')
    .selectAll()
    .where('direction', '=', 'in')
    .where('sha256', '=', sha256)
    .orderBy('createdAt')
    .orderBy('toOrgan')
    .execute();
}

/** Whether an insert failed on `exchange_package_received_once` (a concurrent duplicate). */
export function isDuplicateReceipt(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  return (
    e?.code === '23505' &&
    (e.constraint === 'exchange_package_received_once' ||
      (typeof e.message === 'string' && e.message.includes('exchange_package_received_once')))
  );
}
