/**
 * What staff see of a document: its fields, recipients and what each answered, files,
 * history, and the actions open to the person looking (so the console shows only buttons
 * that will work).
 */
import type { AppContext } from '../../kernel/context';
import type { Principal } from '../../kernel/auth';
import { documentsDb, type DocumentsDb } from './documents-db';
import { documentErrors } from './documents.errors';
import { DOCUMENT_PERMISSIONS as D } from './documents.permissions';
import type { IncomingView, OutgoingView } from './documents.schemas';
import { assertDocumentAccess } from './document-scope';
import {
  filesOfDocument,
  findOutgoing,
  historyOf,
  recipientsOf,
  statusEventsOf,
  type OutgoingRow,
} from './outgoing.queries';
import { registerDate } from './register-number';

function holds(principal: Principal, agencyId: string, permission: string): boolean {
  const grants = principal.grants ?? [
    { agencyId: principal.agencyId, permissions: principal.permissions },
  ];
  return grants.some((grant) => grant.agencyId === agencyId && grant.permissions.has(permission));
}

function outgoingActions(principal: Principal, row: OutgoingRow): OutgoingView['actions'] {
  const actions: OutgoingView['actions'] = [];
  const drafter = row.draftedBy === principal.id && holds(principal, row.agencyId, D.draft);
  const signer = row.signerUserId === principal.id && holds(principal, row.agencyId, D.lead);
  if (row.status === 'draft' && drafter) actions.push('edit', 'submit');
  if (row.status === 'in_review' && signer) actions.push('approve', 'return');
  if (row.status === 'approved' && signer) actions.push('sign', 'return');
  if (row.status === 'signed' && holds(principal, row.agencyId, D.clerk)) actions.push('issue');
  if (
    row.status === 'issued' &&
    (holds(principal, row.agencyId, D.clerk) || holds(principal, row.agencyId, D.lead))
  ) {
    actions.push('recall');
  }
  return actions;
}

export async function outgoingView(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<OutgoingView> {
  const db = documentsDb(ctx);
  const row = await findOutgoing(db, id);
  if (!row) throw documentErrors.DOCUMENT_NOT_FOUND();
  assertDocumentAccess(principal, D.read, row.agencyId);
  const [recipients, statusEvents, files, history] = await Promise.all([
    recipientsOf(db, id),
    statusEventsOf(db, id),
    filesOfDocument(db, { outgoingId: id }),
    historyOf(db, { outgoingId: id }),
  ]);
  return {
    ...row,
    number: row.number,
    recipients: recipients.map(({ outgoingId: _, ...recipient }) => recipient),
    statusEvents,
    files: files.map((file) => ({ ...file, size: Number(file.size) })),
    history,
    actions: outgoingActions(principal, row),
  };
}

type IncomingRow = Awaited<ReturnType<typeof findIncoming>>;

async function findIncoming(db: DocumentsDb, id: string) {
  return db.selectFrom('documentIncoming').selectAll().where('id', '=', id).executeTakeFirst();
}

export function isOverdue(
  row: { status: string; handlingDeadline: string | null },
  today: string,
): boolean {
  return (
    (row.status === 'assigned' || row.status === 'processing') &&
    row.handlingDeadline !== null &&
    row.handlingDeadline < today
  );
}

function incomingActions(
  principal: Principal,
  row: NonNullable<IncomingRow>,
  lead: boolean,
): IncomingView['actions'] {
  const actions: IncomingView['actions'] = [];
  const leader = holds(principal, row.agencyId, D.lead);
  if (row.status === 'received' && holds(principal, row.agencyId, D.clerk))
    actions.push('register');
  if (['registered', 'assigned', 'processing'].includes(row.status) && leader)
    actions.push('assign');
  if (row.status === 'assigned' && (lead || leader)) actions.push('start');
  if ((row.status === 'assigned' || row.status === 'processing') && (lead || leader)) {
    actions.push('complete');
  }
  if (
    ['registered', 'assigned', 'processing'].includes(row.status) &&
    holds(principal, row.agencyId, D.draft)
  ) {
    actions.push('reply');
  }
  return actions;
}

export async function incomingView(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<IncomingView> {
  const db = documentsDb(ctx);
  const row = await findIncoming(db, id);
  if (!row) throw documentErrors.DOCUMENT_NOT_FOUND();
  assertDocumentAccess(principal, D.read, row.agencyId);
  const [assignments, files, history] = await Promise.all([
    db
      .selectFrom('documentAssignment')
      .innerJoin('appUser', 'appUser.id', 'documentAssignment.userId')
      .select(['documentAssignment.userId', 'appUser.fullName', 'documentAssignment.role'])
      .where('documentAssignment.incomingId', '=', id)
      .orderBy('documentAssignment.role')
      .orderBy('appUser.fullName')
      .execute(),
    filesOfDocument(db, { incomingId: id }),
    historyOf(db, { incomingId: id }),
  ]);
  const lead = assignments.some(
    (assignment) => assignment.role === 'lead' && assignment.userId === principal.id,
  );
  const today = registerDate(ctx.clock.now(), ctx.config.timezone);
  return {
    ...row,
    overdue: isOverdue(row, today),
    assignments,
    files: files.map((file) => ({ ...file, size: Number(file.size) })),
    history,
    actions: incomingActions(principal, row, lead),
  };
}
