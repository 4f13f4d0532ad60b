/**
 * The staff inbox of citizen reports (GET /api/feedback/inbox): filtered by status, category,
 * overdue and escalated, searched, sorted by submission or deadline and paged by the server.
 * The filters live in the address; the export links carry the same filters.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PagedTable } from '../admin/PagedTable';
import { useCategories } from '../feedback/feedback-api';
import { STATUS_KEY, StatusBadge } from '../feedback/StatusBadge';
import {
  STATUSES,
  exportUrl,
  fetchInbox,
  filterParams,
  filtersFrom,
  type InboxFilters,
  type Sort,
} from './inbox-api';
import { DeadlineBadges } from './DeadlineBadges';
import '../feedback/feedback.css';
import './feedback-inbox.css';

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
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<InboxFilters>(filters);
  const categories = useCategories();

  const result = useQuery({
    queryKey: ['feedback-inbox', 'list', filters, page],
    queryFn: () => fetchInbox(filters, page),
    placeholderData: keepPreviousData,
  });

  const go = (next: InboxFilters, nextPage: number): void => {
    const search = filterParams(next);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    go({ ...draft, q: draft.q.trim() }, 1);
  };

  const sortBy = (sort: Sort): void => {
    setDraft({ ...draft, sort });
    go({ ...filters, sort }, 1);
  };

  const toggleStatus = (status: InboxFilters['status'][number], on: boolean): void => {
    const chosen = on
      ? [...draft.status, status]
      : draft.status.filter((value) => value !== status);
    setDraft({ ...draft, status: STATUSES.filter((value) => chosen.includes(value)) });
  };

  return (
    <div className="admin-page">
      <div className="page-head">
        <h1>{t('feedbackInbox.title')}</h1>
        <div className="inbox-export">
          <a className="button button-secondary" href={exportUrl(filters, 'csv')} download>
            {t('feedbackInbox.exportCsv')}
          </a>
          <a className="button button-secondary" href={exportUrl(filters, 'xlsx')} download>
            {t('feedbackInbox.exportXlsx')}
          </a>
        </div>
      </div>
      <p className="lead">{t('feedbackInbox.lead')}</p>
      <form className="filters filters-wide" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="inbox-q">{t('feedbackInbox.search')}</label>
          <input
            id="inbox-q"
            type="search"
            value={draft.q}
            maxLength={100}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="inbox-category">{t('feedbackInbox.category')}</label>
          <select
            id="inbox-category"
            value={draft.categoryCode}
            aria-busy={categories.isPending}
            onChange={(event) => setDraft({ ...draft, categoryCode: event.target.value })}
          >
            <option value="">{t('feedbackInbox.allCategories')}</option>
            {(categories.data ?? []).map((category) => (
              <option key={category.code} value={category.code}>
                {locale === 'en' ? category.nameEn : category.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="inbox-chips">
          <legend>{t('feedbackInbox.status')}</legend>
          {STATUSES.map((status) => (
            <label key={status} className="inbox-chip">
              <input
                type="checkbox"
                checked={draft.status.includes(status)}
                onChange={(event) => toggleStatus(status, event.target.checked)}
              />
              {t(STATUS_KEY[status])}
            </label>
          ))}
        </fieldset>
        <fieldset className="inbox-chips">
          <legend>{t('feedbackInbox.attention')}</legend>
          <label className="inbox-chip">
            <input
              type="checkbox"
              checked={draft.overdue}
              onChange={(event) => setDraft({ ...draft, overdue: event.target.checked })}
            />
            {t('feedbackInbox.overdueOnly')}
          </label>
          <label className="inbox-chip">
            <input
              type="checkbox"
              checked={draft.escalated}
              onChange={(event) => setDraft({ ...draft, escalated: event.target.checked })}
            />
            {t('feedbackInbox.escalatedOnly')}
          </label>
        </fieldset>
        <button type="submit" className="button">
          {t('list.submit')}
        </button>
      </form>

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
              {item.hidden ? <span className="badge">{t('feedbackInbox.hiddenBadge')}</span> : null}
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
    </div>
  );
}
