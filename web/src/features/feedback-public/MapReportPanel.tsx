/**
 * The report chosen on the map: its category, status and filing date, fetched from its
 * public page (the map feed carries only what a marker needs), and a link to that page.
 */
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { fetchReport } from '../feedback/feedback-api';
import { OverdueBadge, StatusBadge } from '../feedback/StatusBadge';

export function MapReportPanel({ code, onClose }: { code: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const report = useQuery({
    // Not the tracking page's key: that one may hold the reporter's own view.
    queryKey: ['feedback-public', 'report', code] as const,
    queryFn: () => fetchReport(code, null),
    retry: false,
    staleTime: 30 * 1000,
  });
  const data = report.data;
  return (
    <div className="feedback-public-map-panel">
      <h2>{t('feedbackPublic.map.selected')}</h2>
      {report.isPending ? <Loading /> : null}
      {report.error ? <Alert kind="error" error={report.error} /> : null}
      {data ? (
        <>
          <p className="feedback-public-map-panel-title">
            {locale === 'en' ? data.category.nameEn : data.category.name}
          </p>
          <dl className="facts">
            <dt>{t('feedbackPublic.map.code')}</dt>
            <dd>{data.trackingCode}</dd>
            <dt>{t('feedbackPublic.filters.status')}</dt>
            <dd>
              <StatusBadge status={data.status} /> {data.overdue ? <OverdueBadge /> : null}
            </dd>
            <dt>{t('feedbackPublic.item.submittedAt')}</dt>
            <dd>{formatDateTime(data.submittedAt, locale)}</dd>
            <dt>{t('feedbackPublic.item.place')}</dt>
            <dd>{data.commune.name}</dd>
          </dl>
          <p>
            <Link to={`/phan-anh/${encodeURIComponent(data.trackingCode)}`}>
              {t('feedbackPublic.map.open', { code: data.trackingCode })}
            </Link>
          </p>
        </>
      ) : null}
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('feedbackPublic.map.close')}
      </button>
    </div>
  );
}
