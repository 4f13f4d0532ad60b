/**
 * Numbers in a register (Decree 30/2020, Article 15 and Appendix I): each register counts
 * from 01 every calendar year, in Vietnam's calendar, with no number given twice and none
 * skipped. The counter row is incremented inside the caller's transaction, so the number and
 * the registration commit or roll back together.
 */
import { sql } from 'kysely';
import { localDateIn } from '../../kernel/calendar';
import type { DocumentsDb, DocumentsTrx } from './documents-db';

/** The calendar year of an instant in the platform's time zone. */
export function registerYear(at: Date, timeZone: string): number {
  return Number(registerDate(at, timeZone).slice(0, 4));
}

/** The calendar date (`YYYY-MM-DD`) of an instant in the platform's time zone. */
export function registerDate(at: Date, timeZone: string): string {
  return localDateIn(at, timeZone);
}

/** Takes the next number of `registerId` for `year`. Call inside the registering transaction. */
export async function takeRegisterNumber(
  trx: DocumentsTrx | DocumentsDb,
  registerId: string,
  year: number,
): Promise<number> {
  const row = await trx
    .insertInto('documentRegisterCounter')
    .values({ registerId, year, lastNumber: 1 })
    .onConflict((oc) =>
      oc
        .columns(['registerId', 'year'])
        .doUpdateSet({ lastNumber: sql`document_register_counter.last_number + 1` }),
    )
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return row.lastNumber;
}

/** Decree 30 writes numbers below 10 with a leading zero: 01 … 09, 10, 11 … */
export function formatDocumentNumber(number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new Error(`bad document number ${number}`);
  return number < 10 ? `0${number}` : String(number);
}
