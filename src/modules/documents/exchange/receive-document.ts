/**
 * A document package that passed the signature, trust and parse checks, applied to every
 * agency of this platform it is addressed to, in one transaction:
 *
 * - new: an incoming document (status `received`, source `exchange`) with the files, and
 *   status 01 back to the sender. The same DocumentId again for the same agency registers
 *   nothing and answers 01 again.
 * - replace: the documents named in ReplacementInfo (from the same sender) become `replaced`,
 *   and the new one is registered as above.
 * - update: the incoming document's envelope (number, date, type, subject, signer, urgency,
 *   due date) takes the new values, answered 15; an update of a document never received here
 *   registers it as new (the sender added this agency), answered 01.
 * - revoke: handled like a recall (status 13): withdrawn and 15, or 16 when it is done.
 *
 * Files are written to storage before the transaction (content-addressed: a rolled-back
 * transaction leaves at most unreferenced content, which storage clean-up tolerates).
 */
import { fileTypeFromBuffer } from 'file-type';
import { sql } from 'kysely';
import type { AppContext } from '../../../kernel/context';
import { insertStoredFile } from '../../../kernel/storage/storage.queries';
import { EXTENSION_OF } from '../../../kernel/storage/file-kinds';
import { sanitiseFileName } from '../../../kernel/storage/file-names';
import type { Urgency } from '../documents.tables';
import {
  BUSSINESS_DOC_TYPES,
  type Attachment,
  type EdxmlPackage,
  type Priority,
  type SignOptions,
  type StatusCode,
} from '../edxml';
import { exchangeDb, inTransaction, type ExchangeTrx } from './exchange-db';
import { writeExchangeHistory } from './exchange-history';
import { HELD_INCOMING_COLUMNS, queueIncomingStatus, queueStatusPacket } from './exchange-status';
import type { BusinessType } from './exchange.tables';
import {
  Refusal,
  documentIdentity,
  insertReceived,
  refusalOf,
  type ArrivedPacket,
  type ReceiveOutcome,
} from './receive-common';
import { recallIncoming } from './recall-incoming';
import { agencyOrgan } from './organs';
import { findSeal } from './seal';

const URGENCY_OF: Readonly<Record<Priority, Urgency>> = {
  0: 'normal',
  1: 'urgent',
  2: 'very_urgent',
  3: 'express',
  4: 'express',
};

/**
 * edXML has no element for secrecy (độ mật): secret documents never travel electronically.
 * A package that marks its circulation with a secrecy grade (Mật, Tối mật, Tuyệt mật) is
 * refused rather than registered as an ordinary document.
 */
export function carriesSecrecyMark(text: string | undefined): boolean {
  if (!text) return false;
  return /(^|[^\p{L}\p{M}])mật(?=$|[^\p{L}\p{M}])/u.test(text.normalize('NFC').toLowerCase());
}

interface ReceivedFile {
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
}

/** The media type from the bytes, never from the sender's ContentType; the name cleaned. */
async function storeFiles(ctx: AppContext, attachments: Attachment[]): Promise<ReceivedFile[]> {
  const files: ReceivedFile[] = [];
  for (const attachment of attachments) {
    const detected = await fileTypeFromBuffer(attachment.content);
    const mediaType = detected?.mime ?? 'application/octet-stream';
    const sent = /\.([A-Za-z0-9]{1,8})$/.exec(attachment.attachmentName)?.[1]?.toLowerCase();
    const extension = EXTENSION_OF[mediaType] ?? detected?.ext ?? sent ?? 'bin';
    const stored = await ctx.files.put(attachment.content);
    files.push({
      sha256: stored.sha256,
      size: stored.size,
      mediaType,
      name: sanitiseFileName(attachment.attachmentName, extension),
    });
  }
  return files;
}

interface Addressee {
  id: string;
  code: string;
  seal: SignOptions | undefined;
}

