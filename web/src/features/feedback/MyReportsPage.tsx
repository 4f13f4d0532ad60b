/** `/phan-anh/cua-toi`: the reports filed from this device, and those still waiting to be sent. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { useMyReports } from './my-reports';
import { onOutboxChange, queued } from './outbox';
import type { Submission } from './submit-report';
import { TrackLookup } from './TrackLookup';
import './feedback.css';

export function MyReportsPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('feedback.mine.title'));
  const mine = useMyReports();
  const [waiting, setWaiting] = useState<Submission[]>([]);

  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    const load = (): void => {
      queued()
        .then(setWaiting)
        .catch(() => setWaiting([]));
    };
    load();
    return onOutboxChange(load);
  }, []);

  return (
    <section aria-labelledby="feedback-mine-title" className="feedback-mine">
      <h1 id="feedback-mine-title">{t('feedback.mine.title')}</h1>
      <p>
        <Link to="/phan-anh/moi" className="button">
          {t('feedback.cta')}
        </Link>
      </p>
      {waiting.length > 0 ? (
        <>
          <h2>{t('feedback.mine.waiting')}</h2>
          <ul className="feedback-mine-list">
            {waiting.map((item) => (
              <li key={item.key}>
                <span aria-hidden="true">⏳ </span>
                {item.categoryName} · {formatDateTime(item.createdAt, locale)} ·{' '}
                {t('feedback.mine.notSent')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('feedback.mine.sent')}</h2>
      {mine.length === 0 ? (
        <p className="note">{t('feedback.mine.none')}</p>
      ) : (
        <ul className="feedback-mine-list">
          {mine.map((item) => (
            <li key={item.trackingCode}>
              <Link to={`/phan-anh/${item.trackingCode}`}>{item.trackingCode}</Link> ·{' '}
              {item.categoryName} · {formatDateTime(item.submittedAt, locale)}
            </li>
          ))}
        </ul>
      )}
      <TrackLookup />
    </section>
  );
}
