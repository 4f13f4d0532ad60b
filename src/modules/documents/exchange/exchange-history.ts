/**
 * The exchange's lines in a document's story: a history line for the people who handle the
 * document and an audit line for those who check them, in the caller's transaction. Most
 * exchange events have no person behind them (a packet arrived, a status came back): their
 * actor is the platform, and the audit line says which key or peer was involved.
 */
import { recordAudit } from '../../../kernel/audit';
import { actorNameOf, type Principal } from '../../../kernel/auth';
import type { ExchangeTrx } from './exchange-db';

/** A person or machine acting through the API: the principal and the request's facts. */
export interface ExchangeActor {
  principal: Principal;
  request: { ip: string | null; requestId: string | null };
}

export interface ExchangeHistoryLine {
  document: { outgoingId: string } | { incomingId: string };
  /** `exchange_<what>`; the audit action is `documents.<action>`. */
  action: string;
  note?: string | null;
  details?: Record<string, unknown>;
}

export async function writeExchangeHistory(
  trx: ExchangeTrx,
  actor: ExchangeActor | null,
  at: Date,
  line: ExchangeHistoryLine,
): Promise<void> {
  const outgoingId = 'outgoingId' in line.document ? line.document.outgoingId : null;
  const incomingId = 'incomingId' in line.document ? line.document.incomingId : null;
  const actorName = actor ? await actorNameOf(trx, actor.principal) : null;
  await trx
    .insertInto('documentHistory')
    .values({
      outgoingId,
      incomingId,
      action: line.action,
      actorId: actor?.principal.kind === 'user' ? actor.principal.id : null,
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
