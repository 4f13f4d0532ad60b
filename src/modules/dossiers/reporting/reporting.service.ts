/**
 * The service-quality index and the operations figures as a leader or the operations center
 * sees them: the reach is the agency subtrees of the person's grants of `dossiers.report`
 * (a grant on the provincial People's Committee reaches the whole province), optionally
 * narrowed to one agency's subtree; the period is a month, a quarter or a year in Vietnam.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../../../kernel/context';
import { permissionScope, type Principal } from '../../../kernel/auth';
import { localDateIn, zonedClock } from '../../../kernel/calendar';
import { httpErrors } from '../../../kernel/errors/common.errors';
import { dossiersDb } from '../dossiers-db';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { cachedFigures, type Cached } from './index-cache';
import { indexCounts, type AgencyCounts } from './index-counts.queries';
import {
  computeIndex,
  shareOf,
  sumCounts,
  type IndexCounts,
  type IndexResult,
} from './index-formulas';
import { dossiersDueBetween, lateOpenByAgency } from './ops-figures.queries';
import { lastMonthOf, monthAt, monthsEndingWith, parsePeriod, type ReportPeriod } from './period';
import { reportingErrors } from './reporting.errors';

/** The trend covers this many months, ending with the period's last (or the current) month. */
export const TREND_MONTHS = 12;
/** The list of dossiers due today is cut here; the total says how many there are. */
export const DUE_TODAY_LIMIT = 100;

export interface ReportScope {
  /** province: every agency; agency: one agency's subtree; reach: the person's subtrees. */
  kind: 'province' | 'agency' | 'reach';
  /** The receiving agencies counted; null for every agency of the province. */
  agencyIds: string[] | null;
  /** The agency the figures are about, when there is one. */
  agency: AgencyRef | null;
  /** Identifies the scope in the cache. */
  key: string;
}

export interface AgencyRef {
  code: string;
  name: string;
}

/** The period a request names (the current month by default), checked. */
export function reportPeriod(ctx: AppContext, key: string | undefined): ReportPeriod {
  const now = ctx.clock.now();
  const timeZone = ctx.config.timezone;
  if (key === undefined) return monthAt(now, timeZone);
  const period = parsePeriod(key, timeZone);
  if (!period) throw reportingErrors.REPORTING_PERIOD_INVALID({ period: key });
  if (period.from.getTime() > now.getTime()) {
    throw reportingErrors.REPORTING_PERIOD_NOT_STARTED({ period: period.key });
  }
  return period;
}

/** Where the principal may look, narrowed to `agencyCode`'s subtree when one is given. */
export async function reportScope(
  ctx: AppContext,
  principal: Principal,
  agencyCode: string | undefined,
): Promise<ReportScope> {
  const reach = await permissionScope(ctx, principal, DOSSIER_PERMISSIONS.report);
  if (reach.agencyIds.length === 0) {
    throw httpErrors.FORBIDDEN({ permission: DOSSIER_PERMISSIONS.report });
  }
  const db = dossiersDb(ctx);
  if (agencyCode !== undefined) {
    const agency = await db
      .selectFrom('agency')
      .select(['id', 'code', 'name', 'path', 'parentId'])
      .where('code', '=', agencyCode)
      .executeTakeFirst();
    // Outside the reach the agency does not exist for this person, as records do not.
    if (!agency || !reach.agencyIds.includes(agency.id)) {
      throw reportingErrors.REPORTING_AGENCY_NOT_FOUND({ agency: agencyCode });
    }
    const ref = { code: agency.code, name: agency.name };
    const subtree = await db
      .selectFrom('agency')
      .select('id')
      .where('path', 'like', `${agency.path}%`)
      .execute();
    const ids = subtree.map((row) => row.id);
    if (agency.parentId === null) return provinceScope(ctx, ids, ref);
    return { kind: 'agency', agencyIds: ids, agency: ref, key: scopeKey(ids) };
  }
  if (reach.includesUnassigned) {
    const root = await db
      .selectFrom('agency')
      .select(['code', 'name'])
      .where('id', 'in', reach.agencyIds)
      .where('parentId', 'is', null)
      .orderBy('code')
      .executeTakeFirst();
    return provinceScope(ctx, reach.agencyIds, root ?? null);
  }
  const granted = [
    ...new Set(
      (
        principal.grants ??
        (principal.agencyId
          ? [{ agencyId: principal.agencyId, permissions: principal.permissions }]
          : [])
      )
        .filter((grant) => grant.permissions.has(DOSSIER_PERMISSIONS.report))
        .map((grant) => grant.agencyId),
    ),
  ];
  const single =
    granted.length === 1
      ? await db
          .selectFrom('agency')
          .select(['code', 'name'])
          .where('id', '=', granted[0]!)
          .executeTakeFirst()
      : undefined;
  return {
    kind: 'reach',
    agencyIds: reach.agencyIds,
    agency: single ?? null,
    key: scopeKey(reach.agencyIds),
  };
}

