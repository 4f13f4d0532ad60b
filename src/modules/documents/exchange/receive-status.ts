/**
 * A status packet that passed the signature, trust and parse checks.
 *
 * 13 (the sender asks to recall) is for the receiving side: QCVN 102's status packet names no
 * recipient, so the recall applies to every agency here holding that DocumentId from that
 * sender; each answers 15 or 16 (recall-incoming.ts).
 *
 * Every other code is for the sending side: the outgoing document with that DocumentId, and
 * the recipient organ in `From`. The status is appended to document_status_event, becomes the
 * recipient's last status unless a later one is already recorded (packets may arrive out of
 * order), and acknowledges the packages sent to that recipient. A 15 that answers a recall
 * this platform sent (a status 13 or a revoke package) makes the document `recalled` once no
 * recipient that had accepted it
 * still holds it: every recipient's last status is 15, or 02 (it refused the document), or
 * none (it never acknowledged it).
 */
import type { AppContext } from '../../../kernel/context';
import type { EdxmlStatus } from '../edxml';
import { exchangeDb, inTransaction, type ExchangeTrx } from './exchange-db';
import { writeExchangeHistory } from './exchange-history';
import { HELD_INCOMING_COLUMNS, queueIncomingStatus } from './exchange-status';
import {
  Refusal,
  insertReceived,
  refusalOf,
  statusIdentity,
  type ArrivedPacket,
  type ReceiveOutcome,
} from './receive-common';
import { recallIncoming } from './recall-incoming';
import { findSeal } from './seal';

export async function receiveStatus(
  ctx: AppContext,
  packet: ArrivedPacket,
  status: EdxmlStatus,
): Promise<ReceiveOutcome> {
  return status.statusCode === '13'
    ? receiveRecallRequest(ctx, packet, status)
    : receiveReceiverStatus(ctx, packet, status);
}

