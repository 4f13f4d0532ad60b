/** The operations center's overview: the province map, live counters and today's activity. */
import { useI18n } from '../shared/i18n/i18n';
import { formatNumber, formatTime } from '../shared/i18n/format';
import type { MessageKey } from '../shared/i18n/translate';
import { usePublicConfig } from '../shared/api/public-config';
import { LazyProvinceMap } from '../shared/map/LazyProvinceMap';
import { HourlyChart } from '../shared/chart/HourlyChart';
import { Alert } from '../shared/ui/Alert';
import { Loading } from '../shared/ui/Loading';
import { usePageTitle } from '../shared/ui/usePageTitle';
import { useOpsSummary, type OpsSummary } from './useOpsSummary';
import { FeedbackPanel } from './FeedbackPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { DossiersPanel } from './DossiersPanel';
import { useSession } from '../shared/auth/session';

/** The dossiers' index and figures are for leaders and the operations center only. */
const DOSSIERS_REPORT = 'dossiers.report';

const COUNTERS: { key: string; label: MessageKey; value: (s: OpsSummary) => number }[] = [
  { key: 'citizens', label: 'ops.citizens', value: (s) => s.users.citizens },
  { key: 'staff', label: 'ops.staff', value: (s) => s.users.staff },
  { key: 'agencies', label: 'ops.agencies', value: (s) => s.agencies },
  { key: 'audit', label: 'ops.auditToday', value: (s) => s.auditEventsToday },
];

export function OpsPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('ops.title'));
  const config = usePublicConfig();
  const { summary, error, live } = useOpsSummary();
  const { user } = useSession();

  return (
    <div className="ops-page">
      <div className="ops-heading">
        <h1>{t('ops.title')}</h1>
        {summary ? (
          <p className="ops-status">
            <span className={`ops-dot${live ? ' ops-dot-live' : ''}`} aria-hidden="true" />
            {live ? t('ops.live') : t('ops.polling')} ·{' '}
            {t('ops.updatedAt', { time: formatTime(summary.generatedAt, locale) })}
          </p>
        ) : null}
      </div>
      {error && !summary ? (
        <Alert kind="error" error={error}>
          <p>{t('ops.loadFailed')}</p>
        </Alert>
      ) : null}
      <div className="ops-grid">
        <section className="ops-panel ops-map" aria-labelledby="ops-map-title">
          <h2 id="ops-map-title">{t('ops.mapTitle')}</h2>
          {config.data ? (
            <LazyProvinceMap
              provinceCode={config.data.provinceCode}
              provinceName={t('app.province')}
              tileUrl={config.data.mapTileUrl}
              theme="dark"
            />
          ) : (
            <Loading label={t('map.loading')} />
          )}
        </section>
        <section className="ops-panel ops-counters" aria-labelledby="ops-counters-title">
          <h2 id="ops-counters-title">{t('ops.counters')}</h2>
          {summary ? (
            <ul className="counters">
              {COUNTERS.map((counter) => (
                <li key={counter.key} className="counter" data-counter={counter.key}>
                  <span className="counter-value">
                    {formatNumber(counter.value(summary), locale)}
                  </span>
                  <span className="counter-label">{t(counter.label)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Loading />
          )}
        </section>
        <section className="ops-panel ops-chart" aria-label={t('ops.chartTitle')}>
          {summary ? (
            <HourlyChart
              title={t('ops.chartTitle')}
              values={summary.auditEventsByHour}
              theme="dark"
            />
          ) : null}
        </section>
        <FeedbackPanel />
        <DocumentsPanel />
        {user?.permissions.includes(DOSSIERS_REPORT) ? <DossiersPanel /> : null}
      </div>
    </div>
  );
}
