/**
 * The one way a dossier's story is written: a line of its history (the timeline the applicant
 * and the desk see), a line of the audit log, and the dossier's synchronisation record for
 * the National Public Service Portal queued in the outbox, all in the caller's transaction.
 */
import { recordAudit } from '../../../kernel/audit';
import { actorNameOf, type Principal, type RequestInfo } from '../../../kernel/auth';
import type { DossierStatus } from '../dossiers.tables';
import type { DossiersTrx } from '../dossiers-db';
import { queueNationalRecord } from '../sync';

/** The national portal's records are on Vietnam's wall clock, whatever the platform's zone. */
const NATIONAL_TIMEZONE = 'Asia/Ho_Chi_Minh';

export interface DossierActor {
  principal: Principal;
  request: RequestInfo;
}

export interface DossierHistoryLine {
  dossierId: string;
  action: string;
  status?: DossierStatus | null;
  agencyId?: string | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

export async function writeDossierHistory(
  trx: DossiersTrx,
  actor: DossierActor | null,
  at: Date,
  line: DossierHistoryLine,
): Promise<void> {
  const actorName = actor ? await actorNameOf(trx, actor.principal) : null;
  await trx
    .insertInto('dossierHistory')
    .values({
      dossierId: line.dossierId,
      at,
      action: line.action,
      status: line.status ?? null,
      agencyId: line.agencyId ?? null,
      actorId: actor?.principal.id ?? null,
      actorName,
      note: line.note ?? null,
      details: JSON.stringify(line.details ?? {}),
    })
    .execute();
  await recordAudit(trx, {
    actorType: actor ? (actor.principal.kind === 'api_key' ? 'api_key' : 'user') : 'system',
    actorId: actor?.principal.id ?? null,
    action: `dossiers.${line.action}`,
    recordType: 'dossier',
    recordId: line.dossierId,
    ip: actor?.request.ip ?? null,
    requestId: actor?.request.requestId ?? null,
    details: line.details,
  });
  await queueNationalRecord(trx, line.dossierId, NATIONAL_TIMEZONE);
}
