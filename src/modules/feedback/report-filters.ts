/** The list filters of a query string, shared by the public list, the inbox and its export. */
import type { InboxQuery, PublicListQuery } from './feedback.schemas';
import type { ReportFilters } from './report-list.queries';

type ListQuery = PublicListQuery &
  Partial<Pick<InboxQuery, 'agencyId' | 'assigneeId' | 'overdue' | 'escalated'>>;

export function filtersOf(query: ListQuery): ReportFilters {
  return {
    categoryCode: query.categoryCode,
    status: query.status,
    communeCode: query.communeCode,
    agencyId: query.agencyId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    q: query.q,
    overdue: query.overdue,
    escalated: query.escalated,
    assigneeId: query.assigneeId,
  };
}
