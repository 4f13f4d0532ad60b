import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n';

function subscribe(callback: () => void): () => void {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

/** Tells people when the device has no network, so failed actions are not a mystery. */
export function OfflineNotice() {
  const { t } = useI18n();
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  if (online) return null;
  return (
    <p className="offline-notice" role="status">
      {t('app.offline')}
    </p>
  );
}
