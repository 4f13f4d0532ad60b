/**
 * The registers' own navigation under the console's: the desk, outgoing and incoming
 * documents, and the two ways to start something (a draft; a paper document at the clerk's
 * desk) for those whose rights allow them.
 */
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import { currentNavTarget } from '../../shared/ui/current-nav';
import { useDesk } from './documents-api';

export const DOCUMENTS_HOME = '/console/van-ban';
export const OUTGOING_LIST = '/console/van-ban/di';
export const INCOMING_LIST = '/console/van-ban/den';
export const NEW_DRAFT = '/console/van-ban/di/moi';
export const PAPER_FORM = '/console/van-ban/den/vao-so';

export const outgoingPath = (id: string): string => `${OUTGOING_LIST}/${id}`;
export const incomingPath = (id: string): string => `${INCOMING_LIST}/${id}`;

export function DocumentsNav() {
  const { t } = useI18n();
  const desk = useDesk();
  const { pathname } = useLocation();
  const may = desk.data?.permissions;
  const items: { to: string; label: MessageKey; end?: boolean }[] = [
    { to: DOCUMENTS_HOME, label: 'documents.nav.desk', end: true },
    { to: OUTGOING_LIST, label: 'documents.nav.outgoing' },
    { to: INCOMING_LIST, label: 'documents.nav.incoming' },
    ...(may?.draft ? [{ to: NEW_DRAFT, label: 'documents.nav.newDraft' as const }] : []),
    ...(may?.clerk ? [{ to: PAPER_FORM, label: 'documents.nav.paper' as const }] : []),
  ];
  const current = currentNavTarget(items, pathname);
  return (
    <nav className="documents-nav" aria-label={t('documents.nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={item.to === current ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