/**
 * The province's whole tree. When it is every agency on the platform (one province per
 * deployment) the counts need no agency filter at all, which is what makes the province's
 * year fast; otherwise they are filtered to the tree like any other reach.
 */
async function provinceScope(
  ctx: AppContext,
  agencyIds: string[],
  agency: AgencyRef | null,
): Promise<ReportScope> {
  const all = await dossiersDb(ctx)
    .selectFrom('agency')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(all.n) === agencyIds.length
    ? { kind: 'province', agencyIds: null, agency, key: 'province' }
    : { kind: 'province', agencyIds, agency, key: scopeKey(agencyIds) };
}

function scopeKey(agencyIds: readonly string[]): string {
  return createHash('sha256')
    .update([...agencyIds].sort().join(','))
    .digest('base64url');
}

/** The counts of every agency of the scope for the period, from the cache when fresh. */
export function periodCounts(
  ctx: AppContext,
  scope: ReportScope,
  period: ReportPeriod,
): Promise<Cached<AgencyCounts[]>> {
  return cachedFigures(ctx, `${period.key}|${scope.key}`, () => {
    const now = ctx.clock.now();
    return indexCounts(dossiersDb(ctx), {
      from: period.from,
      to: period.to,
      cutoff: now.getTime() < period.to.getTime() ? now : period.to,
      agencyIds: scope.agencyIds,
    });
  });
}

async function agencyRefs(
  ctx: AppContext,
  ids: readonly string[],
): Promise<Map<string, AgencyRef>> {
  if (ids.length === 0) return new Map();
  const rows = await dossiersDb(ctx)
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
}

function onTimeRate(index: IndexResult): number | null {
  for (const group of index.groups) {
    for (const indicator of group.indicators)
      if (indicator.code === 'on_time') return indicator.value;
  }
  return null;
}

const periodView = (period: ReportPeriod) => ({
  key: period.key,
  kind: period.kind,
  from: period.from,
  to: period.to,
});

const scopeView = (scope: ReportScope, counted: number) => ({
  kind: scope.kind,
  agency: scope.agency,
  agencies: counted,
});

