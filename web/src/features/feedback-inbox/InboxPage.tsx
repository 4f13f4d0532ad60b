/**
 * The staff inbox of citizen reports (GET /api/feedback/inbox): filtered by status, category,
 * commune, agency, assignee, submission dates, overdue and escalated, searched, sorted by
 * submission or deadline and paged by the server; or the same reports on a map. The filters
 * and the chosen view live in the address; the export links carry the same filters.
 */
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { usePublicConfig } from '../../shared/api/public-config';
import { useSession } from '../../shared/auth/session';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PagedTable } from '../admin/PagedTable';
import { StatusBadge } from '../feedback/StatusBadge';
import {
  exportUrl,
  fetchInbox,
  filterParams,
  filtersFrom,
  serverFilters,
  viewFrom,
  type InboxFilters,
  type InboxView,
  type Sort,
} from './inbox-api';
import { DeadlineBadges } from './DeadlineBadges';
import { InboxFilterForm } from './InboxFilterForm';
import '../feedback/feedback.css';
import './feedback-inbox.css';

// MapLibre loads only when someone opens the map.
const InboxMap = lazy(() => import('./InboxMap'));

function SortHeader({
  label,
  field,
  sort,
  onSort,
}: {
  label: string;
  field: 'submittedAt' | 'deadlineAt';
  sort: Sort;
  onSort: (sort: Sort) => void;
}) {
  const { t } = useI18n();
  const ascending = sort === field;
  const active = ascending || sort === `-${field}`;
  const next: Sort = ascending ? `-${field}` : field;
  return (
    <th scope="col" aria-sort={active ? (ascending ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="link-button" onClick={() => onSort(next)}>
        {label}
        {active ? <span aria-hidden="true">{ascending ? ' ▲' : ' ▼'}</span> : null}
        <span className="visually-hidden">
          {' '}
          {ascending ? t('feedbackInbox.sortDescending') : t('feedbackInbox.sortAscending')}
        </span>
      </button>
    </th>
  );
}

export function InboxPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('feedbackInbox.title'));
  const { user } = useSession();
  const me = user?.id ?? null;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const view = viewFrom(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<InboxFilters>(filters);
  const config = usePublicConfig();
  // "Assigned to me" waits for the session, so it never runs as "anyone".
  const waitingForMe = filters.assignee === 'me' && me === null;

  const result = useQuery({
    queryKey: ['feedback-inbox', 'list', filters, me, page],
    queryFn: () => fetchInbox(filters, me, page),
    placeholderData: keepPreviousData,
    enabled: view === 'list' && !waitingForMe,
  });

  const go = (next: InboxFilters, nextPage: number, nextView: InboxView = view): void => {
    const search = filterParams(next);
    if (nextView === 'map') search.set('view', 'map');
    if (nextPage > 1 && nextView === 'list') search.set('page', String(nextPage));
    setParams(search);
  };

  const sortBy = (sort: Sort): void => {
    setDraft({ ...draft, sort });
    go({ ...filters, sort }, 1);
  };

  return (
    <div className="admin-page">
      <div className="page-head">
        <h1>{t('feedbackInbox.title')}</h1>
        <div className="inbox-export">
          <a className="button button-secondary" href={exportUrl(filters, me, 'csv')} download>
            {t('feedbackInbox.exportCsv')}
          </a>
          <a className="button button-secondary" href={exportUrl(filters, me, 'xlsx')} download>
            {t('feedbackInbox.exportXlsx')}
          </a>
        </div>
      </div>
      <p className="lead">{t('feedbackInbox.lead')}</p>
      <InboxFilterForm
        draft={draft}
        onChange={setDraft}
        onSubmit={() => go({ ...draft, q: draft.q.trim() }, 1)}
      />
      <div className="inbox-view-toggle" role="group" aria-label={t('inboxExtra.view.label')}>
        {(['list', 'map'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={`button ${view === option ? '' : 'button-secondary'}`}
            aria-pressed={view === option}
            onClick={() => go(filters, page, option)}
          >
            {t(option === 'list' ? 'inboxExtra.view.list' : 'inboxExtra.view.map')}
          </button>
        ))}
      </div>

      {view === 'map' ? (
        config.data && !waitingForMe ? (
          <Suspense fallback={<Loading label={t('map.loading')} />}>
            <InboxMap
              query={serverFilters(filters, me)}
              provinceCode={config.data.provinceCode}
              tileUrl={config.data.mapTileUrl}
            />
          </Suspense>
        ) : (
          <Loading label={t('map.loading')} />
        )
      ) : (
        <PagedTable
          query={result}
          caption={t('feedbackInbox.title')}
          emptyText={t('feedbackInbox.empty')}
          totalText={(total) => t('feedbackInbox.total', { total })}
          headers={
            <>
              <th scope="col">{t('feedbackInbox.code')}</th>
              <th scope="col">{t('feedbackInbox.category')}</th>
              <th scope="col">{t('feedbackInbox.place')}</th>
              <th scope="col">{t('feedbackInbox.status')}</th>
              <SortHeader
                label={t('feedbackInbox.submittedAt')}
                field="submittedAt"
                sort={filters.sort}
                onSort={sortBy}
              />
              <SortHeader
                label={t('feedbackInbox.deadlineAt')}
                field="deadlineAt"
                sort={filters.sort}
                onSort={sortBy}
              />
            </>
          }
          page={page}
          onPage={(next) => go(filters, next)}
          renderRow={(item) => (
            <tr key={item.trackingCode}>
              <th scope="row">
                <Link to={`/console/phan-anh/${encodeURIComponent(item.trackingCode)}`}>
                  {item.trackingCode}
                </Link>
                <br />
                <span className="muted inbox-excerpt">{item.description}</span>
              </th>
              <td>{locale === 'en' ? item.categoryNameEn : item.categoryName}</td>
              <td>
                {item.communeName}
                <br />
                <span className="muted">{item.agencyName}</span>
              </td>
              <td>
                <StatusBadge status={item.status} />
                {item.hidden ? (
                  <span className="badge">{t('feedbackInbox.hiddenBadge')}</span>
                ) : null}
              </td>
              <td>{formatDateTime(item.submittedAt, locale)}</td>
              <td>
                {formatDateTime(item.deadlineAt, locale)}
                <DeadlineBadges
                  overdue={item.overdue}
                  dueSoon={item.dueSoon}
                  escalated={item.escalationLevel > 0}
                />
              </td>
            </tr>
          )}
        />
      )}
    </div>
  );
}
