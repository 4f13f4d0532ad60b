/**
 * The citizen reports in the operations center: the key figures, the most reported
 * categories, the communes with the most open reports and the map of the open reports,
 * all refreshed every 30 s.
 */
import { lazy, Suspense } from 'react';
import { usePublicConfig } from '../shared/api/public-config';
import { useI18n } from '../shared/i18n/i18n';
import { formatTime } from '../shared/i18n/format';
import { Alert } from '../shared/ui/Alert';
import { Loading } from '../shared/ui/Loading';
import { CommuneTable } from './CommuneTable';
import { FeedbackKpis } from './FeedbackKpis';
import { TopCategoriesChart } from './TopCategoriesChart';
import { useFeedbackOps } from './useFeedbackOps';

const ReportsMap = lazy(() => import('./ReportsMap'));

export function FeedbackPanel() {
  const { t, locale } = useI18n();
  const { data, error, isPending } = useFeedbackOps();
  const config = usePublicConfig();

  return (
    <section
      className="ops-panel ops-feedback"
      aria-labelledby="ops-feedback-title"
      // Spans the whole grid, below the map and the counters.
      style={{ gridColumn: '1 / -1' }}
    >
      <h2 id="ops-feedback-title">{t('opsFeedback.title')}</h2>
      {error && !data ? (
        <Alert kind="error" error={error}>
          <p>{t('opsFeedback.loadFailed')}</p>
        </Alert>
      ) : null}
      {isPending ? <Loading label={t('opsFeedback.loading')} /> : null}
      {data ? (
        <>
          <p className="ops-status">
            {t('opsFeedback.refresh')} ·{' '}
            {t('ops.updatedAt', { time: formatTime(data.generatedAt, locale) })}
          </p>
          <FeedbackKpis figures={data} />
          <TopCategoriesChart categories={data.topCategories} />
          <CommuneTable communes={data.communes} />
        </>
      ) : null}
      <h3>{t('opsFeedback.mapTitle')}</h3>
      {config.data ? (
        <Suspense fallback={<Loading label={t('map.loading')} />}>
          <ReportsMap provinceCode={config.data.provinceCode} tileUrl={config.data.mapTileUrl} />
        </Suspense>
      ) : (
        <Loading label={t('map.loading')} />
      )}
    </section>
  );
}
