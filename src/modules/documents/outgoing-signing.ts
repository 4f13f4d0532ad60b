/**
 * The signer signs (Decree 30/2020, Article 13 and Appendix I): the platform lays the
 * approved text out as the Decree prescribes, leaving the number and the date blank (the
 * clerk gives them at issue), and signs it with the signer's certificate, their handwritten
 * signature image between position and name. The signer confirms with a fresh authenticator
 * code: a signature is an act in law, not a click.
 */
import type { AppContext } from '../../kernel/context';
import { confirmStepUp } from '../../kernel/auth';
import { sanitiseFileName } from '../../kernel/storage/file-names';
import {
  currentKeystoreId,
  loadKeystore,
  type LoadedKeystore,
} from '../../kernel/signing/keystores';
import { signPdf } from '../../kernel/signing/pades-sign';
import { signerAppearance } from '../../kernel/signing/appearance';
import { documentsDb } from './documents-db';
import { documentErrors } from './documents.errors';
import { DOCUMENT_PERMISSIONS } from './documents.permissions';
import type { SignatureLayout } from './documents.tables';
import type { DocumentActor } from './document-history';
import { writeHistory } from './document-history';
import { storeDocumentPdf } from './document-files';
import { issuerOf } from './document-issuer';
import { findOutgoing, recipientsOf, updateOutgoing, type OutgoingRow } from './outgoing.queries';
import { lockForAction } from './outgoing-workflow';
import { renderOfficialDocument, type ReservedLine } from './render';
import { assertDocumentAccess } from './document-scope';

/** The file name people see: the excerpt, shortened and made safe for any file system. */
export function documentFileName(subject: string, suffix = ''): string {
  return sanitiseFileName(`${subject.slice(0, 80)}${suffix}.pdf`, 'pdf');
}

export async function signOutgoing(
  ctx: AppContext,
  actor: DocumentActor,
  id: string,
  totpCode: string,
): Promise<OutgoingRow> {
  const keystore = await signerKeystore(ctx, actor, id);
  await confirmStepUp(ctx, actor.request, actor.principal.id, totpCode, 'documents.sign');
  return signApproved(ctx, actor, id, keystore);
}

/** The signer's keystore, after checking that the actor may sign the document now. */
async function signerKeystore(ctx: AppContext, actor: DocumentActor, id: string) {
  // Checked before the code is spent: a code is good for one act only.
  const current = await findOutgoing(documentsDb(ctx), id);
  if (!current) throw documentErrors.DOCUMENT_NOT_FOUND();
  assertDocumentAccess(actor.principal, DOCUMENT_PERMISSIONS.lead, current.agencyId);
  if (current.signerUserId !== actor.principal.id) throw documentErrors.NOT_THE_SIGNER();
  if (current.status !== 'approved') {
    throw documentErrors.DOCUMENT_STATE_CONFLICT({ status: current.status });
  }
  const keystoreId = await currentKeystoreId(ctx.db, { userId: actor.principal.id });
  const keystore = keystoreId ? await loadKeystore(ctx, ctx.db, keystoreId) : undefined;
  if (!keystore) throw documentErrors.SIGNING_KEY_MISSING({ holder: 'signer' });
  if (!keystore.appearanceImage) {
    throw documentErrors.SIGNING_KEY_MISSING({ holder: 'signer', missing: 'signature_image' });
  }
  return keystore;
}

/**
 * Signs an approved document with the signer's keystore. The step-up confirmation is the
 * caller's: `signOutgoing` for people; the demo seed signs its sample documents directly.
 */
export async function signApproved(
  ctx: AppContext,
  actor: DocumentActor,
  id: string,
  keystore?: LoadedKeystore,
): Promise<OutgoingRow> {
  keystore ??= await signerKeystore(ctx, actor, id);
  const db = documentsDb(ctx);
  return db.transaction().execute(async (trx) => {
    const document = await lockForAction(trx, actor, id, DOCUMENT_PERMISSIONS.lead, ['approved']);
    const issuer = await issuerOf(trx, document.agencyId);
    const recipients = await recipientsOf(trx, id);
    const rendered = await renderOfficialDocument({
      issuerParent: issuer.issuerParent ?? undefined,
      issuerName: issuer.issuerName,
      codeNotation: codeNotationOf(document, issuer.abbreviation),
      placeName: document.placeName,
      typeName: document.typeAbbreviation ? document.typeName.toLocaleUpperCase('vi') : null,
      subject: document.subject,
      recipientsLine: document.greeting ?? undefined,
      body: document.body,
      signer: {
        competence: document.signerCompetence ?? undefined,
        position: document.signerPosition ?? '',
        fullName: document.signerName ?? '',
      },
      toPlaces:
        document.toPlaces.length > 0
          ? document.toPlaces
          : [...recipients.map((recipient) => `- ${recipient.organName};`), '- Lưu: VT.'],
    });
    const block = await signerAppearance({
      pageIndex: rendered.signerBlock.pageIndex,
      anchor: rendered.signerBlock.anchor,
      competence: document.signerCompetence ?? undefined,
      position: document.signerPosition ?? '',
      fullName: document.signerName ?? '',
      signatureImagePng: keystore.appearanceImage!,
      fontSize: rendered.signerBlock.fontSize,
      imageHeightMm: rendered.signerBlock.imageHeightMm,
    });
    const now = ctx.clock.now();
    const signed = await signPdf(rendered.pdf, {
      identity: keystore.identity,
      signingTime: now,
      appearance: block.appearance,
      pageIndex: rendered.signerBlock.pageIndex,
      fieldName: 'ChuKyNguoiKy',
      name: document.signerName ?? undefined,
      reason: 'Ký ban hành văn bản',
      location: document.placeName,
    });
    await storeDocumentPdf(ctx, trx, {
      owner: { outgoingId: id },
      agencyId: document.agencyId,
      role: 'signed',
      name: documentFileName(document.subject),
      bytes: signed,
      storedBy: actor.principal.id,
    });
    const layout: SignatureLayout = {
      signer: block.layout,
      numberField: line(rendered.numberField),
      datelineField: line(rendered.datelineField),
    };
    const updated = await updateOutgoing(trx, id, {
      status: 'signed',
      signedAt: now,
      signatureLayout: JSON.stringify(layout),
      updatedAt: now,
    });
    await writeHistory(trx, actor, now, {
      document: { outgoingId: id },
      action: 'signed',
      details: { certificate: keystore.subjectName },
    });
    return updated;
  });
}

/** The notation the number will carry: `UBND-VP`, `QĐ-UBND`. */
export function codeNotationOf(
  document: Pick<OutgoingRow, 'typeAbbreviation' | 'draftingUnit'>,
  issuerAbbreviation: string,
): string {
  if (document.typeAbbreviation) return `${document.typeAbbreviation}-${issuerAbbreviation}`;
  return document.draftingUnit
    ? `${issuerAbbreviation}-${document.draftingUnit}`
    : issuerAbbreviation;
}

function line(field: ReservedLine): SignatureLayout['numberField'] {
  return {
    pageIndex: field.pageIndex,
    rect: field.rect,
    baseline: field.baseline,
    fontSize: field.fontSize,
  };
}
