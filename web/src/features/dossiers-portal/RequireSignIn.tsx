/**
 * The citizen's dossier pages need an account: a visitor is sent to sign in and brought back
 * to the page they wanted (with its query, e.g. the payment's return). Submitting is for
 * citizens' and businesses' own accounts; staff are told so rather than shown a form the
 * platform would refuse.
 */
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useSession, type User } from '../../shared/auth/session';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';

export function RequireSignIn({
  citizensOnly = false,
  children,
}: {
  citizensOnly?: boolean;
  children: (user: User) => ReactNode;
}) {
  const { t } = useI18n();
  const { user, isLoading, error } = useSession();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (error) return <Alert kind="error" error={error} />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (citizensOnly && user.type !== 'citizen') {
    return (
      <section className="panel narrow" aria-labelledby="dossier-citizens-only">
        <h1 id="dossier-citizens-only">{t('dossiersPortal.citizensOnly.title')}</h1>
        <p>{t('dossiersPortal.citizensOnly.text')}</p>
        <p>
          <Link to="/console">{t('dossiersPortal.citizensOnly.console')}</Link>
        </p>
      </section>
    );
  }
  return <>{children(user)}</>;
}
