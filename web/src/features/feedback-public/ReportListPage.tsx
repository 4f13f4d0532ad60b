/**
 * `/phan-anh`: the public list of citizen reports, filtered, sorted and paged by the server
 * (GET /api/feedback/reports). The filters and the page live in the address, so a list can be
 * bookmarked or sent to someone. The list carries no personal data: the server's public list
 * has none to give.
 */
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { usePublicConfig } from '../../shared/api/public-config';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PAGE_SIZE, useCommunes, useReportPage } from './public-api';
import { hasFilters, listFiltersFrom, listParams, type ListFilters } from './list-filters';
import { PublicReportsNav } from './PublicReportsNav';
import { ReportFiltersForm } from './ReportFiltersForm';
import { ReportListItem } from './ReportListItem';
import { ListPager } from './ListPager';
import '../feedback/feedback.css';
import './feedback-public.css';

export function ReportListPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('feedbackPublic.list.title'));
  const [params, setParams] = useSearchParams();
  const filters = listFiltersFrom(params);
  const page = Math.min(100_000, Math.max(1, Math.trunc(Number(params.get('page'))) || 1));
  const address = listParams(filters).toString();
  const config = usePublicConfig();
  const communes = useCommunes(config.data?.provinceCode);
  const reports = useReportPage(filters, page);

  const go = (next: ListFilters, nextPage: number): void => {
    setParams(listParams(next, nextPage));
  };
  const data = reports.data;

  return (
    <section className="feedback-public" aria-labelledby="feedback-public-title">
      <h1 id="feedback-public-title">{t('feedbackPublic.list.title')}</h1>
      <p className="lead">{t('feedbackPublic.list.lead')}</p>
      <PublicReportsNav />
      <ReportFiltersForm
        key={address}
        filters={filters}
        communes={communes}
        onApply={(next) => go(next, 1)}
      />
      {reports.error ? (
        <Alert kind="error" error={reports.error}>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void reports.refetch()}
            >
              {t('feedbackPublic.retry')}
            </button>
          </p>
        </Alert>
      ) : null}
      {reports.isPending ? <Loading label={t('feedbackPublic.list.loading')} /> : null}
      {data ? (
        <div aria-busy={reports.isFetching}>
          <p role="status" className="feedback-public-count">
            {data.total === 0
              ? t('feedbackPublic.list.empty')
              : t('feedbackPublic.list.total', { total: formatNumber(data.total, locale) })}
          </p>
          {data.total === 0 && hasFilters(filters) ? (
            <p>
              <Link to="/phan-anh">{t('feedbackPublic.list.showAll')}</Link>
            </p>
          ) : null}
          {data.items.length > 0 ? (
            <ol className="feedback-public-list" aria-label={t('feedbackPublic.list.title')}>
              {data.items.map((report) => (
                <ReportListItem key={report.trackingCode} report={report} />
              ))}
            </ol>
          ) : null}
          <ListPager
            page={page}
            total={data.total}
            pageSize={data.pageSize || PAGE_SIZE}
            onPage={(next) => {
              go(filters, next);
              window.scrollTo({ top: 0 });
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
