/**
 * The header every area shares: the province and product names, the area's navigation,
 * the language switch and the signed-in person (or a sign-in link). Staff who passed MFA
 * also get links between the three areas.
 */
import { Link, NavLink, useLocation } from 'react-router';
import { currentNavTarget } from './current-nav';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/translate';
import { staffReady, useSession } from '../auth/session';
import { useSignOut } from '../auth/useSignOut';
import { LanguageSwitch } from './LanguageSwitch';

export type Area = 'portal' | 'console' | 'ops';

export interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

const AREAS: { area: Area; to: string; label: MessageKey }[] = [
  { area: 'portal', to: '/', label: 'area.portal' },
  { area: 'console', to: '/console', label: 'area.console' },
  { area: 'ops', to: '/ops', label: 'area.ops' },
];

export function AreaHeader({ area, nav }: { area: Area; nav: NavItem[] }) {
  const { t } = useI18n();
  const { session, user } = useSession();
  const signOut = useSignOut();
  const home = AREAS.find((candidate) => candidate.area === area)?.to ?? '/';
  // One current entry: the deepest that covers the address (a link to a page below another
  // entry's page would otherwise light both up).
  const current = currentNavTarget(nav, useLocation().pathname);

  return (
    <header className="site-header">
      <div className="site-header-row">
        <Link to={home} className="brand">
          <img src="/icons/icon.svg" alt="" width={40} height={40} />
          <span className="brand-text">
            <span className="brand-province">{t('app.province')}</span>
            <span className="brand-product">
              {t('app.name')}
              {area !== 'portal' ? (
                <span className="brand-area"> · {t(`area.${area}`)}</span>
              ) : null}
            </span>
          </span>
        </Link>
        <div className="header-tools">
          <LanguageSwitch />
          {user ? (
            <div className="user-menu" role="group" aria-label={t('app.userMenu')}>
              <Link
                to={area === 'console' ? '/console/account' : '/account'}
                className="user-name"
                aria-label={t('app.signedInAs', { name: user.fullName })}
              >
                {user.fullName}
              </Link>
              <button type="button" className="button button-quiet" onClick={() => void signOut()}>
                {t('app.signOut')}
              </button>
            </div>
          ) : (
            <Link to="/sign-in" className="button button-quiet">
              {t('app.signIn')}
            </Link>
          )}
        </div>
      </div>
      <div className="site-header-row site-nav-row">
        <nav aria-label={t('app.mainNav')} className="site-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item.to === current ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {staffReady(session) ? (
          <nav aria-label={t('app.areaNav')} className="area-nav">
            <ul>
              {AREAS.map((candidate) => (
                <li key={candidate.area}>
                  <NavLink to={candidate.to} end={candidate.area === 'portal'}>
                    {t(candidate.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
