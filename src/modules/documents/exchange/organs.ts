/** Agencies of this platform as edXML organs, and the dates packets carry. */
import type { Organ } from '../edxml';
import type { ExchangeDb, ExchangeTrx } from './exchange-db';

export interface LocalOrgan {
  agencyId: string;
  organ: Organ;
}

/** The agency as an organ; its parent, if any, as the organisation in charge. */
export async function agencyOrgan(
  db: ExchangeDb | ExchangeTrx,
  agencyId: string,
): Promise<LocalOrgan> {
  const row = await db
    .selectFrom('agency as a')
    .leftJoin('agency as p', 'p.id', 'a.parentId')
    .select(['a.id', 'a.code', 'a.name', 'p.name as parentName'])
    .where('a.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return {
    agencyId: row.id,
    organ: {
      organId: row.code,
      organName: row.name,
      ...(row.parentName ? { organizationInCharge: row.parentName } : {}),
    },
  };
}

/** The axis id of a document: `OrganId,yyyy/MM/dd,Number/Notation`. */
export function documentIdOf(organId: string, promulgatedOn: string, notation: string): string {
  return `${organId},${promulgatedOn.replaceAll('-', '/')},${notation}`;
}
