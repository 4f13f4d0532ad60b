/**
 * Receiving a packet, from another platform over HTTP or from an agency of this one
 * in-process. In order: the size limit; the same bytes received before (a sender's retry) get
 * the same answer and nothing else happens; the XML signature; the signer's certificate chain
 * to a root this platform trusts, at the time of arrival; the codec's strict parse; then the
 * document or status is applied (receive-document.ts, receive-status.ts).
 *
 * A refused packet registers nothing: it is stored as `rejected` with a precise reason, and
 * when the sender can be identified (the packet parses far enough to name its sender and its
 * document) a status 02 with that reason is queued back to it. A status packet is never
 * answered with a status, so two systems cannot bounce refusals forever.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { AppContext } from '../../../kernel/context';
import { sha256Hex } from '../../../kernel/crypto/sha256';
import { platformTrustStore } from '../../../kernel/signing/trust';
import {
  EDXML_NS,
  EdxmlError,
  parseEdxml,
  parseStatus,
  verifyEdxml,
  type EdxmlPackage,
  type EdxmlStatus,
  type Organ,
  type VerifyFailure,
} from '../edxml';
import { exchangeDb, inTransaction } from './exchange-db';
import { exchangeErrors } from './exchange.errors';
import { isDuplicateReceipt, receivedBefore, type ExchangePackage } from './exchange-packages';
import { queueStatusPacket } from './exchange-status';
import {
  Refusal,
  insertReceived,
  maxPackageBytes,
  refusalOf,
  type ArrivedPacket,
  documentIdentity,
  statusIdentity,
  type Identity,
  type ReceiveOutcome,
  type ReceiveVia,
} from './receive-common';
import { receiveDocument } from './receive-document';
import { receiveStatus } from './receive-status';
import { agencyOrgan } from './organs';
import { findSeal } from './seal';

export async function receivePackage(
  ctx: AppContext,
  xml: string,
  via: ReceiveVia,
): Promise<ReceiveOutcome> {
  const size = Buffer.byteLength(xml, 'utf8');
  const limit = maxPackageBytes(ctx.config);
  if (size > limit) throw exchangeErrors.EXCHANGE_PACKAGE_TOO_LARGE({ limitBytes: limit });
  const sha256 = sha256Hex(xml);
  const earlier = await receivedBefore(exchangeDb(ctx), sha256);
  if (earlier.length > 0) return replay(earlier);
  const packet: ArrivedPacket = { xml, sha256, size, via };
  try {
    const examined = await examine(ctx, xml);
    if (examined.kind === 'document') return await receiveDocument(ctx, packet, examined.pkg);
    return await receiveStatus(ctx, packet, examined.status);
  } catch (error) {
    if (error instanceof Refusal) {
      try {
        return await refuse(ctx, packet, error);
      } catch (again) {
        if (isDuplicateReceipt(again)) return replay(await receivedBefore(exchangeDb(ctx), sha256));
        throw again;
      }
    }
    if (isDuplicateReceipt(error)) return replay(await receivedBefore(exchangeDb(ctx), sha256));
    throw error;
  }
}

function replay(rows: ExchangePackage[]): ReceiveOutcome {
  const first = rows[0]!;
  return {
    packageId: first.id,
    statusCode: first.state === 'accepted' ? '01' : '02',
    ...(first.errorCode ? { code: first.errorCode } : {}),
    ...(first.state === 'rejected' && first.lastError ? { reason: first.lastError } : {}),
    duplicate: true,
  };
}

type Examined = { kind: 'document'; pkg: EdxmlPackage } | { kind: 'status'; status: EdxmlStatus };

const SIGNATURE_CODES: Partial<Record<VerifyFailure, string>> = {
  malformed: 'EDXML_MALFORMED',
  'dtd-forbidden': 'EDXML_DTD_FORBIDDEN',
  'not-edxml': 'EDXML_NOT_EDXML',
  unsigned: 'EXCHANGE_PACKAGE_UNSIGNED',
};

/** Signature, trust, then the strict parse; throws a Refusal for the first problem found. */
async function examine(ctx: AppContext, xml: string): Promise<Examined> {
  const maxAttachmentBytes = ctx.config.uploadLimitBytes;
  const check = verifyEdxml(xml);
  if (!check.valid) {
    const failure = check.reason ?? 'malformed';
    const code = SIGNATURE_CODES[failure] ?? 'EXCHANGE_SIGNATURE_INVALID';
    if (code.startsWith('EDXML_')) {
      // The codec says exactly what is wrong (line and column of a syntax error).
      const parsed = tryParse(xml, maxAttachmentBytes);
      throw new Refusal(
        parsed.error?.code ?? code,
        parsed.error?.message ?? refusalOf(code),
        parsed.identity,
      );
    }
    throw new Refusal(
      code,
      refusalOf(code, code === 'EXCHANGE_SIGNATURE_INVALID' ? failure : undefined),
      identify(xml, maxAttachmentBytes),
    );
  }
  const store = await platformTrustStore(ctx);
  const [signer, ...others] = check.signerCertificatesDer;
  const chain = store.validate(signer!, others, ctx.clock.now());
  if (!chain.trusted) {
    const subject = chain.chain[0]?.x509.subject ?? 'unknown signer';
    throw new Refusal(
      'EXCHANGE_CERTIFICATE_UNTRUSTED',
      refusalOf('EXCHANGE_CERTIFICATE_UNTRUSTED', `${chain.problems.join(', ')} (${subject})`),
      identify(xml, maxAttachmentBytes),
    );
  }
  const parsed = tryParse(xml, maxAttachmentBytes);
  if (parsed.error) throw new Refusal(parsed.error.code, parsed.error.message, parsed.identity);
  return parsed.examined!;
}

