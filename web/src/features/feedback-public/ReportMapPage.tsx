/**
 * `/phan-anh/ban-do`: the public map of citizen reports (open ones by default), filtered by
 * category and by open / all in the address. The map itself (MapLibre) loads on demand; the
 * legend with counts and the link to the list are its text alternative.
 */
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { usePublicConfig } from '../../shared/api/public-config';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { useBoundaries } from '../../shared/map/boundaries';
import { useCategories } from '../feedback/feedback-api';
import { mapFiltersFrom, mapParams, type MapFilters, type MapStatus } from './map-filters';
import { listParams, NO_FILTERS } from './list-filters';
import { PublicReportsNav } from './PublicReportsNav';
import { useMapFeed } from './public-api';
import '../feedback/feedback.css';
import './feedback-public.css';

// MapLibre starts downloading as soon as this page's code runs, not when the map first
// renders, so the library, the boundaries and the points all load side by side.
const loadMap = () => import('./PublicReportsMap');
const PublicReportsMap = lazy(loadMap);
void loadMap();

export function ReportMapPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('feedbackPublic.map.title'));
  const [params, setParams] = useSearchParams();
  const filters = mapFiltersFrom(params);
  const config = usePublicConfig();
  const categories = useCategories();
  // Fetched here, not in the lazily loaded map, so the points and the boundaries download
  // while MapLibre does (the map's own query for the boundaries then finds them cached).
  const feed = useMapFeed(filters);
  useBoundaries(config.data?.provinceCode ?? '');

  // Choosing from a list only redraws the markers (no change of context), so it applies at once.
  const change = (next: MapFilters): void => setParams(mapParams(next), { replace: true });
  const listLink = `/phan-anh?${listParams({
    ...NO_FILTERS,
    categoryCode: filters.categoryCode,
    status: filters.status === 'open' ? 'open' : '',
  }).toString()}`;

  return (
    <section className="feedback-public" aria-labelledby="feedback-public-map-title">
      <h1 id="feedback-public-map-title">{t('feedbackPublic.map.title')}</h1>
      <p className="lead">{t('feedbackPublic.map.lead')}</p>
      <PublicReportsNav />
      <form
        className="feedback-public-filters feedback-public-map-filters"
        aria-label={t('feedbackPublic.filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor="fpm-category">{t('feedbackPublic.filters.category')}</label>
          <select
            id="fpm-category"
            value={filters.categoryCode}
            aria-busy={categories.isPending}
            onChange={(event) => change({ ...filters, categoryCode: event.target.value })}
          >
            <option value="">{t('feedbackPublic.filters.allCategories')}</option>
            {(categories.data ?? []).map((category) => (
              <option key={category.code} value={category.code}>
                {locale === 'en' ? category.nameEn : category.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fpm-status">{t('feedbackPublic.filters.status')}</label>
          <select
            id="fpm-status"
            value={filters.status}
            onChange={(event) => change({ ...filters, status: event.target.value as MapStatus })}
          >
            <option value="open">{t('feedbackPublic.map.statusOpen')}</option>
            <option value="all">{t('feedbackPublic.map.statusAll')}</option>
          </select>
        </div>
      </form>
      {config.isPending ? <Loading label={t('map.loading')} /> : null}
      {config.error ? <Alert kind="error" error={config.error} /> : null}
      {config.data ? (
        <Suspense fallback={<Loading label={t('map.loading')} />}>
          <PublicReportsMap
            provinceCode={config.data.provinceCode}
            tileUrl={config.data.mapTileUrl}
            feed={feed}
          />
        </Suspense>
      ) : null}
      <p>
        <Link to={listLink}>{t('feedbackPublic.map.asList')}</Link>
      </p>
    </section>
  );
}
