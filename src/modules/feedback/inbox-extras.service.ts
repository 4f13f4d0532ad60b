/**
 * The inbox's helpers beyond the list: its map (the same filters and reach as the list),
 * the officers a report may be assigned to, and the officers the assignee filter offers.
 */
import type { AppContext } from '../../kernel/context';
import { PERMISSIONS, type Principal } from '../../kernel/auth';
import { feedbackDb } from './feedback-db';
import type { AssigneeList, InboxMapFeed, InboxMapQuery } from './inbox-extras.schemas';
import { assigneesOf, officersWithin } from './inbox-assignees.queries';
import { inboxMapFeed } from './inbox-map.queries';
import { inboxScope } from './inbox.service';
import { filtersOf } from './report-filters';
import { authorizeStaff, findReportForStaff } from './report-workflow';

export async function inboxMap(
  ctx: AppContext,
  principal: Principal,
  query: InboxMapQuery,
): Promise<InboxMapFeed> {
  // Paging and order mean nothing to a map; filtersOf reads only the filters.
  const filters = filtersOf({ ...query, page: 1, pageSize: 1, sort: '-submittedAt' });
  return inboxMapFeed(feedbackDb(ctx), filters, await inboxScope(ctx, principal), ctx.clock.now());
}

/** Who may be given the report: 404 outside the officer's reach, 403 without the right to act. */
export async function reportAssignees(
  ctx: AppContext,
  principal: Principal,
  trackingCode: string,
): Promise<AssigneeList> {
  const report = await findReportForStaff(ctx, principal, trackingCode);
  await authorizeStaff(ctx, principal, PERMISSIONS.recordsProcess, report);
  return {
    items: await assigneesOf(feedbackDb(ctx), report.agencyId, PERMISSIONS.recordsProcess),
  };
}

/** The officers of the agencies the inbox shows, for its "assigned to" filter. */
export async function inboxOfficers(ctx: AppContext, principal: Principal): Promise<AssigneeList> {
  const scope = await inboxScope(ctx, principal);
  return {
    items: await officersWithin(feedbackDb(ctx), scope.agencyIds, PERMISSIONS.recordsProcess),
  };
}
