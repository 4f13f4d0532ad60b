/**
 * Dossier codes in the national format `{receiving agency code}-{yyMMdd}-{NNNN}`: numbers
 * run per receiving agency per day in Vietnam, from 0001, four digits or more. The counter
 * row is incremented in the submitting transaction: no code is given twice, and a
 * submission that fails gives its number back.
 */
import { sql } from 'kysely';
import { localDateIn } from '../../../kernel/calendar';
import type { DossiersTrx } from '../dossiers-db';

export function formatDossierCode(agencyCode: string, day: string, number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new Error(`bad dossier number ${number}`);
  const yyMMdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${agencyCode}-${yyMMdd}-${String(number).padStart(4, '0')}`;
}

/** Takes the next code of `agency` for the day of `at`. Call inside the submitting transaction. */
export async function takeDossierCode(
  trx: DossiersTrx,
  agency: { id: string; code: string },
  at: Date,
  timeZone: string,
): Promise<string> {
  const day = localDateIn(at, timeZone);
  const row = await trx
    .insertInto('dossierCounter')
    .values({ agencyId: agency.id, day, lastNumber: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agencyId', 'day'])
        .doUpdateSet({ lastNumber: sql`dossier_counter.last_number + 1` }),
    )
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return formatDossierCode(agency.code, day, row.lastNumber);
}
