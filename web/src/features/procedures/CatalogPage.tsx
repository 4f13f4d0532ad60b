/**
 * `/thu-tuc`: the province's administrative procedures (thủ tục hành chính), searched,
 * filtered, sorted and paged by the server (GET /api/procedures). The search lives in the
 * address, so it can be bookmarked or sent to someone, and Back returns to it.
 */
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { ListPager } from '../feedback-public/ListPager';
import {
  catalogFiltersFrom,
  catalogPageFrom,
  catalogParams,
  hasFilters,
  type CatalogFilters,
} from './catalog-filters';
import { PAGE_SIZE, useCatalogPage } from './procedures-api';
import { CatalogFiltersForm } from './CatalogFiltersForm';
import { ProcedureListItem } from './ProcedureListItem';
import '../feedback-public/feedback-public.css';
import './procedures.css';

export function CatalogPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('procedures.title'));
  const [params, setParams] = useSearchParams();
  const filters = catalogFiltersFrom(params);
  const page = catalogPageFrom(params);
  const catalog = useCatalogPage(filters, page);
  const data = catalog.data;

  const go = (next: CatalogFilters, nextPage: number): void => {
    setParams(catalogParams(next, nextPage));
  };

  return (
    <section className="procedures" aria-labelledby="procedures-title">
      <h1 id="procedures-title">{t('procedures.title')}</h1>
      <p className="lead">{t('procedures.lead')}</p>
      <CatalogFiltersForm
        key={catalogParams(filters).toString()}
        filters={filters}
        onApply={(next) => go(next, 1)}
      />
      {catalog.error ? (
        <Alert kind="error" error={catalog.error}>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void catalog.refetch()}
            >
              {t('feedbackPublic.retry')}
            </button>
          </p>
        </Alert>
      ) : null}
      {catalog.isPending ? <Loading label={t('procedures.list.loading')} /> : null}
      {data ? (
        <div aria-busy={catalog.isFetching}>
          <p role="status" className="procedure-count">
            {data.total === 0
              ? t('procedures.list.empty')
              : t('procedures.list.total', { total: formatNumber(data.total, locale) })}
          </p>
          {data.total === 0 && hasFilters(filters) ? (
            <p>
              {t('procedures.list.emptyHint')}{' '}
              <Link to="/thu-tuc">{t('procedures.list.showAll')}</Link>
            </p>
          ) : null}
          {data.items.length === 0 && data.total > 0 ? (
            <p>
              <Link to={`/thu-tuc?${catalogParams(filters).toString()}`}>
                {t('procedures.list.firstPage')}
              </Link>
            </p>
          ) : null}
          {data.items.length > 0 ? (
            <ol className="procedure-list" aria-label={t('procedures.list.label')}>
              {data.items.map((procedure) => (
                <ProcedureListItem key={procedure.code} procedure={procedure} />
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
