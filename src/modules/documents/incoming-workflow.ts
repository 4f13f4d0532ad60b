/**
 * What an agency does with a document it receives (Decree 30/2020, Articles 20–24):
 *
 *   received ──register──► registered ──assign──► assigned ──start──► processing ──complete──► done
 *                                          ▲  (re-assign while open)      │
 *                                          └──────────────────────────────┘
 *
 * The clerk registers it (the next arrival number of the incoming register); a leader
 * assigns it to a handling unit, a lead handler, supporters and a deadline; the lead handler
 * (or the leader) starts and completes it, with a reply document linked when there is one.
 * Each step of a document that came over the exchange tells its sender: 03, 04, 05, 06.
 */
import type { AppContext } from '../../kernel/context';
import { httpErrors } from '../../kernel/errors/common.errors';
import type { StatusCode } from './edxml';
import { documentsDb, type DocumentsTrx } from './documents-db';
import { documentErrors } from './documents.errors';
import { DOCUMENT_PERMISSIONS } from './documents.permissions';
import type { IncomingStatus } from './documents.tables';
import { assertDocumentAccess, holdsAt } from './document-scope';
import { writeHistory, type DocumentActor } from './document-history';
import { registerFor } from './registers';
import { registerYear, takeRegisterNumber } from './register-number';
import { queueStatus } from './exchange';

export type IncomingAction =
  | { action: 'register'; registerId?: string }
  | {
      action: 'assign';
      handlingUnit?: string | null;
      leadUserId: string;
      supportUserIds?: string[];
      informedUserIds?: string[];
      deadline?: string | null;
      note?: string | null;
    }
  | { action: 'start' }
  | { action: 'complete'; note?: string | null; replyOutgoingId?: string | null };

const FROM: Record<IncomingAction['action'], readonly IncomingStatus[]> = {
  register: ['received'],
  assign: ['registered', 'assigned', 'processing'],
  start: ['assigned'],
  complete: ['assigned', 'processing'],
};

const STATUS_TO_SEND: Record<IncomingAction['action'], StatusCode> = {
  register: '03',
  assign: '04',
  start: '05',
  complete: '06',
};

async function lockIncoming(trx: DocumentsTrx, id: string) {
  return trx
    .selectFrom('documentIncoming')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

async function isLeadHandler(trx: DocumentsTrx, incomingId: string, userId: string) {
  const row = await trx
    .selectFrom('documentAssignment')
    .select('userId')
    .where('incomingId', '=', incomingId)
    .where('userId', '=', userId)
    .where('role', '=', 'lead')
    .executeTakeFirst();
  return row !== undefined;
}

async function checkAssignees(
  trx: DocumentsTrx,
  agencyId: string,
  userIds: readonly string[],
): Promise<void> {
  const problems: string[] = [];
  for (const userId of new Set(userIds)) {
    if (!(await holdsAt(trx, userId, agencyId, DOCUMENT_PERMISSIONS.read))) problems.push(userId);
  }
  if (problems.length > 0) throw documentErrors.ASSIGNEE_INVALID({ userIds: problems });
}

export async function actOnIncoming(
  ctx: AppContext,
  actor: DocumentActor,
  id: string,
  step: IncomingAction,
) {
  return documentsDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const document = await lockIncoming(trx, id);
      if (!document) throw documentErrors.DOCUMENT_NOT_FOUND();
      const handler = step.action === 'start' || step.action === 'complete';
      const permission =
        step.action === 'register'
          ? DOCUMENT_PERMISSIONS.clerk
          : step.action === 'assign'
            ? DOCUMENT_PERMISSIONS.lead
            : DOCUMENT_PERMISSIONS.read;
      assertDocumentAccess(actor.principal, permission, document.agencyId);
      if (!FROM[step.action].includes(document.status)) {
        throw documentErrors.DOCUMENT_STATE_CONFLICT({ status: document.status });
      }
      if (
        handler &&
        !(await isLeadHandler(trx, id, actor.principal.id)) &&
        !(await holdsAt(trx, actor.principal.id, document.agencyId, DOCUMENT_PERMISSIONS.lead))
      ) {
        throw httpErrors.FORBIDDEN({ reason: 'only the lead handler or a leader' });
      }
      const now = ctx.clock.now();
      let note: string | null = null;
      switch (step.action) {
        case 'register': {
          const registerId = await registerFor(trx, document.agencyId, 'incoming', step.registerId);
          const year = registerYear(now, ctx.config.timezone);
          const number = await takeRegisterNumber(trx, registerId, year);
          await trx
            .updateTable('documentIncoming')
            .set({
              status: 'registered',
              registerId,
              year,
              number,
              registeredAt: now,
              registeredBy: actor.principal.id,
              updatedAt: now,
            })
            .where('id', '=', id)
            .execute();
          note = `Số đến ${number}`;
          break;
        }
        case 'assign': {
          const support = step.supportUserIds ?? [];
          const informed = step.informedUserIds ?? [];
          await checkAssignees(trx, document.agencyId, [step.leadUserId, ...support, ...informed]);
          await trx.deleteFrom('documentAssignment').where('incomingId', '=', id).execute();
          const seen = new Set<string>();
          const rows = [
            { userId: step.leadUserId, role: 'lead' as const },
            ...support.map((userId) => ({ userId, role: 'support' as const })),
            ...informed.map((userId) => ({ userId, role: 'informed' as const })),
          ].filter((row) => !seen.has(row.userId) && seen.add(row.userId));
          await trx
            .insertInto('documentAssignment')
            .values(rows.map((row) => ({ ...row, incomingId: id, assignedAt: now })))
            .execute();
          await trx
            .updateTable('documentIncoming')
            .set({
              status: document.status === 'registered' ? 'assigned' : document.status,
              handlingUnit: step.handlingUnit?.trim() || null,
              handlingDeadline: step.deadline ?? null,
              assignedBy: actor.principal.id,
              assignedAt: now,
              updatedAt: now,
            })
            .where('id', '=', id)
            .execute();
          note = step.note?.trim() || null;
          break;
        }
        case 'start':
          await trx
            .updateTable('documentIncoming')
            .set({ status: 'processing', updatedAt: now })
            .where('id', '=', id)
            .execute();
          break;
        case 'complete': {
          if (step.replyOutgoingId) {
            const reply = await trx
              .selectFrom('documentOutgoing')
              .select(['agencyId'])
              .where('id', '=', step.replyOutgoingId)
              .executeTakeFirst();
            if (reply?.agencyId !== document.agencyId) throw documentErrors.DOCUMENT_NOT_FOUND();
          }
          note = step.note?.trim() || null;
          await trx
            .updateTable('documentIncoming')
            .set({
              status: 'done',
              completedAt: now,
              completionNote: note,
              replyOutgoingId: step.replyOutgoingId ?? document.replyOutgoingId,
              updatedAt: now,
            })
            .where('id', '=', id)
            .execute();
          break;
        }
      }
      await writeHistory(trx, actor, now, {
        document: { incomingId: id },
        action: {
          register: 'registered',
          assign: 'assigned',
          start: 'started',
          complete: 'completed',
        }[step.action],
        note,
      });
      // Only the first assignment is news to the sender; a re-assignment is internal.
      if (step.action !== 'assign' || document.status === 'registered') {
        await queueStatus(ctx, trx, id, STATUS_TO_SEND[step.action], note ?? undefined, {
          actor: { principal: actor.principal, request: actor.request },
        });
      }
    });
}
