/**
 * Receipt numbers (số biên lai): one series per collecting agency per calendar year in
 * Vietnam, `{agency code}-BL{yyyy}-{NNNNNN}`, e.g. `000.00.37.H49-BL2026-000001`. The number
 * is taken in the confirming transaction under a transaction-scoped advisory lock on the
 * series, so two payments confirmed at once by different processes get consecutive numbers,
 * and a confirmation that fails gives its number back. The unique constraint on
 * (agency, year, number) backs the lock.
 */
import { sql } from 'kysely';
import { localDateIn } from '../../../kernel/calendar';
import type { DossiersTrx } from '../dossiers-db';

export interface Receipt {
  number: string;
  year: number;
  seq: number;
}

export function formatReceiptNumber(agencyCode: string, year: number, seq: number): string {
  return `${agencyCode}-BL${year}-${String(seq).padStart(6, '0')}`;
}

export async function takeReceiptNumber(
  trx: DossiersTrx,
  agencyId: string,
  at: Date,
  timeZone: string,
): Promise<Receipt> {
  const year = Number(localDateIn(at, timeZone).slice(0, 4));
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`dossier_receipt:${agencyId}:${year}`}, 0))`.execute(
    trx,
  );
  const [agency, last] = await Promise.all([
    trx.selectFrom('agency').select('code').where('id', '=', agencyId).executeTakeFirstOrThrow(),
    trx
      .selectFrom('dossierPayment')
      .select((eb) => eb.fn.max('receiptSeq').as('seq'))
      .where('agencyId', '=', agencyId)
      .where('receiptYear', '=', year)
      .executeTakeFirstOrThrow(),
  ]);
  const seq = Number(last.seq ?? 0) + 1;
  return { number: formatReceiptNumber(agency.code, year, seq), year, seq };
}
