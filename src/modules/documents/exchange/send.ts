/**
 * Sending an issued document over the exchange: one edXML package per recipient organ, signed
 * with the sending agency's seal, stored and queued in the caller's transaction; the outbox
 * handler (deliver.ts) carries each to its recipient. Everything that can be known before
 * sending is checked first, so a refusal leaves nothing queued: the document is issued, not
 * secret, each recipient is reachable, the agency has a seal, the signed PDF is there. A
 * document addressed to no agency queues nothing.
 */
import type { AppContext } from '../../../kernel/context';
import { httpErrors } from '../../../kernel/errors/common.errors';
import type { DocumentsTrx } from '../documents-db';
import type { Urgency } from '../documents.tables';
import { formatDocumentNumber } from '../register-number';
import { assertDocumentAccess } from '../document-scope';
import { DOCUMENT_PERMISSIONS } from '../documents.permissions';
import {
  buildEdxml,
  signEdxml,
  type Attachment,
  type Bussiness,
  type EdxmlPackage,
  type Priority,
  type ResponseFor,
} from '../edxml';
import { inTransaction, withExchange, type ExchangeTrx } from './exchange-db';
import { exchangeErrors } from './exchange.errors';
import { writeExchangeHistory, type ExchangeActor } from './exchange-history';
import { queueOutPackage } from './exchange-packages';
import { routeFor, type Route } from './exchange-routing';
import { queueStatusPacket } from './exchange-status';
import { localDateIn } from '../../../kernel/calendar';
import { agencyOrgan, documentIdOf } from './organs';
import { requireSeal } from './seal';
import type { BusinessType } from './exchange.tables';

/** What the package does to the document at its recipients. */
export type Business =
  | { type: 'new' }
  | { type: 'update'; reason: string }
  | { type: 'replace'; reason: string; replacesExchangeId: string }
  | { type: 'revoke'; reason: string };

export interface QueuedPackage {
  packageId: string;
  /** The recipient's agency code. */
  organId: string;
  /** How it will travel: in-process to an agency here, or to a peer. */
  route: 'local' | 'peer';
}

export const PRIORITY_OF: Readonly<Record<Urgency, Priority>> = {
  normal: 0,
  urgent: 1,
  very_urgent: 2,
  express: 3,
};

const DOC_TYPE: Readonly<Record<BusinessType, Bussiness['bussinessDocType']>> = {
  new: 0,
  revoke: 1,
  update: 2,
  replace: 3,
};

type OutgoingRow = Awaited<ReturnType<typeof loadOutgoing>>;

