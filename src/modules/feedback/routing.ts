/**
 * Which agency answers a report. The agency responsible for a report of a category in a
 * commune is:
 * 1. the routing-matrix cell (feedback_routing) of that category and commune, when an
 *    administrator set one;
 * 2. otherwise, for a category of default level `commune`, the People's Committee serving
 *    the commune;
 * 3. otherwise the category's default agency (always set for level `province`);
 * 4. and when filing a report that none of these places (a commune nobody serves), the
 *    root of the agency tree, so a report is never lost.
 * The rule is one SQL expression, so the seed's routing matrix, a single lookup and the
 * placement of a new report all apply exactly the same rule.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { FeedbackDb } from './feedback-db';
import { communeAtSql } from '../../kernel/geo/geo.queries';
import { sqlTemplate } from '../../kernel/db/sql-template';

/**
 * The active People's Committee serving a commune-level unit (agency_commune), as a scalar
 * subquery; the lowest agency code wins should two serve it.
 */
export function communeCommitteeSql(communeCode: Expression<string>): RawBuilder<string | null> {
  return sql<string | null>`(
    SELECT a.id FROM agency_commune ac
    JOIN agency a ON a.id = ac.agency_id
    WHERE ac.commune_code = ${communeCode} AND a.kind = 'commune_committee' AND a.active
    ORDER BY a.code LIMIT 1
  )`;
}

/**
 * Rules 1–3 as one SQL expression over the category and commune (columns or values); null
 * when none applies. Use: `responsibleAgencySql(sql.ref('r.category_code'),
 * sql.ref('r.commune_code'))`, or with values, `responsibleAgencySql(sql.val(code),
 * sql.val(commune))`.
 */
export function responsibleAgencySql(
  categoryCode: Expression<string>,
  communeCode: Expression<string>,
): RawBuilder<string | null> {
  return sql<string | null>`coalesce(
    (SELECT fr.agency_id FROM feedback_routing fr
      WHERE fr.category_code = ${categoryCode} AND fr.commune_code = ${communeCode}),
    (SELECT ${communeCommitteeSql(communeCode)} FROM feedback_category fc
      WHERE fc.code = ${categoryCode} AND fc.default_level = 'commune'),
    (SELECT fc.default_agency_id FROM feedback_category fc WHERE fc.code = ${categoryCode})
  )`;
}

/** Rule 4: the root of the agency tree. */
const ROOT_AGENCY_SQL = sql<string>`(
  SELECT a.id FROM agency a WHERE a.parent_id IS NULL AND a.active ORDER BY a.code LIMIT 1
)`;

/** The agency rules 1–3 name for the category in the commune, or null. */
export async function responsibleAgencyId(
  db: FeedbackDb,
  categoryCode: string,
  communeCode: string,
): Promise<string | null> {
  const result = await sql<{ agencyId: string | null }>`
    SELECT ${responsibleAgencySql(sql.val(categoryCode), sql.val(communeCode))} AS agency_id
  `.execute(db);
  return result.rows[0]?.agencyId ?? null;
}

/** Where a new report belongs: its commune and the agency that answers it. */
export interface Placement {
  communeCode: string;
  communeName: string;
  agencyId: string;
  agencyName: string;
}

/**
 * The commune containing the point (as the kernel's locator finds it: the lowest code on a
 * border) and the agency responsible for the category there, as a query of one row, or of
 * none outside every commune. The statement that files a report runs it (`placed` in
 * report-submission.ts), so the placement and the write see the same routing.
 */
function placementSql(categoryCode: Expression<string>, lat: number, lon: number) {
  return sql<Placement>`
    WITH point AS (SELECT ${lon}::float8 AS lon, ${lat}::float8 AS lat),
    m AS (
      SELECT c.code, c.full_name FROM admin_commune c, point
      WHERE c.code = ${sql.raw(communeAtSql('point.lon', 'point.lat'))}
    ), routed AS (
      SELECT m.code, m.full_name, coalesce(
        ${responsibleAgencySql(categoryCode, sql.ref<string>('m.code'))}, ${ROOT_AGENCY_SQL}
      ) AS agency_id FROM m
    )
    SELECT r.code AS commune_code, r.full_name AS commune_name,
           a.id AS agency_id, a.name AS agency_name
    FROM routed r JOIN agency a ON a.id = r.agency_id`;
}

/** `placementSql` for a category code and a point, compiled once (kernel/db/sql-template). */
export const placementQuery = sqlTemplate(
  (report: { categoryCode: string; lat: number; lon: number }) =>
    placementSql(sql.val(report.categoryCode), report.lat, report.lon),
);
