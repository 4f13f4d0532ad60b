/**
 * Open reports of the same category within 250 m: the person may follow one of them by
 * e-mail instead of filing the same problem again, or still file their own.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { followReport, nearby } from './feedback-api';
import { StatusBadge } from './StatusBadge';

interface NearbyNoticeProps {
  categoryCode: string;
  lat: number;
  lon: number;
  email: string;
}

export function NearbyNotice({ categoryCode, lat, lon, email: given }: NearbyNoticeProps) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState(given);
  const [followed, setFollowed] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const reports = useQuery({
    queryKey: ['feedback', 'nearby', categoryCode, lat, lon],
    queryFn: () => nearby(categoryCode, lat, lon),
    retry: false,
  });
  const items = reports.data?.items ?? [];
  if (items.length === 0) return null;

  const follow = async (code: string): Promise<void> => {
    setError(undefined);
    try {
      await followReport(code, email, locale);
      setFollowed(code);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="panel feedback-nearby" aria-labelledby="feedback-nearby-title">
      <h3 id="feedback-nearby-title">{t('feedback.nearby.title')}</h3>
      <p>{t('feedback.nearby.lead', { radius: reports.data?.radiusM ?? 250 })}</p>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {followed ? (
        <Alert kind="success">
          <p>{t('feedback.nearby.followed', { code: followed })}</p>
        </Alert>
      ) : null}
      <div className="field">
        <label htmlFor="feedback-nearby-email">{t('feedback.nearby.email')}</label>
        <input
          id="feedback-nearby-email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <ul className="feedback-nearby-list">
        {items.map((item) => (
          <li key={item.trackingCode}>
            <p>
              <Link to={`/phan-anh/${item.trackingCode}`}>{item.trackingCode}</Link>{' '}
              <StatusBadge status={item.status} /> ·{' '}
              {t('feedback.nearby.distance', { metres: item.distanceM })} ·{' '}
              {formatDateTime(item.submittedAt, locale)}
            </p>
            <p className="note">{item.description}</p>
            <button
              type="button"
              className="button button-secondary"
              disabled={!email.trim() || followed === item.trackingCode}
              onClick={() => void follow(item.trackingCode)}
            >
              {t('feedback.nearby.follow', { code: item.trackingCode })}
            </button>
          </li>
        ))}
      </ul>
      <p className="note">{t('feedback.nearby.stillFile')}</p>
    </section>
  );
}
