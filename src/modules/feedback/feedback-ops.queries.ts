/**
 * Citizen-report KPIs for the operations center: reports filed today (the local day of the
 * platform's time zone, not the UTC day, which starts at 07:00 in Vietnam), open and
 * overdue now, the 30-day on-time and satisfaction rates, the most reported categories, and
 * the load per commune. Each figure is one aggregate query; no report row leaves the database.
 */
import { sql } from 'kysely';
import type { FeedbackDb } from './feedback-db';
import { OPEN_STATUSES } from './feedback.tables';
import type { FeedbackOpsKpis } from './stats.schemas';

const RECENT_DAYS = 30;
const TOP_CATEGORIES = 10;

const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

export async function feedbackOpsKpis(
  db: FeedbackDb,
  now: Date,
  timezone: string,
): Promise<FeedbackOpsKpis> {
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const localMidnight = sql<Date>`(date_trunc('day', ${now}::timestamptz AT TIME ZONE ${timezone}) AT TIME ZONE ${timezone})`;
  const open = sql<boolean>`status IN ('new', 'received', 'in_progress')`;
  const answered = sql<boolean>`answered_at IS NOT NULL AND answered_at >= ${since} AND answered_at <= ${now}`;
  const rated = sql<boolean>`rating IS NOT NULL AND rated_at >= ${since} AND rated_at <= ${now}`;
  const [counts, categories, communes] = await Promise.all([
    db
      .selectFrom('feedbackReport')
      .select([
        sql<number>`count(*) FILTER (WHERE submitted_at >= ${localMidnight} AND submitted_at <= ${now})::int`.as(
          'today',
        ),
        sql<number>`count(*) FILTER (WHERE ${open})::int`.as('open'),
        sql<number>`count(*) FILTER (WHERE ${open} AND deadline_at < ${now})::int`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE ${answered})::int`.as('answered'),
        sql<number>`count(*) FILTER (WHERE ${answered} AND answered_at <= deadline_at)::int`.as(
          'onTime',
        ),
        sql<number>`count(*) FILTER (WHERE ${rated})::int`.as('rated'),
        sql<number>`count(*) FILTER (WHERE ${rated} AND rating = 'satisfied')::int`.as('satisfied'),
      ])
      // Only rows that can count: open ones, and those touched in the last 30 days.
      .where((eb) =>
        eb.or([
          eb('status', 'in', [...OPEN_STATUSES]),
          eb('submittedAt', '>=', since),
          eb('answeredAt', '>=', since),
          eb('ratedAt', '>=', since),
        ]),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('feedbackReport as r')
      .innerJoin('feedbackCategory as c', 'c.code', 'r.categoryCode')
      .select(['c.code', 'c.name', 'c.nameEn', sql<number>`count(*)::int`.as('reports')])
      .where('r.submittedAt', '>=', since)
      .where('r.submittedAt', '<=', now)
      .groupBy(['c.code', 'c.name', 'c.nameEn'])
      .orderBy('reports', 'desc')
      .orderBy('c.code')
      .limit(TOP_CATEGORIES)
      .execute(),
    // Aggregated first, then named: one join per commune, not per report.
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('feedbackReport')
          .select([
            'communeCode',
            sql<number>`count(*) FILTER (WHERE ${open})::int`.as('open'),
            sql<number>`count(*) FILTER (WHERE submitted_at >= ${since} AND submitted_at <= ${now})::int`.as(
              'reports30d',
            ),
          ])
          .where((w) =>
            w.or([w('status', 'in', [...OPEN_STATUSES]), w('submittedAt', '>=', since)]),
          )
          .groupBy('communeCode')
          .as('t'),
      )
      .innerJoin('adminCommune as m', 'm.code', 't.communeCode')
      .select(['t.communeCode as code', 'm.fullName as name', 't.open', 't.reports30d'])
      .orderBy('t.communeCode')
      .execute(),
  ]);
  return {
    reportsToday: counts.today,
    open: counts.open,
    overdue: counts.overdue,
    onTimeRate30d: ratio(counts.onTime, counts.answered),
    satisfaction30d: ratio(counts.satisfied, counts.rated),
    topCategories: categories,
    communes: communes.filter((row) => row.open > 0 || row.reports30d > 0),
    generatedAt: now.toISOString(),
  };
}