async function loadOutgoing(trx: ExchangeTrx, outgoingId: string) {
  const row = await trx
    .selectFrom('documentOutgoing')
    .selectAll()
    .where('id', '=', outgoingId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw httpErrors.NOT_FOUND();
  return row;
}

function requireReason(reason: string | undefined): string {
  const text = reason?.trim();
  if (!text) throw exchangeErrors.EXCHANGE_REASON_REQUIRED();
  return text;
}

async function requireRoutes(
  trx: ExchangeTrx,
  organIds: readonly string[],
): Promise<Map<string, Route>> {
  const routes = new Map<string, Route>();
  const missing: string[] = [];
  for (const organId of organIds) {
    const route = await routeFor(trx, organId);
    if (route.kind === 'none') missing.push(organId);
    routes.set(organId, route);
  }
  if (missing.length > 0) throw exchangeErrors.EXCHANGE_NO_ROUTE({ organIds: missing });
  return routes;
}

/** The document's axis id; given one at its first sending if the workflow left it empty. */
async function exchangeIdOf(
  ctx: Pick<AppContext, 'config' | 'clock'>,
  trx: ExchangeTrx,
  doc: OutgoingRow,
  agencyCode: string,
): Promise<string> {
  if (doc.exchangeId) return doc.exchangeId;
  const id = documentIdOf(agencyCode, promulgationDateOf(ctx, doc), doc.notation!);
  await trx
    .updateTable('documentOutgoing')
    .set({ exchangeId: id })
    .where('id', '=', doc.id)
    .where('exchangeId', 'is', null)
    .execute();
  return id;
}

function promulgationDateOf(ctx: Pick<AppContext, 'config' | 'clock'>, doc: OutgoingRow): string {
  return doc.promulgatedOn ?? localDateIn(doc.issuedAt ?? ctx.clock.now(), ctx.config.timezone);
}

async function readContent(ctx: Pick<AppContext, 'files'>, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await ctx.files.get(sha256)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The signed PDF first, then the attachments, in the order they were added. */
async function documentFiles(
  ctx: Pick<AppContext, 'files'>,
  trx: ExchangeTrx,
  outgoingId: string,
): Promise<Attachment[]> {
  const files = await trx
    .selectFrom('documentFile as f')
    .innerJoin('storedFile as s', 's.id', 'f.storedFileId')
    .select(['f.id', 'f.role', 'f.name', 'f.mediaType', 's.sha256'])
    .where('f.outgoingId', '=', outgoingId)
    .where('f.role', 'in', ['signed', 'attachment'])
    .orderBy((eb) => eb.case().when('f.role', '=', 'signed').then(0).else(1).end())
    .orderBy('f.createdAt')
    .orderBy('f.id')
    .execute();
  if (!files.some((file) => file.role === 'signed')) {
    throw exchangeErrors.EXCHANGE_SIGNED_FILE_MISSING();
  }
  const attachments: Attachment[] = [];
  for (const [index, file] of files.entries()) {
    attachments.push({
      contentId: `${file.role === 'signed' ? 'vanban' : 'dinhkem'}-${index + 1}`,
      attachmentName: file.name,
      contentType: file.mediaType,
      description: file.role === 'signed' ? 'Văn bản đã ký số' : 'Tài liệu kèm theo',
      content: await readContent(ctx, file.sha256),
    });
  }
  return attachments;
}

async function responseForOf(
  trx: ExchangeTrx,
  responseForId: string | null,
): Promise<ResponseFor[]> {
  if (!responseForId) return [];
  const incoming = await trx
    .selectFrom('documentIncoming')
    .select(['senderOrganId', 'exchangeId', 'notation', 'promulgatedOn'])
    .where('id', '=', responseForId)
    .executeTakeFirst();
  if (!incoming?.exchangeId || !incoming.senderOrganId) return [];
  return [
    {
      organId: incoming.senderOrganId,
      code: incoming.notation,
      promulgationDate: incoming.promulgatedOn,
      documentId: incoming.exchangeId,
    },
  ];
}

function bussinessOf(
  business: Business,
  reason: string | undefined,
  documentId: string,
  organIds: string[],
): Bussiness {
  return {
    bussinessDocType: DOC_TYPE[business.type],
    ...(reason ? { bussinessDocReason: reason } : {}),
    documentId,
    paper: 0,
    ...(business.type === 'update'
      ? { bussinessDocumentInfo: { documentInfo: 1, documentReceiver: 0, receivers: [] } }
      : {}),
    replacementInfoList:
      business.type === 'replace' ? [{ documentId: business.replacesExchangeId, organIds }] : [],
  };
}

/**
 * Queues the outgoing document to every recipient, in the caller's transaction. `new` sends
 * an issued document; `update` sends its corrected envelope (same DocumentId); `replace` sends
 * a new issued document that replaces `replacesExchangeId` at the recipients; `revoke` asks
 * them to withdraw it. The caller changes its own records' statuses (e.g. the replaced
 * outgoing document); this records the sending in the document's history.
 */
export async function queueDocumentPackages(
  ctx: AppContext,
  trx: DocumentsTrx,
  outgoingId: string,
  business: Business,
  options: { actor?: ExchangeActor } = {},
): Promise<QueuedPackage[]> {
  const t = withExchange(trx);
  const doc = await loadOutgoing(t, outgoingId);
  const allowed = business.type === 'revoke' ? ['issued', 'recalled'] : ['issued'];
  if (!allowed.includes(doc.status) || doc.number === null || doc.notation === null) {
    throw exchangeErrors.EXCHANGE_DOCUMENT_NOT_ISSUED({ status: doc.status });
  }
  if (doc.secrecy !== 'normal') {
    throw exchangeErrors.EXCHANGE_SECRECY_NOT_ALLOWED({ secrecy: doc.secrecy });
  }
  const reason = business.type === 'new' ? undefined : requireReason(business.reason);
  const recipients = await t
    .selectFrom('documentRecipient')
    .select(['organId', 'organName'])
    .where('outgoingId', '=', outgoingId)
    .orderBy('organId')
    .execute();
  // A document addressed to no agency (a decision kept on file) has nothing to send.
  if (recipients.length === 0) return [];
  const routes = await requireRoutes(
    t,
    recipients.map((r) => r.organId),
  );
  const { organ: from } = await agencyOrgan(t, doc.agencyId);
  const seal = await requireSeal(ctx, t, { id: doc.agencyId, code: from.organId });
  const attachments = business.type === 'revoke' ? [] : await documentFiles(ctx, t, outgoingId);
  const documentId = await exchangeIdOf(ctx, t, doc, from.organId);
  const now = ctx.clock.now();
  const codeNotation = doc.codeNotation ?? doc.notation.slice(doc.notation.indexOf('/') + 1);

  const template: Omit<EdxmlPackage, 'header'> & { header: Omit<EdxmlPackage['header'], 'to'> } = {
    header: {
      from,
      code: { codeNumber: formatDocumentNumber(doc.number), codeNotation },
      promulgationInfo: {
        place: doc.placeName,
        promulgationDate: promulgationDateOf(ctx, doc),
      },
      documentType: { type: 1, typeName: doc.typeName },
      subject: doc.subject,
      ...(signerOf(doc) ? { signerInfo: signerOf(doc) } : {}),
      ...(doc.replyDueOn ? { dueDate: doc.replyDueOn } : {}),
      toPlaces: doc.toPlaces ?? [],
      otherInfo: { priority: PRIORITY_OF[doc.urgency], appendixes: [] },
      responseFor: await responseForOf(t, doc.responseForId),
      documentId,
    },
    traces: [{ organId: from.organId, timestamp: now }],
    bussiness: bussinessOf(
      business,
      reason,
      documentId,
      recipients.map((r) => r.organId),
    ),
    attachments,
  };

  const queued: QueuedPackage[] = [];
  for (const recipient of recipients) {
    const pkg: EdxmlPackage = {
      ...template,
      header: {
        ...template.header,
        to: [{ organId: recipient.organId, organName: recipient.organName }],
      },
    };
    const route = routes.get(recipient.organId)!;
    const packageId = await queueOutPackage(t, {
      kind: 'document',
      exchangeId: documentId,
      fromOrgan: from.organId,
      toOrgan: recipient.organId,
      business: business.type,
      xml: signEdxml(buildEdxml(pkg), seal),
      agencyId: doc.agencyId,
      outgoingId,
      peerId: route.kind === 'peer' ? route.peerId : null,
      at: now,
    });
    queued.push({
      packageId,
      organId: recipient.organId,
      route: route.kind === 'local' ? 'local' : 'peer',
    });
  }
  await writeExchangeHistory(t, options.actor ?? null, now, {
    document: { outgoingId },
    action: `exchange_${business.type === 'new' ? 'sent' : business.type}`,
    note: [recipients.map((r) => r.organName).join('; '), reason].filter(Boolean).join(' — '),
    details: {
      documentId,
      business: business.type,
      recipients: recipients.map((r) => r.organId),
      packageIds: queued.map((q) => q.packageId),
      ...(business.type === 'replace' ? { replaces: business.replacesExchangeId } : {}),
    },
  });
  return queued;
}

function signerOf(doc: OutgoingRow) {
  if (!doc.signerCompetence && !doc.signerPosition && !doc.signerName) return undefined;
  return {
    ...(doc.signerCompetence ? { competence: doc.signerCompetence } : {}),
    ...(doc.signerPosition ? { position: doc.signerPosition } : {}),
    ...(doc.signerName ? { fullName: doc.signerName } : {}),
  };
}

/**
 * The sender recalls an issued document: a status 13 with the reason goes to every agency a
 * package of it was sent to. Each answers 15 (withdrawn) or 16 (refused: already handled);
 * the document becomes `recalled` when every recipient that had accepted it answered 15
 * (receive-status.ts). The actor must be a leader or the clerk of the document's agency.
 */
export async function recallOutgoing(
  ctx: AppContext,
  actor: ExchangeActor,
  outgoingId: string,
  reason: string,
): Promise<QueuedPackage[]> {
  const text = requireReason(reason);
  return inTransaction(ctx, async (t) => {
    const doc = await loadOutgoing(t, outgoingId);
    assertMayRecall(actor, doc.agencyId);
    if (doc.status !== 'issued' || !doc.exchangeId || doc.notation === null) {
      throw exchangeErrors.EXCHANGE_DOCUMENT_NOT_ISSUED({ status: doc.status });
    }
    const sent = await t
      .selectFrom('exchangePackage')
      .select('toOrgan')
      .distinct()
      .where('outgoingId', '=', outgoingId)
      .where('direction', '=', 'out')
      .where('kind', '=', 'document')
      .orderBy('toOrgan')
      .execute();
    const organIds = sent.map((row) => row.toOrgan!).filter(Boolean);
    if (organIds.length === 0) throw exchangeErrors.EXCHANGE_NOT_SENT();
    const routes = await requireRoutes(t, organIds);
    const { organ: from } = await agencyOrgan(t, doc.agencyId);
    const seal = await requireSeal(ctx, t, { id: doc.agencyId, code: from.organId });
    const now = ctx.clock.now();
    const responseFor: ResponseFor = {
      organId: from.organId,
      code: doc.notation,
      promulgationDate: promulgationDateOf(ctx, doc),
      documentId: doc.exchangeId,
    };
    const queued: QueuedPackage[] = [];
    for (const organId of organIds) {
      const packageId = await queueStatusPacket(t, seal, {
        from,
        agencyId: doc.agencyId,
        responseFor,
        toOrgan: organId,
        statusCode: '13',
        description: text,
        outgoingId,
        at: now,
      });
      queued.push({
        packageId,
        organId,
        route: routes.get(organId)!.kind === 'local' ? 'local' : 'peer',
      });
    }
    await writeExchangeHistory(t, actor, now, {
      document: { outgoingId },
      action: 'exchange_recall_requested',
      note: text,
      details: { documentId: doc.exchangeId, recipients: organIds },
    });
    return queued;
  });
}

/** A leader decides a recall and the clerk carries it out: either may ask for it. */
function assertMayRecall(actor: ExchangeActor, agencyId: string): void {
  try {
    assertDocumentAccess(actor.principal, DOCUMENT_PERMISSIONS.lead, agencyId);
  } catch {
    assertDocumentAccess(actor.principal, DOCUMENT_PERMISSIONS.clerk, agencyId);
  }
}
