/**
 * Sends the queued reports when the app starts and whenever the browser comes back online,
 * and shows how many are still waiting (and any the server refused after all).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { flushOutbox, onOutboxChange, queued } from './outbox';

export function OutboxIndicator() {
  const { t } = useI18n();
  const [waiting, setWaiting] = useState(0);
  const [refused, setRefused] = useState<unknown[]>([]);

  const count = useCallback(() => {
    queued()
      .then((list) => setWaiting(list.length))
      .catch(() => setWaiting(0));
  }, []);

  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    const flush = (): void => {
      if (!navigator.onLine) return;
      flushOutbox()
        .then((result) => {
          if (result.refused.length > 0) {
            setRefused((before) => [...before, ...result.refused.map((item) => item.error)]);
          }
        })
        .catch(() => undefined);
    };
    count();
    flush();
    const stop = onOutboxChange(count);
    window.addEventListener('online', flush);
    return () => {
      stop();
      window.removeEventListener('online', flush);
    };
  }, [count]);

  return (
    <>
      <div className="feedback-outbox" role="status">
        {waiting > 0 ? (
          <p>
            <span aria-hidden="true">⏳ </span>
            {t('feedback.outbox.waiting', { count: waiting })}{' '}
            <Link to="/phan-anh/cua-toi">{t('feedback.mine.title')}</Link>
          </p>
        ) : null}
      </div>
      {refused.map((error, index) => (
        <Alert key={index} kind="error" error={error}>
          <p>{t('feedback.outbox.refused')}</p>
        </Alert>
      ))}
    </>
  );
}
