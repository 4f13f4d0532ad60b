/**
 * A paper document arrives at the clerk's desk: it is scanned, its particulars typed in, and
 * registered at once in the incoming register (Decree 30/2020, Article 20). From there it is
 * assigned and handled like any other incoming document.
 */
import type { AppContext } from '../../kernel/context';
import { documentsDb } from './documents-db';
import { DOCUMENT_PERMISSIONS } from './documents.permissions';
import type { PaperIncomingBody } from './documents.schemas';
import { workingAgency } from './document-scope';
import { writeHistory, type DocumentActor } from './document-history';
import { attachDocumentFiles } from './document-files';
import { registerFor } from './registers';
import { registerYear, takeRegisterNumber } from './register-number';

export async function registerPaperDocument(
  ctx: AppContext,
  actor: DocumentActor,
  input: PaperIncomingBody,
): Promise<string> {
  const agencyId = workingAgency(actor.principal, DOCUMENT_PERMISSIONS.clerk);
  return documentsDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const now = ctx.clock.now();
      const registerId = await registerFor(trx, agencyId, 'incoming', input.registerId);
      const year = registerYear(now, ctx.config.timezone);
      const number = await takeRegisterNumber(trx, registerId, year);
      const [codeNumber, ...rest] = input.notation.split('/');
      const created = await trx
        .insertInto('documentIncoming')
        .values({
          agencyId,
          status: 'registered',
          source: 'paper',
          receivedAt: input.receivedAt ? new Date(input.receivedAt) : now,
          senderOrganId: input.senderOrganId ?? null,
          senderName: input.senderName.trim(),
          codeNumber: codeNumber!,
          codeNotation: rest.join('/'),
          notation: input.notation.trim(),
          typeName: input.typeName.trim(),
          subject: input.subject.trim(),
          promulgatedOn: input.promulgatedOn,
          signerName: input.signerName?.trim() || null,
          urgency: input.urgency ?? 'normal',
          secrecy: input.secrecy ?? 'normal',
          replyDueOn: input.replyDueOn ?? null,
          registerId,
          year,
          number,
          registeredAt: now,
          registeredBy: actor.principal.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await attachDocumentFiles(
        trx,
        actor,
        { incomingId: created.id },
        agencyId,
        input.scanFileIds,
        'received',
      );
      await writeHistory(trx, actor, now, {
        document: { incomingId: created.id },
        action: 'registered',
        note: `Số đến ${number} (văn bản giấy)`,
      });
      return created.id;
    });
}
