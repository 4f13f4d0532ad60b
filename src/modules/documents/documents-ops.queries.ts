/**
 * Official-document KPIs for the operations center, province-wide: documents issued and
 * received today (the local day), incoming documents open and overdue with the agencies that
 * hold the most overdue ones, and the health of the exchange: packets waiting, failed, or
 * delivered without the receiver's acknowledgement (status 01) after a grace period. Counts
 * only; no document's content leaves the database.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../kernel/context';
import type { ExchangeTables } from './exchange';
import type { DocumentsTables } from './documents.tables';
import type { DocumentsOpsKpis } from './documents.schemas';
import { registerDate } from './register-number';

/** A delivered document with no 01 back after this long is "unacknowledged". */
export const ACKNOWLEDGEMENT_GRACE_MS = 10 * 60_000;
const TOP_AGENCIES = 10;
const RECENT_FAILURES = 10;

export async function documentsOpsKpis(ctx: AppContext): Promise<DocumentsOpsKpis> {
  const db = ctx.db.withTables<DocumentsTables & ExchangeTables>();
  const now = ctx.clock.now();
  const timezone = ctx.config.timezone;
  const today = registerDate(now, timezone);
  const localMidnight = sql<Date>`(${today}::date::timestamp AT TIME ZONE ${timezone})`;
  const ackDeadline = new Date(now.getTime() - ACKNOWLEDGEMENT_GRACE_MS);
  const openStatuses = ['assigned', 'processing'] as const;

  const [issued, incoming, overdueAgencies, exchange, failures] = await Promise.all([
    db
      .selectFrom('documentOutgoing')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('issuedAt', '>=', localMidnight)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('documentIncoming')
      .select([
        sql<number>`count(*) FILTER (WHERE received_at >= ${localMidnight})::int`.as('today'),
        sql<number>`count(*) FILTER (WHERE status IN ('received', 'registered', 'assigned', 'processing'))::int`.as(
          'open',
        ),
        sql<number>`count(*) FILTER (WHERE status IN ('assigned', 'processing') AND handling_deadline < ${today}::date)::int`.as(
          'overdue',
        ),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('documentIncoming as d')
      .innerJoin('agency as a', 'a.id', 'd.agencyId')
      .select(['a.id', 'a.code', 'a.name', sql<number>`count(*)::int`.as('overdue')])
      .where('d.status', 'in', [...openStatuses])
      .where(sql<boolean>`d.handling_deadline < ${today}::date`)
      .groupBy(['a.id', 'a.code', 'a.name'])
      .orderBy('overdue', 'desc')
      .orderBy('a.code')
      .limit(TOP_AGENCIES)
      .execute(),
    db
      .selectFrom('exchangePackage')
      .select([
        sql<number>`count(*) FILTER (WHERE state = 'queued')::int`.as('queued'),
        sql<number>`count(*) FILTER (WHERE state = 'failed')::int`.as('failed'),
        sql<number>`count(*) FILTER (WHERE state = 'delivered' AND kind = 'document' AND acknowledged_at IS NULL AND delivered_at < ${ackDeadline})::int`.as(
          'unacknowledged',
        ),
        sql<number>`count(*) FILTER (WHERE state = 'delivered' AND delivered_at >= ${localMidnight})::int`.as(
          'deliveredToday',
        ),
        sql<number>`count(*) FILTER (WHERE direction = 'in' AND state = 'rejected' AND created_at >= ${localMidnight})::int`.as(
          'rejectedToday',
        ),
        sql<Date | null>`min(created_at) FILTER (WHERE state = 'queued')`.as('oldestQueuedAt'),
      ])
      .where('direction', 'in', ['out', 'in'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('exchangePackage')
      .select(['toOrgan', 'kind', 'errorCode', 'attempts', 'lastAttemptAt'])
      .where('direction', '=', 'out')
      .where('state', '=', 'failed')
      .orderBy('lastAttemptAt', 'desc')
      .limit(RECENT_FAILURES)
      .execute(),
  ]);
  return {
    issuedToday: issued.n,
    receivedToday: incoming.today,
    openIncoming: incoming.open,
    overdueIncoming: incoming.overdue,
    overdueByAgency: overdueAgencies.map(({ id, code, name, overdue }) => ({
      agencyId: id,
      code,
      name,
      overdue,
    })),
    exchange: {
      queued: exchange.queued,
      failed: exchange.failed,
      unacknowledged: exchange.unacknowledged,
      deliveredToday: exchange.deliveredToday,
      rejectedToday: exchange.rejectedToday,
      oldestQueuedAt: exchange.oldestQueuedAt ? new Date(exchange.oldestQueuedAt) : null,
      recentFailures: failures.map((failure) => ({
        toOrgan: failure.toOrgan,
        kind: failure.kind,
        errorCode: failure.errorCode,
        attempts: failure.attempts,
        lastAttemptAt: failure.lastAttemptAt,
      })),
    },
  };
}
