import { useI18n } from '../i18n/i18n';

/** The first focusable element of every page: jumps over the header to the content. */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const { t } = useI18n();
  return (
    <a className="skip-link" href={`#${target}`}>
      {t('app.skipToContent')}
    </a>
  );
}
