/**
 * A message after an action: errors are announced at once (role="alert"), confirmations
 * politely (role="status"). An ApiError is worded in the reader's language, with the
 * request id so support can find the server's log line.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ApiError } from '../api/api-error';
import { errorText } from '../api/error-text';

export function Alert({
  kind,
  error,
  children,
}: {
  kind: 'error' | 'success' | 'info';
  error?: unknown;
  children?: ReactNode;
}) {
  const { locale, t } = useI18n();
  const role = kind === 'error' ? 'alert' : 'status';
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className={`alert alert-${kind}`} role={role}>
      {error !== undefined ? <p>{errorText(error, locale, t)}</p> : null}
      {children}
      {error instanceof ApiError && error.status > 0 ? (
        <p className="alert-meta">
          {t('error.code', { code: error.code })}
          {requestId ? ` · ${requestId}` : ''}
        </p>
      ) : null}
    </div>
  );
}