export async function receiveDocument(
  ctx: AppContext,
  packet: ArrivedPacket,
  pkg: EdxmlPackage,
): Promise<ReceiveOutcome> {
  const h = pkg.header;
  const identity = documentIdentity(pkg);
  if (carriesSecrecyMark(h.otherInfo?.sphereOfPromulgation)) {
    throw new Refusal(
      'EXCHANGE_SECRECY_NOT_ALLOWED',
      refusalOf(
        'EXCHANGE_SECRECY_NOT_ALLOWED',
        `SphereOfPromulgation "${h.otherInfo!.sphereOfPromulgation}"`,
      ),
      identity,
    );
  }
  const codes = [...new Set(h.to.map((organ) => organ.organId))];
  const agencies = await exchangeDb(ctx)
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('code', 'in', codes)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  if (agencies.length === 0) {
    throw new Refusal(
      'EXCHANGE_UNKNOWN_RECIPIENT',
      refusalOf('EXCHANGE_UNKNOWN_RECIPIENT', `no agency here has the code ${codes.join(', ')}`),
      identity,
    );
  }
  const business = BUSSINESS_DOC_TYPES[pkg.bussiness.bussinessDocType];
  const files = business === 'revoke' ? [] : await storeFiles(ctx, pkg.attachments);
  const addressees: Addressee[] = [];
  for (const agency of agencies) {
    addressees.push({ ...agency, seal: await findSeal(ctx, exchangeDb(ctx), agency.id) });
  }
  const now = ctx.clock.now();
  return inTransaction(ctx, async (t) => {
    // The packet's rows first: a concurrent copy of the same bytes waits here, then replays.
    const packageIds: string[] = [];
    for (const agency of addressees) {
      packageIds.push(
        await insertReceived(t, packet, {
          kind: 'document',
          state: 'accepted',
          exchangeId: h.documentId,
          fromOrgan: h.from.organId,
          toOrgan: agency.code,
          business,
          agencyId: agency.id,
          at: now,
        }),
      );
    }
    for (const [index, agency] of addressees.entries()) {
      const incomingId = await apply(ctx, t, agency, pkg, business, files, now);
      if (incomingId) {
        await t
          .updateTable('exchangePackage')
          .set({ incomingId })
          .where('id', '=', packageIds[index]!)
          .execute();
      }
    }
    return { packageId: packageIds[0]!, statusCode: '01' as const, duplicate: false };
  });
}

type IncomingRow = Awaited<ReturnType<typeof findHeld>>[number];

/** The live incoming documents of an agency with this DocumentId from this sender. */
async function findHeld(
  t: ExchangeTrx,
  agencyId: string,
  documentId: string,
  senderOrganId: string,
) {
  return t
    .selectFrom('documentIncoming')
    .select(HELD_INCOMING_COLUMNS)
    .where('agencyId', '=', agencyId)
    .where('exchangeId', '=', documentId)
    .where('senderOrganId', '=', senderOrganId)
    .where('status', '<>', 'replaced')
    .forUpdate()
    .execute();
}

async function apply(
  ctx: AppContext,
  t: ExchangeTrx,
  agency: Addressee,
  pkg: EdxmlPackage,
  business: BusinessType,
  files: ReceivedFile[],
  now: Date,
): Promise<string | null> {
  const h = pkg.header;
  const reason = pkg.bussiness.bussinessDocReason;
  const answer = (incoming: IncomingRow, code: StatusCode, description?: string) =>
    answerSender(ctx, t, agency, incoming, code, description);

  if (business === 'revoke' || business === 'update') {
    const target = pkg.bussiness.documentId ?? h.documentId;
    const [held] = await findHeld(t, agency.id, target, h.from.organId);
    if (business === 'revoke') {
      if (!held) {
        await answerUnknown(ctx, t, agency, pkg, target);
        return null;
      }
      const outcome = await recallIncoming(t, held, reason ?? 'Thu hồi văn bản', now);
      await answer(held, outcome.code, outcome.description);
      return held.id;
    }
    if (held) {
      await t
        .updateTable('documentIncoming')
        .set({ ...envelopeOf(pkg), updatedAt: now })
        .where('id', '=', held.id)
        .execute();
      await writeExchangeHistory(t, null, now, {
        document: { incomingId: held.id },
        action: 'exchange_updated',
        note: reason ?? null,
        details: { documentId: target },
      });
      await answer(held, '15', 'Đã cập nhật thông tin văn bản');
      return held.id;
    }
  }

  if (business === 'replace') {
    for (const replaced of pkg.bussiness.replacementInfoList) {
      if (replaced.organIds.length > 0 && !replaced.organIds.includes(agency.code)) continue;
      for (const old of await findHeld(t, agency.id, replaced.documentId, h.from.organId)) {
        await t
          .updateTable('documentIncoming')
          .set({ status: 'replaced', updatedAt: now })
          .where('id', '=', old.id)
          .execute();
        await writeExchangeHistory(t, null, now, {
          document: { incomingId: old.id },
          action: 'exchange_replaced',
          note: [`Được thay thế bởi văn bản số ${h.code.codeNumber}/${h.code.codeNotation}`, reason]
            .filter(Boolean)
            .join(' — '),
          details: { replacedBy: h.documentId },
        });
      }
    }
  }

  const registered = await registerIncoming(t, agency, pkg, files, now);
  await answer(
    registered.incoming,
    '01',
    registered.created ? 'Đã nhận văn bản' : 'Đã nhận văn bản (gói tin gửi lại)',
  );
  return registered.incoming.id;
}

