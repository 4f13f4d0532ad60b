/**
 * The live figures of the operations center about dossiers, beside the index: the dossiers
 * due today (the province's day) and still open, and the open dossiers already late, by
 * agency. Both read only open dossiers, through the partial index of the reporting
 * migration, so they are answered fresh on every request.
 */
import { sql } from 'kysely';
import type { DossiersDb } from '../dossiers-db';
import { agencyFilter, OPEN_STATUSES } from './index-counts.queries';

const open = sql.join(OPEN_STATUSES.map((status) => sql`${status}`));

export interface DueDossier {
  code: string;
  procedureCode: string;
  agencyId: string;
  dueAt: Date;
  status: (typeof OPEN_STATUSES)[number];
}

/**
 * Open dossiers whose appointment falls in [dayStart, dayEnd), soonest first, at most
 * `limit` of them, and how many there are in all. A dossier waiting for the applicant's
 * documents is left out: its appointment moves when they come.
 */
export async function dossiersDueBetween(
  db: DossiersDb,
  window: { dayStart: Date; dayEnd: Date; agencyIds: readonly string[] | null; limit: number },
): Promise<{ total: number; items: DueDossier[] }> {
  const where = sql`
    d.finished_at IS NULL AND d.status IN (${open}) AND d.paused_at IS NULL
    AND d.due_at >= ${window.dayStart} AND d.due_at < ${window.dayEnd}
    ${agencyFilter(sql`d.receiving_agency_id`, window.agencyIds)}`;
  const [total, items] = await Promise.all([
    sql<{ n: string }>`SELECT count(*) AS n FROM dossier d WHERE ${where}`.execute(db),
    sql<DueDossier>`
      SELECT d.code, d.procedure_code, d.receiving_agency_id AS agency_id, d.due_at, d.status
      FROM dossier d WHERE ${where}
      ORDER BY d.due_at, d.code
      LIMIT ${window.limit}`.execute(db),
  ]);
  return { total: Number(total.rows[0]?.n ?? 0), items: items.rows };
}

/** Open dossiers past their first appointment at `now`, counted by receiving agency. */
export async function lateOpenByAgency(
  db: DossiersDb,
  window: { now: Date; agencyIds: readonly string[] | null },
): Promise<Array<{ agencyId: string; count: number }>> {
  const result = await sql<{ agencyId: string; n: string }>`
    SELECT d.receiving_agency_id AS agency_id, count(*) AS n
    FROM dossier d
    LEFT JOIN (SELECT dossier_id, min(previous_due_at) AS first_due
               FROM dossier_apology GROUP BY dossier_id) a ON a.dossier_id = d.id
    WHERE d.finished_at IS NULL AND d.status IN (${open}) AND d.paused_at IS NULL
      AND coalesce(a.first_due, d.due_at) < ${window.now}
      ${agencyFilter(sql`d.receiving_agency_id`, window.agencyIds)}
    GROUP BY d.receiving_agency_id`.execute(db);
  return result.rows.map((row) => ({ agencyId: row.agencyId, count: Number(row.n) }));
}
