/** What the receiving pipeline's parts share: how a packet arrived, refusals, the stored row. */
import type { Config } from '../../../kernel/config/config';
import {
  BUSSINESS_DOC_TYPES,
  type EdxmlPackage,
  type EdxmlStatus,
  type Organ,
  type ResponseFor,
} from '../edxml';
import type { ExchangeTrx } from './exchange-db';
import { edxmlReceiveErrors, exchangeErrors } from './exchange.errors';
import type { BusinessType, InState, PackageKind } from './exchange.tables';

/** How a packet arrived: from an agency here, or handed over by a peer with an API key. */
export type ReceiveVia =
  | { kind: 'local' }
  | {
      kind: 'peer';
      apiKeyId: string | null;
      /** The agency the key belongs to: it signs refusals no agency here is addressed by. */
      agencyId: string | null;
      ip: string | null;
      requestId: string | null;
    };

/** The answer to the party that handed the packet over. */
export interface ReceiveOutcome {
  packageId: string;
  /** 01: accepted (registered, or applied); 02: refused, nothing registered. */
  statusCode: '01' | '02';
  /** For 02: the error code of the reason (docs/errors.md). */
  code?: string;
  reason?: string;
  /** The same bytes were received before; this is the answer given then. */
  duplicate: boolean;
}

/** The largest packet accepted: files of twice the upload limit in base64, and the envelope. */
export function maxPackageBytes(config: Pick<Config, 'uploadLimitBytes'>): number {
  return Math.ceil((2 * config.uploadLimitBytes * 4) / 3) + 1_048_576;
}

/** A packet as it arrived. */
export interface ArrivedPacket {
  xml: string;
  sha256: string;
  size: number;
  via: ReceiveVia;
}

/** Why a packet is refused; thrown inside the pipeline, stored and answered by `refuse`. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
    /** Who sent it and what it is about, as far as the packet says. */
    readonly identity?: Identity,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'Refusal';
  }
}

/** What a packet says about itself, read as leniently as possible. */
export interface Identity {
  kind: PackageKind;
  from?: Organ;
  to: Organ[];
  exchangeId?: string;
  business?: BusinessType;
  statusCode?: string;
  /** What a status 02 answers: the sender's document. */
  responseFor?: ResponseFor;
}

export function refusalOf(code: string, detail?: string): string {
  const specs: Record<string, { message: string }> = {
    ...exchangeErrors.specs,
    ...edxmlReceiveErrors.specs,
  };
  const message = specs[code]?.message ?? code;
  return detail ? `${message.replace(/[.;]$/, '')}: ${detail}` : message;
}

export interface ReceivedRow {
  kind: PackageKind;
  state: InState;
  exchangeId: string | null;
  fromOrgan: string | null;
  toOrgan: string | null;
  business?: BusinessType | null;
  statusCode?: string | null;
  agencyId: string | null;
  incomingId?: string | null;
  outgoingId?: string | null;
  errorCode?: string | null;
  lastError?: string | null;
  at: Date;
}

export async function insertReceived(
  trx: ExchangeTrx,
  packet: ArrivedPacket,
  row: ReceivedRow,
): Promise<string> {
  const inserted = await trx
    .insertInto('exchangePackage')
    .values({
      direction: 'in',
      kind: row.kind,
      exchangeId: row.exchangeId,
      fromOrgan: row.fromOrgan,
      toOrgan: row.toOrgan,
      business: row.kind === 'document' ? (row.business ?? null) : null,
      statusCode: row.kind === 'status' ? (row.statusCode ?? null) : null,
      xml: packet.xml,
      sha256: packet.sha256,
      size: packet.size,
      state: row.state,
      errorCode: row.errorCode ?? null,
      lastError: row.lastError ?? null,
      lastAttemptAt: null,
      receiptCode: null,
      acknowledgedAt: null,
      peerId: null,
      apiKeyId: packet.via.kind === 'peer' ? packet.via.apiKeyId : null,
      agencyId: row.agencyId,
      outgoingId: row.outgoingId ?? null,
      incomingId: row.incomingId ?? null,
      createdAt: row.at,
      deliveredAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export function documentIdentity(pkg: EdxmlPackage): Identity {
  const h = pkg.header;
  return {
    kind: 'document',
    from: h.from,
    to: h.to,
    exchangeId: h.documentId,
    business: BUSSINESS_DOC_TYPES[pkg.bussiness.bussinessDocType],
    responseFor: {
      organId: h.from.organId,
      code: `${h.code.codeNumber}/${h.code.codeNotation}`,
      promulgationDate: h.promulgationInfo.promulgationDate,
      documentId: h.documentId,
    },
  };
}

export function statusIdentity(status: EdxmlStatus): Identity {
  return {
    kind: 'status',
    from: status.from,
    to: [],
    exchangeId: status.responseFor.documentId,
    statusCode: status.statusCode,
  };
}