function envelopeOf(pkg: EdxmlPackage) {
  const h = pkg.header;
  return {
    senderName: h.from.organName,
    codeNumber: h.code.codeNumber,
    codeNotation: h.code.codeNotation,
    notation: `${h.code.codeNumber}/${h.code.codeNotation}`,
    typeName: h.documentType.typeName,
    subject: h.subject,
    promulgatedOn: h.promulgationInfo.promulgationDate,
    signerName: h.signerInfo?.fullName ?? null,
    urgency: URGENCY_OF[h.otherInfo?.priority ?? 0],
    replyDueOn: h.dueDate ?? null,
  };
}

async function registerIncoming(
  t: ExchangeTrx,
  agency: Addressee,
  pkg: EdxmlPackage,
  files: ReceivedFile[],
  now: Date,
): Promise<{ incoming: IncomingRow; created: boolean }> {
  const h = pkg.header;
  const inserted = await t
    .insertInto('documentIncoming')
    .values({
      agencyId: agency.id,
      status: 'received',
      source: 'exchange',
      receivedAt: now,
      senderOrganId: h.from.organId,
      secrecy: 'normal',
      exchangeId: h.documentId,
      createdAt: now,
      updatedAt: now,
      ...envelopeOf(pkg),
    })
    // The predicate names the partial unique index, so 'replaced' is written as a literal: as a
    // parameter, PostgreSQL cannot match the index once it plans the prepared statement
    // generically (from its sixth run on a connection), and refuses every insert.
    .onConflict((oc) =>
      oc
        .columns(['agencyId', 'exchangeId'])
        .where('exchangeId', 'is not', null)
        .where('status', '<>', sql.lit('replaced'))
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  const [incoming] = await t
    .selectFrom('documentIncoming')
    .select(HELD_INCOMING_COLUMNS)
    .where('agencyId', '=', agency.id)
    .where('exchangeId', '=', h.documentId)
    .where('status', '<>', 'replaced')
    .execute();
  if (!inserted) return { incoming: incoming!, created: false };
  for (const file of files) {
    const stored = await insertStoredFile(t, {
      sha256: file.sha256,
      size: file.size,
      mediaType: file.mediaType,
      originalName: file.name,
      ownerType: 'document_incoming',
      ownerId: inserted.id,
      agencyId: agency.id,
      uploadedBy: 'exchange',
      createdAt: now,
    });
    await t
      .insertInto('documentFile')
      .values({
        outgoingId: null,
        incomingId: inserted.id,
        role: 'received',
        storedFileId: stored.id,
        name: file.name,
        mediaType: file.mediaType,
        size: file.size,
        createdAt: now,
      })
      .execute();
  }
  await writeExchangeHistory(t, null, now, {
    document: { incomingId: inserted.id },
    action: 'exchange_received',
    note: `${h.from.organName}: ${h.code.codeNumber}/${h.code.codeNotation}`,
    details: { documentId: h.documentId, sender: h.from.organId, files: files.length },
  });
  return { incoming: incoming!, created: true };
}

/** Queues a status to the sender, unless the agency cannot sign (then the history says so). */
async function answerSender(
  ctx: AppContext,
  t: ExchangeTrx,
  agency: Addressee,
  incoming: IncomingRow,
  code: StatusCode,
  description?: string,
): Promise<void> {
  if (!agency.seal) {
    await noSealNote(ctx, t, { incomingId: incoming.id }, code);
    return;
  }
  await queueIncomingStatus(ctx, t, incoming, code, description, agency.seal);
}

/** A revoke for a document never received here: nothing to withdraw, so 15. */
async function answerUnknown(
  ctx: AppContext,
  t: ExchangeTrx,
  agency: Addressee,
  pkg: EdxmlPackage,
  target: string,
): Promise<void> {
  if (!agency.seal) {
    ctx.log.warn({ agency: agency.code, target }, 'exchange: no seal to answer a revoke');
    return;
  }
  const h = pkg.header;
  const { organ } = await agencyOrgan(t, agency.id);
  await queueStatusPacket(t, agency.seal, {
    from: organ,
    agencyId: agency.id,
    responseFor: {
      organId: h.from.organId,
      code: `${h.code.codeNumber}/${h.code.codeNotation}`,
      promulgationDate: h.promulgationInfo.promulgationDate,
      documentId: target,
    },
    toOrgan: h.from.organId,
    statusCode: '15',
    description: 'Cơ quan không lưu giữ văn bản này',
    at: ctx.clock.now(),
  });
}

async function noSealNote(
  ctx: AppContext,
  t: ExchangeTrx,
  document: { incomingId: string },
  code: StatusCode,
): Promise<void> {
  ctx.log.warn({ ...document, code }, 'exchange: the agency has no seal; status not sent');
  await writeExchangeHistory(t, null, ctx.clock.now(), {
    document,
    action: 'exchange_status_not_sent',
    note: `Không gửi được trạng thái ${code}: cơ quan chưa có chứng thư số của con dấu`,
    details: { statusCode: code, code: 'EXCHANGE_NO_SEAL' },
  });
}
