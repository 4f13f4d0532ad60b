/** The operations-center summary: live counters of people, agencies and audited activity. */
import type { AppContext } from '../../kernel/context';
import { localDayBounds } from './local-day';
import {
  countActiveAgencies,
  countActiveUsersByType,
  countAuditEventsByLocalHour,
} from './ops.queries';
import type { OpsSummary, PublicConfig } from './ops.schemas';

/**
 * The province this installation serves. Quảng Ninh's code in the national list of
 * administrative units is 22; another province changes these two values and its data.
 */
export const PROVINCE = { code: '22', name: 'Tỉnh Quảng Ninh' } as const;

export function publicConfig(ctx: AppContext): PublicConfig {
  return {
    mapTileUrl: ctx.config.mapTileUrl === '' ? null : ctx.config.mapTileUrl,
    provinceName: PROVINCE.name,
    provinceCode: PROVINCE.code,
    defaultLocale: 'vi',
  };
}

export async function getOpsSummary(ctx: AppContext): Promise<OpsSummary> {
  const now = ctx.clock.now();
  const today = localDayBounds(now, ctx.config.timezone);
  const [users, agencies, auditEventsByHour] = await Promise.all([
    countActiveUsersByType(ctx.db),
    countActiveAgencies(ctx.db),
    countAuditEventsByLocalHour(ctx.db, today, ctx.config.timezone),
  ]);
  return {
    users,
    agencies,
    auditEventsToday: auditEventsByHour.reduce((sum, n) => sum + n, 0),
    auditEventsByHour,
    generatedAt: now.toISOString(),
  };
}
