import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <section className="panel narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={home}>{t('auth.backHome')}</Link>
      </p>
    </section>
  );
}
