/**
 * Every change of a dossier queues its synchronisation record in the outbox, in the
 * transaction of the change: a connector to the National Public Service Portal subscribes to
 * `dossiers.national_record` (kernel/events: at least once, in order per dossier, retried)
 * and sends it on. The record is whole each time, so the portal keeps the latest.
 */
import { publish } from '../../../kernel/events';
import type { DossiersTrx } from '../dossiers-db';
import { nationalRecordOf } from './national-record';

export const NATIONAL_RECORD_EVENT = 'dossiers.national_record';

export async function queueNationalRecord(
  trx: DossiersTrx,
  dossierId: string,
  timezone: string,
): Promise<void> {
  await publish(trx, {
    type: NATIONAL_RECORD_EVENT,
    aggregateId: dossierId,
    payload: await nationalRecordOf(trx, dossierId, timezone),
  });
}
