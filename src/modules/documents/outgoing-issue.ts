/**
 * The clerk issues a signed document (Decree 30/2020, Articles 15–16): it takes the next
 * number of the register for the year, which makes its number and notation (`07/UBND-VP`)
 * and its date; the agency's digital signature (the seal image over the left third of the
 * signer's signature) goes on the signed PDF, and each attachment gets the agency's stamp at
 * the top right of its first page. Then it goes to its recipients over the exchange.
 * Numbering, sealing and queueing happen in one transaction: a failure gives the number back.
 */
import type { AppContext } from '../../kernel/context';
import { currentKeystoreId, loadKeystore } from '../../kernel/signing/keystores';
import { signPdf } from '../../kernel/signing/pades-sign';
import {
  attachmentStampAppearance,
  sealAppearance,
  textLineAppearance,
} from '../../kernel/signing/appearance';
import { datelineText, numberLineText } from './render';
import { documentsDb, type DocumentsTrx } from './documents-db';
import { documentErrors } from './documents.errors';
import { DOCUMENT_PERMISSIONS } from './documents.permissions';
import type { SignatureLayout } from './documents.tables';
import { writeHistory, type DocumentActor } from './document-history';
import { readStoredBytes, storeDocumentPdf } from './document-files';
import { issuerOf } from './document-issuer';
import { findOutgoing, updateOutgoing, type OutgoingRow } from './outgoing.queries';
import { assertDocumentAccess } from './document-scope';
import { lockForAction } from './outgoing-workflow';
import { codeNotationOf, documentFileName } from './outgoing-signing';
import {
  formatDocumentNumber,
  registerDate,
  registerYear,
  takeRegisterNumber,
} from './register-number';
import { registerFor } from './registers';
import { queueDocumentPackages } from './exchange';

/** Real size of the demo and most agency seals (round seals are 35–42 mm across). */
const SEAL_DIAMETER_MM = 36;

/** The axis's document id: `000.00.31.H49,2026/11/22,07/UBND-VP`. */
export function exchangeIdOf(agencyCode: string, promulgatedOn: string, notation: string): string {
  return `${agencyCode},${promulgatedOn.replaceAll('-', '/')},${notation}`;
}

async function sealKeystore(ctx: AppContext, agencyId: string) {
  const id = await currentKeystoreId(ctx.db, { agencyId });
  const keystore = id ? await loadKeystore(ctx, ctx.db, id) : undefined;
  if (!keystore) throw documentErrors.SIGNING_KEY_MISSING({ holder: 'seal' });
  if (!keystore.appearanceImage) {
    throw documentErrors.SIGNING_KEY_MISSING({ holder: 'seal', missing: 'seal_image' });
  }
  return keystore;
}

async function sealMainDocument(
  ctx: AppContext,
  trx: DocumentsTrx,
  document: OutgoingRow,
  seal: Awaited<ReturnType<typeof sealKeystore>>,
  at: Date,
) {
  const signed = await trx
    .selectFrom('documentFile')
    .select('storedFileId')
    .where('outgoingId', '=', document.id)
    .where('role', '=', 'signed')
    .orderBy('createdAt', 'desc')
    .executeTakeFirstOrThrow();
  const layout = document.signatureLayout as SignatureLayout;
  const stamp = await sealAppearance({
    signerLayout: layout.signer,
    sealImagePng: seal.appearanceImage!,
    diameterMm: SEAL_DIAMETER_MM,
  });
  // The number and the date go where the layout left them, drawn by the seal's signature.
  const numberLine = await textLineAppearance({
    text: numberLineText(document.notation!),
    rect: layout.numberField.rect,
    baseline: layout.numberField.baseline,
    fontSize: layout.numberField.fontSize,
  });
  const dateline = await textLineAppearance({
    text: datelineText(document.placeName, document.promulgatedOn!),
    rect: layout.datelineField.rect,
    baseline: layout.datelineField.baseline,
    fontSize: layout.datelineField.fontSize,
    face: 'italic',
  });
  const bytes = await readStoredBytes(ctx, trx, signed.storedFileId);
  return signPdf(bytes, {
    extraAppearances: [
      { pageIndex: layout.numberField.pageIndex, appearance: numberLine },
      { pageIndex: layout.datelineField.pageIndex, appearance: dateline },
    ],
    identity: seal.identity,
    signingTime: at,
    appearance: stamp.appearance,
    pageIndex: layout.signer.pageIndex,
    fieldName: 'ChuKyCoQuan',
    name: seal.subjectName,
    reason: `Ban hành văn bản số ${document.notation}`,
    location: document.placeName,
  });
}

