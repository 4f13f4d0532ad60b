import { useI18n } from '../i18n/i18n';

/** A polite "loading" line for screen readers and a spinner for everyone else. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}
