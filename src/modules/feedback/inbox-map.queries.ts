/**
 * The staff inbox as map points: the same filters and the same reach as the inbox list
 * (`listQuery`, so a report the list would not show never reaches the map), hidden reports
 * included as in the list, and only what a marker and its popup need.
 */
import type { FeedbackDb } from './feedback-db';
import type { InboxMapFeed } from './inbox-extras.schemas';
import { listQuery, type ListScope, type ReportFilters } from './report-list.queries';
import { latenessOf, MAP_POINT_CAP } from './report-map.queries';

export { MAP_POINT_CAP as INBOX_MAP_CAP };

export async function inboxMapFeed(
  db: FeedbackDb,
  filters: ReportFilters,
  scope: ListScope,
  now: Date,
  cap = MAP_POINT_CAP,
): Promise<InboxMapFeed> {
  // One row past the cap tells whether the answer was cut.
  const rows = await listQuery(db, filters, scope, now)
    .innerJoin('feedbackCategory as c', 'c.code', 'r.categoryCode')
    .select([
      'r.trackingCode',
      'r.status',
      'c.name as categoryName',
      'r.lat',
      'r.lon',
      'r.submittedAt',
      'r.deadlineAt',
      'r.answeredAt',
    ])
    .orderBy('r.submittedAt', 'desc')
    .orderBy('r.id')
    .limit(cap + 1)
    .execute();
  return {
    type: 'FeatureCollection',
    features: rows.slice(0, cap).map((row) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [row.lon, row.lat] },
      properties: {
        trackingCode: row.trackingCode,
        status: row.status,
        categoryName: row.categoryName,
        lateness: latenessOf(row, now),
      },
    })),
    cap,
    truncated: rows.length > cap,
  };
}