interface Parsed {
  examined?: Examined;
  error?: EdxmlError;
  identity?: Identity;
}

function tryParse(xml: string, maxAttachmentBytes: number): Parsed {
  try {
    return { examined: { kind: 'document', pkg: parseEdxml(xml, { maxAttachmentBytes }) } };
  } catch (error) {
    if (!(error instanceof EdxmlError)) throw error;
    if (error.code === 'EDXML_NOT_EDXML' && error.details.reason?.includes('status packet')) {
      try {
        return { examined: { kind: 'status', status: parseStatus(xml) } };
      } catch (statusError) {
        if (!(statusError instanceof EdxmlError)) throw statusError;
        return { error: statusError, identity: { kind: 'status', to: [] } };
      }
    }
    return { error, identity: lenientIdentity(xml) };
  }
}

/** Who sent the packet and what about, from the strict parse or else leniently. */
function identify(xml: string, maxAttachmentBytes: number): Identity | undefined {
  const parsed = tryParse(xml, maxAttachmentBytes);
  if (parsed.examined?.kind === 'document') return documentIdentity(parsed.examined.pkg);
  if (parsed.examined?.kind === 'status') return statusIdentity(parsed.examined.status);
  return parsed.identity;
}

/**
 * What a document package that the codec refused still says: its sender, recipients and
 * DocumentId, read without the codec's strictness, so the sender can be told why. The
 * document's number and date come from the DocumentId (`OrganId,yyyy/MM/dd,Number/Notation`)
 * when the header lacks them.
 */
