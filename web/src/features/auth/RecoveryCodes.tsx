/**
 * The ten recovery codes, shown once right after the authenticator is set up, with a copy
 * button and a plain-text download so they can be kept somewhere safe.
 */
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useI18n();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const text = `${t('auth.recoveryFileHeader')}\n\n${codes.join('\n')}\n`;
  const downloadUrl = useMemo(
    () => URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' })),
    [text],
  );
  useEffect(() => () => URL.revokeObjectURL(downloadUrl), [downloadUrl]);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <section aria-labelledby="recovery-title" className="recovery">
      <h2 id="recovery-title">{t('auth.recoveryTitle')}</h2>
      <p>{t('auth.recoveryLead')}</p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('auth.recoveryCopy')}
        </button>
        <a
          className="button button-secondary"
          href={downloadUrl}
          download="tinhso-recovery-codes.txt"
        >
          {t('auth.recoveryDownload')}
        </a>
      </p>
      <p role="status" className="copy-status">
        {copyState === 'copied' ? t('auth.recoveryCopied') : null}
        {copyState === 'failed' ? t('auth.recoveryCopyFailed') : null}
      </p>
    </section>
  );
}
