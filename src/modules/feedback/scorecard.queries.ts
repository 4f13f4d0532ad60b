/**
 * The public agency scorecard: per agency, the reports filed in a window, how many were
 * answered and how many on time, the mean working time to answer, citizen satisfaction, and
 * what is open and overdue now. One SQL pass aggregates per agency (carrying the filing and
 * answer instants of answered reports as two parallel arrays); the working-time arithmetic,
 * which needs the holiday calendar, runs on those arrays in memory.
 */
import { sql } from 'kysely';
import type { WorkingCalendar } from '../../kernel/calendar';
import type { FeedbackDb } from './feedback-db';
import type { AgencyScore, Scorecard } from './stats.schemas';

const MS_PER_HOUR = 3_600_000;

interface AgencyRow {
  agencyId: string;
  code: string;
  name: string;
  nameEn: string | null;
  received: number;
  answered: number;
  answeredOnTime: number;
  rated: number;
  satisfied: number;
  openNow: number;
  overdueNow: number;
  /** Epoch milliseconds, in the same order as `answeredMs`. */
  submittedMs: Array<number | string> | null;
  answeredMs: Array<number | string> | null;
}

async function agencyRows(
  db: FeedbackDb,
  window: { from: Date; to: Date },
  now: Date,
): Promise<AgencyRow[]> {
  // A duplicate is folded into its original, so it is neither received nor answered twice.
  const inWindow = sql`r.submitted_at >= ${window.from} AND r.submitted_at < ${window.to} AND r.status <> 'duplicate'`;
  const answered = sql`r.status IN ('resolved', 'rejected') AND r.answered_at IS NOT NULL`;
  const open = sql`r.status IN ('new', 'received', 'in_progress')`;
  const result = await sql<AgencyRow>`
    SELECT a.id AS agency_id, a.code, a.name, a.name_en,
      count(*) FILTER (WHERE ${inWindow})::int AS received,
      count(*) FILTER (WHERE ${inWindow} AND ${answered})::int AS answered,
      count(*) FILTER (WHERE ${inWindow} AND ${answered} AND r.answered_at <= r.deadline_at)::int
        AS answered_on_time,
      count(*) FILTER (WHERE ${inWindow} AND r.rating IS NOT NULL)::int AS rated,
      count(*) FILTER (WHERE ${inWindow} AND r.rating = 'satisfied')::int AS satisfied,
      count(*) FILTER (WHERE ${open})::int AS open_now,
      count(*) FILTER (WHERE ${open} AND r.deadline_at < ${now})::int AS overdue_now,
      array_agg((extract(epoch FROM r.submitted_at) * 1000)::float8 ORDER BY r.id)
        FILTER (WHERE ${inWindow} AND ${answered}) AS submitted_ms,
      array_agg((extract(epoch FROM r.answered_at) * 1000)::float8 ORDER BY r.id)
        FILTER (WHERE ${inWindow} AND ${answered}) AS answered_ms
    FROM feedback_report r
    JOIN agency a ON a.id = r.agency_id
    WHERE (r.submitted_at >= ${window.from} AND r.submitted_at < ${window.to}) OR ${open}
    GROUP BY a.id, a.code, a.name, a.name_en`.execute(db);
  return result.rows;
}

const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

function answerWorkingMs(calendar: WorkingCalendar, row: AgencyRow): number {
  const submitted = row.submittedMs ?? [];
  const answeredAt = row.answeredMs ?? [];
  let total = 0;
  for (let i = 0; i < submitted.length; i += 1) {
    const start = Number(submitted[i]);
    // Seed data or clock skew may put an answer before the filing; it counts as no time.
    const end = Math.max(start, Number(answeredAt[i]));
    total += calendar.workingTimeBetween(new Date(start), new Date(end));
  }
  return total;
}

interface Tally {
  received: number;
  answered: number;
  answeredOnTime: number;
  rated: number;
  satisfied: number;
  openNow: number;
  overdueNow: number;
  answerWorkingMs: number;
}

function scoreOf(tally: Tally): Omit<AgencyScore, 'agency'> {
  return {
    received: tally.received,
    answered: tally.answered,
    answeredOnTime: tally.answeredOnTime,
    onTimeRate: ratio(tally.answeredOnTime, tally.answered),
    averageAnswerWorkingHours:
      tally.answered === 0
        ? null
        : Math.round((tally.answerWorkingMs / tally.answered / MS_PER_HOUR) * 100) / 100,
    satisfactionRate: ratio(tally.satisfied, tally.rated),
    rated: tally.rated,
    openNow: tally.openNow,
    overdueNow: tally.overdueNow,
  };
}

function byRank(a: AgencyScore, b: AgencyScore): number {
  const rate = (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1);
  if (rate !== 0) return rate;
  if (b.answered !== a.answered) return b.answered - a.answered;
  return a.agency.name.localeCompare(b.agency.name, 'vi');
}

export async function agencyScorecard(
  db: FeedbackDb,
  calendar: WorkingCalendar,
  window: { from: Date; to: Date },
  now: Date,
): Promise<Scorecard> {
  const rows = await agencyRows(db, window, now);
  const totals: Tally = {
    received: 0,
    answered: 0,
    answeredOnTime: 0,
    rated: 0,
    satisfied: 0,
    openNow: 0,
    overdueNow: 0,
    answerWorkingMs: 0,
  };
  const agencies = rows.map((row): AgencyScore => {
    const tally: Tally = {
      received: row.received,
      answered: row.answered,
      answeredOnTime: row.answeredOnTime,
      rated: row.rated,
      satisfied: row.satisfied,
      openNow: row.openNow,
      overdueNow: row.overdueNow,
      answerWorkingMs: answerWorkingMs(calendar, row),
    };
    for (const key of Object.keys(totals) as Array<keyof Tally>) totals[key] += tally[key];
    return {
      agency: { id: row.agencyId, code: row.code, name: row.name, nameEn: row.nameEn },
      ...scoreOf(tally),
    };
  });
  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    agencies: agencies.sort(byRank),
    totals: scoreOf(totals),
  };
}
