/**
 * An agency's registers (sổ văn bản). Decree 30 lets an agency keep several (one for
 * decisions, one for the rest…); every agency has at least its default outgoing register
 * `VBDI` and incoming register `VBDEN`, opened the first time they are needed.
 */
import type { DocumentsTrx } from './documents-db';
import { documentErrors } from './documents.errors';
import type { RegisterDirection } from './documents.tables';

const DEFAULTS: Record<RegisterDirection, { code: string; name: string }> = {
  outgoing: { code: 'VBDI', name: 'Sổ đăng ký văn bản đi' },
  incoming: { code: 'VBDEN', name: 'Sổ đăng ký văn bản đến' },
};

/** The register to number in: the one asked for (it must be the agency's, open, of that direction) or the default. */
export async function registerFor(
  trx: DocumentsTrx,
  agencyId: string,
  direction: RegisterDirection,
  registerId?: string,
): Promise<string> {
  if (registerId) {
    const chosen = await trx
      .selectFrom('documentRegister')
      .select('id')
      .where('id', '=', registerId)
      .where('agencyId', '=', agencyId)
      .where('direction', '=', direction)
      .where('retiredAt', 'is', null)
      .executeTakeFirst();
    if (!chosen) throw documentErrors.REGISTER_NOT_FOUND({ registerId });
    return chosen.id;
  }
  const defaults = DEFAULTS[direction];
  await trx
    .insertInto('documentRegister')
    .values({ agencyId, direction, code: defaults.code, name: defaults.name })
    .onConflict((oc) => oc.columns(['agencyId', 'code']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('documentRegister')
    .select('id')
    .where('agencyId', '=', agencyId)
    .where('code', '=', defaults.code)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function registersOf(trx: DocumentsTrx, agencyId: string) {
  return trx
    .selectFrom('documentRegister')
    .select(['id', 'direction', 'code', 'name', 'retiredAt'])
    .where('agencyId', '=', agencyId)
    .orderBy('direction', 'desc')
    .orderBy('code')
    .execute();
}