async function receiveRecallRequest(
  ctx: AppContext,
  packet: ArrivedPacket,
  status: EdxmlStatus,
): Promise<ReceiveOutcome> {
  const documentId = status.responseFor.documentId;
  const db = exchangeDb(ctx);
  const holders = await db
    .selectFrom('documentIncoming as i')
    .innerJoin('agency as a', 'a.id', 'i.agencyId')
    .select(['i.id', 'i.agencyId', 'a.code as agencyCode'])
    .where('i.exchangeId', '=', documentId)
    .where('i.senderOrganId', '=', status.from.organId)
    .where('i.status', '<>', 'replaced')
    .orderBy('a.code')
    .execute();
  if (holders.length === 0) {
    throw new Refusal(
      'EXCHANGE_UNKNOWN_DOCUMENT',
      refusalOf(
        'EXCHANGE_UNKNOWN_DOCUMENT',
        `no agency here holds ${documentId} from ${status.from.organId}`,
      ),
      statusIdentity(status),
    );
  }
  const seals = new Map<string, Awaited<ReturnType<typeof findSeal>>>();
  for (const holder of holders)
    seals.set(holder.agencyId, await findSeal(ctx, db, holder.agencyId));
  const now = ctx.clock.now();
  return inTransaction(ctx, async (t) => {
    const packageIds: string[] = [];
    for (const holder of holders) {
      packageIds.push(
        await insertReceived(t, packet, {
          kind: 'status',
          state: 'accepted',
          exchangeId: documentId,
          fromOrgan: status.from.organId,
          toOrgan: holder.agencyCode,
          statusCode: '13',
          agencyId: holder.agencyId,
          incomingId: holder.id,
          at: now,
        }),
      );
    }
    for (const holder of holders) {
      const incoming = await t
        .selectFrom('documentIncoming')
        .select(HELD_INCOMING_COLUMNS)
        .where('id', '=', holder.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const outcome = await recallIncoming(
        t,
        incoming,
        status.description ?? 'Cơ quan gửi đề nghị thu hồi văn bản',
        now,
      );
      const seal = seals.get(holder.agencyId);
      if (seal) {
        await queueIncomingStatus(ctx, t, incoming, outcome.code, outcome.description, seal);
      } else {
        ctx.log.warn({ incomingId: incoming.id }, 'exchange: no seal to answer a recall');
      }
    }
    return { packageId: packageIds[0]!, statusCode: '01' as const, duplicate: false };
  });
}

async function receiveReceiverStatus(
  ctx: AppContext,
  packet: ArrivedPacket,
  status: EdxmlStatus,
): Promise<ReceiveOutcome> {
  const documentId = status.responseFor.documentId;
  const organId = status.from.organId;
  const db = exchangeDb(ctx);
  const outgoing = await db
    .selectFrom('documentOutgoing as o')
    .innerJoin('agency as a', 'a.id', 'o.agencyId')
    .select(['o.id', 'o.agencyId', 'a.code as agencyCode'])
    .where('o.exchangeId', '=', documentId)
    .executeTakeFirst();
  if (!outgoing) {
    throw new Refusal(
      'EXCHANGE_UNKNOWN_DOCUMENT',
      refusalOf('EXCHANGE_UNKNOWN_DOCUMENT', `no document ${documentId} was sent from here`),
      statusIdentity(status),
    );
  }
  const recipient = await db
    .selectFrom('documentRecipient')
    .select(['organId', 'organName'])
    .where('outgoingId', '=', outgoing.id)
    .where('organId', '=', organId)
    .executeTakeFirst();
  if (!recipient) {
    throw new Refusal(
      'EXCHANGE_NOT_A_RECIPIENT',
      refusalOf('EXCHANGE_NOT_A_RECIPIENT', `${organId} is not a recipient of ${documentId}`),
      statusIdentity(status),
    );
  }
  const now = ctx.clock.now();
  return inTransaction(ctx, async (t) => {
    const packageId = await insertReceived(t, packet, {
      kind: 'status',
      state: 'accepted',
      exchangeId: documentId,
      fromOrgan: organId,
      toOrgan: outgoing.agencyCode,
      statusCode: status.statusCode,
      agencyId: outgoing.agencyId,
      outgoingId: outgoing.id,
      at: now,
    });
    await t
      .insertInto('documentStatusEvent')
      .values({
        outgoingId: outgoing.id,
        organId,
        statusCode: status.statusCode,
        description: status.description ?? null,
        occurredAt: status.timestamp,
        receivedAt: now,
      })
      .execute();
    await t
      .updateTable('documentRecipient')
      .set({
        statusCode: status.statusCode,
        statusAt: status.timestamp,
        statusNote: status.description ?? null,
      })
      .where('outgoingId', '=', outgoing.id)
      .where('organId', '=', organId)
      .where((eb) => eb.or([eb('statusAt', 'is', null), eb('statusAt', '<=', status.timestamp)]))
      .execute();
    await t
      .updateTable('exchangePackage')
      .set({ acknowledgedAt: now })
      .where('direction', '=', 'out')
      .where('kind', '=', 'document')
      .where('outgoingId', '=', outgoing.id)
      .where('toOrgan', '=', organId)
      .where('acknowledgedAt', 'is', null)
      .execute();
    await writeExchangeHistory(t, null, now, {
      document: { outgoingId: outgoing.id },
      action: 'exchange_status_received',
      note: `${recipient.organName}: ${status.statusCode}${status.description ? ` — ${status.description}` : ''}`,
      details: { organId, statusCode: status.statusCode, packageId },
    });
    if (status.statusCode === '15') await completeRecall(t, outgoing.id, now);
    return { packageId, statusCode: '01' as const, duplicate: false };
  });
}

async function completeRecall(t: ExchangeTrx, outgoingId: string, now: Date): Promise<void> {
  // Asked by a status 13, or by a revoke package: both are recalls.
  const asked = await t
    .selectFrom('exchangePackage')
    .select('id')
    .where('direction', '=', 'out')
    .where('outgoingId', '=', outgoingId)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'status'), eb('statusCode', '=', '13')]),
        eb.and([eb('kind', '=', 'document'), eb('business', '=', 'revoke')]),
      ]),
    )
    .executeTakeFirst();
  if (!asked) return;
  const document = await t
    .selectFrom('documentOutgoing')
    .select('status')
    .where('id', '=', outgoingId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (document.status !== 'issued') return;
  const recipients = await t
    .selectFrom('documentRecipient')
    .select('statusCode')
    .where('outgoingId', '=', outgoingId)
    .execute();
  const holding = recipients.filter(
    (r) => r.statusCode !== null && r.statusCode !== '02' && r.statusCode !== '15',
  );
  if (holding.length > 0) return;
  await t
    .updateTable('documentOutgoing')
    .set({ status: 'recalled', updatedAt: now })
    .where('id', '=', outgoingId)
    .execute();
  await writeExchangeHistory(t, null, now, {
    document: { outgoingId },
    action: 'exchange_recalled',
    note: 'Mọi cơ quan nhận đã đồng ý thu hồi',
    details: { recipients: recipients.length },
  });
}
