/**
 * Who may see a photo or video of a report: anyone, unless moderation hid it or its report;
 * then only the reporter (secret or account) and staff whose reach covers the report.
 */
import type { AppContext } from '../../kernel/context';
import { isAuthorized, PERMISSIONS, type Principal } from '../../kernel/auth';
import { feedbackDb } from './feedback-db';
import { findReporter } from './report.queries';
import { hashSecret } from './report-submission';

export async function canReadMedia(
  ctx: AppContext,
  mediaId: string,
  claimant: { principal: Principal | null; secret: string | null },
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
  const { principal, secret } = claimant;
  if (
    principal?.type === 'staff' &&
    (await isAuthorized(ctx, principal, PERMISSIONS.recordsRead, row.agencyId))
  ) {
    return true;
  }
  const reporter = await findReporter(db, row.reportId);
  if (!reporter) return false;
  if (secret && hashSecret(secret) === reporter.secretHash) return true;
  return principal?.kind === 'user' && reporter.userId === principal.id;
}
