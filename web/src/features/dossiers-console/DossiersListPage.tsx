/**
 * Hồ sơ (GET /api/dossiers): the dossiers of the person's agencies by box — my work,
 * awaiting reception, awaiting documents, late, due today, finished, all — searched,
 * filtered, sorted and paged by the server, with the filters in the address and the same
 * filtered list to download as CSV or XLSX. Late dossiers say so in words.
 */
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PagedTable } from '../admin/PagedTable';
import { fetchDossiers, listKey, type DossierItem } from './dossiers-api';
import { exportUrl } from './list-filters';
import { CHANNEL_KEY, ROLE_KEY } from './labels';
import { DossierBoxes } from './DossierBoxes';
import { DossierFilterForm } from './DossierFilterForm';
import { LateBadge, StatusBadge } from './DossierBadges';
import { useDossierFilters } from './useDossierFilters';
import { dossierPath } from './paths';
import './dossiers-console.css';

export function DossiersListPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('dossiersConsole.title'));
  const { filters, page, draft, setDraft, go } = useDossierFilters();
  const result = useQuery({
    queryKey: listKey(filters, page),
    queryFn: () => fetchDossiers(filters, page),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="admin-page dossiers-page">
      <div className="page-head">
        <h1>{t('dossiersConsole.title')}</h1>
        <div className="button-row">
          <a className="button button-secondary" href={exportUrl(filters, 'xlsx')} download>
            {t('dossiersConsole.export.xlsx')}
          </a>
          <a className="button button-secondary" href={exportUrl(filters, 'csv')} download>
            {t('dossiersConsole.export.csv')}
          </a>
        </div>
      </div>
      <p className="lead">{t('dossiersConsole.lead')}</p>
      <p className="muted">{t('dossiersConsole.export.hint')}</p>
      <DossierBoxes filters={filters} />
      <DossierFilterForm
        draft={draft}
        onChange={setDraft}
        box={filters.box}
        onSubmit={() => go({ ...draft, q: draft.q.trim(), procedure: draft.procedure.trim() })}
      />
      <PagedTable<DossierItem>
        query={result}
        caption={t('dossiersConsole.list.caption')}
        emptyText={t('dossiersConsole.list.empty')}
        totalText={(total) => t('dossiersConsole.list.total', { total })}
        headers={
          <>
            <th scope="col">{t('dossiersConsole.col.code')}</th>
            <th scope="col">{t('dossiersConsole.col.procedure')}</th>
            <th scope="col">{t('dossiersConsole.col.applicant')}</th>
            <th scope="col">{t('dossiersConsole.col.status')}</th>
            <th scope="col">{t('dossiersConsole.col.submittedAt')}</th>
            <th scope="col">{t('dossiersConsole.col.dueAt')}</th>
            <th scope="col">{t('dossiersConsole.col.step')}</th>
          </>
        }
        page={page}
        onPage={(next) => go(filters, next)}
        renderRow={(item) => (
          <tr key={item.code} className={item.late ? 'dossiers-row-late' : undefined}>
            <th scope="row">
              <Link to={dossierPath(item.code)} className="dossiers-code">
                {item.code}
              </Link>
              <br />
              <span className="muted">{t(CHANNEL_KEY[item.channel])}</span>
            </th>
            <td>
              {item.procedure.name}
              <br />
              <span className="muted">
                {item.procedure.code} · {item.receivingAgency.name}
              </span>
            </td>
            <td>{item.applicantName}</td>
            <td>
              <StatusBadge status={item.status} />
            </td>
            <td>{formatDateTime(item.submittedAt, locale)}</td>
            <td>
              {item.dueAt ? (
                formatDateTime(item.dueAt, locale)
              ) : (
                <span className="muted">{t('dossiersConsole.notReceived')}</span>
              )}{' '}
              <LateBadge late={item.late} />
            </td>
            <td>
              {item.step ? (
                <>
                  {item.step.name}
                  <br />
                  <span className="muted">
                    {t(ROLE_KEY[item.step.role])} · {item.step.agencyName}
                  </span>
                </>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        )}
      />
    </div>
  );
}
