/**
 * Văn bản đi (GET /api/documents/outgoing): the person's boxes (what they drafted, what
 * waits for their signature, what waits to be issued), the outgoing register and everything,
 * searched and filtered by the server and paged; the register exported as Decree 30's
 * Appendix IV with the same filters.
 */
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PagedTable } from '../admin/PagedTable';
import { formatDay } from './format-day';
import {
  OUTGOING_STATUSES,
  exportUrl,
  fetchOutgoingList,
  useDesk,
  type OutgoingItem,
} from './documents-api';
import { BoxTabs, type Box } from './BoxTabs';
import { DocumentsNav, NEW_DRAFT, OUTGOING_LIST, outgoingPath } from './DocumentsNav';
import { ListFilterForm } from './ListFilterForm';
import { OutgoingStatusBadge, UrgencyBadge } from './DocumentBadges';
import { OUTGOING_STATUS_KEY } from './labels';
import { useListFilters } from './useListFilters';
import { totalText } from './total-text';
import './documents.css';

export function OutgoingListPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('documents.outgoing.title'));
  const desk = useDesk();
  const { filters, page, draft, setDraft, go } = useListFilters('outgoing');
  const counts = desk.data?.counts;
  const result = useQuery({
    queryKey: ['documents', 'outgoing-list', filters, page],
    queryFn: () => fetchOutgoingList(filters, page),
    placeholderData: keepPreviousData,
  });
  const boxes: Box[] = [
    { box: 'mine', label: 'documents.box.mine' },
    { box: 'to_sign', label: 'documents.box.toSign', count: counts?.toSign },
    { box: 'to_issue', label: 'documents.box.toIssue', count: counts?.toIssue },
    { box: 'register', label: 'documents.box.outRegister' },
    { box: 'all', label: 'documents.box.all' },
  ];

  return (
    <div className="admin-page documents-page">
      <DocumentsNav />
      <div className="page-head">
        <h1>{t('documents.outgoing.title')}</h1>
        <div className="button-row">
          {desk.data?.permissions.draft ? (
            <Link className="button" to={NEW_DRAFT}>
              {t('documents.nav.newDraft')}
            </Link>
          ) : null}
          <a className="button button-secondary" href={exportUrl('outgoing', filters, 'xlsx')}>
            {t('documents.export.xlsx')}
          </a>
          <a className="button button-secondary" href={exportUrl('outgoing', filters, 'csv')}>
            {t('documents.export.csv')}
          </a>
        </div>
      </div>
      <BoxTabs
        base={OUTGOING_LIST}
        boxes={boxes}
        filters={filters}
        label={t('documents.box.label')}
      />
      <ListFilterForm
        idPrefix="outgoing"
        draft={draft}
        onChange={setDraft}
        onSubmit={() => go({ ...draft, q: draft.q.trim() })}
        statuses={OUTGOING_STATUSES.map((status) => ({
          value: status,
          label: OUTGOING_STATUS_KEY[status],
        }))}
        types={desk.data?.types}
        clearTo={filters.box === 'all' ? OUTGOING_LIST : `${OUTGOING_LIST}?box=${filters.box}`}
      />
      <PagedTable<OutgoingItem>
        query={result}
        caption={t('documents.outgoing.title')}
        emptyText={t('documents.list.empty')}
        totalText={(total) => totalText(t, total, result.data?.totalIsCapped ?? false)}
        headers={
          <>
            <th scope="col">{t('documents.field.subject')}</th>
            <th scope="col">{t('documents.field.notation')}</th>
            <th scope="col">{t('documents.field.status')}</th>
            <th scope="col">{t('documents.field.signer')}</th>
            <th scope="col">{t('documents.field.recipients')}</th>
            <th scope="col">{t('documents.field.updatedAt')}</th>
          </>
        }
        page={page}
        onPage={(next) => go(filters, next)}
        renderRow={(item) => (
          <tr key={item.id}>
            <th scope="row">
              <Link to={outgoingPath(item.id)}>{item.subject}</Link>
              <br />
              <span className="muted documents-kind">{item.typeName}</span>{' '}
              <UrgencyBadge urgency={item.urgency} />
            </th>
            <td>
              {item.notation ?? <span className="muted">{t('documents.notNumbered')}</span>}
              {item.promulgatedOn ? (
                <>
                  <br />
                  <span className="muted">{formatDay(item.promulgatedOn, locale)}</span>
                </>
              ) : null}
            </td>
            <td>
              <OutgoingStatusBadge status={item.status} />
            </td>
            <td>{item.signerName ?? '—'}</td>
            <td>{item.recipients}</td>
            <td>{formatDateTime(item.updatedAt, locale)}</td>
          </tr>
        )}
      />
    </div>
  );
}
