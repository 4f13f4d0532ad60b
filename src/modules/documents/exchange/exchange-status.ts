/**
 * Status packets this platform sends: what became of a document at a receiving agency
 * (01 arrived … 06 completed, 02 rejected, 15/16 recall accepted/refused), and a sender's
 * request to recall (13). Each is signed with the seal of the agency it speaks for and goes
 * the same way as documents: in-process to an agency of this platform, over HTTP to the peer
 * serving the agency's code. A status nobody can carry (no route) is kept as failed, visible
 * to operators, rather than failing the change that caused it.
 */
import type { AppContext } from '../../../kernel/context';
import { httpErrors } from '../../../kernel/errors/common.errors';
import type { DocumentsTrx } from '../documents-db';
import {
  STATUS_CODES,
  buildStatus,
  signEdxml,
  type Organ,
  type ResponseFor,
  type SignOptions,
  type StatusCode,
} from '../edxml';
import { withExchange, type ExchangeTrx } from './exchange-db';
import { exchangeErrors } from './exchange.errors';
import { writeExchangeHistory, type ExchangeActor } from './exchange-history';
import { queueOutPackage } from './exchange-packages';
import { routeFor } from './exchange-routing';
import { agencyOrgan } from './organs';
import { requireSeal } from './seal';

export interface StatusPacketInput {
  /** The agency reporting the status, or asking for the recall. */
  from: Organ;
  agencyId: string;
  responseFor: ResponseFor;
  /** The agency the packet is for: the document's sender, or for 13 its recipient. */
  toOrgan: string;
  statusCode: StatusCode;
  description?: string;
  incomingId?: string | null;
  outgoingId?: string | null;
  at: Date;
}

/** Signs and stores a status packet, queued for delivery (or failed when nothing routes it). */
export async function queueStatusPacket(
  trx: ExchangeTrx,
  seal: SignOptions,
  input: StatusPacketInput,
): Promise<string> {
  const route = await routeFor(trx, input.toOrgan);
  const xml = signEdxml(
    buildStatus({
      responseFor: input.responseFor,
      from: input.from,
      statusCode: input.statusCode,
      ...(input.description ? { description: input.description } : {}),
      timestamp: input.at,
    }),
    seal,
  );
  return queueOutPackage(trx, {
    kind: 'status',
    exchangeId: input.responseFor.documentId,
    fromOrgan: input.from.organId,
    toOrgan: input.toOrgan,
    statusCode: input.statusCode,
    xml,
    agencyId: input.agencyId,
    incomingId: input.incomingId ?? null,
    outgoingId: input.outgoingId ?? null,
    peerId: route.kind === 'peer' ? route.peerId : null,
    failure:
      route.kind === 'none'
        ? {
            code: 'EXCHANGE_NO_ROUTE',
            message: `no route to ${input.toOrgan}: not an agency here and no peer serves its code`,
          }
        : undefined,
    at: input.at,
  });
}

/** Codes a receiving agency reports about an incoming document. */
export const RECEIVER_STATUS_CODES: readonly StatusCode[] = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '13',
  '15',
  '16',
];

export interface IncomingForStatus {
  id: string;
  agencyId: string;
  senderOrganId: string | null;
  exchangeId: string | null;
  notation: string;
  promulgatedOn: string;
}

/**
 * The columns of an incoming document that receiving reads back to decide and answer: what a
 * status needs (IncomingForStatus) and where the document stands.
 */
export const HELD_INCOMING_COLUMNS = [
  'id',
  'agencyId',
  'status',
  'senderOrganId',
  'exchangeId',
  'notation',
  'promulgatedOn',
  'completedAt',
] as const;

/** What a status about an incoming document answers: the sender's document. */
export function responseForIncoming(incoming: IncomingForStatus): ResponseFor | undefined {
  if (!incoming.exchangeId || !incoming.senderOrganId) return undefined;
  return {
    organId: incoming.senderOrganId,
    code: incoming.notation,
    promulgationDate: incoming.promulgatedOn,
    documentId: incoming.exchangeId,
  };
}

/** Queues a status about an incoming document to its sender; the agency's seal signs it. */
export async function queueIncomingStatus(
  ctx: Pick<AppContext, 'config' | 'db' | 'clock'>,
  trx: ExchangeTrx,
  incoming: IncomingForStatus,
  statusCode: StatusCode,
  description: string | undefined,
  seal?: SignOptions,
  actor: ExchangeActor | null = null,
): Promise<string | null> {
  const responseFor = responseForIncoming(incoming);
  if (!responseFor) return null;
  const { organ } = await agencyOrgan(trx, incoming.agencyId);
  const at = ctx.clock.now();
  const id = await queueStatusPacket(
    trx,
    seal ?? (await requireSeal(ctx, trx, { id: incoming.agencyId, code: organ.organId })),
    {
      from: organ,
      agencyId: incoming.agencyId,
      responseFor,
      toOrgan: responseFor.organId,
      statusCode,
      description,
      incomingId: incoming.id,
      at,
    },
  );
  await writeExchangeHistory(trx, actor, at, {
    document: { incomingId: incoming.id },
    action: 'exchange_status_sent',
    note: description ? `${statusCode}: ${description}` : statusCode,
    details: { packageId: id, statusCode, to: responseFor.organId },
  });
  return id;
}

/**
 * Tells the sender of an incoming document what became of it (03 registered, 04 assigned,
 * 05 processing, 06 completed…), in the caller's transaction. Returns the packet's id, or null
 * when the document did not come over the exchange (a paper document has no one to tell).
 * Throws EXCHANGE_STATUS_CODE_INVALID for a code the standard does not let a receiver send
 * and EXCHANGE_NO_SEAL when the agency cannot sign.
 */
export async function queueStatus(
  ctx: AppContext,
  trx: DocumentsTrx,
  incomingId: string,
  code: StatusCode,
  description?: string,
  options: { actor?: ExchangeActor } = {},
): Promise<string | null> {
  if (!RECEIVER_STATUS_CODES.includes(code) || !Object.hasOwn(STATUS_CODES, code)) {
    throw exchangeErrors.EXCHANGE_STATUS_CODE_INVALID({ code, allowed: RECEIVER_STATUS_CODES });
  }
  const text = description?.trim() || undefined;
  if (code === '02' && !text) {
    throw exchangeErrors.EXCHANGE_STATUS_CODE_INVALID({
      code,
      problem: 'a rejection needs a reason',
    });
  }
  const t = withExchange(trx);
  const incoming = await t
    .selectFrom('documentIncoming')
    .select([
      'id',
      'agencyId',
      'senderOrganId',
      'exchangeId',
      'notation',
      'promulgatedOn',
      'source',
    ])
    .where('id', '=', incomingId)
    .executeTakeFirst();
  if (!incoming) throw httpErrors.NOT_FOUND();
  if (incoming.source !== 'exchange') return null;
  return queueIncomingStatus(ctx, t, incoming, code, text, undefined, options.actor ?? null);
}
