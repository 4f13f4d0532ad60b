/**
 * Drafting an outgoing document: what the officer writes (kind, excerpt, addressees, body,
 * recipients, urgency, secrecy, the signer chosen) is checked and kept; nothing is numbered
 * or signed yet. A draft is edited by the officer who wrote it, while it is still a draft.
 */
import type { AppContext } from '../../kernel/context';
import { isAgencyCode } from '../../kernel/agencies/agency-code';
import { httpErrors } from '../../kernel/errors/common.errors';
import { documentsDb, type DocumentsTrx } from './documents-db';
import { documentErrors } from './documents.errors';
import { DOCUMENT_PERMISSIONS } from './documents.permissions';
import type { Secrecy, Urgency } from './documents.tables';
import { documentKind } from './document-types';
import { assertDocumentAccess, holdsAt, workingAgency } from './document-scope';
import { writeHistory, type DocumentActor } from './document-history';
import {
  findOutgoing,
  insertOutgoing,
  lockOutgoing,
  replaceRecipients,
  updateOutgoing,
  type OutgoingRow,
} from './outgoing.queries';
import { attachDocumentFiles } from './document-files';

export interface RecipientInput {
  organId: string;
  /** Needed for agencies outside the platform; local agencies are named from the directory. */
  organName?: string;
}

export interface DraftInput {
  /** QĐ, TB, KH…; null for a công văn. */
  typeAbbreviation: string | null;
  draftingUnit?: string | null;
  subject: string;
  greeting?: string | null;
  body: string;
  toPlaces?: string[];
  urgency?: Urgency;
  secrecy?: Secrecy;
  replyDueOn?: string | null;
  signerUserId: string;
  signerCompetence?: string | null;
  signerPosition: string;
  recipients: RecipientInput[];
  /** The incoming document this one answers. */
  responseForId?: string | null;
  /** The issued document this one replaces. */
  replacesId?: string | null;
  /** Uploaded PDFs sent with the document (phụ lục); each gets the agency's stamp at issue. */
  attachmentFileIds?: string[];
}

/** Local agencies are named from the directory; others must be named by the drafter. */
async function resolveRecipients(
  trx: DocumentsTrx,
  agencyId: string,
  recipients: readonly RecipientInput[],
) {
  const codes = recipients.map((recipient) => recipient.organId);
  const problems: { organId: string; problem: string }[] = [];
  const local = codes.length
    ? await trx
        .selectFrom('agency')
        .select(['id', 'code', 'name'])
        .where('code', 'in', codes)
        .where('active', '=', true)
        .execute()
    : [];
  const resolved = [];
  const seen = new Set<string>();
  for (const recipient of recipients) {
    const known = local.find((agency) => agency.code === recipient.organId);
    if (seen.has(recipient.organId))
      problems.push({ organId: recipient.organId, problem: 'duplicate' });
    else if (!isAgencyCode(recipient.organId))
      problems.push({ organId: recipient.organId, problem: 'not_an_agency_code' });
    else if (known?.id === agencyId) problems.push({ organId: recipient.organId, problem: 'self' });
    else if (!known && !recipient.organName?.trim())
      problems.push({ organId: recipient.organId, problem: 'name_required' });
    seen.add(recipient.organId);
    resolved.push({
      organId: recipient.organId,
      organName: known?.name ?? recipient.organName?.trim() ?? '',
    });
  }
  if (problems.length > 0) throw documentErrors.RECIPIENT_INVALID({ recipients: problems });
  return resolved;
}

