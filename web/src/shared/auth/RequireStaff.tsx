/**
 * Guards the staff areas (console, ops): a signed-in staff member who passed the second
 * factor, holding `permission` when one is given. Anyone else is sent to sign in (or to the
 * MFA step) with the page they wanted as the return path, or told they lack the right.
 */
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useSession } from './session';
import { Loading } from '../ui/Loading';
import { Alert } from '../ui/Alert';
import { usePageTitle } from '../ui/usePageTitle';

export function RequireStaff({
  permission,
  children,
}: {
  permission?: string;
  children: ReactNode;
}) {
  const { session, isLoading, error } = useSession();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);

  if (isLoading) return <Loading />;
  if (error) return <Alert kind="error" error={error} />;
  if (!session) return <Navigate to={`/sign-in?next=${next}`} replace />;
  if (session.user.type !== 'staff') return <Forbidden reason="staff" />;
  if (!session.mfaPassed) {
    const step = session.user.mfaEnabled ? '/sign-in/mfa' : '/sign-in/enrol';
    return <Navigate to={`${step}?next=${next}`} replace />;
  }
  if (permission && !session.user.permissions.includes(permission)) {
    return <Forbidden reason="permission" permission={permission} />;
  }
  return <>{children}</>;
}

function Forbidden({
  reason,
  permission,
}: {
  reason: 'staff' | 'permission';
  permission?: string;
}) {
  const { t } = useI18n();
  usePageTitle(t('auth.forbiddenTitle'));
  return (
    <section className="panel narrow" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t('auth.forbiddenTitle')}</h1>
      <p>
        {reason === 'staff'
          ? t('auth.staffOnly')
          : t('auth.missingPermission', { permission: permission ?? '' })}
      </p>
      <p>
        <Link to="/">{t('auth.backHome')}</Link>
      </p>
    </section>
  );
}
