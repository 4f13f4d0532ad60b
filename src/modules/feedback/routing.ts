/**
 * Which agency answers a report: the routing matrix cell for (category, commune) when an
 * administrator set one, else the category's default — the People's Committee of the
 * commune the point lies in, or the one provincial body named on the category.
 */
import { sql } from 'kysely';
import type { FeedbackDb } from './feedback-db';

export async function responsibleAgencyId(
  db: FeedbackDb,
  categoryCode: string,
  communeCode: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('feedbackCategory as c')
    .leftJoin('feedbackRouting as r', (join) =>
      join.onRef('r.categoryCode', '=', 'c.code').on('r.communeCode', '=', communeCode),
    )
    .select([
      'r.agencyId as routedAgencyId',
      'c.defaultLevel',
      'c.defaultAgencyId',
      sql<string | null>`(
        SELECT a.id FROM agency_commune ac JOIN agency a ON a.id = ac.agency_id
        WHERE ac.commune_code = ${communeCode} AND a.kind = 'commune_committee' AND a.active
        ORDER BY a.code LIMIT 1
      )`.as('communeAgencyId'),
    ])
    .where('c.code', '=', categoryCode)
    .executeTakeFirst();
  if (!row) return null;
  if (row.routedAgencyId) return row.routedAgencyId;
  if (row.defaultLevel === 'commune' && row.communeAgencyId) return row.communeAgencyId;
  return row.defaultAgencyId;
}