async function checkedFields(
  ctx: AppContext,
  trx: DocumentsTrx,
  agencyId: string,
  input: DraftInput,
) {
  const kind = documentKind(input.typeAbbreviation);
  if (!kind)
    throw documentErrors.DOCUMENT_TYPE_UNKNOWN({ typeAbbreviation: input.typeAbbreviation });
  if (!(await holdsAt(trx, input.signerUserId, agencyId, DOCUMENT_PERMISSIONS.lead))) {
    throw documentErrors.SIGNER_NOT_ELIGIBLE({ signerUserId: input.signerUserId });
  }
  const signer = await trx
    .selectFrom('appUser')
    .select('fullName')
    .where('id', '=', input.signerUserId)
    .executeTakeFirstOrThrow();
  if (input.responseForId) {
    const answered = await trx
      .selectFrom('documentIncoming')
      .select('agencyId')
      .where('id', '=', input.responseForId)
      .executeTakeFirst();
    if (answered?.agencyId !== agencyId) throw documentErrors.RESPONSE_FOR_INVALID();
  }
  if (input.replacesId) {
    const replaced = await findOutgoing(trx, input.replacesId);
    if (replaced?.agencyId !== agencyId || replaced.status !== 'issued') {
      throw documentErrors.DOCUMENT_STATE_CONFLICT({ replacesId: input.replacesId });
    }
  }
  const issuer = await trx
    .selectFrom('documentIssuer')
    .select('placeName')
    .where('agencyId', '=', agencyId)
    .executeTakeFirst();
  if (!issuer) throw documentErrors.DOCUMENT_ISSUER_MISSING();
  return {
    typeAbbreviation: kind.abbreviation,
    typeName: kind.name,
    draftingUnit: kind.abbreviation ? null : input.draftingUnit?.trim() || null,
    subject: input.subject.trim(),
    greeting: input.greeting?.trim() || null,
    body: input.body.trim(),
    toPlaces: (input.toPlaces ?? []).map((line) => line.trim()).filter(Boolean),
    urgency: input.urgency ?? 'normal',
    secrecy: input.secrecy ?? 'normal',
    replyDueOn: input.replyDueOn ?? null,
    placeName: issuer.placeName,
    signerUserId: input.signerUserId,
    signerCompetence: input.signerCompetence?.trim() || null,
    signerPosition: input.signerPosition.trim(),
    signerName: signer.fullName,
    responseForId: input.responseForId ?? null,
    replacesId: input.replacesId ?? null,
    updatedAt: ctx.clock.now(),
  } as const;
}

export async function createDraft(
  ctx: AppContext,
  actor: DocumentActor,
  input: DraftInput,
): Promise<OutgoingRow> {
  const agencyId = workingAgency(actor.principal, DOCUMENT_PERMISSIONS.draft);
  if (actor.principal.kind !== 'user') throw httpErrors.FORBIDDEN();
  return documentsDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const fields = await checkedFields(ctx, trx, agencyId, input);
      const recipients = await resolveRecipients(trx, agencyId, input.recipients);
      const draft = await insertOutgoing(trx, {
        ...fields,
        agencyId,
        status: 'draft',
        draftedBy: actor.principal.id,
        createdAt: fields.updatedAt,
      });
      await replaceRecipients(trx, draft.id, recipients);
      await attachDocumentFiles(
        trx,
        actor,
        { outgoingId: draft.id },
        agencyId,
        input.attachmentFileIds ?? [],
      );
      await writeHistory(trx, actor, fields.updatedAt, {
        document: { outgoingId: draft.id },
        action: 'drafted',
      });
      return draft;
    });
}

export async function updateDraft(
  ctx: AppContext,
  actor: DocumentActor,
  id: string,
  input: DraftInput,
): Promise<OutgoingRow> {
  return documentsDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const draft = await lockOutgoing(trx, id);
      if (!draft) throw documentErrors.DOCUMENT_NOT_FOUND();
      assertDocumentAccess(actor.principal, DOCUMENT_PERMISSIONS.draft, draft.agencyId);
      if (draft.status !== 'draft')
        throw documentErrors.DOCUMENT_STATE_CONFLICT({ status: draft.status });
      if (draft.draftedBy !== actor.principal.id) throw httpErrors.FORBIDDEN();
      const fields = await checkedFields(ctx, trx, draft.agencyId, input);
      const updated = await updateOutgoing(trx, id, fields);
      await replaceRecipients(
        trx,
        id,
        await resolveRecipients(trx, draft.agencyId, input.recipients),
      );
      // Without the list, the attachments stay as they are.
      if (input.attachmentFileIds !== undefined) {
        await attachDocumentFiles(
          trx,
          actor,
          { outgoingId: id },
          draft.agencyId,
          input.attachmentFileIds,
        );
      }
      await writeHistory(trx, actor, fields.updatedAt, {
        document: { outgoingId: id },
        action: 'edited',
      });
      return updated;
    });
}