async function stampAttachments(
  ctx: AppContext,
  trx: DocumentsTrx,
  document: OutgoingRow,
  seal: Awaited<ReturnType<typeof sealKeystore>>,
  at: Date,
): Promise<void> {
  const attachments = await trx
    .selectFrom('documentFile')
    .select(['id', 'storedFileId', 'name'])
    .where('outgoingId', '=', document.id)
    .where('role', '=', 'attachment')
    .execute();
  if (attachments.length === 0) return;
  const stamp = await attachmentStampAppearance({
    numberNotation: document.notation!,
    signedAt: at,
  });
  for (const attachment of attachments) {
    const stamped = await signPdf(await readStoredBytes(ctx, trx, attachment.storedFileId), {
      identity: seal.identity,
      signingTime: at,
      appearance: stamp.appearance,
      pageIndex: 0,
      fieldName: 'ChuKyCoQuan',
      name: seal.subjectName,
      reason: `Phụ lục kèm theo văn bản số ${document.notation}`,
      location: document.placeName,
    });
    await trx.deleteFrom('documentFile').where('id', '=', attachment.id).execute();
    await storeDocumentPdf(ctx, trx, {
      owner: { outgoingId: document.id },
      agencyId: document.agencyId,
      role: 'attachment',
      name: attachment.name,
      bytes: stamped,
      storedBy: document.draftedBy,
    });
  }
}

export async function issueOutgoing(
  ctx: AppContext,
  actor: DocumentActor,
  id: string,
  options: { registerId?: string } = {},
): Promise<OutgoingRow> {
  const db = documentsDb(ctx);
  const current = await findOutgoing(db, id);
  if (!current) throw documentErrors.DOCUMENT_NOT_FOUND();
  assertDocumentAccess(actor.principal, DOCUMENT_PERMISSIONS.clerk, current.agencyId);
  // Loaded before the transaction: it reads through its own connection and caches the key.
  const seal = await sealKeystore(ctx, current.agencyId);
  return db.transaction().execute(async (trx) => {
    const document = await lockForAction(trx, actor, id, DOCUMENT_PERMISSIONS.clerk, ['signed']);
    const issuer = await issuerOf(trx, document.agencyId);
    const now = ctx.clock.now();
    const registerId = await registerFor(trx, document.agencyId, 'outgoing', options.registerId);
    const year = registerYear(now, ctx.config.timezone);
    const number = await takeRegisterNumber(trx, registerId, year);
    const codeNotation = codeNotationOf(document, issuer.abbreviation);
    const notation = `${formatDocumentNumber(number)}/${codeNotation}`;
    const promulgatedOn = registerDate(now, ctx.config.timezone);
    const numbered = { ...document, notation, number, promulgatedOn };
    const sealed = await sealMainDocument(ctx, trx, numbered, seal, now);
    await storeDocumentPdf(ctx, trx, {
      owner: { outgoingId: id },
      agencyId: document.agencyId,
      role: 'signed',
      name: documentFileName(document.subject, ` - ${notation.replaceAll('/', '_')}`),
      bytes: sealed,
      storedBy: actor.principal.id,
    });
    await stampAttachments(ctx, trx, numbered, seal, now);
    const issued = await updateOutgoing(trx, id, {
      status: 'issued',
      registerId,
      year,
      number,
      codeNotation,
      notation,
      promulgatedOn,
      issuedAt: now,
      exchangeId: exchangeIdOf(issuer.agencyCode, promulgatedOn, notation),
      updatedAt: now,
    });
    if (document.responseForId) {
      await trx
        .updateTable('documentIncoming')
        .set({ replyOutgoingId: id, updatedAt: now })
        .where('id', '=', document.responseForId)
        .execute();
    }
    // State secrets never travel over the network (Law on Protection of State Secrets):
    // a secret document is issued and registered here, and delivered on paper.
    const electronic = document.secrecy === 'normal';
    if (document.replacesId) {
      const replaced = await updateOutgoing(trx, document.replacesId, {
        status: 'replaced',
        updatedAt: now,
      });
      await writeHistory(trx, actor, now, {
        document: { outgoingId: replaced.id },
        action: 'replaced',
        note: notation,
      });
      if (electronic) {
        await queueDocumentPackages(ctx, trx, id, {
          type: 'replace',
          reason: `Thay thế văn bản số ${replaced.notation}`,
          replacesExchangeId: replaced.exchangeId!,
        });
      }
    } else if (electronic) {
      await queueDocumentPackages(ctx, trx, id, { type: 'new' });
    }
    await writeHistory(trx, actor, now, {
      document: { outgoingId: id },
      action: 'issued',
      note: electronic ? notation : `${notation} (gửi bản giấy)`,
      details: { registerId, year, number },
    });
    return issued;
  });
}
