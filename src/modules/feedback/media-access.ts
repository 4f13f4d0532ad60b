/**
 * Who may see a photo or video of a report: anyone, unless moderation hid it or its report;
 * then only the reporter (secret or account) and staff whose reach covers the report.
 */
import type { AppContext } from '../../kernel/context';
import { isAuthorized, PERMISSIONS } from '../../kernel/auth';
import { feedbackDb } from './feedback-db';
import { isReporter, type ReporterClaim } from './reporter-proof';

export async function canReadMedia(
  ctx: AppContext,
  mediaId: string,
  claimant: ReporterClaim,
): Promise<boolean> {
  const db = feedbackDb(ctx);
  const row = await db
    .selectFrom('feedbackMedia as m')
    .innerJoin('feedbackReport as r', 'r.id', 'm.reportId')
    .select([
      'm.hidden as mediaHidden',
      'r.hidden as reportHidden',
      'r.id as reportId',
      'r.agencyId',
    ])
    .where('m.id', '=', mediaId)
    .executeTakeFirst();
  if (!row) return false;
  if (!row.mediaHidden && !row.reportHidden) return true;
  const { principal } = claimant;
  if (
    principal?.type === 'staff' &&
    (await isAuthorized(ctx, principal, PERMISSIONS.recordsRead, row.agencyId))
  ) {
    return true;
  }
  return isReporter(db, row.reportId, claimant);
}
