/** The console's overview: who is working, for which agency, with which rights, and where to go. */
import { Link } from 'react-router';
import { useI18n } from '../shared/i18n/i18n';
import { useSession } from '../shared/auth/session';
import { roleLabel } from '../shared/auth/roles';
import { usePageTitle } from '../shared/ui/usePageTitle';
import { ADMIN_PAGES } from './admin-pages';

export function ConsoleHome() {
  const { t } = useI18n();
  usePageTitle(t('console.title'));
  const { user } = useSession();
  if (!user) return null;

  return (
    <div className="console-home">
      <h1>{t('console.welcome', { name: user.fullName })}</h1>
      <div className="console-grid">
        <section className="panel" aria-labelledby="console-agency">
          <h2 id="console-agency">{t('console.agency')}</h2>
          {user.agency ? (
            <p>
              <strong>{user.agency.name}</strong>
              <br />
              <span className="muted">{user.agency.code}</span>
            </p>
          ) : (
            <p>{t('console.noAgency')}</p>
          )}
          <h3>{t('console.roles')}</h3>
          <ul className="tags">
            {user.roles.map((role) => (
              <li key={role}>{roleLabel(role, t)}</li>
            ))}
          </ul>
        </section>

        <section className="panel" aria-labelledby="console-shortcuts">
          <h2 id="console-shortcuts">{t('console.shortcuts')}</h2>
          <ul className="link-list">
            {user.permissions.includes('ops.view') ? (
              <li>
                <Link to="/ops">{t('console.openOps')}</Link>
              </li>
            ) : null}
            {user.permissions.includes('documents.read') ? (
              <li>
                <Link to="/console/van-ban">{t('console.openDocuments')}</Link>
              </li>
            ) : null}
            {user.permissions.includes('dossiers.read') ? (
              <li>
                <Link to="/console/ho-so">{t('dossiersConsole.openList')}</Link>
              </li>
            ) : null}
            {ADMIN_PAGES.filter((page) => user.permissions.includes(page.permission)).map(
              (page) => (
                <li key={page.to}>
                  <Link to={page.to}>{t(page.label)}</Link>
                </li>
              ),
            )}
            <li>
              <Link to="/console/account">{t('console.openAccount')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('app.apiDocs')}</a>
            </li>
          </ul>
          <h3>{t('console.sessionTitle')}</h3>
          <p>{t('console.sessionText')}</p>
        </section>

        <section className="panel" aria-labelledby="console-permissions">
          <h2 id="console-permissions">{t('console.permissions')}</h2>
          {user.permissions.length > 0 ? (
            <ul className="tags">
              {[...user.permissions].sort().map((permission) => (
                <li key={permission}>
                  <code>{permission}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('console.noPermissions')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
