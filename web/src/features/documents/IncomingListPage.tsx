/**
 * Văn bản đến (GET /api/documents/incoming): what waits to be registered, to be assigned,
 * what the person handles, what is overdue, the incoming register and everything; searched
 * and filtered by the server and paged. Overdue documents say so in words.
 */
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PagedTable } from '../admin/PagedTable';
import { formatDay } from './format-day';
import {
  INCOMING_STATUSES,
  exportUrl,
  fetchIncomingList,
  useDesk,
  type IncomingItem,
} from './documents-api';
import { BoxTabs, type Box } from './BoxTabs';
import { DocumentsNav, INCOMING_LIST, PAPER_FORM, incomingPath } from './DocumentsNav';
import { ListFilterForm } from './ListFilterForm';
import { IncomingStatusBadge, OverdueBadge, UrgencyBadge } from './DocumentBadges';
import { INCOMING_STATUS_KEY } from './labels';
import { useListFilters } from './useListFilters';
import { totalText } from './total-text';
import './documents.css';

export function IncomingListPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('documents.incoming.title'));
  const desk = useDesk();
  const { filters, page, draft, setDraft, go } = useListFilters('incoming');
  const counts = desk.data?.counts;
  const result = useQuery({
    queryKey: ['documents', 'incoming-list', filters, page],
    queryFn: () => fetchIncomingList(filters, page),
    placeholderData: keepPreviousData,
  });
  const boxes: Box[] = [
    { box: 'to_register', label: 'documents.box.toRegister', count: counts?.toRegister },
    { box: 'to_assign', label: 'documents.box.toAssign', count: counts?.toAssign },
    { box: 'mine', label: 'documents.box.handling', count: counts?.mine },
    { box: 'overdue', label: 'documents.box.overdue', count: counts?.overdue },
    { box: 'register', label: 'documents.box.inRegister' },
    { box: 'all', label: 'documents.box.all' },
  ];

  return (
    <div className="admin-page documents-page">
      <DocumentsNav />
      <div className="page-head">
        <h1>{t('documents.incoming.title')}</h1>
        <div className="button-row">
          {desk.data?.permissions.clerk ? (
            <Link className="button" to={PAPER_FORM}>
              {t('documents.nav.paper')}
            </Link>
          ) : null}
          <a className="button button-secondary" href={exportUrl('incoming', filters, 'xlsx')}>
            {t('documents.export.xlsx')}
          </a>
          <a className="button button-secondary" href={exportUrl('incoming', filters, 'csv')}>
            {t('documents.export.csv')}
          </a>
        </div>
      </div>
      <BoxTabs
        base={INCOMING_LIST}
        boxes={boxes}
        filters={filters}
        label={t('documents.box.label')}
      />
      <ListFilterForm
        idPrefix="incoming"
        draft={draft}
        onChange={setDraft}
        onSubmit={() => go({ ...draft, q: draft.q.trim() })}
        statuses={INCOMING_STATUSES.map((status) => ({
          value: status,
          label: INCOMING_STATUS_KEY[status],
        }))}
        clearTo={filters.box === 'all' ? INCOMING_LIST : `${INCOMING_LIST}?box=${filters.box}`}
      />
      <PagedTable<IncomingItem>
        query={result}
        caption={t('documents.incoming.title')}
        emptyText={t('documents.list.empty')}
        totalText={(total) => totalText(t, total, result.data?.totalIsCapped ?? false)}
        headers={
          <>
            <th scope="col">{t('documents.field.subject')}</th>
            <th scope="col">{t('documents.field.arrivalNumber')}</th>
            <th scope="col">{t('documents.field.sender')}</th>
            <th scope="col">{t('documents.field.status')}</th>
            <th scope="col">{t('documents.field.receivedAt')}</th>
            <th scope="col">{t('documents.field.deadline')}</th>
          </>
        }
        page={page}
        onPage={(next) => go(filters, next)}
        renderRow={(item) => (
          <tr key={item.id} className={item.overdue ? 'documents-row-overdue' : undefined}>
            <th scope="row">
              <Link to={incomingPath(item.id)}>{item.subject}</Link>
              <br />
              <span className="muted documents-kind">
                {item.typeName} {item.notation}
              </span>{' '}
              <UrgencyBadge urgency={item.urgency} />
            </th>
            <td>{item.number ?? <span className="muted">{t('documents.notRegistered')}</span>}</td>
            <td>
              {item.senderName}
              <br />
              <span className="muted">
                {item.source === 'paper'
                  ? t('documents.source.paper')
                  : t('documents.source.exchange')}
              </span>
            </td>
            <td>
              <IncomingStatusBadge status={item.status} />
            </td>
            <td>{formatDateTime(item.receivedAt, locale)}</td>
            <td>
              {item.handlingDeadline ? formatDay(item.handlingDeadline, locale) : '—'}{' '}
              <OverdueBadge overdue={item.overdue} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}
