/**
 * Counts for the operations center. The tables belong to other parts (auth's app_user, the
 * agency tree, the audit log), so these are read-only SQL over their documented columns.
 * Functions take the database or a transaction first.
 */
import { sql, type Kysely } from 'kysely';

type Reader = Kysely<any>;

export async function countActiveUsersByType(
  db: Reader,
): Promise<{ citizens: number; staff: number }> {
  const result = await sql<{ type: string; total: number }>`
    SELECT type, count(*)::int AS total FROM app_user WHERE status = 'active' GROUP BY type
  `.execute(db);
  const byType = new Map(result.rows.map((row) => [row.type, Number(row.total)]));
  return { citizens: byType.get('citizen') ?? 0, staff: byType.get('staff') ?? 0 };
}

export async function countActiveAgencies(db: Reader): Promise<number> {
  const result = await sql<{ total: number }>`
    SELECT count(*)::int AS total FROM agency WHERE active
  `.execute(db);
  return Number(result.rows[0]?.total ?? 0);
}

/**
 * Audit events in [from, to) per hour of the wall clock in `timeZone` (0–23). Bucketing by
 * local hour in SQL keeps the work in the database however many events there are.
 */
export async function countAuditEventsByLocalHour(
  db: Reader,
  range: { from: Date; to: Date },
  timeZone: string,
): Promise<number[]> {
  const result = await sql<{ hour: number; total: number }>`
    SELECT extract(hour FROM occurred_at AT TIME ZONE ${timeZone})::int AS hour,
           count(*)::int AS total
    FROM audit_event
    WHERE occurred_at >= ${range.from.toISOString()}::timestamptz
      AND occurred_at < ${range.to.toISOString()}::timestamptz
    GROUP BY 1
  `.execute(db);
  const hours = Array.from({ length: 24 }, () => 0);
  for (const row of result.rows) {
    const hour = Number(row.hour);
    if (hour >= 0 && hour < 24) hours[hour] = (hours[hour] ?? 0) + Number(row.total);
  }
  return hours;
}
