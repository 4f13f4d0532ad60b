/** The console's administration pages and the permission each needs (the server's names). */
import type { MessageKey } from '../shared/i18n/translate';

export interface AdminPage {
  to: string;
  label: MessageKey;
  permission: string;
}

export const ADMIN_PAGES: readonly AdminPage[] = [
  { to: '/console/users', label: 'nav.users', permission: 'users.manage' },
  { to: '/console/api-keys', label: 'nav.apiKeys', permission: 'api_keys.manage' },
  { to: '/console/audit', label: 'nav.audit', permission: 'audit.read' },
  { to: '/console/system', label: 'nav.system', permission: 'events.manage' },
  { to: '/console/calendar', label: 'nav.calendar', permission: 'calendar.manage' },
  { to: '/console/trust', label: 'nav.trust', permission: 'signing.manage' },
  { to: '/console/thu-tuc', label: 'nav.procedures', permission: 'dossiers.catalog' },
];
