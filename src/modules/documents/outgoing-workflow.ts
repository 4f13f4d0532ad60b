/**
 * The steps of an outgoing document before it is signed (Decree 30/2020, Articles 10–13):
 *
 *   draft ──submit──► in_review ──approve──► approved ──sign──► signed ──issue──► issued
 *     ▲                  │                     │
 *     └──────return──────┴─────────────────────┘   (the signer sends it back with a note)
 *
 * The drafter submits; the signer named on the draft approves or returns it. Signing and
 * issuing (numbering, the agency's seal, sending) are in outgoing-signing.ts and
 * outgoing-issue.ts.
 */
import type { AppContext } from '../../kernel/context';
import { httpErrors } from '../../kernel/errors/common.errors';
import { documentsDb, type DocumentsTrx } from './documents-db';
import { documentErrors } from './documents.errors';
import { DOCUMENT_PERMISSIONS } from './documents.permissions';
import type { OutgoingStatus } from './documents.tables';
import { assertDocumentAccess } from './document-scope';
import { writeHistory, type DocumentActor } from './document-history';
import { lockOutgoing, updateOutgoing, type OutgoingRow } from './outgoing.queries';

export type ReviewAction =
  { action: 'submit' } | { action: 'approve'; note?: string } | { action: 'return'; note: string };

const FROM: Record<ReviewAction['action'], readonly OutgoingStatus[]> = {
  submit: ['draft'],
  approve: ['in_review'],
  return: ['in_review', 'approved'],
};

const TO: Record<ReviewAction['action'], OutgoingStatus> = {
  submit: 'in_review',
  approve: 'approved',
  return: 'draft',
};

/** Locks the document and checks the actor's agency, permission and the state. */
export async function lockForAction(
  trx: DocumentsTrx,
  actor: DocumentActor,
  id: string,
  permission: string,
  allowedFrom: readonly OutgoingStatus[],
): Promise<OutgoingRow> {
  const document = await lockOutgoing(trx, id);
  if (!document) throw documentErrors.DOCUMENT_NOT_FOUND();
  assertDocumentAccess(actor.principal, permission, document.agencyId);
  if (!allowedFrom.includes(document.status)) {
    throw documentErrors.DOCUMENT_STATE_CONFLICT({ status: document.status });
  }
  return document;
}

export async function reviewOutgoing(
  ctx: AppContext,
  actor: DocumentActor,
  id: string,
  step: ReviewAction,
): Promise<OutgoingRow> {
  const permission =
    step.action === 'submit' ? DOCUMENT_PERMISSIONS.draft : DOCUMENT_PERMISSIONS.lead;
  return documentsDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const document = await lockForAction(trx, actor, id, permission, FROM[step.action]);
      if (step.action === 'submit' && document.draftedBy !== actor.principal.id) {
        throw httpErrors.FORBIDDEN();
      }
      if (step.action !== 'submit' && document.signerUserId !== actor.principal.id) {
        throw documentErrors.NOT_THE_SIGNER();
      }
      const now = ctx.clock.now();
      const updated = await updateOutgoing(trx, id, {
        status: TO[step.action],
        reviewerUserId: step.action === 'submit' ? document.reviewerUserId : actor.principal.id,
        updatedAt: now,
      });
      await writeHistory(trx, actor, now, {
        document: { outgoingId: id },
        action: { submit: 'submitted', approve: 'approved', return: 'returned' }[step.action],
        note: 'note' in step ? (step.note ?? null) : null,
      });
      return updated;
    });
}
