/**
 * The one way a document's story is written: a history line for the people who handle it
 * and an audit line for those who check them, in the caller's transaction.
 */
import { recordAudit } from '../../kernel/audit';
import { actorNameOf, type Principal, type RequestInfo } from '../../kernel/auth';
import type { DocumentsTrx } from './documents-db';

export interface DocumentActor {
  principal: Principal;
  request: RequestInfo;
}

export interface HistoryLine {
  document: { outgoingId: string } | { incomingId: string };
  action: string;
  note?: string | null;
  details?: Record<string, unknown>;
}

export async function writeHistory(
  trx: DocumentsTrx,
  actor: DocumentActor | null,
  at: Date,
  line: HistoryLine,
): Promise<void> {
  const actorName = actor ? await actorNameOf(trx, actor.principal) : null;
  const outgoingId = 'outgoingId' in line.document ? line.document.outgoingId : null;
  const incomingId = 'incomingId' in line.document ? line.document.incomingId : null;
  await trx
    .insertInto('documentHistory')
    .values({
      outgoingId,
      incomingId,
      action: line.action,
      actorId: actor?.principal.id ?? null,
      actorName,
      note: line.note ?? null,
      at,
    })
    .execute();
  await recordAudit(trx, {
    actorType: actor ? (actor.principal.kind === 'api_key' ? 'api_key' : 'user') : 'system',
    actorId: actor?.principal.id ?? null,
    action: `documents.${line.action}`,
    recordType: outgoingId ? 'document_outgoing' : 'document_incoming',
    recordId: outgoingId ?? incomingId,
    ip: actor?.request.ip ?? null,
    requestId: actor?.request.requestId ?? null,
    details: line.details,
  });
}
