/**
 * The map feed: public, non-hidden reports as points for the portal map and the operations
 * layer. It reads only the handful of columns a marker needs from the report table (no
 * join, no per-row subquery), so ten thousand points are one index-friendly scan.
 *
 * The answer is GeoJSON (RFC 7946) rather than a bespoke array format: MapLibre, QGIS and
 * the ops layer take it as it is, and a gzip-compressed FeatureCollection repeats its keys
 * for almost nothing, so a leaner format would save little on the wire while costing every
 * client a decoder.
 */
import type { FeedbackDb } from './feedback-db';
import { OPEN_STATUSES, type ReportStatus } from './feedback.tables';
import { isDueSoon } from './inbox.service';
import { isOverdue } from './report-views';
import type { Lateness, MapFeed } from './stats.schemas';

/** Most points in one answer; the newest reports are kept when more match. */
export const MAP_POINT_CAP = 20_000;

export interface MapFilters {
  status: 'open' | 'all';
  categoryCode?: string;
  communeCode?: string;
  from?: Date;
  to?: Date;
}

export function latenessOf(
  report: { status: ReportStatus; submittedAt: Date; deadlineAt: Date; answeredAt: Date | null },
  now: Date,
): Lateness {
  if (isOverdue(report, now)) return 'overdue';
  return isDueSoon(report, now) ? 'due_soon' : 'on_time';
}

export async function reportMapFeed(
  db: FeedbackDb,
  filters: MapFilters,
  now: Date,
  cap = MAP_POINT_CAP,
): Promise<MapFeed> {
  let query = db
    .selectFrom('feedbackReport')
    .select([
      'trackingCode',
      'categoryCode',
      'status',
      'lat',
      'lon',
      'submittedAt',
      'deadlineAt',
      'answeredAt',
    ])
    .where('hidden', '=', false);
  if (filters.status === 'open') query = query.where('status', 'in', [...OPEN_STATUSES]);
  if (filters.categoryCode) query = query.where('categoryCode', '=', filters.categoryCode);
  if (filters.communeCode) query = query.where('communeCode', '=', filters.communeCode);
  if (filters.from) query = query.where('submittedAt', '>=', filters.from);
  if (filters.to) query = query.where('submittedAt', '<', filters.to);
  // One row past the cap tells whether the answer was cut.
  const rows = await query
    .orderBy('submittedAt', 'desc')
    .orderBy('id')
    .limit(cap + 1)
    .execute();
  const truncated = rows.length > cap;
  return {
    type: 'FeatureCollection',
    features: rows.slice(0, cap).map((row) => ({
      type: 'Feature' as const,
      id: row.trackingCode,
      geometry: { type: 'Point' as const, coordinates: [row.lon, row.lat] },
      properties: {
        category: row.categoryCode,
        status: row.status,
        lateness: latenessOf(row, now),
      },
    })),
    cap,
    truncated,
  };
}