function lenientIdentity(xml: string): Identity | undefined {
  let doc: Document;
  try {
    if (/<!DOCTYPE/i.test(xml)) return undefined;
    doc = new DOMParser({
      onError: () => {
        throw new Error('not well-formed');
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch {
    return undefined;
  }
  const first = (parent: Element | Document | undefined, name: string): Element | undefined =>
    parent?.getElementsByTagNameNS(EDXML_NS, name)[0] ?? undefined;
  const text = (parent: Element | undefined, name: string): string | undefined =>
    first(parent, name)?.textContent?.trim() || undefined;
  const header = first(doc, 'MessageHeader');
  if (!header || first(header, 'StatusCode')) return undefined;
  const organ = (element: Element | undefined): Organ | undefined => {
    const organId = text(element, 'OrganId');
    return organId ? { organId, organName: text(element, 'OrganName') ?? organId } : undefined;
  };
  const from = organ(first(header, 'From'));
  const to = Array.from(header.getElementsByTagNameNS(EDXML_NS, 'To'))
    .map((element) => organ(element))
    .filter((o): o is Organ => o !== undefined);
  const documentId = text(header, 'DocumentId');
  const identity: Identity = { kind: 'document', from, to, exchangeId: documentId };
  const parts = documentId?.split(',');
  const date = parts?.[1]?.match(/^(\d{4})\/(\d{2})\/(\d{2})$/);
  if (from && documentId && parts && parts.length >= 3 && date) {
    identity.responseFor = {
      organId: from.organId,
      code: parts.slice(2).join(','),
      promulgationDate: `${date[1]}-${date[2]}-${date[3]}`,
      documentId,
    };
  }
  return identity;
}

/** The agency that speaks for this platform when no agency here is addressed. */
async function nodeAgencyId(ctx: AppContext, via: ReceiveVia): Promise<string | undefined> {
  if (via.kind === 'peer' && via.agencyId) return via.agencyId;
  const root = await exchangeDb(ctx)
    .selectFrom('agency as a')
    .innerJoin('signingKeystore as k', 'k.agencyId', 'a.id')
    .select('a.id')
    .where('a.parentId', 'is', null)
    .where('k.holderKind', '=', 'seal')
    .where('k.retiredAt', 'is', null)
    .orderBy('a.createdAt')
    .executeTakeFirst();
  return root?.id;
}

/**
 * Stores the refused packet and, for a document whose sender is known, queues status 02 with
 * the reason back to it: signed by the addressed agency when it is one of ours, otherwise by
 * the agency that speaks for this platform (the key's agency), in the name of the organ the
 * sender addressed, so the sender's row for that recipient shows the refusal.
 */
async function refuse(
  ctx: AppContext,
  packet: ArrivedPacket,
  refusal: Refusal,
): Promise<ReceiveOutcome> {
  const identity = refusal.identity;
  const db = exchangeDb(ctx);
  const addressed = identity?.to.map((o) => o.organId) ?? [];
  const local =
    addressed.length > 0
      ? await db
          .selectFrom('agency')
          .select(['id', 'code'])
          .where('code', 'in', addressed)
          .where('active', '=', true)
          .orderBy('code')
          .executeTakeFirst()
      : undefined;
  const answerable =
    identity?.kind === 'document' && identity.from && identity.responseFor ? identity : undefined;
  let reporter: { agencyId: string; organ: Organ } | undefined;
  if (answerable) {
    if (local) reporter = await agencyOrgan(db, local.id);
    else {
      const agencyId = await nodeAgencyId(ctx, packet.via);
      const addressedOrgan = identity?.to[0];
      if (agencyId) {
        const node = await agencyOrgan(db, agencyId);
        reporter = { agencyId, organ: addressedOrgan ?? node.organ };
      }
    }
  }
  const seal = reporter ? await findSeal(ctx, db, reporter.agencyId) : undefined;
  const now = ctx.clock.now();
  const packageId = await inTransaction(ctx, async (t) => {
    const id = await insertReceived(t, packet, {
      kind: identity?.kind ?? 'document',
      state: 'rejected',
      exchangeId: identity?.exchangeId ?? null,
      fromOrgan: identity?.from?.organId ?? null,
      toOrgan: local?.code ?? identity?.to[0]?.organId ?? null,
      business: identity?.business ?? null,
      statusCode: identity?.statusCode ?? null,
      agencyId: local?.id ?? null,
      errorCode: refusal.code,
      lastError: refusal.reason,
      at: now,
    });
    if (answerable && reporter && seal) {
      await queueStatusPacket(t, seal, {
        from: reporter.organ,
        agencyId: reporter.agencyId,
        responseFor: answerable.responseFor!,
        toOrgan: answerable.from!.organId,
        statusCode: '02',
        description: `${refusal.code}: ${refusal.reason}`,
        at: now,
      });
    } else if (answerable) {
      ctx.log.warn(
        { packageId: id, code: refusal.code },
        'refused exchange package: no seal to sign the status 02 back to its sender',
      );
    }
    return id;
  });
  return {
    packageId,
    statusCode: '02',
    code: refusal.code,
    reason: refusal.reason,
    duplicate: false,
  };
}
