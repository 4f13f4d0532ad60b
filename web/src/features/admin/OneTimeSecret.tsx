/**
 * A secret the platform shows only once (a temporary password, an API key): printed in
 * full with a copy button, and a warning that it cannot be shown again.
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';

export function OneTimeSecret({ label, secret }: { label: string; secret: string }) {
  const { t } = useI18n();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <div className="one-time-secret">
      <dl className="secret">
        <dt>{label}</dt>
        <dd>
          <code className="secret-key" data-secret>
            {secret}
          </code>
        </dd>
      </dl>
      <p>{t('admin.secretOnce')}</p>
      <p className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('admin.copy')}
        </button>
      </p>
      <p role="status" className="copy-status">
        {copyState === 'copied' ? t('admin.copied') : null}
        {copyState === 'failed' ? t('admin.copyFailed') : null}
      </p>
    </div>
  );
}
