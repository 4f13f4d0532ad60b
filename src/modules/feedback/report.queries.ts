/** SQL for reports, their reporters, history and followers. Functions take `db`/`trx` first. */
import { sql, type CompiledQuery, type Insertable, type Selectable, type Updateable } from 'kysely';
import { rowInsert, type RowValues } from '../../kernel/db/row-insert';
import { sqlTemplate } from '../../kernel/db/sql-template';
import type { FeedbackDb } from './feedback-db';
import type {
  FeedbackHistoryTable,
  FeedbackReportTable,
  FeedbackReporterTable,
  ReportStatus,
} from './feedback.tables';
import { OPEN_STATUSES } from './feedback.tables';

export type ReportRow = Selectable<FeedbackReportTable>;
export type ReportChanges = Omit<Updateable<FeedbackReportTable>, 'location' | 'id'>;
export type NewHistory = Insertable<FeedbackHistoryTable>;
export type HistoryRow = Selectable<FeedbackHistoryTable>;

/**
 * The INSERT of a new report. Its category, agency and commune may be SQL worked out by the
 * statement that files it (report-submission.ts). Written directly (kernel/db/row-insert):
 * filing is the busiest write.
 */
export function reportInsert(
  db: FeedbackDb,
  report: Omit<RowValues<FeedbackReportTable>, 'location'> & {
    id: string;
    trackingCode: string;
    lat: number;
    lon: number;
  },
): CompiledQuery {
  return rowInsert(db, 'feedbackReport', {
    ...report,
    location: geographyPoint(db, { lat: report.lat, lon: report.lon }),
  });
}

const geographyPoint = sqlTemplate(
  (point: { lat: number; lon: number }) =>
    sql`ST_SetSRID(ST_MakePoint(${point.lon}, ${point.lat}), 4326)::geography`,
);

export async function findReporter(
  db: FeedbackDb,
  reportId: string,
): Promise<Selectable<FeedbackReporterTable> | undefined> {
  return db
    .selectFrom('feedbackReporter')
    .selectAll()
    .where('reportId', '=', reportId)
    .executeTakeFirst();
}

export async function insertHistory(trx: FeedbackDb, entry: NewHistory): Promise<number> {
  const row = await trx
    .insertInto('feedbackHistory')
    .values(entry)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findReportByCode(
  db: FeedbackDb,
  trackingCode: string,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('feedbackReport')
    .selectAll()
    .where('trackingCode', '=', trackingCode)
    .executeTakeFirst();
}

export async function findReportById(db: FeedbackDb, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('feedbackReport').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the report row for a state change in the caller's transaction. */
export async function lockReportByCode(
  trx: FeedbackDb,
  trackingCode: string,
): Promise<ReportRow | undefined> {
  return trx
    .selectFrom('feedbackReport')
    .selectAll()
    .where('trackingCode', '=', trackingCode)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateReport(
  trx: FeedbackDb,
  id: string,
  changes: ReportChanges,
): Promise<void> {
  await trx.updateTable('feedbackReport').set(changes).where('id', '=', id).execute();
}

export async function reportHistory(
  db: FeedbackDb,
  reportId: string,
  publicOnly: boolean,
): Promise<HistoryRow[]> {
  let query = db.selectFrom('feedbackHistory').selectAll().where('reportId', '=', reportId);
  if (publicOnly) query = query.where('visibility', '=', 'public');
  return query.orderBy('id').execute();
}

export interface NearbyReport {
  id: string;
  trackingCode: string;
  status: ReportStatus;
  description: string;
  lat: number;
  lon: number;
  submittedAt: Date;
  distanceM: number;
}

/**
 * Open, public reports of the category within `radiusM` of the point, nearest first: what a
 * citizen is shown before filing, to follow one instead of filing a duplicate.
 */
export async function nearbyOpenReports(
  db: FeedbackDb,
  categoryCode: string,
  lat: number,
  lon: number,
  radiusM: number,
  limit: number,
): Promise<NearbyReport[]> {
  const point = sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)::geography`;
  return db
    .selectFrom('feedbackReport')
    .select([
      'id',
      'trackingCode',
      'status',
      sql<string>`coalesce(public_description, description)`.as('description'),
      'lat',
      'lon',
      'submittedAt',
      sql<number>`round(ST_Distance(location, ${point}))::int`.as('distanceM'),
    ])
    .where('categoryCode', '=', categoryCode)
    .where('status', 'in', OPEN_STATUSES)
    .where('hidden', '=', false)
    .where(sql<boolean>`ST_DWithin(location, ${point}, ${radiusM})`)
    .orderBy(sql`location <-> ${point}`)
    .limit(limit)
    .execute();
}

export interface Follower {
  userId: string | null;
  email: string | null;
  locale: string;
}

export async function addFollower(
  trx: FeedbackDb,
  reportId: string,
  follower: NewFollower,
): Promise<void> {
  await trx.executeQuery(followerInsert(trx, reportId, follower));
}

export interface NewFollower {
  userId: string | null;
  email: string | null;
  locale: string;
}

/**
 * The INSERT of a follower, a no-op for one already following (under the same account or
 * e-mail), for a batch or on its own. The first follower of a report filed by the same
 * statement (`newReport`) cannot be following already: a plain insert, which costs the
 * database less than ON CONFLICT's speculative one.
 */
export function followerInsert(
  db: FeedbackDb,
  reportId: string,
  follower: NewFollower,
  { newReport = false }: { newReport?: boolean } = {},
): CompiledQuery {
  const onConflict = follower.userId
    ? 'ON CONFLICT (report_id, user_id) WHERE user_id IS NOT NULL DO NOTHING'
    : 'ON CONFLICT (report_id, email) WHERE email IS NOT NULL DO NOTHING';
  return rowInsert(db, 'feedbackFollower', { reportId, ...follower }, newReport ? '' : onConflict);
}

/** Followers of a report with the e-mail to write to (an account's, or the one given). */
export async function followersToNotify(
  db: FeedbackDb,
  reportId: string,
): Promise<Array<{ email: string; locale: string }>> {
  const rows = await db
    .selectFrom('feedbackFollower as f')
    .leftJoin('appUser as u', 'u.id', 'f.userId')
    .select([sql<string | null>`coalesce(f.email, u.email)`.as('email'), 'f.locale'])
    .where('f.reportId', '=', reportId)
    .execute();
  const seen = new Set<string>();
  const result: Array<{ email: string; locale: string }> = [];
  for (const row of rows) {
    if (!row.email || seen.has(row.email)) continue;
    seen.add(row.email);
    result.push({ email: row.email, locale: row.locale });
  }
  return result;
}

/** Moves the followers of a duplicate to its original (without doubles). */
export async function moveFollowers(
  trx: FeedbackDb,
  fromReportId: string,
  toReportId: string,
): Promise<void> {
  const followers = await trx
    .selectFrom('feedbackFollower')
    .select(['userId', 'email', 'locale'])
    .where('reportId', '=', fromReportId)
    .execute();
  for (const follower of followers) await addFollower(trx, toReportId, follower);
}