/** GET /dossiers/index: the index of the scope, its groups and indicators, and each agency's. */
export async function dossierIndexView(
  ctx: AppContext,
  principal: Principal,
  query: { period?: string; agency?: string },
) {
  const period = reportPeriod(ctx, query.period);
  const scope = await reportScope(ctx, principal, query.agency);
  const { value: rows, computedAt } = await periodCounts(ctx, scope, period);
  const names = await agencyRefs(
    ctx,
    rows.map((row) => row.agencyId),
  );
  const agencies = rows
    .filter((row) => names.has(row.agencyId))
    .map((row) => {
      const index = computeIndex(row, period.year);
      return {
        agency: names.get(row.agencyId)!,
        points: index.points,
        measuredMax: index.measuredMax,
        score: index.score,
        onTimeRate: onTimeRate(index),
      };
    })
    .sort(
      (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.agency.code.localeCompare(b.agency.code),
    );
  return {
    period: periodView(period),
    scope: scopeView(scope, rows.length),
    computedAt,
    ...computeIndex(sumCounts(rows), period.year),
    agencies,
  };
}

/**
 * The months of a trend one after the other: each month's counts already use several of the
 * pool's connections, and past months come from the cache after the first request.
 */
async function monthlyCounts(
  ctx: AppContext,
  scope: ReportScope,
  months: readonly ReportPeriod[],
): Promise<Array<Cached<AgencyCounts[]>>> {
  const counts: Array<Cached<AgencyCounts[]>> = [];
  for (const month of months) counts.push(await periodCounts(ctx, scope, month));
  return counts;
}

/** GET /dossiers/ops: on-time rates, today's appointments, late dossiers and the trend. */
export async function opsFiguresView(
  ctx: AppContext,
  principal: Principal,
  query: { period?: string; agency?: string },
) {
  const timeZone = ctx.config.timezone;
  const period = reportPeriod(ctx, query.period);
  const scope = await reportScope(ctx, principal, query.agency);
  const now = ctx.clock.now();
  const db = dossiersDb(ctx);

  const clock = zonedClock(timeZone);
  const today = clock.toWall(now.getTime()).epochDay;
  const dayStart = new Date(clock.toInstant(today, 0));
  const dayEnd = new Date(clock.toInstant(today + 1, 0));

  const current = monthAt(now, timeZone);
  const last = lastMonthOf(period, timeZone);
  const trendEnd = last.from.getTime() > current.from.getTime() ? current : last;
  const months = monthsEndingWith(trendEnd, TREND_MONTHS, timeZone);

  const [counts, due, late, trendCounts] = await Promise.all([
    periodCounts(ctx, scope, period),
    dossiersDueBetween(db, {
      dayStart,
      dayEnd,
      agencyIds: scope.agencyIds,
      limit: DUE_TODAY_LIMIT,
    }),
    lateOpenByAgency(db, { now, agencyIds: scope.agencyIds }),
    monthlyCounts(ctx, scope, months),
  ]);
  const names = await agencyRefs(ctx, [
    ...counts.value.map((row) => row.agencyId),
    ...due.items.map((item) => item.agencyId),
    ...late.map((row) => row.agencyId),
  ]);
  const named = <T extends { agencyId: string }>(rows: readonly T[]) =>
    rows.filter((row) => names.has(row.agencyId));

  return {
    period: periodView(period),
    scope: scopeView(scope, counts.value.length),
    computedAt: counts.computedAt,
    now,
    onTime: named(counts.value)
      .map((row) => ({
        agency: names.get(row.agencyId)!,
        resolved: row.resolved,
        resolvedOnTime: row.resolvedOnTime,
        openLate: row.openLate,
        rate: shareOf(row.resolvedOnTime, row.resolved + row.openLate),
      }))
      .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.agency.code.localeCompare(b.agency.code)),
    dueToday: {
      date: localDateIn(now, timeZone),
      total: due.total,
      items: named(due.items).map((item) => ({
        code: item.code,
        procedureCode: item.procedureCode,
        agency: names.get(item.agencyId)!,
        dueAt: item.dueAt,
        status: item.status,
      })),
    },
    lateOpen: {
      total: late.reduce((sum, row) => sum + row.count, 0),
      byAgency: named(late)
        .map((row) => ({ agency: names.get(row.agencyId)!, count: row.count }))
        .sort((a, b) => b.count - a.count || a.agency.code.localeCompare(b.agency.code)),
    },
    trend: months.map((month, i) => {
      const total: IndexCounts = sumCounts(trendCounts[i]!.value);
      const index = computeIndex(total, month.year);
      return {
        period: month.key,
        points: index.points,
        measuredMax: index.measuredMax,
        score: index.score,
        onTimeRate: onTimeRate(index),
      };
    }),
  };
}
