/**
 * The frame of a page in any area: skip link, header, the main landmark the skip link and
 * route changes focus, and the footer.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { AreaHeader, type Area, type NavItem } from './AreaHeader';
import { OfflineNotice } from './OfflineNotice';
import { SkipLink } from './SkipLink';

export function AreaLayout({
  area,
  nav,
  children,
}: {
  area: Area;
  nav: NavItem[];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={`area area-${area}`}>
      <SkipLink />
      <AreaHeader area={area} nav={nav} />
      <OfflineNotice />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <a href="/api/docs">{t('app.apiDocs')}</a>
        </p>
      </footer>
    </div>
  );
}
