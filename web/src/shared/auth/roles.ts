/** Names of the platform's built-in roles in the reader's language; other roles show as named. */
import type { MessageKey } from '../i18n/translate';

const ROLE_LABELS: Record<string, MessageKey> = {
  citizen: 'role.citizen',
  officer: 'role.officer',
  agency_admin: 'role.agency_admin',
  province_admin: 'role.province_admin',
  operator: 'role.operator',
};

export function roleLabel(role: string, t: (key: MessageKey) => string): string {
  const key = ROLE_LABELS[role];
  return key ? t(key) : role;
}
