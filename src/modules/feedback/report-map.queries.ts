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
import { sql } from 'kysely';
import type { FeedbackDb } from './feedback-db';
import { OPEN_STATUSES, type ReportStatus } from './feedback.tables';
import { isDueSoon } from './inbox.service';
import { isOverdue } from './report-views';
import type { Lateness } from './stats.schemas';

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

/** A point as the feed's query returns it: times in milliseconds since the epoch. */
type PointRow = [
  trackingCode: string,
  categoryCode: string,
  status: ReportStatus,
  lon: number,
  lat: number,
  submittedAt: number,
  deadlineAt: number,
  answeredAt: number | null,
];

function epochMs(column: string) {
  return sql.raw(`(extract(epoch FROM ${column}) * 1000)::float8`);
}

/**
 * The feed as the JSON text of a MapFeed, written feature by feature rather than built as
 * ten thousand objects for the response serializer to walk again: the server's thread,
 * which also serves the map page's scripts downloading beside the feed, is busy for less
 * time (most of the feed's time is the database's sort and aggregate). stats.routes.test.ts
 * checks the text against the MapFeed schema.
 */
export async function reportMapFeedJson(
  db: FeedbackDb,
  filters: MapFilters,
  now: Date,
  cap = MAP_POINT_CAP,
): Promise<string> {
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
  // One row past the cap tells whether the answer was cut. The rows come back as one JSON
  // array: ten thousand rows read one by one cost the embedded database (PGlite) eight times
  // what running the query does, each row crossing into JavaScript on its own.
  const page = query
    .select(['id'])
    .orderBy('submittedAt', 'desc')
    .orderBy('id')
    .limit(cap + 1)
    .as('page');
  const result = await db
    .selectFrom(page)
    .select(
      sql<string | null>`json_agg(json_build_array(
        page.tracking_code, page.category_code, page.status, page.lon, page.lat,
        ${epochMs('page.submitted_at')}, ${epochMs('page.deadline_at')},
        ${epochMs('page.answered_at')}
      ) ORDER BY page.submitted_at DESC, page.id)::text`.as('rows'),
    )
    .executeTakeFirst();
  const rows = JSON.parse(result?.rows ?? '[]') as PointRow[];
  const count = Math.min(rows.length, cap);
  const features: string[] = new Array<string>(count);
  for (let i = 0; i < count; i += 1) {
    const [trackingCode, category, status, lon, lat, submitted, deadline, answered] = rows[i]!;
    const lateness = latenessOf(
      {
        status,
        submittedAt: new Date(submitted),
        deadlineAt: new Date(deadline),
        answeredAt: answered === null ? null : new Date(answered),
      },
      now,
    );
    features[i] =
      `{"type":"Feature","id":${JSON.stringify(trackingCode)},` +
      `"geometry":{"type":"Point","coordinates":[${lon},${lat}]},` +
      `"properties":{"category":${JSON.stringify(category)},"status":"${status}","lateness":"${lateness}"}}`;
  }
  return (
    `{"type":"FeatureCollection","features":[${features.join(',')}],` +
    `"cap":${cap},"truncated":${rows.length > cap}}`
  );
}
